//! `machine-target.json`: `query-cpu-definitions` and
//! `query-cpu-model-expansion` over the CPU model data.

use std::collections::HashMap;

use qapi_defs::qemu::QemuConfig;
use qapi_defs::sym;
use qapi_defs::{
    CpuDefinitionInfo, CpuModelExpansionInfo, CpuModelExpansionType, CpuModelInfo,
    query_cpu_definitions, query_cpu_model_expansion,
};
use qapi_runtime::{Error, Handlers, Value};

use crate::emulator::cpus::{self, CpuDef, ExpansionKind};
use crate::emulator::types::TypeTable;
use crate::kvm::{self, x86};
use crate::machine::NoneMachine;

/// The CPU families whose QMP code differs (`target/*/`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    X86,
    S390x,
    Arm,
    Riscv,
    LoongArch,
    Ppc,
    Other,
}

fn family(cfg: &QemuConfig) -> Family {
    let has = |s| cfg.is_defined(&s);
    if has(sym::TARGET_I386) {
        Family::X86
    } else if has(sym::TARGET_S390X) {
        Family::S390x
    } else if has(sym::TARGET_ARM) {
        Family::Arm
    } else if has(sym::TARGET_RISCV) {
        Family::Riscv
    } else if has(sym::TARGET_LOONGARCH64) {
        Family::LoongArch
    } else if has(sym::TARGET_PPC) {
        Family::Ppc
    } else {
        Family::Other
    }
}

/// `X86CPUClass.ordering`: `max` 9, `host` and `base` 8, the rest 0.
fn x86_ordering(name: &str) -> u8 {
    match name {
        "max" => 9,
        "host" | "base" => 8,
        _ => 0,
    }
}

