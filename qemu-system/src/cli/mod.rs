//! The command line, read the way QEMU's `system/vl.c` reads it, for the
//! options a management tool passes to a QMP-only `-machine none` QEMU.
//!
//! As in QEMU, a first pass checks that every option exists and has its
//! argument, a second pass reads them in order (syntax errors of an
//! argument are reported at once, with the option as location), and the
//! machine, accelerators, chardevs and monitors are checked afterwards in
//! QEMU's order.  Errors are printed as QEMU's `error_report` prints them:
//! `<program>: [<option> <argument>: ]<message>`, exit status 1.
//!
//! Options of QEMU that this emulator does not model are refused with an
//! explicit message rather than silently ignored.

pub mod help;
pub mod keyval;
pub mod options;
pub mod storage_daemon;

use std::path::PathBuf;

use qapi_defs::qemu::{self, QemuConfig, Target};
use qapi_defs::{
    CompatPolicy as QapiCompat, CompatPolicyInput, CompatPolicyOutput, DisplayOptions, DisplayType,
};
use qapi_runtime::config::{CompatPolicy, InputPolicy, OutputPolicy};
use qapi_runtime::{Config, Dict, QapiEnum, QapiType, Value};

use options::Arch;

/// A chardev to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    Stdio,
    /// A listening unix socket; `wait`: block until the first client.
    UnixServer {
        path: PathBuf,
        wait: bool,
    },
}

#[derive(Debug, Clone)]
pub struct ChardevSpec {
    pub id: String,
    pub backend: Backend,
    /// The option that created it, for messages (`-qmp unix:...`).
    pub loc: String,
}

/// What the command line asks for.
#[derive(Debug)]
pub struct Options {
    pub config: QemuConfig,
    /// `-S` not given.
    pub autostart: bool,
    pub preconfig: bool,
    pub accel: String,
    pub name: Option<String>,
    /// `-uuid`, lower-cased.
    pub uuid: Option<String>,
    pub pidfile: Option<PathBuf>,
    pub daemonize: bool,
    /// Chardevs in creation order.
    pub chardevs: Vec<ChardevSpec>,
    /// The chardev id of each QMP monitor, in creation order.
    pub monitors: Vec<String>,
    /// `-machine` properties set on the command line (name, value).
    pub machine_props: Vec<(String, Value)>,
    /// Messages QEMU prints while starting anyway (`falling back to tcg`).
    pub warnings: Vec<String>,
}

/// What to do after reading the command line.
pub enum Outcome {
    Run(Box<Options>),
    /// Print `stdout` and `stderr` and exit with `code` (`-version`,
    /// the listings).
    Exit {
        stdout: String,
        stderr: String,
        code: i32,
    },
}

/// A command-line error: the complete text for stderr.
#[derive(Debug)]
pub struct CliError(pub String);

/// Formats `error_report` lines.
struct Reporter<'a> {
    program: &'a str,
}

impl Reporter<'_> {
    fn at(&self, loc: &str, msg: impl AsRef<str>) -> CliError {
        CliError(format!("{}: {loc}: {}\n", self.program, msg.as_ref()))
    }
    fn plain(&self, msg: impl AsRef<str>) -> CliError {
        CliError(format!("{}: {}\n", self.program, msg.as_ref()))
    }
}

/// The target a binary name stands for: `qemu-system-<target>`.
pub fn target_from_program(program: &str) -> Option<&str> {
    program.strip_prefix("qemu-system-")
}

/// Valid chardev backend names (`-chardev <backend>`).
const CHARDEV_BACKENDS: &[&str] = &[
    "null",
    "socket",
    "udp",
    "file",
    "stdio",
    "pipe",
    "pty",
    "serial",
    "tty",
    "parallel",
    "parport",
    "ringbuf",
    "memory",
    "mux",
    "vc",
    "msmouse",
    "wctablet",
    "braille",
    "testdev",
    "spicevmc",
    "spiceport",
    "qemu-vdagent",
    "dbus",
];

