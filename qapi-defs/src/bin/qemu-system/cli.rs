//! The command line, as QEMU's `system/vl.c` reads the options a
//! management tool passes to a QMP-only machine.
//!
//! Errors are reported the way QEMU's `error_report` does:
//! `<program>: <option and argument>: <message>`, exit status 1.

use std::path::PathBuf;

use qapi_runtime::config::{CompatPolicy, InputPolicy, OutputPolicy, Target};
use qapi_runtime::{Build, Config, Registry, Sym};

/// Where a QMP monitor listens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MonitorSpec {
    Stdio,
    Unix(PathBuf),
}

/// What the command line asks for.
#[derive(Debug)]
pub struct Options {
    pub config: Config,
    /// `-S`: do not start the CPUs.
    pub start_paused: bool,
    /// `--preconfig`: stop before machine initialisation.
    pub preconfig: bool,
    /// The accelerator chosen with `-accel` or `-machine accel=`.
    pub accel: Option<String>,
    pub pidfile: Option<PathBuf>,
    pub daemonize: bool,
    pub monitors: Vec<MonitorSpec>,
}

/// A command-line error: the message QEMU would print, with its location.
#[derive(Debug)]
pub struct CliError {
    /// The option and its argument, as QEMU shows the location (`-qmp foo`).
    pub location: Option<String>,
    pub message: String,
}

impl CliError {
    fn at(location: impl Into<String>, message: impl Into<String>) -> CliError {
        CliError {
            location: Some(location.into()),
            message: message.into(),
        }
    }
    fn plain(message: impl Into<String>) -> CliError {
        CliError {
            location: None,
            message: message.into(),
        }
    }

    /// The text QEMU prints for this error.
    pub fn render(&self, program: &str) -> String {
        match &self.location {
            Some(loc) => format!("{program}: {loc}: {}", self.message),
            None => format!("{program}: {}", self.message),
        }
    }
}

/// Options that take an argument, and flags, among those we model.
const WITH_ARG: &[&str] = &[
    "machine",
    "M",
    "accel",
    "display",
    "pidfile",
    "qmp",
    "qmp-pretty",
    "chardev",
    "mon",
    "compat",
    "target",
    "build-config",
    "build-package",
    "name",
];
const FLAGS: &[&str] = &["nodefaults", "no-user-config", "nographic", "S", "preconfig", "daemonize"];

/// The target a binary name stands for: `qemu-system-<target>`.
pub fn target_from_program(program: &str) -> Option<&str> {
    program.strip_prefix("qemu-system-")
}

