//! The machine (`qemu_create_machine`, then `qemu_apply_machine_options`):
//! this emulator has `-machine none` only; its properties are checked and
//! kept for the machine object.

use qapi_defs::qemu::QemuConfig;
use qapi_runtime::{Dict, Value};

use super::{CliError, Reporter, keyval, unsupported};

/// The `none-machine` properties settable with `-machine`: booleans and
/// strings; the structured ones are refused.
const MACHINE_BOOLS: &[&str] = &[
    "dump-guest-core",
    "mem-merge",
    "aux-ram-share",
    "usb",
    "graphics",
    "suppress-vmdesc",
];
const MACHINE_STRINGS: &[&str] = &[
    "shim",
    "initrd",
    "append",
    "dtb",
    "dumpdtb",
    "dt-compatible",
    "firmware",
    "memory-encryption",
];
const MACHINE_OTHERS: &[&str] = &[
    "kernel",
    "boot",
    "smp",
    "smp-cache",
    "phandle-start",
    "memory",
    "memory-backend",
    "confidential-guest-support",
];

/// What `-machine` set: the accelerators of `accel=`, and the properties
/// in the order QEMU applies them (QDict order).
pub(super) struct MachineSettings {
    pub accel: Option<String>,
    pub props: Vec<(String, Value)>,
}

pub(super) fn machine_settings(
    r: &Reporter,
    config: &QemuConfig,
    mut machine: Dict,
) -> Result<MachineSettings, CliError> {
    let has = |s: &str| config.defined().any(|d| d == s);
    let mut props = Vec::new();
    let accel_prop = match machine.remove("accel") {
        Some(Value::Str(s)) => Some(s),
        Some(_) => return Err(r.plain("Invalid parameter type for 'accel', expected: string")),
        None => None,
    };
    match machine.remove("type") {
        None => {}
        Some(Value::Str(t)) if t == "none" => {}
        Some(Value::Str(t)) => {
            return Err(r.plain(format!(
                "unsupported machine type: \"{t}\"\nUse -machine help to list supported machines"
            )));
        }
        Some(_) => return Err(r.plain("Invalid parameter type for 'type', expected: string")),
    }
    let keys: Vec<&str> = machine.keys().collect();
    for i in qapi_runtime::json::qdict_order::order(keys.iter().copied()) {
        let (k, v) = &machine.entries()[i];
        let k = k.as_str();
        let posix_only = k == "aux-ram-share" && !has("CONFIG_POSIX");
        if MACHINE_BOOLS.contains(&k) && !posix_only {
            let b = match v {
                Value::Str(s) => keyval::parse_bool(s),
                _ => None,
            };
            match (b, v) {
                (Some(b), _) => props.push((k.to_owned(), Value::Bool(b))),
                (None, Value::Dict(_)) => {
                    return Err(r.plain(format!(
                        "Invalid parameter type for '{k}', expected: boolean"
                    )));
                }
                (None, _) => return Err(r.plain(format!("Parameter '{k}' expects 'on' or 'off'"))),
            }
        } else if MACHINE_STRINGS.contains(&k) {
            match v {
                Value::Str(s) => props.push((k.to_owned(), Value::Str(s.clone()))),
                _ => {
                    return Err(r.plain(format!(
                        "Invalid parameter type for '{k}', expected: string"
                    )));
                }
            }
        } else if k == "kernel" {
            return Err(r.plain(
                "The -kernel parameter is not supported (use the generic 'loader' device instead).",
            ));
        } else if k == "memory" && !matches!(v, Value::Dict(_)) {
            return Err(r.plain("Parameter 'memory' used inconsistently"));
        } else if matches!(k, "boot" | "smp") && !matches!(v, Value::Dict(_)) {
            return Err(r.plain(format!(
                "Invalid parameter type for '{k}', expected: object"
            )));
        } else if MACHINE_OTHERS.contains(&k) {
            return Err(unsupported(
                r,
                &format!("-machine {k}=..."),
                &format!("the machine property '{k}'"),
            ));
        } else {
            return Err(r.plain(format!("Property 'none-machine.{k}' not found")));
        }
    }
    Ok(MachineSettings {
        accel: accel_prop,
        props,
    })
}
