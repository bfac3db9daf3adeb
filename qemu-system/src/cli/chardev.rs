//! Chardevs: `-chardev` and the chardevs `-qmp` implies, as QemuOpts,
//! then created (`qemu_create_early_backends`) as the backends this
//! emulator has (stdio, unix server sockets).

use std::path::PathBuf;

use super::{Backend, ChardevSpec, CliError, Reporter, keyval, unsupported};

/// Valid chardev backend names (`-chardev <backend>`).
pub(super) const CHARDEV_BACKENDS: &[&str] = &[
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
pub(super) const CHARDEV_PARAMS: &[&str] = &[
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

pub(super) const CHARDEV_BOOLS: &[&str] = &[
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

/// A chardev as `-chardev`/`-qmp` declared it (QemuOpts).
pub(super) struct CharOpts {
    pub loc: String,
    pub id: Option<String>,
    pub items: Vec<(String, String)>,
}

impl CharOpts {
    pub(super) fn get(&self, k: &str) -> Option<&str> {
        self.items
            .iter()
            .rev()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    }
    pub(super) fn get_bool(&self, k: &str, default: bool) -> bool {
        self.get(k).and_then(keyval::parse_bool).unwrap_or(default)
    }
}

/// QEMU's `id_wellformed`.
fn id_wellformed(id: &str) -> bool {
    let mut c = id.chars();
    c.next().is_some_and(|c| c.is_ascii_alphabetic())
        && c.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
}

/// `qemu_opts_create` with an id: well-formed and unique.
pub(super) fn check_new_id(
    r: &Reporter,
    loc: &str,
    id: &str,
    existing: &[CharOpts],
) -> Result<(), CliError> {
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
pub(super) fn parse_compat(
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
pub(super) fn socket_backend(r: &Reporter, c: &CharOpts) -> Result<Backend, CliError> {
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

/// Creates the chardevs in order.
pub(super) fn create_chardevs(
    r: &Reporter,
    chardevs: &[CharOpts],
    daemonize: bool,
) -> Result<Vec<ChardevSpec>, CliError> {
    let mut created = Vec::new();
    let mut stdio_used = false;
    for c in chardevs {
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
            return Err(unsupported(r, &c.loc, "a multiplexed chardev"));
        }
        let b = match backend {
            "stdio" => {
                if daemonize {
                    return Err(r.at(&c.loc, "cannot use stdio with -daemonize"));
                }
                if stdio_used {
                    return Err(r.at(&c.loc, "cannot use stdio by multiple character devices"));
                }
                stdio_used = true;
                Backend::Stdio
            }
            "socket" => socket_backend(r, c)?,
            other => {
                return Err(unsupported(
                    r,
                    &c.loc,
                    &format!("the chardev backend '{other}'"),
                ));
            }
        };
        created.push(ChardevSpec {
            id: id.clone(),
            backend: b,
            loc: c.loc.clone(),
        });
    }
    Ok(created)
}
