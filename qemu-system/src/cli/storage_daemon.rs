//! The command line of `qemu-storage-daemon` (`storage-daemon/
//! qemu-storage-daemon.c`), for the binary run under that name: its monitor
//! options are read the way the real daemon reads them (`getopt_long`, each
//! chardev and monitor created as it is read); the block-layer options are
//! refused explicitly.

use std::path::PathBuf;

use qapi_defs::qemu;

use super::chardev::{
    CHARDEV_BACKENDS, CHARDEV_BOOLS, CHARDEV_PARAMS, CharOpts, check_new_id, socket_backend,
};
use super::{Backend, ChardevSpec, CliError, Options, Outcome, Reporter, keyval, unsupported};

/// The binary name the daemon answers to.
pub const PROGRAM: &str = "qemu-storage-daemon";

/// `(name, takes an argument)` of the daemon's long options.
const LONG: &[(&str, bool)] = &[
    ("blockdev", true),
    ("chardev", true),
    ("daemonize", false),
    ("export", true),
    ("help", false),
    ("monitor", true),
    ("nbd-server", true),
    ("object", true),
    ("pidfile", true),
    ("trace", true),
    ("version", false),
];

/// Reads the daemon's command line (without argv[0]).  `argv0` is what
/// `getopt` prints in its own messages.
pub fn parse(argv0: &str, args: &[String]) -> Result<Outcome, CliError> {
    let r = Reporter { program: PROGRAM };
    let config = qemu::storage_daemon_config()
        .ok_or_else(|| r.plain("no configuration for the storage daemon"))?;
    let mut opts = Options::defaults(config, "tcg");
    let mut chardevs: Vec<CharOpts> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let raw = &args[i];
        i += 1;
        let (name, inline) = match (raw.strip_prefix("--"), raw.strip_prefix('-')) {
            (Some(long), _) if !long.is_empty() => match long.split_once('=') {
                Some((n, v)) => (n.to_owned(), Some(v.to_owned())),
                None => (long.to_owned(), None),
            },
            (None, Some(short)) if !short.is_empty() => {
                let mut c = short.chars();
                let opt = c.next().unwrap_or('-');
                let rest: String = c.collect();
                let long = match opt {
                    'h' => "help",
                    'V' => "version",
                    'T' => "trace",
                    _ => {
                        return Err(CliError(format!("{argv0}: invalid option -- '{opt}'\n")));
                    }
                };
                let inline = (!rest.is_empty()).then_some(rest);
                (long.to_owned(), inline)
            }
            _ => return Err(r.at(raw, "Unexpected argument")),
        };
        let Some(&(name, has_arg)) = LONG.iter().find(|(n, _)| *n == name) else {
            return Err(CliError(format!("{argv0}: unrecognized option '{raw}'\n")));
        };
        let arg = match (has_arg, inline) {
            (true, Some(a)) => a,
            (true, None) => {
                let Some(a) = args.get(i) else {
                    return Err(CliError(format!(
                        "{argv0}: option '--{name}' requires an argument\n"
                    )));
                };
                i += 1;
                a.clone()
            }
            (false, _) => String::new(),
        };
        let loc = if has_arg {
            format!("--{name} {arg}")
        } else {
            format!("--{name}")
        };
        match name {
            "help" => {
                return Ok(Outcome::Exit {
                    stdout: format!("Usage: {PROGRAM} [options]\n{HELP}"),
                    stderr: String::new(),
                    code: 0,
                });
            }
            "version" => {
                return Ok(Outcome::Exit {
                    stdout: super::version_text(PROGRAM, &opts.config.build),
                    stderr: String::new(),
                    code: 0,
                });
            }
            "chardev" => {
                let spec = chardev(&r, &loc, &arg, &mut chardevs, opts.daemonize)?;
                opts.chardevs.push(spec);
            }
            "monitor" => {
                let chardev = monitor(&r, &loc, &arg, &opts)?;
                opts.monitors.push(chardev);
            }
            "pidfile" => opts.pidfile = Some(PathBuf::from(arg)),
            "daemonize" => opts.daemonize = true,
            other => {
                return Err(unsupported(&r, &loc, &format!("--{other}")));
            }
        }
    }
    Ok(Outcome::Run(Box::new(opts)))
}

/// `--chardev`: checked and created at once (`qemu_chr_new_from_opts`).
fn chardev(
    r: &Reporter,
    loc: &str,
    arg: &str,
    seen: &mut Vec<CharOpts>,
    daemonize: bool,
) -> Result<ChardevSpec, CliError> {
    let mut id = None;
    let mut items = Vec::new();
    for (k, v) in keyval::opts(arg, Some("backend")) {
        if k == "id" {
            id = Some(v);
        } else if !CHARDEV_PARAMS.contains(&k.as_str()) {
            return Err(r.at(loc, format!("Invalid parameter '{k}'")));
        } else if CHARDEV_BOOLS.contains(&k.as_str()) && keyval::parse_bool(&v).is_none() {
            return Err(r.at(loc, format!("Parameter '{k}' expects 'on' or 'off'")));
        } else {
            items.push((k, v));
        }
    }
    if let Some(id) = &id {
        check_new_id(r, loc, id, seen)?;
    }
    let c = CharOpts {
        loc: loc.to_owned(),
        id: id.clone(),
        items,
    };
    let Some(id) = id else {
        return Err(r.at(loc, "chardev: no id specified"));
    };
    let Some(backend) = c.get("backend") else {
        return Err(r.at(loc, format!("chardev: \"{id}\" missing backend")));
    };
    if !CHARDEV_BACKENDS.contains(&backend) {
        return Err(r.at(loc, format!("'{backend}' is not a valid char driver name")));
    }
    if c.get_bool("mux", false) {
        return Err(unsupported(r, loc, "a multiplexed chardev"));
    }
    let backend = match backend {
        "stdio" if daemonize => return Err(r.at(loc, "cannot use stdio with -daemonize")),
        "stdio" => Backend::Stdio,
        "socket" => socket_backend(r, &c)?,
        other => {
            return Err(unsupported(
                r,
                loc,
                &format!("the chardev backend '{other}'"),
            ));
        }
    };
    seen.push(c);
    Ok(ChardevSpec {
        id,
        backend,
        loc: loc.to_owned(),
    })
}

