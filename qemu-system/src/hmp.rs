//! A small human monitor, as `human-monitor-command` runs it
//! (`monitor/hmp.c`).
//!
//! The command line is parsed as QEMU parses it: the command name runs up
//! to white space or `/`, `info` takes a sub-command, unknown names are
//! reported with everything typed up to the name, and commands that take
//! no arguments complain about extra text.  A few read-only and run-state
//! commands are modelled; every other command QEMU knows answers QMP's
//! "not implemented" error, so that no output is made up.

use qapi_runtime::{Config, Error};

/// The top-level HMP commands of QEMU 10.0 (`hmp-commands.hx`), with the
/// condition under which they exist.
const COMMANDS: &[(&str, Cond)] = &[
    ("help|?", Cond::Always),
    ("commit", Cond::Always),
    ("quit|q", Cond::Always),
    ("exit_preconfig", Cond::Always),
    ("block_resize", Cond::Always),
    ("block_stream", Cond::Always),
    ("block_job_set_speed", Cond::Always),
    ("block_job_cancel", Cond::Always),
    ("block_job_complete", Cond::Always),
    ("block_job_pause", Cond::Always),
    ("block_job_resume", Cond::Always),
    ("eject", Cond::Always),
    ("drive_del", Cond::Always),
    ("change", Cond::Always),
    ("screendump", Cond::Sym("CONFIG_PIXMAN")),
    ("logfile", Cond::Always),
    ("trace-event", Cond::Always),
    ("log", Cond::Always),
    ("savevm", Cond::Always),
    ("loadvm", Cond::Always),
    ("delvm", Cond::Always),
    ("one-insn-per-tb", Cond::Always),
    ("stop|s", Cond::Always),
    ("cont|c", Cond::Always),
    ("system_wakeup", Cond::Always),
    ("gdbserver", Cond::Always),
    ("x", Cond::Always),
    ("xp", Cond::Always),
    ("gpa2hva", Cond::Always),
    ("gpa2hpa", Cond::Sym("CONFIG_LINUX")),
    ("gva2gpa", Cond::Always),
    ("print|p", Cond::Always),
    ("i", Cond::Always),
    ("o", Cond::Always),
    ("sendkey", Cond::Always),
    ("sync-profile", Cond::Always),
    ("system_reset", Cond::Always),
    ("system_powerdown", Cond::Always),
    ("sum", Cond::Always),
    ("device_add", Cond::Always),
    ("device_del", Cond::Always),
    ("cpu", Cond::Always),
    ("mouse_move", Cond::Always),
    ("mouse_button", Cond::Always),
    ("mouse_set", Cond::Always),
    ("wavcapture", Cond::Always),
    ("stopcapture", Cond::Always),
    ("memsave", Cond::Always),
    ("pmemsave", Cond::Always),
    ("boot_set", Cond::Always),
    ("nmi", Cond::Always),
    ("ringbuf_write", Cond::Always),
    ("ringbuf_read", Cond::Always),
    ("announce_self", Cond::Always),
    ("migrate", Cond::Always),
    ("migrate_cancel", Cond::Always),
    ("migrate_continue", Cond::Always),
    ("migrate_incoming", Cond::Always),
    ("migrate_recover", Cond::Always),
    ("migrate_pause", Cond::Always),
    ("migrate_set_capability", Cond::Always),
    ("migrate_set_parameter", Cond::Always),
    ("migrate_start_postcopy", Cond::Always),
    ("x_colo_lost_heartbeat", Cond::Sym("CONFIG_REPLICATION")),
    ("client_migrate_info", Cond::Always),
    ("dump-guest-memory", Cond::Always),
    ("dump-skeys", Cond::Sym("TARGET_S390X")),
    ("migration_mode", Cond::Sym("TARGET_S390X")),
    ("snapshot_blkdev", Cond::Always),
    ("snapshot_blkdev_internal", Cond::Always),
    ("snapshot_delete_blkdev_internal", Cond::Always),
    ("drive_mirror", Cond::Always),
    ("drive_backup", Cond::Always),
    ("drive_add", Cond::Always),
    ("pcie_aer_inject_error", Cond::Always),
    ("netdev_add", Cond::Always),
    ("netdev_del", Cond::Always),
    ("object_add", Cond::Always),
    ("object_del", Cond::Always),
    // CONFIG_SLIRP: not a schema symbol; Debian builds with libslirp.
    ("hostfwd_add", Cond::Always),
    ("hostfwd_remove", Cond::Always),
    ("balloon", Cond::Always),
    ("set_link", Cond::Always),
    ("watchdog_action", Cond::Always),
    ("nbd_server_start", Cond::Always),
    ("nbd_server_add", Cond::Always),
    ("nbd_server_remove", Cond::Always),
    ("nbd_server_stop", Cond::Always),
    ("mce", Cond::Sym("TARGET_I386")),
    ("getfd", Cond::Sym("CONFIG_POSIX")),
    ("closefd", Cond::Always),
    ("block_set_io_throttle", Cond::Always),
    ("set_password", Cond::Always),
    ("expire_password", Cond::Always),
    ("chardev-add", Cond::Always),
    ("chardev-change", Cond::Always),
    ("chardev-remove", Cond::Always),
    ("chardev-send-break", Cond::Always),
    ("qemu-io", Cond::Always),
    ("qom-list", Cond::Always),
    ("qom-get", Cond::Always),
    ("qom-set", Cond::Always),
    ("replay_break", Cond::Always),
    ("replay_delete_break", Cond::Always),
    ("replay_seek", Cond::Always),
    ("calc_dirty_rate", Cond::Always),
    ("set_vcpu_dirty_limit", Cond::Always),
    ("cancel_vcpu_dirty_limit", Cond::Always),
    ("info", Cond::Always),
    ("dumpdtb", Cond::Sym("CONFIG_FDT")),
    // CONFIG_XEN_EMU: the x86 targets' KVM Xen emulation.
    ("xen-event-inject", Cond::Sym("TARGET_I386")),
    ("xen-event-list", Cond::Sym("TARGET_I386")),
];