/// `qemu_chardev_opts`: the parameters `-chardev` accepts.
const CHARDEV_PARAMS: &[&str] = &[
    "backend",
    "path",
    "input-path",
    "host",
    "port",
    "fd",
    "localaddr",
    "localport",
    "to",
    "ipv4",
    "ipv6",
    "wait",
    "server",
    "delay",
    "nodelay",
    "reconnect",
    "reconnect-ms",
    "telnet",
    "tn3270",
    "tls-creds",
    "tls-authz",
    "websocket",
    "width",
    "height",
    "cols",
    "rows",
    "mux",
    "signal",
    "name",
    "debug",
    "size",
    "chardev",
    "chardevs.0",
    "chardevs.1",
    "chardevs.2",
    "chardevs.3",
    "append",
    "logfile",
    "logappend",
    "mouse",
    "clipboard",
    "tight",
    "abstract",
];
const CHARDEV_BOOLS: &[&str] = &[
    "ipv4",
    "ipv6",
    "wait",
    "server",
    "delay",
    "nodelay",
    "telnet",
    "tn3270",
    "websocket",
    "mux",
    "signal",
    "append",
    "logappend",
    "tight",
    "abstract",
];

/// Accelerator properties (`<name>-accel` classes) that are accepted.
const ACCEL_PROPS: &[(&str, &[&str])] = &[
    ("tcg", &["thread", "tb-size", "split-wx", "one-insn-per-tb"]),
    (
        "kvm",
        &[
            "kernel-irqchip",
            "kvm-shadow-mem",
            "dirty-ring-size",
            "eager-split-size",
            "notify-vmexit",
            "notify-window",
            "device",
            "rapl",
            "rapl-helper-socket",
            "xen-version",
            "xen-gnttab-max-frames",
            "xen-evtchn-max-pirq",
        ],
    ),
];

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

/// `key=value` items of a QemuOpts argument, in order.
type Items = Vec<(String, String)>;

/// A monitor as `-mon`/`-qmp` declared it.
struct MonOpts {
    loc: String,
    items: Vec<(String, String)>,
}

/// A chardev as `-chardev`/`-qmp` declared it (QemuOpts).
struct CharOpts {
    loc: String,
    id: Option<String>,
    items: Vec<(String, String)>,
}

impl CharOpts {
    fn get(&self, k: &str) -> Option<&str> {
        self.items
            .iter()
            .rev()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    }
    fn get_bool(&self, k: &str, default: bool) -> bool {
        self.get(k).and_then(keyval::parse_bool).unwrap_or(default)
    }
}

/// QEMU's `id_wellformed`.
fn id_wellformed(id: &str) -> bool {
    let mut c = id.chars();
    c.next().is_some_and(|c| c.is_ascii_alphabetic())
        && c.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
}

fn unsupported(r: &Reporter, loc: &str, what: &str) -> CliError {
    r.at(
        loc,
        format!("{what} is not supported by this emulator (QMP only, -machine none)"),
    )
}