/// `--monitor [chardev=]NAME[,mode=control][,pretty=on|off]`: QMP only.
fn monitor(r: &Reporter, loc: &str, arg: &str, opts: &Options) -> Result<String, CliError> {
    let items = keyval::opts(arg, Some("chardev"));
    let get = |k: &str| {
        items
            .iter()
            .rev()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    };
    for (k, v) in &items {
        match k.as_str() {
            "mode" | "chardev" | "id" => {}
            "pretty" => {
                if keyval::parse_bool(v).is_none() {
                    return Err(r.at(loc, "Parameter 'pretty' expects 'on' or 'off'"));
                }
            }
            _ => return Err(r.at(loc, format!("Parameter '{k}' is unexpected"))),
        }
    }
    if get("mode").is_some_and(|m| m != "control") {
        return Err(r.at(loc, "Only QMP is supported"));
    }
    let Some(chardev) = get("chardev") else {
        return Err(r.at(loc, "Parameter 'chardev' is missing"));
    };
    if !opts.chardevs.iter().any(|c| c.id == chardev) {
        return Err(r.at(loc, format!("chardev \"{chardev}\" not found")));
    }
    if opts.monitors.iter().any(|c| c == chardev) {
        return Err(r.at(loc, format!("chardev '{chardev}' is already in use")));
    }
    if get("pretty").and_then(keyval::parse_bool) == Some(true) {
        return Err(unsupported(r, loc, "pretty-printed QMP"));
    }
    Ok(chardev.to_owned())
}

/// `qemu-storage-daemon --help` after its first line (`help()` in
/// storage-daemon/qemu-storage-daemon.c).
const HELP: &str = r#"QEMU storage daemon

  -h, --help             display this help and exit
  -T, --trace [[enable=]<pattern>][,events=<file>][,file=<file>]
                         specify tracing options
  -V, --version          output version information and exit

  --blockdev [driver=]<driver>[,node-name=<N>][,discard=ignore|unmap]
             [,cache.direct=on|off][,cache.no-flush=on|off]
             [,read-only=on|off][,auto-read-only=on|off]
             [,force-share=on|off][,detect-zeroes=on|off|unmap]
             [,driver specific parameters...]
                         configure a block backend

  --chardev <options>    configure a character device backend
                         (see the qemu(1) man page for possible options)

  --daemonize            daemonize the process, and have the parent exit
                         once startup is complete

  --export [type=]nbd,id=<id>,node-name=<node-name>[,name=<export-name>]
           [,writable=on|off][,bitmap=<name>]
                         export the specified block node over NBD
                         (requires --nbd-server)

  --export [type=]fuse,id=<id>,node-name=<node-name>,mountpoint=<file>
           [,growable=on|off][,writable=on|off][,allow-other=on|off|auto]
                         export the specified block node over FUSE

  --export [type=]vhost-user-blk,id=<id>,node-name=<node-name>,
           addr.type=unix,addr.path=<socket-path>[,writable=on|off]
           [,logical-block-size=<block-size>][,num-queues=<num-queues>]
                         export the specified block node as a
                         vhost-user-blk device over UNIX domain socket
  --export [type=]vhost-user-blk,id=<id>,node-name=<node-name>,
           addr.type=fd,addr.str=<fd>[,writable=on|off]
           [,logical-block-size=<block-size>][,num-queues=<num-queues>]
                         export the specified block node as a
                         vhost-user-blk device over file descriptor

  --export [type=]vduse-blk,id=<id>,node-name=<node-name>
           ,name=<vduse-name>[,writable=on|off]
           [,num-queues=<num-queues>][,queue-size=<queue-size>]
           [,logical-block-size=<logical-block-size>]
           [,serial=<serial-number>]
                         export the specified block node as a
                         vduse-blk device

  --monitor [chardev=]name[,mode=control][,pretty[=on|off]]
                         configure a QMP monitor

  --nbd-server addr.type=inet,addr.host=<host>,addr.port=<port>
               [,tls-creds=<id>][,tls-authz=<id>][,max-connections=<n>]
  --nbd-server addr.type=unix,addr.path=<path>
               [,tls-creds=<id>][,tls-authz=<id>][,max-connections=<n>]
                         start an NBD server for exporting block nodes

  --object help          list object types that can be added
  --object <type>,help   list properties for the given object type
  --object <type>[,<property>=<value>...]
                         create a new object of type <type>, setting
                         properties in the order they are specified. Note
                         that the 'id' property must be set.
                         See the qemu(1) man page for documentation of the
                         objects that can be added.

  --pidfile <path>       write process ID to a file after startup

See <https://qemu.org/contribute/report-a-bug> for how to report bugs.
More information on the QEMU project at <https://qemu.org>.
"#;
