//! Every argument-less `query-*` command, and a set of commands with
//! arguments that an empty machine always refuses, answered by Debian's
//! real `qemu-system-<target>` and by ours, started the same way
//! (`-machine none -nodefaults -display none -S -qmp unix:...`): the
//! replies must be identical bytes once the socket paths are masked.
//!
//! One process per binary serves all its commands; the 30 binaries run on
//! a few threads.  The queries still answered differently are listed in
//! [`KNOWN`] with the reason; they are reported, not asserted.

mod common;

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{TempDir, binary, parallel, show};
use serde_json::Value as Json;

/// Debian's system emulators: the 29 targets and the microvm build.
const BINARIES: &[&str] = &[
    "aarch64",
    "alpha",
    "arm",
    "avr",
    "hppa",
    "i386",
    "loongarch64",
    "m68k",
    "microblaze",
    "microblazeel",
    "mips",
    "mips64",
    "mips64el",
    "mipsel",
    "or1k",
    "ppc",
    "ppc64",
    "riscv32",
    "riscv64",
    "rx",
    "s390x",
    "sh4",
    "sh4eb",
    "sparc",
    "sparc64",
    "tricore",
    "x86_64",
    "x86_64-microvm",
    "xtensa",
    "xtensaeb",
];

const MACHINE_ARGS: &[&str] = &["-machine", "none", "-nodefaults", "-display", "none", "-S"];

/// Queries whose answers still differ, with the binaries concerned (empty:
/// all that have the command) and why.  They are sent and reported, but
/// not asserted; anything not listed here must be identical.
const KNOWN: &[(&str, &[&str], &str)] = &[
    (
        "query-machines",
        &[],
        "machine types: the QOM data of issue 11 (libvirt)",
    ),
    (
        "query-cpu-definitions",
        &[],
        "CPU models: the QOM data of issue 11 (libvirt)",
    ),
    (
        "query-command-line-options",
        &[],
        "option groups: issue 11 (libvirt)",
    ),
    ("query-tpm-models", &[], "TPM models: issue 11 (libvirt)"),
    ("query-tpm-types", &[], "TPM types: issue 11 (libvirt)"),
    (
        "query-gic-capabilities",
        &[],
        "GIC capabilities: issue 11 (libvirt)",
    ),
    (
        "query-chardev-backends",
        &[],
        "order of QOM's whole type table (object_class_foreach): needs every \
         type of the target, the QOM data of issue 11",
    ),
    (
        "query-stats-schemas",
        &["x86_64-microvm"],
        "KVM is the accelerator: its statistics are the host kernel's \
         (KVM_GET_STATS_FD, an ioctl)",
    ),
];

