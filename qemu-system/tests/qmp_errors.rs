//! Every case of the reference error corpus (`qmp-errors.jsonl`) replays
//! byte-identically: the same replies, and the same liveness afterwards,
//! following the capture procedure (fresh process per case; in phase
//! `negotiated` capabilities are negotiated first; replies are collected
//! until output is silent; then the probe is sent).

mod common;

use std::time::Duration;

use common::{Qemu, SILENCE, TempDir, base64_decode, diff_lines, parallel, read_reference, show};
use serde_json::Value;

const PROBE: &[u8] = b"{\"execute\":\"query-version\",\"id\":\"alive\"}\n";
/// How long the capture waited for the probe's reply.
const ALIVE_WAIT: Duration = Duration::from_secs(2);
const START_TIMEOUT: Duration = Duration::from_secs(10);

fn strings(v: &Value, key: &str) -> Vec<Vec<u8>> {
    v[key]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(|s| s.as_bytes().to_vec())
                .collect()
        })
        .unwrap_or_default()
}

fn run_case(case: &Value) -> Result<(), String> {
    let name = case["name"].as_str().unwrap_or("?");
    let send = base64_decode(case["send_b64"].as_str().unwrap_or(""));
    let target = case["binary"]
        .as_str()
        .and_then(|b| b.strip_prefix("qemu-system-"))
        .unwrap_or("x86_64");
    let replies = strings(case, "replies");
    let alive_replies = strings(case, "alive_replies");
    let alive = case["alive"].as_bool().unwrap_or(false);
    let partial = case["partial"].as_str().unwrap_or("").as_bytes().to_vec();

    let dir = TempDir::new("errors");
    let mut q = Qemu::capture_like(&dir, target, &[]);
    let header = format!(
        "case {name} (phase {}), sent {}",
        case["phase"],
        show(&send)
    );
    if q.read_line(START_TIMEOUT).is_none() {
        return Err(format!(
            "{header}\n  no greeting; stderr: {}",
            show(&q.stderr())
        ));
    }
    if case["phase"] == "negotiated" {
        q.send(b"{\"execute\":\"qmp_capabilities\"}\n");
        if q.read_line(START_TIMEOUT).is_none() {
            return Err(format!("{header}\n  no reply to qmp_capabilities"));
        }
    }
    q.send(&send);
    let got = q.collect(replies.len(), SILENCE, SILENCE, Duration::from_secs(20));
    let mut problems = Vec::new();
    if let Some(d) = diff_lines(&replies, &got.lines) {
        problems.push(format!("  replies differ:\n{d}"));
    }
    if got.partial != partial {
        problems.push(format!(
            "  unterminated output differs: expected {} got {}",
            show(&partial),
            show(&got.partial)
        ));
    }
    q.send(PROBE);
    let (mut lines, got_alive) = q.collect_until(ALIVE_WAIT, |l| {
        l.windows(13).any(|w| w == b"\"id\": \"alive\"")
    });
    if got_alive {
        lines.extend(q.collect(0, SILENCE, SILENCE, Duration::from_secs(5)).lines);
    }
    if got_alive != alive {
        problems.push(format!("  alive: expected {alive}, got {got_alive}"));
    }
    if let Some(d) = diff_lines(&alive_replies, &lines) {
        problems.push(format!("  replies after the probe differ:\n{d}"));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{header}\n{}", problems.join("\n")))
    }
}

#[test]
fn qmp_errors_replay() {
    let text = read_reference("qmp-errors.jsonl");
    let cases: Vec<Value> = String::from_utf8_lossy(&text)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad case line: {e}")))
        .collect();
    assert!(!cases.is_empty());
    let total = cases.len();
    let results = parallel(cases, 16, |c| run_case(&c));
    let failures: Vec<String> = results.into_iter().filter_map(Result::err).collect();
    eprintln!(
        "qmp-errors: {}/{total} cases identical",
        total - failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {total} cases differ:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