pub fn register(h: &mut Handlers<NoneMachine>) {
    h.add::<query_cpu_definitions>(|m, _| {
        let table = TypeTable::new(&m.config, &m.modules);
        // Models in the type table's order (object_class_get_list, then
        // prepended once more by the list builder).
        let index: HashMap<&str, usize> =
            table.iter().enumerate().map(|(i, t)| (t.name, i)).collect();
        let pos = |ty: &str| index.get(ty).copied().unwrap_or(usize::MAX);
        let mut models: Vec<&CpuDef> = cpus::models(&m.config).collect();
        match family(&m.config) {
            // get_sorted_cpu_model_list sorts by (ordering, name); the
            // entries are prepended, so the reply is descending.
            Family::X86 => models.sort_by(|a, b| {
                (x86_ordering(b.name), b.name).cmp(&(x86_ordering(a.name), a.name))
            }),
            // object_class_foreach with prepending: reversed table order.
            Family::S390x => models.sort_by_key(|c| std::cmp::Reverse(pos(c.typename))),
            // The models in table order (named by type, without
            // typename), after the alias table prepended entry by entry.
            Family::Ppc => {
                let suffix = if m.config.is_defined(&sym::TARGET_PPC64) {
                    "-powerpc64-cpu"
                } else {
                    "-powerpc-cpu"
                };
                models.sort_by_cached_key(|c| {
                    if c.typename.is_empty() {
                        (1, pos(&format!("{}{suffix}", c.name)))
                    } else {
                        (0, usize::from(c.alias_rank))
                    }
                })
            }
            _ => models.sort_by_key(|c| pos(c.typename)),
        }
        // Under KVM, x86 models lack what the host's KVM lacks.
        let kvm_supported = (family(&m.config) == Family::X86 && m.kvm_enabled())
            .then(kvm::get)
            .flatten()
            .map(|k| x86::supported(k.host(), m.config.is_defined(&sym::TARGET_X86_64)));
        Ok(models
            .into_iter()
            .map(|c| CpuDefinitionInfo {
                name: c.name.to_owned(),
                migration_safe: c.migration_safe,
                r#static: c.static_,
                unavailable_features: match &kvm_supported {
                    Some(supported) => kvm_unavailable(&m.config, c, supported),
                    None => c
                        .unavailable
                        .map(|u| u.iter().map(|s| (*s).to_owned()).collect()),
                },
                typename: c.typename.to_owned(),
                alias_of: c.alias_of.map(str::to_owned),
                deprecated: c.deprecated,
            })
            .collect())
    });
    h.add::<query_cpu_model_expansion>(|m, args| {
        let fam = family(&m.config);
        let kind = match args.r#type {
            CpuModelExpansionType::Static => ExpansionKind::Static,
            CpuModelExpansionType::Full => ExpansionKind::Full,
        };
        let unsupported = match fam {
            Family::Arm | Family::Riscv => kind == ExpansionKind::Static,
            Family::LoongArch => kind == ExpansionKind::Full,
            _ => false,
        };
        if unsupported {
            return Err(Error::generic(
                "The requested expansion type is not supported",
            ));
        }
        let name = args.model.name.as_str();
        let Some(model) = cpus::find(&m.config, name) else {
            return Err(Error::generic(match fam {
                Family::X86 => format!("CPU model '{name}' not found"),
                Family::S390x => format!("The CPU definition '{name}' is unknown."),
                Family::Arm if name == "host" => "The CPU type 'host' requires KVM".to_owned(),
                Family::Arm => format!("The CPU type '{name}' is not a recognized ARM CPU type"),
                Family::Riscv => format!("The CPU type '{name}' is not a known RISC-V CPU type"),
                Family::LoongArch => {
                    format!("The CPU type '{name}' is not a recognized LoongArch CPU type")
                }
                _ => format!("The CPU type '{name}' is not a recognized CPU type"),
            }));
        };
        let props = match &args.model.props {
            None => None,
            Some(Value::Dict(d)) => Some(d),
            Some(_) => {
                return Err(Error::generic(
                    "Invalid parameter type for 'model.props', expected: object",
                ));
            }
        };
        // Properties are applied in the order given; the first one the
        // model lacks fails.  Each sets its own key of the expansion
        // (`migratable` on x86's max and host picks the other expansion);
        // features that imply others are not modelled.
        let has_migratable = fam == Family::X86 && matches!(model.name, "max" | "host");
        // The model's properties: those of its full expansion (its static
        // one where only that exists).
        let known = cpus::expansion(&m.config, model.name, ExpansionKind::Full, false)
            .or_else(|| cpus::expansion(&m.config, model.name, ExpansionKind::Static, false));
        let mut unmigratable = false;
        let mut set: Vec<(&str, &Value)> = Vec::new();
        for (k, v) in props.into_iter().flat_map(|d| d.iter()) {
            let is_known = known.is_some_and(|e| e.keys.contains(&k));
            if matches!(fam, Family::Arm | Family::LoongArch) && !is_known {
                // These visit `props` as a dictionary of known keys.
                return Err(Error::generic(format!(
                    "Parameter 'model.props.{k}' is unexpected"
                )));
            }
            if k == "migratable" && has_migratable {
                match v {
                    Value::Bool(b) => unmigratable = !b,
                    _ => return Err(expected(k, "boolean")),
                }
            } else if is_known {
                set.push((k, v));
            } else {
                return Err(Error::generic(format!(
                    "Property '{}.{k}' not found",
                    model.typename
                )));
            }
        }
        let exp = cpus::expansion(&m.config, model.name, kind, unmigratable)
            .or_else(|| cpus::expansion(&m.config, model.name, kind, false))
            .ok_or_else(|| {
                Error::generic(format!(
                    "The expansion of CPU model '{name}' is not implemented by this emulator"
                ))
            })?;
        if let Some(e) = exp.error {
            return Err(Error::generic(e));
        }
        let mut props = exp.props();
        if fam == Family::X86 && m.kvm_enabled() && kvm::get().is_some() {
            kvm_expansion(&m.config, model.name, unmigratable, &mut props);
        }
        let old_mins: Vec<Option<u64>> = LEVELS
            .iter()
            .map(|(min, _)| props.get(min).and_then(Value::as_u64))
            .collect();
        for &(k, v) in &set {
            if let Some(slot) = props.get_mut(k) {
                if slot.qtype() != v.qtype() {
                    return Err(match slot {
                        Value::Bool(_) => expected(k, "boolean"),
                        _ => Error::generic(format!(
                            "Setting '{k}' to a {:?} in query-cpu-model-expansion is not implemented by this emulator",
                            v.qtype()
                        )),
                    });
                }
                *slot = v.clone();
            }
        }
        if fam == Family::X86 && !set.is_empty() {
            x86_follow_props(&mut props, &set, &old_mins);
        }
        let info = CpuModelExpansionInfo {
            model: CpuModelInfo {
                name: exp.name.to_owned(),
                // An empty property set is left out.
                props: (!props.is_empty()).then_some(Value::Dict(props)),
            },
            deprecated_props: exp
                .deprecated
                .map(|d| d.iter().map(|s| (*s).to_owned()).collect())
                .unwrap_or_default(),
        };
        // `deprecated-props` exists on s390x only: its `if` keeps it off
        // the wire elsewhere.
        Ok(info)
    });
}