/// Reads the command line (without argv[0]); `program` is argv[0]'s file
/// name.
pub fn parse(program: &str, args: &[String]) -> Result<Outcome, CliError> {
    let r = Reporter { program };

    // This emulator's own options decide the configuration, which the
    // option table depends on: read them first.
    let mut target = target_from_program(program).map(|t| (t.to_owned(), None::<String>));
    let mut build_config: Option<(String, String)> = None;
    let mut package: Option<String> = None;
    let mut i = 0;
    while i < args.len() {
        let name = args[i]
            .strip_prefix("--")
            .or_else(|| args[i].strip_prefix('-'));
        let next = args.get(i + 1);
        match (name, next) {
            (Some("target"), Some(t)) => {
                target = Some((t.clone(), Some(format!("{} {t}", args[i]))));
            }
            (Some("build-config"), Some(b)) => {
                build_config = Some((b.clone(), format!("{} {b}", args[i])))
            }
            (Some("build-package"), Some(p)) => package = Some(p.clone()),
            _ => {}
        }
        i += 1;
    }

    // First pass: every option exists and has its argument.
    let build_for_table = {
        let t = target.as_ref().and_then(|(t, _)| qemu::config(t));
        t.or_else(|| qemu::config("x86_64"))
    };
    let defined = |s: &str| {
        build_for_table
            .as_ref()
            .is_some_and(|c| c.defined().any(|d| d == s))
    };
    let mut items: Vec<(&'static options::Opt, String, Option<String>)> = Vec::new();
    let mut images: Vec<String> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let raw = &args[i];
        i += 1;
        let Some(stripped) = raw.strip_prefix('-') else {
            images.push(raw.clone());
            continue;
        };
        let name = stripped.strip_prefix('-').unwrap_or(stripped);
        let Some(opt) = options::find(name, &defined) else {
            return Err(r.at(raw, "invalid option"));
        };
        let arg = if opt.has_arg {
            let Some(a) = args.get(i) else {
                return Err(r.at(raw, "requires an argument"));
            };
            i += 1;
            Some(a.clone())
        } else {
            None
        };
        items.push((opt, raw.clone(), arg));
    }

    // The configuration.
    let Some((target_name, target_loc)) = target else {
        return Err(r.plain(
            "no target: run as qemu-system-<target> (e.g. qemu-system-x86_64) or pass -target <target>",
        ));
    };
    let mut config = qemu::config(&target_name).ok_or_else(|| {
        let msg = format!(
            "unknown target '{target_name}'; known targets: {}",
            Target::names().join(", ")
        );
        match &target_loc {
            Some(loc) => r.at(loc, msg),
            None => r.plain(msg),
        }
    })?;
    if let Some((list, loc)) = &build_config {
        let names = list.split(',').filter(|s| !s.is_empty());
        let build = config
            .build
            .clone()
            .with_symbols(names)
            .map_err(|m| r.at(loc, m))?;
        config = QemuConfig::new(config.target, build, CompatPolicy::default())
            .map_err(|e| r.at(loc, e.to_string()))?;
    }
    if let Some(p) = package {
        let mut build = config.build.clone();
        build.package = p;
        config = QemuConfig::new(config.target, build, CompatPolicy::default())
            .map_err(|e| r.plain(e.to_string()))?;
    }
    let has = |s: &str| config.defined().any(|d| d == s);

    // Second pass, in order.
    let mut opts = Options {
        config: config.clone(),
        autostart: true,
        preconfig: false,
        accel: String::new(),
        name: None,
        uuid: None,
        pidfile: None,
        daemonize: false,
        chardevs: Vec::new(),
        monitors: Vec::new(),
        machine_props: Vec::new(),
        warnings: Vec::new(),
    };
    let mut compat = CompatPolicy::default();
    let mut machine = Dict::new();
    let mut accel_opts: Vec<(String, Vec<(String, String)>)> = Vec::new();
    let mut display: Option<(String, Value)> = None;
    let mut chardevs: Vec<CharOpts> = Vec::new();
    let mut mons: Vec<MonOpts> = Vec::new();
    let mut monitor_index = 0;
    let mut cpu_help: Option<String> = None;
    let mut device_helps: Vec<(String, String)> = Vec::new();
    for (opt, raw, arg) in &items {
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
                return Ok(Outcome::listing(version_text(
                    "QEMU emulator",
                    &config.build,
                )));
            }
            "machine" | "M" => {
                let help =
                    keyval::keyval(a, Some("type"), &mut machine).map_err(|m| r.at(&loc, m))?;
                if help {
                    // machine_help_func: a type given so far lists its
                    // properties instead.
                    if let Some(Value::Str(t)) = machine.get("type")
                        && help::is_machine(&config, t)
                    {
                        return Err(unsupported(&r, &loc, "a machine's property list"));
                    }
                    return Ok(Outcome::listing(help::machines(&config)));
                }
            }
            "accel" => {
                let items = keyval::opts(a, Some("accel"));
                let name = items
                    .iter()
                    .find(|(k, _)| k == "accel")
                    .map(|(_, v)| v.clone());
                match name {
                    None => return Err(unsupported(&r, &loc, "help output")),
                    Some(n) if n == "help" || n == "?" => {
                        return Ok(Outcome::listing(help::accelerators(&config)));
                    }
                    Some(_) => accel_opts.push((loc.clone(), items)),
                }
            }
            "display" => {
                if a == "help" || a == "?" {
                    return Err(unsupported(&r, &loc, "help output"));
                }
                if has("CONFIG_VNC") && a.starts_with("vnc") {
                    if a.starts_with("vnc=") {
                        return Err(unsupported(&r, &loc, "VNC"));
                    }
                    return Err(r.plain("VNC requires a display argument vnc=<display>"));
                }
                let mut d = Dict::new();
                keyval::keyval(a, Some("type"), &mut d).map_err(|m| r.at(&loc, m))?;
                let v = keyval::typed(DisplayOptions::TYPE, Value::Dict(d), "", &config)
                    .map_err(|m| r.at(&loc, m))?;
                let v =
                    qapi_runtime::visit::input::check_value(DisplayOptions::TYPE, v, Some(&config))
                        .map_err(|e| r.at(&loc, e.desc))?;
                display = Some((loc.clone(), v));
            }
            "nographic" => {
                machine.insert("graphics", "off");
                display = None;
            }
            "qmp" | "qmp-pretty" => {
                if opt.name == "qmp-pretty" {
                    return Err(unsupported(&r, &loc, "pretty-printed QMP"));
                }
                let label = match a.strip_prefix("chardev:") {
                    Some(id) => id.to_owned(),
                    None => {
                        let label = format!("compat_monitor{monitor_index}");
                        let c = parse_compat(&r, &loc, &label, a, &chardevs)?;
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
                    check_new_id(&r, &loc, id, &chardevs)?;
                }
                chardevs.push(CharOpts {
                    loc: loc.clone(),
                    id,
                    items: rest,
                });
            }
            "compat" => compat = compat_spec(&r, &loc, a, &config)?,
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
            "cpu" if is_help(a) => cpu_help = Some(loc.clone()),
            "device" if !a.starts_with('{') && device_help_wanted(a) => {
                device_helps.push((loc.clone(), a.to_owned()));
            }
            "object"
                if keyval::opts(a, Some("qom-type"))
                    .first()
                    .is_some_and(|(_, t)| is_help(t)) =>
            {
                return Ok(Outcome::listing(help::objects(&config)));
            }
            "enable-kvm" => {
                accel_opts.push((loc.clone(), vec![("accel".to_owned(), "kvm".to_owned())]))
            }
            _ => return Err(unsupported(&r, &loc, &format!("the option {raw}"))),
        }
    }

    // qemu_process_help_options: -cpu help, then each -device asking for
    // help, in order.
    if let Some(loc) = cpu_help {
        return match help::cpus(&config) {
            Some(list) => Ok(Outcome::listing(list)),
            None => Err(unsupported(
                &r,
                &loc,
                "the CPU model listing of this target",
            )),
        };
    }
    if let Some((loc, a)) = device_helps.first() {
        return device_help(&r, &config, loc, a);
    }

    // Disk images given without an option (`-hda`).
    if let Some(img) = images.first() {
        if std::fs::metadata(img).is_err() {
            return Err(r.at(
                img,
                format!("Could not open '{img}': No such file or directory"),
            ));
        }
        return Err(unsupported(&r, img, "a disk image"));
    }

    // The machine (qemu_create_machine, then its properties).
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
                (Some(b), _) => opts.machine_props.push((k.to_owned(), Value::Bool(b))),
                (None, Value::Dict(_)) => {
                    return Err(r.plain(format!(
                        "Invalid parameter type for '{k}', expected: boolean"
                    )));
                }
                (None, _) => return Err(r.plain(format!("Parameter '{k}' expects 'on' or 'off'"))),
            }
        } else if MACHINE_STRINGS.contains(&k) {
            match v {
                Value::Str(s) => opts
                    .machine_props
                    .push((k.to_owned(), Value::Str(s.clone()))),
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
                &r,
                &format!("-machine {k}=..."),
                &format!("the machine property '{k}'"),
            ));
        } else {
            return Err(r.plain(format!("Property 'none-machine.{k}' not found")));
        }
    }

    // Accelerators (configure_accelerators).
    opts.accel = configure_accelerators(
        &r,
        &config,
        program,
        accel_prop,
        &accel_opts,
        &mut opts.warnings,
    )?;

    // The display.
    if let Some((loc, v)) = display {
        let ty = v
            .as_dict()
            .and_then(|d| d.get("type"))
            .and_then(Value::as_str)
            .unwrap_or("none")
            .to_owned();
        let gl = v
            .as_dict()
            .and_then(|d| d.get("gl"))
            .and_then(Value::as_str)
            .unwrap_or("off");
        if ty == "none" {
            if gl != "off" {
                return Err(r.plain("OpenGL is not supported by display backend 'none'"));
            }
        } else if DisplayType::from_name(&ty).is_some() {
            return Err(unsupported(&r, &loc, &format!("the display '{ty}'")));
        }
    }

    // Chardevs (qemu_create_early_backends), in creation order.
    let mut stdio_used = false;
    for c in &chardevs {
        let Some(id) = &c.id else {
            return Err(r.at(&c.loc, "chardev: no id specified"));
        };
        let Some(backend) = c.get("backend") else {
            return Err(r.at(&c.loc, format!("chardev: \"{id}\" missing backend")));
        };
        if !CHARDEV_BACKENDS.contains(&backend) {
            return Err(r.at(
                &c.loc,
                format!("'{backend}' is not a valid char driver name"),
            ));
        }
        if c.get_bool("mux", false) {
            return Err(unsupported(&r, &c.loc, "a multiplexed chardev"));
        }
        let b = match backend {
            "stdio" => {
                if opts.daemonize {
                    return Err(r.at(&c.loc, "cannot use stdio with -daemonize"));
                }
                if stdio_used {
                    return Err(r.at(&c.loc, "cannot use stdio by multiple character devices"));
                }
                stdio_used = true;
                Backend::Stdio
            }
            "socket" => socket_backend(&r, c)?,
            other => {
                return Err(unsupported(
                    &r,
                    &c.loc,
                    &format!("the chardev backend '{other}'"),
                ));
            }
        };
        opts.chardevs.push(ChardevSpec {
            id: id.clone(),
            backend: b,
            loc: c.loc.clone(),
        });
    }

    // Monitors (qemu_create_late_backends).
    let mut in_use: Vec<String> = Vec::new();
    for m in &mons {
        let get = |k: &str| {
            m.items
                .iter()
                .rev()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        };
        let mode = get("mode").unwrap_or("readline");
        if !qapi_defs::MonitorMode::VARIANTS
            .iter()
            .any(|v| v.as_str() == mode)
        {
            return Err(r.at(
                &m.loc,
                format!("Parameter 'mode' does not accept value '{mode}'"),
            ));
        }
        let Some(chardev) = get("chardev") else {
            return Err(r.at(&m.loc, "Parameter 'chardev' is missing"));
        };
        if !opts.chardevs.iter().any(|c| c.id == chardev) {
            return Err(r.at(&m.loc, format!("chardev \"{chardev}\" not found")));
        }
        if in_use.iter().any(|c| c == chardev) {
            return Err(r.at(&m.loc, format!("chardev '{chardev}' is already in use")));
        }
        if mode != "control" {
            return Err(unsupported(&r, &m.loc, "the human monitor (mode=readline)"));
        }
        if get("pretty").and_then(keyval::parse_bool) == Some(true) {
            return Err(unsupported(&r, &m.loc, "pretty-printed QMP"));
        }
        in_use.push(chardev.to_owned());
        opts.monitors.push(chardev.to_owned());
    }

    config.compat = compat;
    opts.config = config;
    Ok(Outcome::Run(Box::new(opts)))
}