/// Parses the command line (without argv[0]); `program` is argv[0]'s
/// file name.
pub fn parse(program: &str, args: &[String]) -> Result<Options, CliError> {
    let mut target: Option<String> = target_from_program(program).map(str::to_owned);
    let mut build_symbols: Option<String> = None;
    let mut package: Option<String> = None;
    let mut compat = CompatPolicy::default();
    let mut opts = Options {
        config: Config::debian("x86_64").expect("x86_64 is a target"),
        start_paused: false,
        preconfig: false,
        accel: None,
        pidfile: None,
        daemonize: false,
        monitors: Vec::new(),
    };
    let mut chardevs: Vec<(String, PathBuf)> = Vec::new();
    let mut mons: Vec<(String, String)> = Vec::new();

    let mut i = 0;
    while i < args.len() {
        let raw = &args[i];
        i += 1;
        let Some(name) = raw.strip_prefix("--").or_else(|| raw.strip_prefix('-')) else {
            // QEMU takes a non-option argument as the disk image (-hda).
            return Err(CliError::plain(format!(
                "{raw}: a disk image is not supported by this emulator (QMP only)"
            )));
        };
        let arg = if WITH_ARG.contains(&name) {
            let Some(a) = args.get(i) else {
                return Err(CliError::at(raw.as_str(), "requires an argument"));
            };
            i += 1;
            Some(a.as_str())
        } else if FLAGS.contains(&name) {
            None
        } else {
            return Err(CliError::at(raw.as_str(), "invalid option"));
        };
        let loc = match arg {
            Some(a) => format!("{raw} {a}"),
            None => raw.clone(),
        };
        match (name, arg) {
            ("target", Some(t)) => target = Some(t.to_owned()),
            ("build-config", Some(list)) => build_symbols = Some(list.to_owned()),
            ("build-package", Some(p)) => package = Some(p.to_owned()),
            ("machine" | "M", Some(m)) => {
                let kv = keyval(&loc, m, Some("type"))?;
                for (k, v) in kv {
                    match k.as_str() {
                        "type" if v == "none" => {}
                        "type" if v == "help" => {
                            return Err(CliError::plain("only the 'none' machine is modelled"));
                        }
                        "type" => {
                            return Err(CliError::plain(format!(
                                "unsupported machine type: \"{v}\"\nUse -machine help to list supported machines"
                            )));
                        }
                        "accel" => opts.accel = Some(v),
                        _ => {}
                    }
                }
            }
            ("accel", Some(a)) => {
                let kv = keyval(&loc, a, Some("accel"))?;
                if let Some((_, v)) = kv.into_iter().find(|(k, _)| k == "accel") {
                    opts.accel = Some(v);
                }
            }
            ("display", Some(d)) => {
                let kv = keyval(&loc, d, Some("type"))?;
                if let Some((_, v)) = kv.iter().find(|(k, _)| k == "type")
                    && v != "none"
                {
                    return Err(CliError::at(loc, format!("Display '{v}' is not available")));
                }
            }
            ("name", Some(_)) => {}
            ("pidfile", Some(p)) => opts.pidfile = Some(PathBuf::from(p)),
            ("qmp" | "qmp-pretty", Some(spec)) => opts.monitors.push(monitor_spec(&loc, spec)?),
            ("chardev", Some(spec)) => chardevs.push(chardev_spec(&loc, spec)?),
            ("mon", Some(spec)) => {
                let kv = keyval(&loc, spec, Some("chardev"))?;
                let mut id = None;
                let mut mode = "readline".to_owned();
                for (k, v) in kv {
                    match k.as_str() {
                        "chardev" => id = Some(v),
                        "mode" => mode = v,
                        "pretty" => {}
                        _ => return Err(CliError::at(loc, format!("Invalid parameter '{k}'"))),
                    }
                }
                let Some(id) = id else {
                    return Err(CliError::at(loc, "Parameter 'chardev' is missing"));
                };
                if mode != "control" {
                    return Err(CliError::at(loc, "only QMP monitors (mode=control) are supported"));
                }
                mons.push((id, loc));
            }
            ("compat", Some(spec)) => compat = compat_spec(&loc, spec)?,
            ("S", None) => opts.start_paused = true,
            ("preconfig", None) => opts.preconfig = true,
            ("daemonize", None) => opts.daemonize = true,
            ("nodefaults" | "no-user-config" | "nographic", None) => {}
            _ => return Err(CliError::at(loc, "invalid option")),
        }
    }

    for (id, loc) in mons {
        match chardevs.iter().find(|(cid, _)| *cid == id) {
            Some((_, path)) => opts.monitors.push(MonitorSpec::Unix(path.clone())),
            None => return Err(CliError::at(loc, format!("chardev \"{id}\" not found"))),
        }
    }
    if opts.daemonize && opts.monitors.contains(&MonitorSpec::Stdio) {
        return Err(CliError::plain("cannot use stdio with -daemonize"));
    }

    let Some(target) = target else {
        return Err(CliError::plain(
            "no target: run as qemu-system-<target> (e.g. qemu-system-x86_64) or pass -target <target>",
        ));
    };
    let mut config = Config::debian(&target).ok_or_else(|| {
        CliError::plain(format!(
            "unknown target '{target}'; known targets: {}",
            Target::names().join(", ")
        ))
    })?;
    if let Some(list) = build_symbols {
        let known = |s: &str| -> Option<Sym> { Registry::symbols().find(|sym| sym.name == s).copied() };
        let names = list.split(',').filter(|s| !s.is_empty());
        let build = config
            .build
            .clone()
            .with_symbols(names, known)
            .map_err(|m| CliError::at(format!("-build-config {list}"), m))?;
        config = Config::new(config.target, build, CompatPolicy::default());
    }
    if let Some(p) = package {
        let mut build: Build = config.build.clone();
        build.package = p;
        config = Config::new(config.target, build, CompatPolicy::default());
    }
    config.compat = compat;
    opts.config = config;
    Ok(opts)
}

