//! The command line's listings, computed from the emulator facts the way
//! QEMU 10.0 prints them (one module per listing), and the phase that
//! prints those asked for after the option loop
//! (`qemu_process_help_options`: `-cpu help`, `-device ...,help`); the
//! others end the option loop at once.

mod cpus;
mod devices;
mod displays;
mod machines;
mod objects;

use std::cmp::Ordering;
use std::ops::ControlFlow;

use qapi_defs::qemu::QemuConfig;

pub use cpus::cpus;
pub use devices::{DeviceHelpError, device_props, devices};
pub use displays::displays;
pub use machines::{is_machine, machines};
pub use objects::{accelerators, objects};

use super::groups::Given;
use super::{CliError, Outcome, Reporter, keyval, unsupported};

/// `strcasecmp`, the order of `object_class_get_list_sorted`.
pub(super) fn strcasecmp(a: &str, b: &str) -> Ordering {
    let lower = |s: &str| {
        s.bytes()
            .map(|c| c.to_ascii_lowercase())
            .collect::<Vec<u8>>()
    };
    lower(a).cmp(&lower(b))
}

/// `qemu_process_help_options`: `-cpu help` (the last `-cpu`), then the
/// first `-device` asking for help (after every option was read).
pub(super) fn process_help_options(
    r: &Reporter,
    config: &QemuConfig,
    cpu: Option<&Given>,
    devices: &[Given],
) -> Result<ControlFlow<Outcome>, CliError> {
    if let Some(c) = cpu.filter(|c| is_help(&c.arg)) {
        return match cpus(config) {
            Some(list) => Ok(ControlFlow::Break(Outcome::listing(list))),
            None => Err(unsupported(
                r,
                &c.loc,
                "the CPU model listing of this target",
            )),
        };
    }
    let asking = |d: &&Given| !d.arg.starts_with('{') && device_help_wanted(&d.arg);
    if let Some(d) = devices.iter().find(asking) {
        return device_help(r, config, &d.loc, &d.arg).map(ControlFlow::Break);
    }
    Ok(ControlFlow::Continue(()))
}

/// `is_help_option`.
pub(super) fn is_help(s: &str) -> bool {
    s == "help" || s == "?"
}

/// `-device help`, or `-device NAME,...,help` (`qdev_device_help`).
fn device_help_wanted(a: &str) -> bool {
    let items = keyval::opts(a, Some("driver"));
    let driver_help = items
        .first()
        .is_some_and(|(k, v)| k == "driver" && is_help(v));
    driver_help || items.iter().skip(1).any(|(k, _)| is_help(k))
}

/// What `-device` prints when asked for help: the device listing, or one
/// device's properties; QEMU reports a bad name and still exits 0.
fn device_help(r: &Reporter, cfg: &QemuConfig, loc: &str, a: &str) -> Result<Outcome, CliError> {
    let items = keyval::opts(a, Some("driver"));
    let driver = items.first().map(|(_, v)| v.as_str()).unwrap_or("");
    if is_help(driver) {
        return Ok(Outcome::listing(devices(cfg)));
    }
    match device_props(cfg, driver) {
        Ok(list) => Ok(Outcome::listing(list)),
        Err(DeviceHelpError::Qemu(msg)) => Ok(Outcome::Exit {
            stdout: String::new(),
            stderr: r.at(loc, msg).0,
            code: 0,
        }),
        Err(DeviceHelpError::NotModelled(ty)) => Err(unsupported(
            r,
            loc,
            &format!("the property list of device '{ty}'"),
        )),
    }
}