/// Commands with arguments an empty machine refuses whatever the
/// (valid) arguments: nothing of the kind exists.  Sent where the
/// target's schema has the command.
const ARGUMENT_CASES: &[(&str, &str)] = &[
    ("query-named-block-nodes", r#"{"flat": true}"#),
    ("query-named-block-nodes", r#"{"flat": false}"#),
    ("query-blockstats", r#"{"query-nodes": true}"#),
    ("query-blockstats", r#"{"query-nodes": false}"#),
    ("query-stats-schemas", r#"{"provider": "cryptodev"}"#),
    ("query-stats-schemas", r#"{"provider": "kvm"}"#),
    ("query-dirty-rate", r#"{"calc-time-unit": "millisecond"}"#),
    ("query-dirty-rate", r#"{"calc-time-unit": "second"}"#),
    ("query-rx-filter", r#"{"name": "net0"}"#),
    ("query-rx-filter", r#"{"name": ""}"#),
];

const REPLY_TIMEOUT: Duration = Duration::from_secs(20);

/// A QMP monitor of one running emulator; the process is killed on drop.
struct Monitor {
    child: Child,
    reader: BufReader<UnixStream>,
    writer: UnixStream,
    /// The socket path, masked in replies.
    path: String,
}

impl Monitor {
    fn start(program: &Path, pre: &[&str], socket: PathBuf) -> Result<Monitor, String> {
        let mut child = Command::new(program)
            .args(pre)
            .args(MACHINE_ARGS)
            .arg("-qmp")
            .arg(format!("unix:{},server=on,wait=off", socket.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", program.display()))?;
        let start = Instant::now();
        let stream = loop {
            match UnixStream::connect(&socket) {
                Ok(s) => break s,
                Err(e) if start.elapsed() > REPLY_TIMEOUT => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(format!("{}: cannot connect: {e}", program.display()));
                }
                Err(_) => std::thread::sleep(Duration::from_millis(10)),
            }
        };
        stream
            .set_read_timeout(Some(REPLY_TIMEOUT))
            .map_err(|e| e.to_string())?;
        let writer = stream.try_clone().map_err(|e| e.to_string())?;
        let mut m = Monitor {
            child,
            reader: BufReader::new(stream),
            writer,
            path: socket.display().to_string(),
        };
        m.line()?;
        m.execute(r#"{"execute": "qmp_capabilities"}"#)?;
        Ok(m)
    }

    /// One line of output, without events.
    fn line(&mut self) -> Result<Vec<u8>, String> {
        loop {
            let mut buf = Vec::new();
            match self.reader.read_until(b'\n', &mut buf) {
                Ok(0) => return Err("connection closed".to_owned()),
                Ok(_) if buf.starts_with(b"{\"timestamp\"") => continue,
                Ok(_) => return Ok(buf),
                Err(e) => return Err(format!("no reply: {e}")),
            }
        }
    }

    /// Sends a request; its reply with the socket path masked.
    fn execute(&mut self, request: &str) -> Result<Vec<u8>, String> {
        self.writer
            .write_all(format!("{request}\n").as_bytes())
            .map_err(|e| format!("send: {e}"))?;
        let reply = self.line()?;
        Ok(mask(&reply, &self.path))
    }
}

impl Drop for Monitor {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn mask(reply: &[u8], path: &str) -> Vec<u8> {
    String::from_utf8_lossy(reply)
        .replace(path, "SOCKET")
        .into_bytes()
}

/// The `query-*` commands whose arguments are all optional, in schema
/// order, from the real binary's `query-qmp-schema`.
fn argumentless_queries(schema: &Json) -> Vec<String> {
    let Some(entities) = schema["return"].as_array() else {
        return Vec::new();
    };
    let by_name = |n: &str| entities.iter().find(|e| e["name"] == n);
    entities
        .iter()
        .filter(|e| e["meta-type"] == "command")
        .filter_map(|e| {
            let name = e["name"].as_str()?;
            let args = by_name(e["arg-type"].as_str()?)?;
            let mandatory = args["members"]
                .as_array()
                .is_some_and(|m| m.iter().any(|m| m.get("default").is_none()));
            (name.starts_with("query-") && !mandatory).then(|| name.to_owned())
        })
        .collect()
}

fn known(binary: &str, command: &str) -> Option<&'static str> {
    KNOWN
        .iter()
        .find(|(c, bins, _)| *c == command && (bins.is_empty() || bins.contains(&binary)))
        .map(|(_, _, why)| *why)
}

/// The outcome on one binary.
#[derive(Default)]
struct Report {
    binary: String,
    queries: usize,
    identical: usize,
    cases: usize,
    cases_identical: usize,
    /// Known differences seen (command).
    known_differing: Vec<String>,
    /// Listed as known but identical now.
    known_identical: Vec<String>,
    /// Unexpected differences: readable diffs.
    failures: Vec<String>,
}

fn diff(request: &str, real: &[u8], ours: &[u8]) -> String {
    let at = real.iter().zip(ours).take_while(|(a, b)| a == b).count();
    let mut s = String::new();
    let _ = writeln!(s, "  {request}");
    let _ = writeln!(s, "    real {}", show(real));
    let _ = writeln!(s, "    ours {}", show(ours));
    let from = at.saturating_sub(40);
    let _ = writeln!(
        s,
        "    first difference at byte {at}: real ...{} / ours ...{}",
        show(&real[from.min(real.len())..real.len().min(at + 40)]),
        show(&ours[from.min(ours.len())..ours.len().min(at + 40)])
    );
    s
}

fn sweep(name: &str) -> Report {
    let mut r = Report {
        binary: name.to_owned(),
        ..Report::default()
    };
    let dir = TempDir::new(&format!("real-queries-{name}"));
    let real_bin = PathBuf::from(format!("/usr/bin/qemu-system-{name}"));
    let started = Monitor::start(&real_bin, &[], dir.path().join("real.sock")).and_then(|real| {
        Monitor::start(&binary(), &["-target", name], dir.path().join("ours.sock"))
            .map(|ours| (real, ours))
    });
    let (mut real, mut ours) = match started {
        Ok(p) => p,
        Err(e) => {
            r.failures.push(format!("  cannot run: {e}"));
            return r;
        }
    };
    let schema = match real.execute(r#"{"execute": "query-qmp-schema"}"#) {
        Ok(s) => serde_json::from_slice::<Json>(&s).unwrap_or(Json::Null),
        Err(e) => {
            r.failures.push(format!("  query-qmp-schema: {e}"));
            return r;
        }
    };
    let queries = argumentless_queries(&schema);
    let has = |c: &str| {
        schema["return"].as_array().is_some_and(|a| {
            a.iter()
                .any(|e| e["meta-type"] == "command" && e["name"] == c)
        })
    };
    let mut requests: Vec<(String, String, bool)> = queries
        .iter()
        .map(|q| (q.clone(), format!(r#"{{"execute": "{q}"}}"#), false))
        .collect();
    requests.extend(ARGUMENT_CASES.iter().filter(|(c, _)| has(c)).map(|(c, a)| {
        (
            (*c).to_owned(),
            format!(r#"{{"execute": "{c}", "arguments": {a}}}"#),
            true,
        )
    }));
    for (command, request, with_args) in requests {
        let replies = real
            .execute(&request)
            .and_then(|a| ours.execute(&request).map(|b| (a, b)));
        let (a, b) = match replies {
            Ok(p) => p,
            Err(e) => {
                r.failures.push(format!("  {request}: {e}"));
                return r;
            }
        };
        let same = a == b;
        if with_args {
            r.cases += 1;
            r.cases_identical += usize::from(same);
        } else {
            r.queries += 1;
            r.identical += usize::from(same);
        }
        match (same, known(name, &command)) {
            (true, Some(_)) if !with_args => r.known_identical.push(command),
            (true, _) => {}
            (false, Some(_)) => r.known_differing.push(command),
            (false, None) => r.failures.push(diff(&request, &a, &b)),
        }
    }
    r
}

#[test]
fn real_binaries_answer_the_same() {
    let reports = parallel(BINARIES.to_vec(), 4, sweep);
    let mut out = String::new();
    let (mut q, mut qi, mut c, mut ci) = (0, 0, 0, 0);
    let mut failed = false;
    for r in &reports {
        q += r.queries;
        qi += r.identical;
        c += r.cases;
        ci += r.cases_identical;
        let _ = writeln!(
            out,
            "{:16} queries {:3}/{:3} identical, argument cases {:2}/{:2}; known differences: {}",
            r.binary,
            r.identical,
            r.queries,
            r.cases_identical,
            r.cases,
            if r.known_differing.is_empty() {
                "none".to_owned()
            } else {
                r.known_differing.join(", ")
            }
        );
        if !r.known_identical.is_empty() {
            let _ = writeln!(
                out,
                "    now identical, remove from KNOWN: {}",
                r.known_identical.join(", ")
            );
        }
        if !r.failures.is_empty() {
            failed = true;
            let _ = writeln!(out, "    DIFFERENT:");
            for f in &r.failures {
                out.push_str(f);
            }
        }
    }
    let _ = writeln!(
        out,
        "all: queries {qi}/{q} identical, argument cases {ci}/{c} identical"
    );
    for (command, bins, why) in KNOWN {
        let on = if bins.is_empty() {
            "all".to_owned()
        } else {
            bins.join(" ")
        };
        let _ = writeln!(out, "known: {command} ({on}): {why}");
    }
    println!("{out}");
    assert!(!failed, "replies differ from the real binaries:\n{out}");
}
