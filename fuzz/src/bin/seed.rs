//! Writes the seed corpora `fuzz/corpus/<target>/` from the reference
//! captures: the requests of `qmp-errors.jsonl` (`send_b64`) and of
//! `x86_64/transcripts.jsonl` (`send_hex`), in each target's input format.
//!
//! Usage: `seed [REFERENCE_DIR [CORPUS_DIR]]`; by default the reference
//! is `../shared/reference/qemu-10.0.2` beside the repository and the
//! corpus `fuzz/corpus`.  Files are named by a hash of their content, so
//! running it again adds nothing twice.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

// Built with the targets' coverage instrumentation, whose hooks
// libFuzzer defines.
use libfuzzer_sys as _;
use qapi_fuzz::roundtrip::CASES;
use qapi_runtime::json::to_vec;
use qapi_runtime::{Registry, Value};
use serde_json::Value as Json;

/// One request as sent, with whether capabilities were negotiated.
struct Send {
    bytes: Vec<u8>,
    negotiated: bool,
}

fn b64(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            _ => return None,
        };
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

fn hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

fn jsonl(path: &Path) -> Vec<Json> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .collect()
}

/// FNV-1a, for file names.
fn name(data: &[u8]) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in data {
        h = (h ^ b as u64).wrapping_mul(0x100000001b3);
    }
    format!("seed-{h:016x}")
}

struct Corpus {
    dir: PathBuf,
    count: usize,
}

impl Corpus {
    fn new(root: &Path, target: &str) -> Corpus {
        let dir = root.join(target);
        fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        Corpus { dir, count: 0 }
    }

    fn add(&mut self, data: &[u8]) {
        let path = self.dir.join(name(data));
        if !path.exists() {
            fs::write(&path, data).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            self.count += 1;
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let reference = args
        .first()
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("../../shared/reference/qemu-10.0.2"));
    let out = args
        .get(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("corpus"));

    let mut sends = Vec::new();
    for rec in jsonl(&reference.join("qmp-errors.jsonl")) {
        if let Some(bytes) = rec["send_b64"].as_str().and_then(b64) {
            let negotiated = rec["phase"].as_str() != Some("pre-negotiation");
            sends.push(Send { bytes, negotiated });
        }
    }
    // Transcripts start before negotiation: whole sessions, and each
    // request on its own (as if after negotiation).
    let mut sessions = Vec::new();
    for rec in jsonl(&reference.join("x86_64/transcripts.jsonl")) {
        let mut session = Vec::new();
        for ex in rec["exchanges"].as_array().into_iter().flatten() {
            if let Some(bytes) = ex["send_hex"].as_str().and_then(hex) {
                session.extend_from_slice(&bytes);
                sends.push(Send {
                    bytes,
                    negotiated: true,
                });
            }
        }
        sessions.push(session);
    }

    // json_stream: [k=1, chunk length] + bytes; whole sessions in 1-byte
    // chunks too.
    let mut c = Corpus::new(&out, "json_stream");
    for s in &sends {
        c.add(&[&[1u8, 5][..], &s.bytes].concat());
    }
    for s in &sessions {
        c.add(&[&[1u8, 7][..], s].concat());
        c.add(&[&[0u8][..], s].concat());
    }
    let json_stream = c.count;

    // dispatch (and model, same format): raw mode (0: after negotiation,
    // 1: before), and one schema-shaped request per command (mode 2,
    // zeros: the common case).
    let mut seeds: Vec<Vec<u8>> = Vec::new();
    for s in &sends {
        let mode = if s.negotiated { 0u8 } else { 1 };
        seeds.push([&[mode][..], &s.bytes].concat());
    }
    for s in &sessions {
        seeds.push([&[1u8][..], s].concat());
    }
    let registry = Registry::of(&qapi_defs::QEMU_SYSTEM).expect("registry");
    let config = qapi_defs::qemu::config("x86_64").expect("x86_64");
    let enabled: Vec<_> = registry
        .commands()
        .filter(|c| config.eval(c.cond))
        .collect();
    for i in 0..enabled.len() {
        let [hi, lo] = (i as u16).to_be_bytes();
        seeds.push(vec![2, 0, hi, lo, 0, 0, 0, 0]);
    }
    let mut c = Corpus::new(&out, "dispatch");
    let mut m = Corpus::new(&out, "model");
    for s in &seeds {
        c.add(s);
        m.add(s);
    }
    let dispatch = c.count;
    let model = m.count;

    // serde_roundtrip: the arguments of every captured request as JSON
    // text for its command's argument type (mode 1), and the minimal
    // generated value of every type (mode 0).
    let mut c = Corpus::new(&out, "serde_roundtrip");
    let index: HashMap<&str, usize> = CASES
        .iter()
        .enumerate()
        .map(|(i, k)| (k.name.as_str(), i))
        .collect();
    for i in 0..CASES.len() {
        let [hi, lo] = (i as u16).to_be_bytes();
        c.add(&[hi, lo, 0]);
    }
    for s in &sends {
        for v in qapi_fuzz::parse_all(&s.bytes) {
            let qapi_runtime::json::Parsed::Value(Value::Dict(d)) = v else {
                continue;
            };
            let Some(args) = d.get("arguments") else {
                continue;
            };
            let Some(cmd) = d
                .get("execute")
                .or_else(|| d.get("exec-oob"))
                .and_then(Value::as_str)
                .and_then(|n| registry.get(n))
            else {
                continue;
            };
            let Some(ty) = cmd.as_command().and_then(|c| c.args) else {
                continue;
            };
            if let Some(&i) = index.get(ty.name().as_str()) {
                let [hi, lo] = (i as u16).to_be_bytes();
                c.add(&[&[hi, lo, 1][..], &to_vec(args)].concat());
            }
        }
    }
    let serde_roundtrip = c.count;

    // client_reader: what servers sent, whole sessions (greeting, replies
    // and events), one byte at a time (0) and in 7-byte chunks, and each
    // captured reply after the greeting.
    let mut c = Corpus::new(&out, "client_reader");
    let mut greeting = Vec::new();
    for rec in jsonl(&reference.join("x86_64/transcripts.jsonl")) {
        let mut session = Vec::new();
        let lines = rec["greeting"].as_array().into_iter().flatten().chain(
            rec["exchanges"]
                .as_array()
                .into_iter()
                .flatten()
                .flat_map(|ex| ex["recv"].as_array().into_iter().flatten()),
        );
        for line in lines.filter_map(|l| l.as_str()) {
            session.extend_from_slice(line.as_bytes());
            session.push(b'\n');
        }
        if greeting.is_empty()
            && let Some(g) = rec["greeting"][0].as_str()
        {
            greeting = format!("{g}\n").into_bytes();
        }
        c.add(&[&[0u8][..], &session].concat());
        c.add(&[&[1u8, 7][..], &session].concat());
    }
    for name in [
        "query-version",
        "query-target",
        "query-commands",
        "qmp_capabilities",
    ] {
        if let Ok(reply) = fs::read(reference.join(format!("x86_64/{name}.json"))) {
            c.add(&[&[1u8, 255][..], &greeting, &reply].concat());
        }
    }
    let client_reader = c.count;

    println!(
        "seeded {}: json_stream {json_stream}, dispatch {dispatch}, model {model}, \
         serde_roundtrip {serde_roundtrip}, client_reader {client_reader} new files",
        out.display()
    );
}
