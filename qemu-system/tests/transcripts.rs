//! Every exchange of the reference transcripts (`x86_64/transcripts.jsonl`)
//! replays byte-identically, event timestamps aside.  Each session runs in
//! its own process with the session's extra arguments.

mod common;

use std::time::Duration;

use common::{
    Qemu, SILENCE, TempDir, diff_lines, hex_decode, normalize_timestamps, parallel, read_reference,
    show,
};
use serde_json::Value;

/// After the expected number of lines, how long to wait for more: extra
/// lines would show up in the next exchange anyway, and the session ends
/// with a full silence window.
const GRACE: Duration = Duration::from_millis(30);
const MAX_WAIT: Duration = Duration::from_secs(10);

fn crlf_lines(v: &Value) -> Vec<Vec<u8>> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(|s| normalize_timestamps(format!("{s}\r\n").as_bytes()))
                .collect()
        })
        .unwrap_or_default()
}

/// Runs one session; the number of exchanges and the failures.
fn run_session(session: &Value) -> (usize, Vec<String>) {
    let title = session["title"].as_str().unwrap_or("?");
    let extra: Vec<String> = session["extra_args"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    let exchanges = session["exchanges"].as_array().cloned().unwrap_or_default();
    let dir = TempDir::new("transcripts");
    let mut q = Qemu::capture_like(&dir, "x86_64", &extra);
    let mut failures = Vec::new();
    let greeting = q.collect(1, Duration::ZERO, SILENCE, MAX_WAIT);
    let expected_greeting = crlf_lines(&session["greeting"]);
    if let Some(d) = diff_lines(&expected_greeting, &greeting.lines) {
        failures.push(format!(
            "session '{title}' {extra:?}: greeting differs\n{d}"
        ));
    }
    let n = exchanges.len();
    for (i, ex) in exchanges.iter().enumerate() {
        let send = match ex["send_hex"].as_str() {
            Some(h) => hex_decode(h),
            None => ex["send"].as_str().unwrap_or("").as_bytes().to_vec(),
        };
        let expected = crlf_lines(&ex["recv"]);
        q.send(&send);
        let grace = if i + 1 == n { SILENCE } else { GRACE };
        let got = q.collect(expected.len(), grace, SILENCE, MAX_WAIT);
        let mut lines: Vec<Vec<u8>> = got.lines.iter().map(|l| normalize_timestamps(l)).collect();
        if !got.partial.is_empty() {
            lines.push(got.partial);
        }
        if let Some(d) = diff_lines(&expected, &lines) {
            failures.push(format!(
                "session '{title}' {extra:?}, exchange {i}: sent {}\n{d}",
                show(&send)
            ));
        }
    }
    (n, failures)
}

#[test]
fn transcripts_replay() {
    let text = read_reference("x86_64/transcripts.jsonl");
    let sessions: Vec<Value> = String::from_utf8_lossy(&text)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad session line: {e}")))
        .collect();
    assert!(!sessions.is_empty());
    let results = parallel(sessions, 8, |s| run_session(&s));
    let total: usize = results.iter().map(|(n, _)| n).sum();
    let failures: Vec<String> = results.into_iter().flat_map(|(_, f)| f).collect();
    let failed_exchanges = failures
        .iter()
        .filter(|f| f.contains(", exchange "))
        .count();
    eprintln!(
        "transcripts: {}/{total} exchanges identical",
        total - failed_exchanges
    );
    assert!(
        failures.is_empty(),
        "{} differences:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