/// The `info` sub-commands (`hmp-commands-info.hx`).
const INFO: &[(&str, Cond)] = &[
    ("version", Cond::Always),
    ("network", Cond::Always),
    ("chardev", Cond::Always),
    ("block", Cond::Always),
    ("blockstats", Cond::Always),
    ("block-jobs", Cond::Always),
    ("registers", Cond::Always),
    ("lapic", Cond::Sym("TARGET_I386")),
    ("cpus", Cond::Always),
    ("history", Cond::Always),
    ("irq", Cond::Always),
    ("pic", Cond::Always),
    ("pci", Cond::Always),
    (
        "tlb",
        Cond::Any(&[
            "TARGET_I386",
            "TARGET_SH4",
            "TARGET_SPARC",
            "TARGET_PPC",
            "TARGET_XTENSA",
            "TARGET_M68K",
        ]),
    ),
    ("mem", Cond::Any(&["TARGET_I386", "TARGET_RISCV"])),
    ("mtree", Cond::Always),
    ("jit", Cond::Sym("CONFIG_TCG")),
    ("opcount", Cond::Sym("CONFIG_TCG")),
    ("sync-profile", Cond::Always),
    ("kvm", Cond::Always),
    ("numa", Cond::Always),
    ("usb", Cond::Always),
    ("usbhost", Cond::Always),
    ("capture", Cond::Always),
    ("snapshots", Cond::Always),
    ("status", Cond::Always),
    ("mice", Cond::Always),
    ("vnc", Cond::Sym("CONFIG_VNC")),
    ("spice", Cond::Sym("CONFIG_SPICE")),
    ("name", Cond::Always),
    ("uuid", Cond::Always),
    ("usernet", Cond::Always),
    ("migrate", Cond::Always),
    ("migrate_capabilities", Cond::Always),
    ("migrate_parameters", Cond::Always),
    ("balloon", Cond::Always),
    ("qtree", Cond::Always),
    ("qdm", Cond::Always),
    ("qom-tree", Cond::Always),
    ("roms", Cond::Always),
    ("trace-events", Cond::Always),
    ("tpm", Cond::Always),
    ("memdev", Cond::Always),
    ("memory-devices", Cond::Always),
    ("iothreads", Cond::Always),
    ("rocker", Cond::Always),
    ("rocker-ports", Cond::Always),
    ("rocker-of-dpa-flows", Cond::Always),
    ("rocker-of-dpa-groups", Cond::Always),
    ("skeys", Cond::Sym("TARGET_S390X")),
    ("cmma", Cond::Sym("TARGET_S390X")),
    ("dump", Cond::Always),
    ("ramblock", Cond::Always),
    ("hotpluggable-cpus", Cond::Always),
    ("vm-generation-id", Cond::Always),
    ("memory_size_summary", Cond::Always),
    ("sev", Cond::Sym("TARGET_I386")),
    ("replay", Cond::Always),
    ("dirty_rate", Cond::Always),
    ("vcpu_dirty_limit", Cond::Always),
    ("sgx", Cond::Sym("TARGET_I386")),
    // CONFIG_MOS6522: the Macintosh VIA of the m68k and ppc machines.
    ("via", Cond::Any(&["TARGET_M68K", "TARGET_PPC"])),
    ("stats", Cond::Always),
    ("virtio", Cond::Always),
    ("virtio-status", Cond::Always),
    ("virtio-queue-status", Cond::Always),
    ("virtio-vhost-queue-status", Cond::Always),
    ("virtio-queue-element", Cond::Always),
    ("cryptodev", Cond::Always),
];

