//! The greeting and the replies to `query-version`, `query-commands`,
//! `query-qmp-schema`, `query-target` (and `query-kvm`) are byte-identical
//! to the reference captures of every target folder, with the binary run
//! as `qemu-system-<target>` and, separately, with `-target <target>`.

mod common;

use std::time::Duration;

use common::{CAPTURE_ARGS, Qemu, TempDir, binary, diff_lines, parallel, reference_dir, show};

/// The commands compared, in the captures' order (`qmp_capabilities` first).
const COMMANDS: &[&str] = &[
    "qmp_capabilities",
    "query-version",
    "query-commands",
    "query-qmp-schema",
    "query-target",
    "query-kvm",
];

const REPLY_TIMEOUT: Duration = Duration::from_secs(20);

/// Every target folder of the reference captures.
fn targets() -> Vec<String> {
    let dir = reference_dir();
    let mut v: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .filter(|e| e.path().join("greeting.json").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Runs one session and compares the greeting and each captured reply.
fn check(target: &str, mut q: Qemu, how: &str) -> Result<(), String> {
    let folder = reference_dir().join(target);
    let mut errors = Vec::new();
    let expected_greeting =
        std::fs::read(folder.join("greeting.json")).map_err(|e| format!("{target}: {e}"))?;
    let greeting = q.read_line(REPLY_TIMEOUT).unwrap_or_default();
    if let Some(d) = diff_lines(&[expected_greeting], &[greeting]) {
        errors.push(format!("{target} ({how}): greeting differs\n{d}"));
    }
    for cmd in COMMANDS {
        let request = format!("{{\"execute\":\"{cmd}\"}}\n");
        q.send(request.as_bytes());
        let got = q.read_line(REPLY_TIMEOUT).unwrap_or_default();
        let Ok(expected) = std::fs::read(folder.join(format!("{cmd}.json"))) else {
            continue; // not captured for this target
        };
        if let Some(d) = diff_lines(&[expected], &[got]) {
            errors.push(format!(
                "{target} ({how}): reply to {} differs\n{d}",
                show(request.as_bytes())
            ));
        }
    }
    q.send(b"{\"execute\":\"quit\"}\n");
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("\n"))
    }
}

fn report(results: Vec<Result<(), String>>, what: &str) {
    let total = results.len();
    let failures: Vec<String> = results.into_iter().filter_map(Result::err).collect();
    eprintln!(
        "{what}: {}/{total} targets identical",
        total - failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn captures_by_program_name() {
    let targets = targets();
    assert!(
        !targets.is_empty(),
        "no target folders in {}",
        reference_dir().display()
    );
    let results = parallel(targets, 4, |t| {
        let dir = TempDir::new("captures");
        let q = Qemu::capture_like(&dir, &t, &[]);
        check(&t, q, "as qemu-system-<target>")
    });
    report(results, "captures (program name)");
}

#[test]
fn captures_by_target_option() {
    let targets = targets();
    let results = parallel(targets, 4, |t| {
        let mut args = vec!["-target".to_owned(), t.clone()];
        args.extend(CAPTURE_ARGS.iter().map(|s| s.to_string()));
        let q = Qemu::spawn(&binary(), &args);
        check(&t, q, "with -target")
    });
    report(results, "captures (-target)");
}