/// QEMU's `key=value,...` syntax; a leading bare value is `implied_key`.
fn keyval(loc: &str, s: &str, implied_key: Option<&str>) -> Result<Vec<(String, String)>, CliError> {
    let mut out = Vec::new();
    for (n, part) in split_commas(s).into_iter().enumerate() {
        match part.split_once('=') {
            Some((k, v)) => out.push((k.to_owned(), v.to_owned())),
            None if n == 0 && implied_key.is_some() => {
                out.push((implied_key.expect("checked").to_owned(), part));
            }
            None => out.push((part, "on".to_owned())),
        }
    }
    if out.is_empty() {
        return Err(CliError::at(loc, "parse error"));
    }
    Ok(out)
}

/// Splits at commas; a doubled comma is a literal one (QEMU's escaping).
fn split_commas(s: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ',' {
            if chars.peek() == Some(&',') {
                chars.next();
                parts.last_mut().expect("non-empty").push(',');
            } else {
                parts.push(String::new());
            }
        } else {
            parts.last_mut().expect("non-empty").push(c);
        }
    }
    parts
}

/// `-qmp stdio` or `-qmp unix:PATH,server=on,wait=off`.
fn monitor_spec(loc: &str, spec: &str) -> Result<MonitorSpec, CliError> {
    if spec == "stdio" {
        return Ok(MonitorSpec::Stdio);
    }
    let Some(rest) = spec.strip_prefix("unix:") else {
        return Err(CliError::at(loc, format!("'{spec}' is not a valid char driver")));
    };
    let mut parts = split_commas(rest).into_iter();
    let path = parts.next().unwrap_or_default();
    for p in parts {
        let (k, v) = p.split_once('=').unwrap_or((p.as_str(), "on"));
        match (k, v) {
            ("server", "on" | "yes" | "true") | ("wait", "off" | "no" | "false") => {}
            ("server" | "wait", _) => {
                return Err(CliError::at(loc, format!("only server=on,wait=off unix sockets are supported, not {k}={v}")));
            }
            _ => return Err(CliError::at(loc, format!("Invalid parameter '{k}'"))),
        }
    }
    if path.is_empty() {
        return Err(CliError::at(loc, "a unix socket needs a path"));
    }
    Ok(MonitorSpec::Unix(PathBuf::from(path)))
}

/// `-chardev socket,id=ID,path=PATH,server=on,wait=off`.
fn chardev_spec(loc: &str, spec: &str) -> Result<(String, PathBuf), CliError> {
    let kv = keyval(loc, spec, Some("backend"))?;
    let mut id = None;
    let mut path = None;
    for (k, v) in kv {
        match k.as_str() {
            "backend" if v == "socket" => {}
            "backend" => return Err(CliError::at(loc, format!("'{v}' is not a valid char driver"))),
            "id" => id = Some(v),
            "path" => path = Some(PathBuf::from(v)),
            "server" | "wait" => {}
            _ => return Err(CliError::at(loc, format!("Invalid parameter '{k}'"))),
        }
    }
    let Some(id) = id else {
        return Err(CliError::at(loc, "Parameter 'id' is missing"));
    };
    let Some(path) = path else {
        return Err(CliError::at(loc, "chardev: socket: no address given (only path= is supported)"));
    };
    Ok((id, path))
}

/// `-compat deprecated-input=...,deprecated-output=...,...`; each `-compat`
/// replaces the whole policy.
fn compat_spec(loc: &str, spec: &str) -> Result<CompatPolicy, CliError> {
    let mut p = CompatPolicy::default();
    for (k, v) in keyval(loc, spec, None)? {
        let input = |v: &str| match v {
            "accept" => Some(InputPolicy::Accept),
            "reject" => Some(InputPolicy::Reject),
            "crash" => Some(InputPolicy::Crash),
            _ => None,
        };
        let output = |v: &str| match v {
            "accept" => Some(OutputPolicy::Accept),
            "hide" => Some(OutputPolicy::Hide),
            _ => None,
        };
        let bad = || CliError::at(loc, format!("Parameter '{k}' does not accept value '{v}'"));
        match k.as_str() {
            "deprecated-input" => p.deprecated_input = input(&v).ok_or_else(bad)?,
            "unstable-input" => p.unstable_input = input(&v).ok_or_else(bad)?,
            "deprecated-output" => p.deprecated_output = output(&v).ok_or_else(bad)?,
            "unstable-output" => p.unstable_output = output(&v).ok_or_else(bad)?,
            _ => return Err(CliError::at(loc, format!("Invalid parameter '{k}'"))),
        }
    }
    Ok(p)
}
