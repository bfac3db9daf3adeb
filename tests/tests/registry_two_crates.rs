//! The registry across two crates and two configurations: entities of both
//! crates are ordered by their program's module list, numbered once over
//! everything, and
//! each configuration keeps exactly the items whose condition holds.  The
//! expected replies were worked out by hand from QEMU's algorithm.

use qapi_fixture_b::{FIXTURES, FIXTURES_REVERSED};
use qapi_runtime::introspect::Schema;
use qapi_runtime::{Config, Identity, Registry};

fn lines(cfg: &Config) -> Vec<String> {
    let reg = Registry::of(&FIXTURES).expect("registry");
    Schema::compute(reg)
        .resolve(cfg)
        .iter()
        .map(|v| String::from_utf8(qapi_runtime::json::to_vec(v)).unwrap())
        .collect()
}

#[test]
fn order_follows_the_program_module_list() {
    let reg = Registry::of(&FIXTURES).unwrap();
    let names: Vec<&str> = reg.entities().iter().map(|e| e.name).collect();
    assert_eq!(
        names,
        [
            "Point",
            "Mode",
            "get-point",
            "a-only",
            "Line",
            "get-line",
            "LINE_DRAWN",
            "b-s390x"
        ]
    );
}

#[test]
fn another_program_orders_the_same_definitions_its_way() {
    let reg = Registry::of(&FIXTURES_REVERSED).unwrap();
    let names: Vec<&str> = reg.entities().iter().map(|e| e.name).collect();
    assert_eq!(
        names,
        [
            "Line",
            "get-line",
            "LINE_DRAWN",
            "b-s390x",
            "Point",
            "Mode",
            "get-point",
            "a-only"
        ]
    );
    // Two programs are linked: the global registry does not guess.
    assert_eq!(
        Registry::global().err().map(|e| e.to_string()).as_deref(),
        Some(
            "several programs are linked (FIXTURES, FIXTURES_REVERSED); build the \
             registry of one with `Registry::of(&PROGRAM)`"
        )
    );
}

#[test]
fn with_the_first_crate_symbol() {
    let cfg = Config::new(Identity::default())
        .with_defined(["FIXTURE_A"])
        .unwrap();
    assert_eq!(
        lines(&cfg),
        [
            r#"{"name": "get-point", "ret-type": "1", "meta-type": "command", "arg-type": "0"}"#,
            r#"{"name": "a-only", "ret-type": "0", "meta-type": "command", "arg-type": "0"}"#,
            r#"{"name": "get-line", "ret-type": "2", "meta-type": "command", "arg-type": "0"}"#,
            r#"{"name": "LINE_DRAWN", "meta-type": "event", "arg-type": "2"}"#,
            r#"{"name": "0", "members": [], "meta-type": "object"}"#,
            r#"{"name": "1", "members": [{"name": "x", "type": "int"}, {"name": "y", "default": null, "type": "int"}], "meta-type": "object"}"#,
            r#"{"name": "2", "members": [{"name": "from", "type": "1"}, {"name": "to", "type": "1"}, {"name": "mode", "type": "3"}], "meta-type": "object"}"#,
            r#"{"name": "[1]", "element-type": "1", "meta-type": "array"}"#,
            r#"{"name": "int", "json-type": "int", "meta-type": "builtin"}"#,
            r#"{"name": "3", "members": [{"name": "fast"}, {"name": "slow"}], "meta-type": "enum", "values": ["fast", "slow"]}"#,
            r#"{"name": "bool", "json-type": "boolean", "meta-type": "builtin"}"#,
        ]
    );
}

#[test]
fn with_the_second_crate_symbol() {
    let cfg = Config::new(Identity::default())
        .with_defined(["FIXTURE_B"])
        .unwrap();
    assert_eq!(
        lines(&cfg),
        [
            r#"{"name": "get-point", "ret-type": "1", "meta-type": "command", "arg-type": "0"}"#,
            r#"{"name": "get-line", "ret-type": "2", "meta-type": "command", "arg-type": "0"}"#,
            r#"{"name": "LINE_DRAWN", "meta-type": "event", "arg-type": "2"}"#,
            r#"{"name": "b-s390x", "ret-type": "[1]", "meta-type": "command", "arg-type": "0"}"#,
            r#"{"name": "0", "members": [], "meta-type": "object"}"#,
            r#"{"name": "1", "members": [{"name": "x", "type": "int"}, {"name": "y", "default": null, "type": "int"}], "meta-type": "object"}"#,
            r#"{"name": "2", "members": [{"name": "from", "type": "1"}, {"name": "to", "type": "1"}, {"name": "mode", "type": "3"}, {"name": "extra", "default": null, "type": "bool"}], "meta-type": "object"}"#,
            r#"{"name": "[1]", "element-type": "1", "meta-type": "array"}"#,
            r#"{"name": "int", "json-type": "int", "meta-type": "builtin"}"#,
            r#"{"name": "3", "members": [{"name": "fast"}], "meta-type": "enum", "values": ["fast"]}"#,
            r#"{"name": "bool", "json-type": "boolean", "meta-type": "builtin"}"#,
        ]
    );
}

#[test]
fn crate_symbols_are_registered() {
    assert!(Registry::symbols().any(|s| s.name == "FIXTURE_A"));
    assert!(Registry::symbols().any(|s| s.name == "FIXTURE_B"));
}

#[test]
fn undeclared_symbols_are_refused() {
    let err = Config::new(Identity::default())
        .with_defined(["FIXTURE_A", "FIXTURE_C"])
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "condition symbol 'FIXTURE_C' is not declared by any linked schema crate \
         (declare it with `qapi_runtime::symbols!`)"
    );
}
