//! The second phase of the command line (vl.c's option loop): each
//! option read in order into its group (QEMU's QemuOpts lists and dicts),
//! with its syntax checked at once and the option as location.  What the
//! groups hold is checked and created by the later phases.  `-version`
//! and most listings end the run here.

use std::ops::ControlFlow;
use std::path::PathBuf;

use qapi_defs::DisplayOptions;
use qapi_defs::qemu::QemuConfig;
use qapi_runtime::config::CompatPolicy;
use qapi_runtime::{Dict, QapiType, Value};

use super::chardev::{CHARDEV_BOOLS, CHARDEV_PARAMS, CharOpts, check_new_id, parse_compat};
use super::compat::compat_spec;
use super::help::{self, is_help};
use super::lookup::Looked;
use super::monitor::MonOpts;
use super::options::Arch;
use super::{CliError, Items, Options, Outcome, Reporter, keyval, unsupported, version_text};

/// The option groups after the second phase.
pub(super) struct Groups {
    /// The settings an option sets directly (`-S`, `-name`, `-pidfile`, ...).
    pub opts: Options,
    pub compat: CompatPolicy,
    /// `-machine` (and `-nographic`): the machine dict.
    pub machine: Dict,
    /// `-accel` and `-enable-kvm`, each with its option.
    pub accel_opts: Vec<(String, Items)>,
    /// The last `-display`, with its option.
    pub display: Option<(String, Value)>,
    /// `-chardev` and the chardevs of `-qmp`, in order.
    pub chardevs: Vec<CharOpts>,
    /// `-mon` and `-qmp`, in order.
    pub monitors: Vec<MonOpts>,
    /// The last `-cpu` (QEMU keeps one model).
    pub cpu: Option<Given>,
    /// Every `-device`, in order.
    pub devices: Vec<Given>,
}

/// An option kept for a later phase: its location for messages, the
/// option as written, and its argument.
pub(super) struct Given {
    pub loc: String,
    pub raw: String,
    pub arg: String,
}