impl Outcome {
    /// A listing on stdout, exit status 0.
    fn listing(stdout: String) -> Outcome {
        Outcome::Exit {
            stdout,
            stderr: String::new(),
            code: 0,
        }
    }
}

/// `is_help_option`.
fn is_help(s: &str) -> bool {
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
        return Ok(Outcome::listing(help::devices(cfg)));
    }
    match help::device_props(cfg, driver) {
        Ok(list) => Ok(Outcome::listing(list)),
        Err(help::DeviceHelpError::Qemu(msg)) => Ok(Outcome::Exit {
            stdout: String::new(),
            stderr: r.at(loc, msg).0,
            code: 0,
        }),
        Err(help::DeviceHelpError::NotModelled(ty)) => Err(unsupported(
            r,
            loc,
            &format!("the property list of device '{ty}'"),
        )),
    }
}

/// `qemu_opts_create` with an id: well-formed and unique.
fn check_new_id(r: &Reporter, loc: &str, id: &str, existing: &[CharOpts]) -> Result<(), CliError> {
    if !id_wellformed(id) {
        let mut e = r.at(loc, "Parameter 'id' expects an identifier");
        e.0.push_str(
            "Identifiers consist of letters, digits, '-', '.', '_', starting with a letter.\n",
        );
        return Err(e);
    }
    if existing.iter().any(|c| c.id.as_deref() == Some(id)) {
        return Err(r.at(loc, format!("Duplicate ID '{id}' for chardev")));
    }
    Ok(())
}

