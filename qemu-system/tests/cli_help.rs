//! The command line's listings against the real binaries, on all 30
//! (29 targets and the microvm build): `-machine help`, `-cpu help`,
//! `-device help`, `-device NAME,help` (every `DEVICE_STRIDE`th listed
//! device, every one with `CLI_HELP_EVERY_DEVICE=1`; aliases and bad
//! names), `-object help`, `-accel help`, `-display help`.
//! Stdout, stderr and exit status must be identical.
//!
//! Every listed device must have a property list (all do since the data
//! holds every device type's); one without would be asserted refused
//! with this emulator's "not supported" message, and fail the test.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use common::{TempDir, debian_binaries, parallel};
use qapi_test_support::real_binary;
use qemu_system::emulator::descriptions;
use qemu_system::emulator::types::device_props;

/// `-device NAME,help` is compared for every this-many'th device of each
/// binary's `-device help` listing (starting at an offset that differs per
/// binary): each run starts both binaries, and the 30 listings hold
/// 6,540 devices.  `CLI_HELP_EVERY_DEVICE=1` compares every one.
const DEVICE_STRIDE: usize = 8;

/// What a run printed and how it ended.
#[derive(PartialEq, Eq)]
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(program: &Path, args: &[&str]) -> Run {
    let out = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("{}: {e}", program.display()));
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The first differing line of `what` with a few lines around it.
fn diff(what: &str, real: &str, ours: &str) -> Option<String> {
    if real == ours {
        return None;
    }
    let r: Vec<&str> = real.lines().collect();
    let o: Vec<&str> = ours.lines().collect();
    let first = (0..r.len().max(o.len()))
        .find(|&i| r.get(i) != o.get(i))
        .unwrap_or(0);
    let mut s = format!(
        "  {what} differs at line {} ({} vs {} lines):\n",
        first + 1,
        r.len(),
        o.len()
    );
    for i in first.saturating_sub(2)..(first + 4).min(r.len().max(o.len())) {
        match (r.get(i), o.get(i)) {
            (Some(a), Some(b)) if a == b => s.push_str(&format!("    same  {a}\n")),
            (a, b) => {
                if let Some(a) = a {
                    s.push_str(&format!("    real  {a}\n"));
                }
                if let Some(b) = b {
                    s.push_str(&format!("    ours  {b}\n"));
                }
            }
        }
    }
    Some(s)
}

fn compare(args: &[&str], real: &Run, ours: &Run) -> Option<String> {
    let mut s = String::new();
    if real.code != ours.code {
        s.push_str(&format!(
            "  exit status: real {:?}, ours {:?}\n",
            real.code, ours.code
        ));
    }
    s.extend(diff("stdout", &real.stdout, &ours.stdout));
    s.extend(diff("stderr", &real.stderr, &ours.stderr));
    (!s.is_empty()).then(|| format!("{}:\n{s}", args.join(" ")))
}

/// Ours refuses a listing it does not model, with its own message.
fn refused(ours: &Run) -> bool {
    ours.code == Some(1)
        && ours.stdout.is_empty()
        && ours.stderr.contains("is not supported by this emulator")
}

struct Report {
    binary: &'static str,
    compared: usize,
    /// `-device NAME,help` asked / answered.
    devices: (usize, usize),
    /// Listed devices / those with a property list in the data.
    coverage: (usize, usize),
    not_modelled: Vec<String>,
    failures: Vec<String>,
}