/// Reads every option into its group, or ends with what an option prints.
pub(super) fn read(
    r: &Reporter,
    config: &QemuConfig,
    items: &[Looked],
) -> Result<ControlFlow<Outcome, Groups>, CliError> {
    let has = |s: &str| config.defined().any(|d| d == s);
    let mut opts = Options::defaults(config.clone(), "");
    let mut compat = CompatPolicy::default();
    let mut machine = Dict::new();
    let mut accel_opts: Vec<(String, Items)> = Vec::new();
    let mut display: Option<(String, Value)> = None;
    let mut chardevs: Vec<CharOpts> = Vec::new();
    let mut mons: Vec<MonOpts> = Vec::new();
    let mut monitor_index = 0;
    let mut cpu: Option<Given> = None;
    let mut devices: Vec<Given> = Vec::new();
    for (opt, raw, arg) in items {
        let loc = match arg {
            Some(a) => format!("{raw} {a}"),
            None => raw.clone(),
        };
        if let Arch::Only(arches) = opt.arch
            && !arches.iter().any(|a| has(a))
        {
            return Err(r.at(&loc, "Option not supported for this target"));
        }
        let a = arg.as_deref().unwrap_or("");
        match opt.name {
            "target" | "build-config" | "build-package" => {}
            "version" => {
                return Ok(ControlFlow::Break(Outcome::listing(version_text(
                    "QEMU emulator",
                    &config.build,
                ))));
            }
            "machine" | "M" => {
                let help =
                    keyval::keyval(a, Some("type"), &mut machine).map_err(|m| r.at(&loc, m))?;
                if help {
                    // machine_help_func: a type given so far lists its
                    // properties instead.
                    if let Some(Value::Str(t)) = machine.get("type")
                        && help::is_machine(config, t)
                    {
                        return Err(unsupported(r, &loc, "a machine's property list"));
                    }
                    return Ok(ControlFlow::Break(Outcome::listing(help::machines(config))));
                }
            }
            "accel" => {
                let items = keyval::opts(a, Some("accel"));
                let name = items
                    .iter()
                    .find(|(k, _)| k == "accel")
                    .map(|(_, v)| v.clone());
                match name {
                    None => return Err(unsupported(r, &loc, "help output")),
                    Some(n) if n == "help" || n == "?" => {
                        return Ok(ControlFlow::Break(Outcome::listing(help::accelerators(
                            config,
                        ))));
                    }
                    Some(_) => accel_opts.push((loc.clone(), items)),
                }
            }
            "display" => {
                if is_help(a) {
                    return Ok(ControlFlow::Break(Outcome::listing(help::displays(config))));
                }
                if has("CONFIG_VNC") && a.starts_with("vnc") {
                    if a.starts_with("vnc=") {
                        return Err(unsupported(r, &loc, "VNC"));
                    }
                    return Err(r.plain("VNC requires a display argument vnc=<display>"));
                }
                let mut d = Dict::new();
                if keyval::keyval(a, Some("type"), &mut d).map_err(|m| r.at(&loc, m))? {
                    return Err(r.at(&loc, keyval::NO_HELP));
                }
                let v = keyval::typed(DisplayOptions::TYPE, Value::Dict(d), "", config)
                    .map_err(|m| r.at(&loc, m))?;
                let v =
                    qapi_runtime::visit::input::check_value(DisplayOptions::TYPE, v, Some(config))
                        .map_err(|e| r.at(&loc, e.desc))?;
                display = Some((loc.clone(), v));
            }
            "nographic" => {
                machine.insert("graphics", "off");
                display = None;
            }
            "qmp" | "qmp-pretty" => {
                if opt.name == "qmp-pretty" {
                    return Err(unsupported(r, &loc, "pretty-printed QMP"));
                }
                let label = match a.strip_prefix("chardev:") {
                    Some(id) => id.to_owned(),
                    None => {
                        let label = format!("compat_monitor{monitor_index}");
                        let c = parse_compat(r, &loc, &label, a, &chardevs)?;
                        chardevs.push(c);
                        label
                    }
                };
                mons.push(MonOpts {
                    loc: loc.clone(),
                    items: vec![
                        ("mode".to_owned(), "control".to_owned()),
                        ("chardev".to_owned(), label),
                    ],
                });
                monitor_index += 1;
            }
            "mon" => {
                let items = keyval::opts(a, Some("chardev"));
                for (k, v) in &items {
                    match k.as_str() {
                        "mode" | "chardev" | "id" => {}
                        "pretty" => {
                            if keyval::parse_bool(v).is_none() {
                                return Err(r.at(&loc, "Parameter 'pretty' expects 'on' or 'off'"));
                            }
                        }
                        _ => return Err(r.at(&loc, format!("Invalid parameter '{k}'"))),
                    }
                }
                mons.push(MonOpts {
                    loc: loc.clone(),
                    items,
                });
            }
            "chardev" => {
                let items = keyval::opts(a, Some("backend"));
                let mut id = None;
                let mut rest = Vec::new();
                for (k, v) in items {
                    if k == "id" {
                        id = Some(v);
                    } else if !CHARDEV_PARAMS.contains(&k.as_str()) {
                        return Err(r.at(&loc, format!("Invalid parameter '{k}'")));
                    } else if CHARDEV_BOOLS.contains(&k.as_str())
                        && keyval::parse_bool(&v).is_none()
                    {
                        return Err(r.at(&loc, format!("Parameter '{k}' expects 'on' or 'off'")));
                    } else {
                        rest.push((k, v));
                    }
                }
                if let Some(id) = &id {
                    check_new_id(r, &loc, id, &chardevs)?;
                }
                chardevs.push(CharOpts {
                    loc: loc.clone(),
                    id,
                    items: rest,
                });
            }
            "compat" => compat = compat_spec(r, &loc, a, config)?,
            "pidfile" => opts.pidfile = Some(PathBuf::from(a)),
            "daemonize" => opts.daemonize = true,
            "S" => opts.autostart = false,
            "preconfig" => opts.preconfig = true,
            "nodefaults" | "no-user-config" => {}
            "name" => {
                for (k, v) in keyval::opts(a, Some("guest")) {
                    match k.as_str() {
                        "guest" => opts.name = Some(v),
                        "process" => {}
                        "debug-threads" => {
                            if keyval::parse_bool(&v).is_none() {
                                return Err(
                                    r.at(&loc, "Parameter 'debug-threads' expects 'on' or 'off'")
                                );
                            }
                        }
                        _ => return Err(r.at(&loc, format!("Invalid parameter '{k}'"))),
                    }
                }
            }
            "uuid" => {
                if !uuid_is_valid(a) {
                    return Err(r.at(&loc, "failed to parse UUID string: wrong format"));
                }
                opts.uuid = Some(a.to_ascii_lowercase());
            }
            // Read after the loop: for help, or to be refused.
            "cpu" | "device" => {
                let given = Given {
                    loc: loc.clone(),
                    raw: raw.clone(),
                    arg: a.to_owned(),
                };
                if opt.name == "cpu" {
                    cpu = Some(given);
                } else {
                    devices.push(given);
                }
            }
            "object"
                if keyval::opts(a, Some("qom-type"))
                    .first()
                    .is_some_and(|(_, t)| is_help(t)) =>
            {
                return Ok(ControlFlow::Break(Outcome::listing(help::objects(config))));
            }
            "enable-kvm" => {
                accel_opts.push((loc.clone(), vec![("accel".to_owned(), "kvm".to_owned())]))
            }
            _ => return Err(unsupported(r, &loc, &format!("the option {raw}"))),
        }
    }
    Ok(ControlFlow::Continue(Groups {
        opts,
        compat,
        machine,
        accel_opts,
        display,
        chardevs,
        monitors: mons,
        cpu,
        devices,
    }))
}

/// `qemu_uuid_is_valid`: 36 characters, hex digits with dashes at 8, 13,
/// 18 and 23.
fn uuid_is_valid(s: &str) -> bool {
    s.len() == 36
        && s.bytes().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}