/// `qemu_chr_parse_compat`: the chardev of `-qmp <spec>`.
fn parse_compat(
    r: &Reporter,
    loc: &str,
    label: &str,
    spec: &str,
    existing: &[CharOpts],
) -> Result<CharOpts, CliError> {
    let parse_error = |mut e: CliError| {
        e.0.push_str(&r.at(loc, format!("parse error: {spec}")).0);
        e
    };
    check_new_id(r, loc, label, existing)?;
    let mk = |items: Vec<(String, String)>| CharOpts {
        loc: loc.to_owned(),
        id: Some(label.to_owned()),
        items,
    };
    let backend = |b: &str| ("backend".to_owned(), b.to_owned());
    if spec.starts_with("mon:") {
        return Err(unsupported(r, loc, "a multiplexed monitor (mon:)"));
    }
    if matches!(
        spec,
        "null" | "pty" | "msmouse" | "wctablet" | "braille" | "testdev" | "stdio"
    ) {
        return Ok(mk(vec![backend(spec)]));
    }
    if let Some(rest) = spec.strip_prefix("unix:") {
        let mut items = vec![backend("socket")];
        for (k, v) in keyval::opts(rest, Some("path")) {
            if !CHARDEV_PARAMS.contains(&k.as_str()) {
                return Err(parse_error(r.at(loc, format!("Invalid parameter '{k}'"))));
            }
            if CHARDEV_BOOLS.contains(&k.as_str()) && keyval::parse_bool(&v).is_none() {
                return Err(parse_error(
                    r.at(loc, format!("Parameter '{k}' expects 'on' or 'off'")),
                ));
            }
            items.push((k, v));
        }
        return Ok(mk(items));
    }
    let known_prefix = [
        "vc",
        "con:",
        "COM",
        "file:",
        "pipe:",
        "pty:",
        "tcp:",
        "telnet:",
        "tn3270:",
        "websocket:",
        "udp:",
        "/dev/",
    ];
    if known_prefix.iter().any(|p| spec.starts_with(p)) {
        return Err(unsupported(r, loc, &format!("the chardev '{spec}'")));
    }
    Err(parse_error(
        r.at(loc, format!("'{spec}' is not a valid char driver")),
    ))
}

