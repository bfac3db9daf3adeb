//! `device_add` (`gen: false`): QEMU hands the raw arguments dictionary to
//! `qdev_device_add_from_qdict` (system/qdev-monitor.c), which checks the
//! driver, then the bus, then asks the machine to take the device.  An
//! empty machine has no bus but the main system bus, which takes nothing
//! `device_add` can plug, and no hotplug handler: every request fails,
//! each as QEMU fails it.  The id and the properties are looked at only
//! once a device exists, so never here.

use qapi_defs::device_add;
use qapi_runtime::{Error, Handlers, Value};

use crate::emulator::plug::{Plug, plug_of, typename_by_alias};
use crate::emulator::types::TypeTable;
use crate::machine::NoneMachine;

/// The main system bus: its name, and its type as errors show it.
const SYSBUS_NAME: &str = "main-system-bus";
const SYSBUS_TYPE: &str = "System";

pub fn register(h: &mut Handlers<NoneMachine>) {
    h.add_raw::<device_add>(|m, args| {
        // from_json: only string members count (qdict_get_try_str).
        let get = |k: &str| {
            args.as_dict()
                .and_then(|d| d.get(k))
                .and_then(Value::as_str)
        };
        let Some(driver) = get("driver") else {
            return Err(Error::generic("Parameter 'driver' is missing"));
        };
        let table = TypeTable::new(&m.config, &m.modules);
        let (driver, plug) = device_class(&table, m.config.target.name, driver)?;
        m.modules.load_for_type(driver);
        let Some(plug) = plug else {
            // A device type the collected facts lack: QEMU would go on.
            return Err(Error::generic(format!(
                "The command device_add is not implemented by this emulator for '{driver}'"
            )));
        };
        if let Some(path) = get("bus") {
            find_bus(path)?;
            return Err(Error::generic(format!(
                "Device '{driver}' can't go on {SYSBUS_TYPE} bus"
            )));
        }
        Err(Error::generic(match plug {
            Plug::Bus(bus) => format!("No '{bus}' bus found for device '{driver}'"),
            Plug::NoHotplug => format!("Device '{driver}' does not support hotplugging"),
            _ => format!("Device '{driver}' can not be hotplugged on this machine"),
        }))
    });
}

/// `qdev_get_device_class`: the driver's type (an alias resolved), and how
/// it plugs; errors in QEMU's order.
fn device_class(
    table: &TypeTable,
    target: &str,
    driver: &str,
) -> Result<(&'static str, Option<Plug>), Error> {
    let (name, ty) = match table.get(driver) {
        Some(t) => (t.name, Some(t)),
        None => match typename_by_alias(target, driver) {
            Some(name) => (name, table.get(name)),
            None => (driver, None),
        },
    };
    let Some(ty) = ty.filter(|t| table.is_a(t, "device")) else {
        return Err(Error::generic(if name != driver {
            format!("'{driver}' (alias '{name}') is not a valid device model name")
        } else {
            format!("'{driver}' is not a valid device model name")
        }));
    };
    if ty.abstract_ {
        return Err(Error::generic(
            "Parameter 'driver' expects a non-abstract device type",
        ));
    }
    let plug = plug_of(ty.name);
    match plug {
        Some(Plug::NotUserPluggable) => Err(Error::generic(
            "Parameter 'driver' expects a pluggable device type",
        )),
        // -machine none allows no dynamic sysbus device.
        Some(Plug::Sysbus) => Err(Error::generic(
            "Parameter 'driver' expects a dynamic sysbus device type for the machine",
        )),
        _ => Ok((ty.name, plug)),
    }
}

/// `qbus_find` on a tree that is the main system bus alone: the path must
/// name it (or start at `/`) and go no further.
fn find_bus(path: &str) -> Result<(), Error> {
    let mut rest = path;
    if !path.starts_with('/') {
        let first = element(path);
        if first != SYSBUS_NAME {
            return Err(Error::generic(format!("Bus '{first}' not found")));
        }
        rest = &path[first.len()..];
    }
    let rest = rest.trim_start_matches('/');
    if rest.is_empty() {
        return Ok(());
    }
    // The bus has no devices to descend into.
    Err(Error::device_not_found(format!(
        "Device '{}' not found",
        element(rest)
    )))
}

/// One path element as `sscanf("%127[^/]")` reads it.
fn element(s: &str) -> &str {
    let end = s.find('/').unwrap_or(s.len());
    let mut n = end.min(127);
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    &s[..n]
}