#[derive(Clone, Copy)]
enum Cond {
    Always,
    Sym(&'static str),
    Any(&'static [&'static str]),
}

impl Cond {
    fn holds(self, cfg: &Config) -> bool {
        let has = |s: &str| cfg.defined().any(|d| d == s);
        match self {
            Cond::Always => true,
            Cond::Sym(s) => has(s),
            Cond::Any(list) => list.iter().any(|s| has(s)),
        }
    }
}

/// A parsed command: its canonical name (first alias) and its arguments.
pub enum Parsed<'a> {
    /// Nothing but white space.
    Empty,
    /// Text to print (QEMU's own parse errors).
    Output(String),
    /// A known command; `name` is the canonical name (`info version` for
    /// sub-commands), `entry` its table entry (`stop|s`, `version`),
    /// `shown` the line up to the end of the name, `args` the rest after
    /// white space.
    Command {
        name: String,
        entry: &'static str,
        shown: &'a str,
        args: &'a str,
    },
}

fn is_space(c: u8) -> bool {
    // qemu_isspace: isspace() in the C locale.
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// `monitor_parse_command` over the two tables.
pub fn parse<'a>(cfg: &Config, line: &'a str) -> Parsed<'a> {
    let bytes = line.as_bytes();
    let mut p = 0;
    let mut table = COMMANDS;
    let mut prefix = String::new();
    loop {
        while p < bytes.len() && is_space(bytes[p]) {
            p += 1;
        }
        if p == bytes.len() {
            return Parsed::Empty;
        }
        let start = p;
        while p < bytes.len() && bytes[p] != b'/' && !is_space(bytes[p]) {
            p += 1;
        }
        let word = &line[start..p];
        let found = table
            .iter()
            .find(|(names, cond)| names.split('|').any(|n| n == word) && cond.holds(cfg));
        let Some((names, _)) = found else {
            return Parsed::Output(format!("unknown command: '{}'\n", &line[..p]));
        };
        let canonical = names.split('|').next().unwrap_or(names);
        let name_end = p;
        while p < bytes.len() && is_space(bytes[p]) {
            p += 1;
        }
        if canonical == "info" && prefix.is_empty() && p < bytes.len() {
            prefix = "info ".to_owned();
            table = INFO;
            continue;
        }
        return Parsed::Command {
            name: format!("{prefix}{canonical}"),
            entry: names,
            shown: &line[..name_end],
            args: &line[p..],
        };
    }
}

/// QEMU's complaint about arguments a command does not take: `entry` is
/// the command's table entry, `shown` the line up to the command name.
pub fn extraneous(entry: &str, shown: &str) -> String {
    format!(
        "{entry}: extraneous characters at the end of line\n{}",
        try_help(shown)
    )
}

/// The hint after an argument error.
pub fn try_help(shown: &str) -> String {
    format!("Try \"help {shown}\" for more information\n")
}

/// `get_str`: a word, or a double-quoted string with C escapes; the value
/// and the rest of the line.
pub fn get_str(s: &str) -> Option<(String, &str)> {
    let s = s.trim_start_matches(|c: char| c.is_ascii() && is_space(c as u8));
    if s.is_empty() {
        return None;
    }
    let Some(body) = s.strip_prefix('"') else {
        let end = s
            .find(|c: char| c.is_ascii() && is_space(c as u8))
            .unwrap_or(s.len());
        return Some((s[..end].to_owned(), &s[end..]));
    };
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &body[i + 1..])),
            '\\' => match chars.next() {
                Some((_, 'n')) => out.push('\n'),
                Some((_, 'r')) => out.push('\r'),
                Some((_, e @ ('\\' | '\'' | '"'))) => out.push(e),
                _ => return None,
            },
            c => out.push(c),
        }
    }
    None
}

/// The error for commands QEMU has but this emulator does not model.
pub fn not_implemented(shown: &str) -> Error {
    Error::generic(format!(
        "The HMP command '{}' is not implemented by this emulator",
        shown.trim_start()
    ))
}

/// Monitor output goes out with CR LF line ends.
pub fn crlf(s: &str) -> String {
    s.replace('\n', "\r\n")
}