/// `qemu_chr_parse_socket` for the unix server sockets this emulator has.
fn socket_backend(r: &Reporter, c: &CharOpts) -> Result<Backend, CliError> {
    let path = c.get("path");
    let fd = c.get("fd");
    let host = c.get("host");
    if [path, fd, host].iter().filter(|x| x.is_some()).count() > 1 {
        return Err(r.at(
            &c.loc,
            "None or one of 'path', 'fd' or 'host' option required.",
        ));
    }
    if host.is_some() && c.get("port").is_none() {
        return Err(r.at(&c.loc, "chardev: socket: no port given"));
    }
    if c.get("delay").is_some() && c.get("nodelay").is_some() {
        return Err(r.at(&c.loc, "'delay' and 'nodelay' are mutually exclusive"));
    }
    if host.is_some() {
        return Err(unsupported(r, &c.loc, "a TCP socket"));
    }
    let Some(path) = path.filter(|p| !p.is_empty()) else {
        let fd = fd.unwrap_or("");
        if fd.parse::<i32>().is_ok() {
            return Err(unsupported(r, &c.loc, "a socket on a file descriptor"));
        }
        return Err(r.at(&c.loc, format!("Unable to parse FD number {fd}")));
    };
    let server = c.get_bool("server", false);
    if !server {
        if std::fs::metadata(path).is_err() {
            return Err(r.at(
                &c.loc,
                format!("Failed to connect to '{path}': No such file or directory"),
            ));
        }
        return Err(unsupported(r, &c.loc, "a client socket (server=off)"));
    }
    for k in ["telnet", "tn3270", "websocket", "abstract"] {
        if c.get_bool(k, false) {
            return Err(unsupported(r, &c.loc, &format!("the socket option '{k}'")));
        }
    }
    for k in [
        "tls-creds",
        "tls-authz",
        "reconnect",
        "reconnect-ms",
        "logfile",
    ] {
        if c.get(k).is_some() {
            return Err(unsupported(r, &c.loc, &format!("the socket option '{k}'")));
        }
    }
    Ok(Backend::UnixServer {
        path: PathBuf::from(path),
        wait: c.get_bool("wait", true),
    })
}