/// `x86_cpu_class_check_missing_features` under KVM: `host` and `max`
/// take their features from KVM itself; the others' features are their
/// static expansion (under TCG) adjusted for KVM.
fn kvm_unavailable(cfg: &QemuConfig, c: &CpuDef, supported: &x86::Features) -> Option<Vec<String>> {
    if matches!(c.name, "host" | "max") {
        return Some(Vec::new());
    }
    let Some(exp) = cpus::expansion(cfg, c.name, ExpansionKind::Static, false) else {
        return c
            .unavailable
            .map(|u| u.iter().map(|s| (*s).to_owned()).collect());
    };
    Some(x86::unavailable(
        &x86::kvm_features(c.name, exp.on()),
        supported,
    ))
}

/// A named model's expansion under KVM: the TCG expansion with what
/// KVM changes in its features (see [`x86::kvm_features`]), the host's
/// vendor, and `min-xlevel` without `svm`.  `host` and `max` (the host's
/// own CPU) and `base` (no model) are left as they are.
fn kvm_expansion(
    cfg: &QemuConfig,
    model: &str,
    unmigratable: bool,
    props: &mut qapi_runtime::Dict,
) {
    if matches!(model, "host" | "max") {
        if let Some(k) = kvm::get() {
            host_expansion(cfg, k, unmigratable, props);
        }
        return;
    }
    if model == "base" {
        return;
    }
    let Some(stat) = cpus::expansion(cfg, model, ExpansionKind::Static, false) else {
        return;
    };
    let tcg = x86::tcg_features(stat.on());
    let kvm = x86::kvm_features(model, stat.on());
    let keys: Vec<String> = props.keys().map(str::to_owned).collect();
    for k in keys {
        let (Some(before), Some(after)) =
            (x86::feature_value(&tcg, &k), x86::feature_value(&kvm, &k))
        else {
            continue;
        };
        if before != after
            && let Some(slot @ Value::Bool(_)) = props.get_mut(&k)
        {
            *slot = Value::Bool(after);
        }
    }
    if let Some(slot @ Value::Str(_)) = props.get_mut("vendor") {
        *slot = Value::Str(kvm::host_vendor());
    }
    // `svm` raised the levels to 0x8000000A under TCG.
    if x86::has(&tcg, "svm")
        && let Some(level) = x86::xlevel_without_svm(model)
    {
        for key in ["min-xlevel", "xlevel"] {
            if let Some(slot) = props.get_mut(key)
                && slot.as_u64() == Some(0x8000_000A)
            {
                *slot = Value::from(i64::from(level));
            }
        }
    }
}

