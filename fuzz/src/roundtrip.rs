//! The conversions of every QAPI type of qapi-defs, for the
//! `serde_roundtrip` target (and the seeder, which needs its order).

use std::collections::HashSet;
use std::sync::LazyLock;

use qapi_runtime::desc::TypeRef;
use qapi_runtime::visit::input::check_value;
use qapi_runtime::{QapiType, Registry, Value};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::{TRACE, all_finite, strict_eq, unordered_eq};

/// One type: its QAPI name, descriptor and the checks of [`run`].
pub struct Case {
    pub name: String,
    pub ty: &'static TypeRef,
    pub run: fn(Value),
}

fn case<T: QapiType + Serialize + DeserializeOwned>() -> Case {
    Case {
        name: T::TYPE.name(),
        ty: T::TYPE,
        run: run::<T>,
    }
}

fn depth(v: &Value) -> usize {
    match v {
        Value::List(l) => 1 + l.iter().map(depth).max().unwrap_or(0),
        Value::Dict(d) => 1 + d.iter().map(|(_, v)| depth(v)).max().unwrap_or(0),
        _ => 0,
    }
}

/// serde_json refuses to nest deeper than 128.
fn serde_json_can(v: &Value) -> bool {
    all_finite(v) && depth(v) < 120
}

/// The invariants of the target for one value of type `T`.
pub fn run<T: QapiType + Serialize + DeserializeOwned>(v: Value) {
    let name = T::TYPE.name();
    if serde_json_can(&v) {
        let text = serde_json::to_string(&v).expect("Value serialises");
        let back: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("Value {v:?} as {text} does not read back: {e}"));
        assert!(strict_eq(&v, &back), "Value {v:?} came back as {back:?}");
    }
    let checked = check_value(T::TYPE, v.clone(), None);
    if *TRACE {
        match &checked {
            Ok(c) => eprintln!("{name}: {v:?} checks as {c:?}"),
            Err(e) => eprintln!("{name}: {v:?} fails the check: {}", e.desc),
        }
    }
    let checked = match checked {
        Ok(c) => c,
        Err(_) => {
            // Unchecked input: a plain error, never a panic.
            let _ = T::from_value(v);
            return;
        }
    };
    let t = T::from_value(checked.clone())
        .unwrap_or_else(|e| panic!("{name}: {checked:?} passed the check, from_value: {e}"));
    let back = t.to_value();
    assert!(
        unordered_eq(&back, &checked),
        "{name}: checked {checked:?}, to_value gives {back:?}"
    );
    let again = check_value(T::TYPE, back.clone(), None)
        .unwrap_or_else(|e| panic!("{name}: to_value {back:?} fails the check: {e}"));
    assert!(
        unordered_eq(&again, &back),
        "{name}: check of {back:?} changed it to {again:?}"
    );
    if serde_json_can(&back) {
        let text = serde_json::to_string(&t).expect("serialises");
        let t2: T = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{name}: {text} does not deserialise: {e}"));
        let back2 = t2.to_value();
        assert!(
            unordered_eq(&back2, &back),
            "{name}: serde_json round trip of {back:?} gives {back2:?}"
        );
    }
}

/// Every type, named ones first (registry order is not needed: the
/// order of `types.rs`), without repeats.
pub static CASES: LazyLock<Vec<Case>> = LazyLock::new(|| {
    macro_rules! type_cases {
        ($($t:ty),* $(,)?) => { vec![$(case::<$t>()),*] };
    }
    macro_rules! command_cases {
        ($($c:ty),* $(,)?) => { vec![$(case::<<$c as qapi_runtime::Command>::Args>()),*] };
    }
    let mut all: Vec<Case> = crate::qapi_types!(type_cases);
    all.extend(crate::qapi_commands!(command_cases));
    // Commands with a named argument type, or none, repeat a type.
    let mut seen = HashSet::new();
    all.retain(|c| seen.insert(c.name.clone()));

    // Every type of the registry must be covered.
    let registry = Registry::of(&qapi_defs::QEMU_SYSTEM).expect("registry");
    let mut want: Vec<String> = registry
        .entities()
        .iter()
        .filter(|e| e.is_type())
        .map(|e| e.name.to_owned())
        .collect();
    want.extend(
        registry
            .commands()
            .filter_map(|c| c.as_command().and_then(|d| d.args).map(TypeRef::name)),
    );
    let missing: Vec<&String> = want.iter().filter(|n| !seen.contains(*n)).collect();
    assert!(
        missing.is_empty(),
        "types missing from fuzz/src/types.rs (run fuzz/gen-types.py): {missing:?}"
    );
    all
});