/// `configure_accelerators`: the accelerator in use.
fn configure_accelerators(
    r: &Reporter,
    cfg: &Config,
    program: &str,
    machine_accel: Option<String>,
    accel_opts: &[(String, Vec<(String, String)>)],
    warnings: &mut Vec<String>,
) -> Result<String, CliError> {
    let has = |s: &str| cfg.defined().any(|d| d == s);
    let exists = |a: &str| match a {
        "tcg" => has("CONFIG_TCG"),
        "kvm" => has("CONFIG_KVM"),
        _ => false,
    };
    let mut init_failed = false;
    let mut list: Vec<(Option<String>, Items)> = Vec::new();
    if accel_opts.is_empty() {
        let accelerators = match machine_accel {
            Some(a) => a,
            None => match (exists("tcg"), exists("kvm")) {
                (true, true) if program.ends_with("kvm") => "kvm:tcg".to_owned(),
                (true, true) => "tcg:kvm".to_owned(),
                (false, true) => "kvm".to_owned(),
                (true, false) => "tcg".to_owned(),
                (false, false) => {
                    return Err(
                        r.plain("No accelerator selected and no default accelerator available")
                    );
                }
            },
        };
        for a in accelerators.split(':') {
            if exists(a) {
                list.push((None, vec![("accel".to_owned(), a.to_owned())]));
            } else {
                init_failed = true;
                warnings.push(r.plain(format!("invalid accelerator {a}")).0);
            }
        }
    } else {
        if machine_accel.is_some() {
            return Err(r.plain("The -accel and \"-machine accel=\" options are incompatible"));
        }
        list = accel_opts
            .iter()
            .map(|(l, i)| (Some(l.clone()), i.clone()))
            .collect();
    }
    let mut chosen = None;
    for (loc, items) in &list {
        let name = items
            .iter()
            .find(|(k, _)| k == "accel")
            .map(|(_, v)| v.as_str())
            .unwrap_or("");
        let report = |msg: String| match loc {
            Some(l) => r.at(l, msg),
            None => r.plain(msg),
        };
        if !exists(name) {
            warnings.push(report(format!("invalid accelerator {name}")).0);
            init_failed = true;
            continue;
        }
        let props = ACCEL_PROPS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, p)| *p)
            .unwrap_or(&[]);
        for (k, _) in items.iter().filter(|(k, _)| k != "accel") {
            if !props.contains(&k.as_str()) {
                return Err(report(format!("Property '{name}-accel.{k}' not found")));
            }
        }
        chosen = Some(name.to_owned());
        break;
    }
    let Some(chosen) = chosen else {
        let mut text: String = warnings.drain(..).collect();
        if !init_failed {
            text.push_str(&r.plain("no accelerator found").0);
        }
        return Err(CliError(text));
    };
    if init_failed {
        warnings.push(r.plain(format!("falling back to {chosen}")).0);
    }
    Ok(chosen)
}