fn check_binary(dir: &TempDir, binary: &'static str) -> Report {
    let real = real_binary(binary);
    let ours = dir.link(binary);
    let mut rep = Report {
        binary,
        compared: 0,
        devices: (0, 0),
        coverage: (0, 0),
        not_modelled: Vec::new(),
        failures: Vec::new(),
    };
    let cfg = qapi_defs::qemu::config(binary).expect("known binary");
    let listed: Vec<_> = descriptions::devices(&cfg).collect();
    rep.coverage = (
        listed.len(),
        listed
            .iter()
            .filter(|d| device_props(&cfg, d.name).is_some())
            .count(),
    );
    if rep.coverage.0 != rep.coverage.1 {
        rep.failures.push(format!(
            "{} of {} listed devices have no property list\n",
            rep.coverage.0 - rep.coverage.1,
            rep.coverage.0
        ));
    }
    // A sample of the listed devices (all with CLI_HELP_EVERY_DEVICE=1),
    // those without a property list (refused by ours), two aliases, an
    // abstract type, an unknown name, and the `?` spelling.
    let every = std::env::var_os("CLI_HELP_EVERY_DEVICE").is_some_and(|v| v == "1");
    let offset = binary.len() % DEVICE_STRIDE;
    let mut device_args: Vec<String> = listed
        .iter()
        .enumerate()
        .filter(|(i, d)| {
            every || i % DEVICE_STRIDE == offset || device_props(&cfg, d.name).is_none()
        })
        .map(|(_, d)| format!("{},help", d.name))
        .collect();
    device_args.extend(
        [
            "virtio-net,help",
            "virtio-blk,?",
            "cpu,help",
            "no-such-device,help",
        ]
        .map(str::to_owned),
    );
    let mut cases: Vec<Vec<String>> = [
        ["-machine", "help"],
        ["-machine", "?"],
        ["-cpu", "help"],
        ["-device", "help"],
        ["-device", "?"],
        ["-object", "help"],
        ["-accel", "help"],
        ["-accel", "?"],
        ["-display", "help"],
        ["-display", "?"],
    ]
    .iter()
    .map(|a| a.iter().map(|s| s.to_string()).collect())
    .collect();
    cases.extend(
        device_args
            .iter()
            .map(|d| vec!["-device".to_owned(), d.clone()]),
    );
    for case in &cases {
        let args: Vec<&str> = case.iter().map(String::as_str).collect();
        let r = run(&real, &args);
        let o = run(&ours, &args);
        let is_device_props = args[0] == "-device" && args[1] != "help" && args[1] != "?";
        if is_device_props {
            rep.devices.0 += 1;
            if refused(&o) && r.code == Some(0) && r.stderr.is_empty() {
                rep.not_modelled.push(args.join(" "));
                continue;
            }
            rep.devices.1 += 1;
        }
        rep.compared += 1;
        rep.failures.extend(compare(&args, &r, &o));
    }
    rep
}

#[test]
fn listings_match_the_real_binaries() {
    let dir = TempDir::new("cli-help");
    let reports = parallel(debian_binaries(), 3, |b| check_binary(&dir, b));
    let mut failures = String::new();
    for r in &reports {
        eprintln!(
            "{:<15} {} listings identical; -device NAME,help {}/{} answered; \
             {} of {} listed devices have a property list{}",
            r.binary,
            r.compared,
            r.devices.1,
            r.devices.0,
            r.coverage.1,
            r.coverage.0,
            if r.not_modelled.is_empty() {
                String::new()
            } else {
                format!("; not modelled: {}", r.not_modelled.join(", "))
            },
        );
        for f in &r.failures {
            failures.push_str(&format!("qemu-system-{} {f}", r.binary));
        }
    }
    assert!(failures.is_empty(), "listings differ:\n{failures}");
}

/// Help asked for in other positions and combinations: where `help` may
/// stand, which listing wins, and QEMU's "Help is not available" for the
/// options without one.  A machine's own property list is refused.
#[test]
fn help_positions_and_precedence() {
    let dir = TempDir::new("cli-help-pos");
    let compared: &[&[&str]] = &[
        &["-machine", "help,accel=tcg"],
        &["-machine", "?,x=y"],
        &["-compat", "help"],
        &["-compat", "deprecated-input=accept,help"],
        &["-display", "none,help"],
        &["-cpu", "help", "-machine", "help"],
        &["-machine", "help", "-cpu", "help"],
        &["-device", "help", "-cpu", "help"],
        &["-cpu", "help", "-device", "help"],
        &["-device", "no-such-device,help", "-device", "help"],
        &["-device", "e1000", "-device", "help"],
        &["-cpu", "max", "-cpu", "help"],
        &["-accel", "tcg,help"],
        &["-accel", "?,thread=single"],
        &["-object", "?"],
    ];
    let to_refuse: &[&[&str]] = &[
        &["-machine", "pc,help"],
        &["-machine", "type=pc", "-machine", "help"],
    ];
    let jobs: Vec<(&[&str], bool)> = compared
        .iter()
        .map(|a| (*a, true))
        .chain(to_refuse.iter().map(|a| (*a, false)))
        .collect();
    let ours = dir.link("x86_64");
    let real = real_binary("x86_64");
    let failures: Vec<String> = parallel(jobs, 3, |(args, compare_it)| {
        let o = run(&ours, args);
        if compare_it {
            compare(args, &run(&real, args), &o)
        } else if refused(&o) {
            None
        } else {
            Some(format!(
                "{}: expected ours to refuse, got {:?}\n",
                args.join(" "),
                o.stderr
            ))
        }
    })
    .into_iter()
    .flatten()
    .collect();
    assert!(failures.is_empty(), "{}", failures.concat());
}
