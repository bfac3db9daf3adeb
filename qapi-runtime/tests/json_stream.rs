//! The stream parser against replies recorded from real QEMU 10.0.2.
//!
//! Every message the parser produces becomes exactly one reply in QEMU, in
//! order: a parse error or a non-object value becomes a fixed GenericError
//! reply without `id`; an object goes on to the dispatcher, whose reply is
//! not checked here beyond the echoed `id`.

use qapi_runtime::json::{Parsed, StreamParser, to_vec};
use qapi_runtime::value::{Dict, Value};

const PROBE: &[u8] = b"{\"execute\":\"query-version\",\"id\":\"alive\"}\n";

use qapi_test_support::reference_dir;

fn b64decode(s: &str) -> Vec<u8> {
    let val = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'+' => 62,
            b'/' => 63,
            _ => panic!("bad base64 byte {c:#x}"),
        }
    };
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0);
    for c in s.bytes().filter(|&c| c != b'=' && !c.is_ascii_whitespace()) {
        acc = (acc << 6) | val(c);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

/// The reply line QEMU sends for a message that never reaches dispatch.
fn error_line(desc: &str) -> String {
    let mut err = Dict::new();
    err.insert("class", "GenericError");
    err.insert("desc", desc);
    let mut top = Dict::new();
    top.insert("error", err);
    String::from_utf8(to_vec(&Value::Dict(top))).unwrap()
}

/// Whether a recorded reply comes from the parser path (a parse or limit
/// error, or a non-object value).
fn is_parser_reply(line: &str) -> bool {
    let Ok(serde_json::Value::Object(top)) = serde_json::from_str::<serde_json::Value>(line) else {
        return false; // e.g. an echoed `inf`: a dispatched request
    };
    let Some(serde_json::Value::Object(err)) = top.get("error") else {
        return false;
    };
    let desc = err.get("desc").and_then(|d| d.as_str()).unwrap_or("");
    top.len() == 1
        && err.get("class").and_then(|c| c.as_str()) == Some("GenericError")
        && (desc.starts_with("JSON ") || desc == "QMP input must be a JSON object")
}

enum Got {
    /// The exact reply line expected.
    Line(String),
    /// An object for the dispatcher; its `id` as QEMU would echo it.
    Object(Option<String>),
}

impl Got {
    fn of(m: Parsed) -> Got {
        match m {
            Parsed::Error(e) => Got::Line(error_line(&e)),
            Parsed::Value(Value::Dict(d)) => {
                Got::Object(d.get("id").map(|id| String::from_utf8(to_vec(id)).unwrap()))
            }
            Parsed::Value(_) => Got::Line(error_line("QMP input must be a JSON object")),
        }
    }

    fn matches(&self, want: &str) -> bool {
        match self {
            Got::Line(l) => l == want,
            Got::Object(id) => {
                !is_parser_reply(want)
                    && id.as_ref().is_none_or(|id| {
                        want.contains(&format!("\"id\": {id},"))
                            || want.contains(&format!("\"id\": {id}}}"))
                    })
            }
        }
    }

    fn show(&self) -> String {
        match self {
            Got::Line(l) => l.clone(),
            Got::Object(None) => "<object>".into(),
            Got::Object(Some(id)) => format!("<object with \"id\": {id}>"),
        }
    }
}

fn clip(s: &str) -> String {
    match s.char_indices().nth(160) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

/// Compares messages with reply lines; returns a readable diff on mismatch.
fn compare(got: &[Got], want: &[String]) -> Option<String> {
    let want: Vec<&str> = want.iter().map(|l| l.trim_end_matches("\r\n")).collect();
    if got.len() == want.len() && got.iter().zip(&want).all(|(g, w)| g.matches(w)) {
        return None;
    }
    let mut diff = format!("  {} messages, {} reply lines\n", got.len(), want.len());
    let mut shown = 0;
    for i in 0..got.len().max(want.len()) {
        let g = got.get(i);
        let w = want.get(i).copied();
        let ok = matches!((g, w), (Some(g), Some(w)) if g.matches(w));
        if ok && shown > 0 && i > 3 {
            continue;
        }
        shown += 1;
        if shown > 40 {
            diff.push_str("  …\n");
            break;
        }
        let mark = if ok { ' ' } else { '!' };
        diff.push_str(&format!(
            "{mark} #{i}\n    want: {}\n    got:  {}\n",
            w.map_or("<none>".into(), clip),
            g.map_or("<none>".into(), |g| clip(&g.show()))
        ));
    }
    Some(diff)
}

fn feed(p: &mut StreamParser, bytes: &[u8]) -> Vec<Got> {
    let mut out = Vec::new();
    p.feed(bytes, &mut |m| out.push(Got::of(m)));
    out
}

fn lines(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .expect("array of lines")
        .iter()
        .map(|l| l.as_str().expect("line").to_owned())
        .collect()
}

#[test]
fn qmp_error_corpus() {
    let path = reference_dir().join("qmp-errors.jsonl");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let (mut cases, mut checked, mut parser_lines) = (0, 0, 0);
    let mut failures = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).expect("corpus line");
        let name = case["name"].as_str().unwrap_or("?");
        let send = b64decode(case["send_b64"].as_str().expect("send_b64"));
        let replies = lines(&case["replies"]);
        let alive_replies = lines(&case["alive_replies"]);
        cases += 1;

        let mut p = StreamParser::new();
        let got = feed(&mut p, &send);
        if let Some(d) = compare(&got, &replies) {
            failures.push(format!("{name} (replies):\n{d}"));
        }
        // The probe shows what state the stream was left in.
        let got_alive = feed(&mut p, PROBE);
        if let Some(d) = compare(&got_alive, &alive_replies) {
            failures.push(format!("{name} (alive probe):\n{d}"));
        }
        checked += replies.len() + alive_replies.len();
        parser_lines += replies
            .iter()
            .chain(&alive_replies)
            .filter(|l| is_parser_reply(l.trim_end()))
            .count();
    }
    println!("{cases} cases, {checked} reply lines checked ({parser_lines} from the parser path)");
    assert!(cases >= 72, "only {cases} cases in {}", path.display());
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn transcripts() {
    let path = reference_dir().join("x86_64/transcripts.jsonl");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let (mut exchanges, mut checked) = (0, 0);
    let mut failures = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let session: serde_json::Value = serde_json::from_str(line).expect("transcript line");
        let title = session["title"].as_str().unwrap_or("?");
        // One connection per session: the stream state carries over.
        let mut p = StreamParser::new();
        for (i, ex) in session["exchanges"]
            .as_array()
            .expect("exchanges")
            .iter()
            .enumerate()
        {
            let hex = ex["send_hex"].as_str().expect("send_hex");
            let send: Vec<u8> = (0..hex.len())
                .step_by(2)
                .map(|j| u8::from_str_radix(&hex[j..j + 2], 16).expect("hex"))
                .collect();
            // Events arrive on their own; they are not replies.
            let recv: Vec<String> = lines(&ex["recv"])
                .into_iter()
                .filter(|l| !l.starts_with("{\"timestamp\": "))
                .collect();
            let got = feed(&mut p, &send);
            if let Some(d) = compare(&got, &recv) {
                failures.push(format!(
                    "{title} #{i} {}:\n{d}",
                    String::from_utf8_lossy(&send).trim_end()
                ));
            }
            exchanges += 1;
            checked += recv.len();
        }
    }
    println!("{exchanges} exchanges, {checked} reply lines checked");
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