/// `-compat`: keyval or JSON, visited as `CompatPolicy`; each `-compat`
/// replaces the whole policy.
fn compat_spec(
    r: &Reporter,
    loc: &str,
    spec: &str,
    cfg: &Config,
) -> Result<CompatPolicy, CliError> {
    let value = if spec.trim_start().starts_with('{') {
        parse_json(spec).map_err(|m| r.at(loc, m))?
    } else {
        let mut d = Dict::new();
        keyval::keyval(spec, None, &mut d).map_err(|m| r.at(loc, m))?;
        Value::Dict(d)
    };
    let checked = qapi_runtime::visit::input::check_value(QapiCompat::TYPE, value, Some(cfg))
        .map_err(|e| r.at(loc, e.desc))?;
    let p = QapiCompat::from_value(checked).map_err(|e| r.at(loc, e.desc))?;
    let input = |i: Option<CompatPolicyInput>| match i {
        None | Some(CompatPolicyInput::Accept) => InputPolicy::Accept,
        Some(CompatPolicyInput::Reject) => InputPolicy::Reject,
        Some(CompatPolicyInput::Crash) => InputPolicy::Crash,
    };
    let output = |o: Option<CompatPolicyOutput>| match o {
        None | Some(CompatPolicyOutput::Accept) => OutputPolicy::Accept,
        Some(CompatPolicyOutput::Hide) => OutputPolicy::Hide,
    };
    Ok(CompatPolicy {
        deprecated_input: input(p.deprecated_input),
        deprecated_output: output(p.deprecated_output),
        unstable_input: input(p.unstable_input),
        unstable_output: output(p.unstable_output),
    })
}

/// One JSON value, with QEMU's parse errors.
fn parse_json(text: &str) -> Result<Value, String> {
    let mut parser = qapi_runtime::json::StreamParser::new();
    let mut out: Vec<qapi_runtime::json::Parsed> = Vec::new();
    parser.feed(text.as_bytes(), &mut |p| out.push(p));
    parser.flush(&mut |p| out.push(p));
    if out.len() > 1 && matches!(out[0], qapi_runtime::json::Parsed::Value(_)) {
        return Err("Expecting at most one JSON value".to_owned());
    }
    match out.into_iter().next() {
        Some(qapi_runtime::json::Parsed::Value(v)) => Ok(v),
        Some(qapi_runtime::json::Parsed::Error(e)) => Err(e),
        None => Err("JSON parse error, premature EOI".to_owned()),
    }
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

/// What `-version` prints: `WHO version X.Y.Z (PACKAGE)` and QEMU's
/// copyright line (the emulator and the storage daemon share it).
pub fn version_text(who: &str, build: &qapi_defs::qemu::Build) -> String {
    let (x, y, z) = build.version;
    let pkg = &build.package;
    let pkg = if pkg.is_empty() {
        String::new()
    } else {
        format!(" ({pkg})")
    };
    format!(
        "{who} version {x}.{y}.{z}{pkg}\nCopyright (c) 2003-2025 Fabrice Bellard and the QEMU Project developers\n"
    )
}