/// `host` and `max` under KVM: the host's CPU (`kvm_cpu_max_instance_init`)
/// with every feature KVM supports, over the keys of the TCG expansion.
fn host_expansion(
    cfg: &QemuConfig,
    k: &kvm::Kvm,
    unmigratable: bool,
    props: &mut qapi_runtime::Dict,
) {
    let supported = x86::supported(k.host(), cfg.is_defined(&sym::TARGET_X86_64));
    let f = x86::max_features(&supported, !unmigratable);
    let keys: Vec<String> = props.keys().map(str::to_owned).collect();
    for key in keys {
        if let Some(on) = x86::feature_value(&f, &key)
            && let Some(slot @ Value::Bool(_)) = props.get_mut(&key)
        {
            *slot = Value::Bool(on);
        }
    }
    let (family, model, stepping, model_id) = kvm::host_fms_model_id();
    let min_level = x86::supported_cpuid(k.host(), 0, 0, x86::Reg::Eax);
    let min_xlevel = x86::supported_cpuid(k.host(), 0x8000_0000, 0, x86::Reg::Eax);
    // The levels start at KVM's and nothing raises them further; leaf
    // 7's subleaf count follows its feature words.
    let ints: [(&str, u32); 8] = [
        ("family", family),
        ("model", model),
        ("stepping", stepping),
        ("min-level", min_level),
        ("min-xlevel", min_xlevel),
        ("level", min_level),
        ("xlevel", min_xlevel),
        ("level-func7", x86::level_func7(&f)),
    ];
    for (key, v) in ints {
        if let Some(slot) = props.get_mut(key) {
            *slot = Value::from(i64::from(v));
        }
    }
    if let Some(slot @ Value::Bool(_)) = props.get_mut("host-phys-bits") {
        *slot = Value::Bool(true);
    }
    for (key, v) in [("vendor", kvm::host_vendor()), ("model-id", model_id)] {
        if let Some(slot) = props.get_mut(key) {
            *slot = Value::Str(v);
        }
    }
}

/// The x86 level properties and the `min-` ones that raise them.
const LEVELS: [(&str, &str); 3] = [
    ("min-level", "level"),
    ("min-xlevel", "xlevel"),
    ("min-xlevel2", "xlevel2"),
];

/// What x86 properties set by the request imply for the others: a
/// feature's other spellings follow it, a level left to its minimum
/// follows a new minimum, and `level-func7` follows leaf 7's features.
fn x86_follow_props(
    props: &mut qapi_runtime::Dict,
    set: &[(&str, &Value)],
    old_mins: &[Option<u64>],
) {
    for &(k, v) in set {
        if let (Some(c), Value::Bool(_)) = (x86::canonical(k), v)
            && c != k
            && let Some(slot @ Value::Bool(_)) = props.get_mut(c)
        {
            *slot = v.clone();
        }
    }
    let f = x86::tcg_features(
        props
            .iter()
            .filter(|(k, v)| matches!(v, Value::Bool(true)) && x86::canonical(k) == Some(*k))
            .map(|(k, _)| k),
    );
    let keys: Vec<String> = props.keys().map(str::to_owned).collect();
    for k in &keys {
        if let Some(c) = x86::canonical(k)
            && c != k
            && let Some(slot @ Value::Bool(_)) = props.get_mut(k)
        {
            *slot = Value::Bool(x86::has(&f, c));
        }
    }
    for ((min, level), old) in LEVELS.iter().zip(old_mins) {
        if !set.iter().any(|(k, _)| k == min) {
            continue;
        }
        let new = props.get(min).cloned();
        if let Some(slot) = props.get_mut(level)
            && slot.as_u64() == *old
            && let Some(new) = new
        {
            *slot = new;
        }
    }
    if let Some(slot) = props.get_mut("level-func7")
        && let Some(cur) = slot.as_u64()
    {
        let want = u64::from(x86::level_func7(&f));
        if want > cur {
            *slot = Value::from(i64::try_from(want).unwrap_or(0));
        }
    }
}

/// QERR_INVALID_PARAMETER_TYPE of the visitor over `model.props`.
fn expected(name: &str, ty: &str) -> Error {
    Error::generic(format!(
        "Invalid parameter type for 'model.props.{name}', expected: {ty}"
    ))
}
