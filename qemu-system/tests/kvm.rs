//! What the host's KVM decides, against the real binaries on the same
//! host: the VM's statistics, the x86 models' unavailable features and
//! expansions (named models, `host`, `max`) under KVM (`-accel kvm` on x86_64 and i386,
//! the default of x86_64-microvm), and QEMU's messages when `/dev/kvm`
//! cannot be opened.

mod common;

use std::path::Path;
use std::time::Duration;

use common::{CAPTURE_ARGS, Qemu, TempDir, diff_lines, normalize_timestamps, parallel};

const T: Duration = Duration::from_secs(30);

/// The requests of every session (then `quit`).
const SESSION: &[&str] = &[
    r#"{"execute":"qmp_capabilities"}"#,
    r#"{"execute":"query-kvm"}"#,
    r#"{"execute":"query-cpu-definitions"}"#,
    r#"{"execute":"query-stats-schemas"}"#,
    r#"{"execute":"query-stats-schemas","arguments":{"provider":"kvm"}}"#,
    r#"{"execute":"query-stats","arguments":{"target":"vm","providers":[{"provider":"kvm","names":["max_mmu_rmap_size","nope"]}]}}"#,
    r#"{"execute":"query-stats","arguments":{"target":"vm","providers":[{"provider":"kvm","names":[]}]}}"#,
    r#"{"execute":"query-stats","arguments":{"target":"vcpu"}}"#,
    r#"{"execute":"query-cpu-model-expansion","arguments":{"type":"static","model":{"name":"Skylake-Server-v1"}}}"#,
    r#"{"execute":"query-cpu-model-expansion","arguments":{"type":"static","model":{"name":"EPYC-v1","props":{"vme":false}}}}"#,
    r#"{"execute":"query-cpu-model-expansion","arguments":{"type":"static","model":{"name":"qemu64"}}}"#,
    r#"{"execute":"query-cpu-model-expansion","arguments":{"type":"static","model":{"name":"Opteron_G2"}}}"#,
    r#"{"execute":"query-cpu-model-expansion","arguments":{"type":"static","model":{"name":"base"}}}"#,
    r#"{"execute":"query-cpu-model-expansion","arguments":{"type":"static","model":{"name":"host"}}}"#,
    r#"{"execute":"query-cpu-model-expansion","arguments":{"type":"static","model":{"name":"max","props":{"migratable":false}}}}"#,
];

/// Full expansions (not on microvm, whose build lacks `hv-syndbg`, a
/// property of the default build's data).
const FULL: &[&str] = &[
    r#"{"execute":"query-cpu-model-expansion","arguments":{"type":"full","model":{"name":"Skylake-Server-v1"}}}"#,
    r#"{"execute":"query-cpu-model-expansion","arguments":{"type":"full","model":{"name":"EPYC-v1"}}}"#,
    r#"{"execute":"query-cpu-model-expansion","arguments":{"type":"full","model":{"name":"Opteron_G3"}}}"#,
    r#"{"execute":"query-cpu-model-expansion","arguments":{"type":"full","model":{"name":"qemu32"}}}"#,
    r#"{"execute":"query-cpu-model-expansion","arguments":{"type":"full","model":{"name":"host"}}}"#,
    r#"{"execute":"query-cpu-model-expansion","arguments":{"type":"full","model":{"name":"max","props":{"migratable":false}}}}"#,
];

/// Exit code, stdout (timestamps masked) and stderr of one session.
fn session(program: &Path, prefix: &[&str], extra: &[&str]) -> (Option<i32>, String, String) {
    let (cmd, mut args): (&Path, Vec<String>) = match prefix.split_first() {
        Some((first, rest)) => (
            Path::new(first),
            rest.iter()
                .map(|s| s.to_string())
                .chain([program.display().to_string()])
                .collect(),
        ),
        None => (program, Vec::new()),
    };
    args.extend(CAPTURE_ARGS.iter().chain(extra).map(|s| s.to_string()));
    let mut q = Qemu::spawn(cmd, &args);
    let full: &[&str] = if program.ends_with("qemu-system-x86_64-microvm") {
        &[]
    } else {
        FULL
    };
    for r in SESSION.iter().chain(full).chain([&r#"{"execute":"quit"}"#]) {
        q.send(format!("{r}\n").as_bytes());
    }
    q.close_stdin();
    let code = q
        .wait_exit(T)
        .unwrap_or_else(|| panic!("{} {extra:?} did not exit", program.display()));
    let mut out = String::new();
    while let Some(l) = q.read_line(Duration::from_secs(5)) {
        out.push_str(&String::from_utf8_lossy(&normalize_timestamps(&l)));
    }
    let err = String::from_utf8_lossy(&q.stderr_to_end(Duration::from_secs(5))).into_owned();
    (code, out, err)
}

fn compare(dir: &TempDir, target: &str, prefix: &[&str], extra: &[&str]) -> Option<String> {
    let real = session(
        Path::new(&format!("/usr/bin/qemu-system-{target}")),
        prefix,
        extra,
    );
    let ours = session(&dir.link(target), prefix, extra);
    if real == ours {
        return None;
    }
    let lines = |s: &str| -> Vec<Vec<u8>> { s.lines().map(|l| l.as_bytes().to_vec()).collect() };
    Some(format!(
        "{target} {prefix:?} {extra:?}: exit {:?} vs {:?}\nstderr:\n{}\nstdout:\n{}",
        real.0,
        ours.0,
        diff_lines(&lines(&real.2), &lines(&ours.2)).unwrap_or_default(),
        diff_lines(&lines(&real.1), &lines(&ours.1)).unwrap_or_default()
    ))
}

/// With the host's KVM usable (as this user): the same replies.
#[test]
fn kvm_answers_as_the_real_binaries() {
    let dir = TempDir::new("kvm");
    let cases: Vec<(&str, &[&str])> = vec![
        ("x86_64-microvm", &[]),
        ("x86_64", &["-accel", "kvm"]),
        ("i386", &["-accel", "kvm"]),
    ];
    let failures: Vec<String> = parallel(cases, 2, |(target, extra)| {
        compare(&dir, target, &[], extra)
    })
    .into_iter()
    .flatten()
    .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Without access to `/dev/kvm`: KVM cannot start (microvm exits,
/// `-accel kvm -accel tcg` falls back).  Run as `nobody` when we are
/// root; otherwise as this user, whatever its access.
#[test]
fn without_kvm_as_the_real_binaries() {
    let dir = TempDir::new("kvm-denied");
    let root =
        std::fs::metadata("/proc/self").is_ok_and(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0);
    let prefix: &[&str] = if root {
        &[
            "setpriv",
            "--reuid=nobody",
            "--regid=nogroup",
            "--clear-groups",
        ]
    } else {
        &[]
    };
    let cases: Vec<(&str, &[&str])> = vec![
        ("x86_64-microvm", &[]),
        ("x86_64-microvm", &["-accel", "kvm"]),
        ("x86_64", &["-accel", "kvm"]),
        ("x86_64", &["-accel", "kvm", "-accel", "tcg"]),
        ("x86_64", &["-machine", "none,accel=kvm:tcg"]),
    ];
    let failures: Vec<String> = parallel(cases, 2, |(target, extra)| {
        compare(&dir, target, prefix, extra)
    })
    .into_iter()
    .flatten()
    .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
