//! A QMP client for the `dispatch` and `model` targets: sends bytes to a
//! sans-IO session, knows from a mirror of the session's stream parser
//! which messages the server read, and checks the replies.

use std::sync::Mutex;

use qapi_runtime::desc::{Entity, Kind};
use qapi_runtime::json::{Parsed, StreamParser, to_vec};
use qapi_runtime::server::{Machine, Server, Session};
use qapi_runtime::{Config, Dict, Registry, Value};

use crate::{Gen, Src, TRACE, all_finite, loose_eq};

/// The commands requests are made of.
pub struct Commands {
    /// Commands of the configuration, in registry order.
    pub enabled: Vec<&'static Entity>,
    /// Commands the configuration leaves out.
    pub disabled: Vec<&'static Entity>,
}

impl Commands {
    pub fn new(config: &Config) -> Commands {
        let registry = Registry::of(&qapi_defs::QEMU_SYSTEM).expect("registry");
        // The one-reply-per-request check relies on this.
        for c in registry.commands() {
            let Kind::Command(d) = &c.kind else {
                unreachable!()
            };
            assert!(d.success_response, "{} has no success response", c.name);
        }
        let (enabled, disabled) = registry.commands().partition(|c| config.eval(c.cond));
        Commands { enabled, disabled }
    }
}

/// A session and a parser that mirrors the session's.
pub struct Client<S: Machine> {
    session: Session<S>,
    mirror: StreamParser,
    /// The machine asked to exit (`quit`) or a `-compat ...=crash` policy
    /// was violated: the session handles nothing more, as QEMU, which
    /// exits, answers nothing more.
    stopped: bool,
}

impl<S: Machine> Client<S> {
    /// A new session; `negotiate`: `None` leaves it in capabilities
    /// negotiation, `Some(oob)` sends `qmp_capabilities` (enabling `oob`).
    pub fn new(server: &Server<S>, negotiate: Option<bool>) -> Client<S> {
        let mut c = Client {
            session: server.session(true),
            mirror: StreamParser::new(),
            stopped: false,
        };
        match negotiate {
            None => {}
            Some(false) => c.send(b"{\"execute\":\"qmp_capabilities\"}\n"),
            Some(true) => {
                c.send(b"{\"execute\":\"qmp_capabilities\",\"arguments\":{\"enable\":[\"oob\"]}}\n")
            }
        }
        c
    }

    /// Sends `bytes` and checks what comes back.
    pub fn send(&mut self, bytes: &[u8]) {
        let mut expected: Vec<(Option<Value>, bool)> = Vec::new();
        self.mirror.feed(bytes, &mut |m| {
            let id = match &m {
                Parsed::Value(Value::Dict(d)) => d.get("id").cloned(),
                _ => None,
            };
            let nonfinite = id.as_ref().is_some_and(|v| !all_finite(v));
            expected.push((id, nonfinite));
        });
        let out = self.session.exchange(bytes);
        if *TRACE {
            eprintln!(
                "-> {}<- {}",
                String::from_utf8_lossy(bytes),
                String::from_utf8_lossy(&out)
            );
        }
        let stopped = self.stopped;
        self.stopped = self.session.exit_status().is_some() || self.session.aborted();
        let replies = match (stopped, self.stopped) {
            (false, false) => Replies::All,
            // The message that stopped it has its reply; none after it.
            (false, true) => Replies::UpToStop,
            (true, _) => Replies::None,
        };
        check_output(&out, &expected, bytes.len(), replies);
    }
}

/// Which of the messages read get a reply.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Replies {
    All,
    /// The first ones, up to the one that stopped the session.
    UpToStop,
    None,
}

/// Big replies (`query-qmp-schema`, `query-commands`: the same cached
/// bytes every time) already checked in this process, by length and a
/// hash of their ends.  Parsing them on every run would take most of the
/// time.
static SEEN_BIG: Mutex<Vec<(usize, u64)>> = Mutex::new(Vec::new());

fn big_key(text: &[u8]) -> Option<(usize, u64)> {
    if text.len() < 16 << 10 {
        return None;
    }
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in text[..4096].iter().chain(&text[text.len() - 4096..]) {
        h = (h ^ b as u64).wrapping_mul(0x100000001b3);
    }
    Some((text.len(), h))
}

/// One message of the output.
enum Message {
    Event,
    Reply(Reply),
}

enum Reply {
    Object(Dict),
    /// A big reply checked before.
    Seen,
    /// Not one JSON object as our parser reads it.
    Unparsable,
}

fn classify(text: &[u8]) -> Message {
    assert!(
        text.starts_with(b"{") && text.ends_with(b"}"),
        "message not an object: {:?}",
        String::from_utf8_lossy(text)
    );
    let key = big_key(text);
    let mut seen = SEEN_BIG.lock().unwrap_or_else(|p| p.into_inner());
    if key.is_some_and(|k| seen.contains(&k)) {
        return Message::Reply(Reply::Seen);
    }
    let mut parsed = Vec::new();
    let mut p = StreamParser::new();
    p.feed(text, &mut |m| parsed.push(m));
    p.flush(&mut |m| parsed.push(m));
    match parsed.pop() {
        Some(Parsed::Value(Value::Dict(d))) if parsed.is_empty() => {
            if d.contains_key("event") && !d.contains_key("return") && !d.contains_key("error") {
                check_event(&d);
                Message::Event
            } else {
                if let Some(k) = key
                    && seen.len() < 64
                {
                    seen.push(k);
                }
                Message::Reply(Reply::Object(d))
            }
        }
        _ => Message::Reply(Reply::Unparsable),
    }
}

fn check_event(d: &Dict) {
    assert!(
        d.get("event").and_then(Value::as_str).is_some(),
        "event {d:?}"
    );
    let ts = d
        .get("timestamp")
        .and_then(Value::as_dict)
        .expect("event timestamp");
    assert!(
        ts.get("seconds").is_some() && ts.get("microseconds").is_some(),
        "timestamp {ts:?}"
    );
    for k in d.keys() {
        assert!(
            matches!(k, "event" | "timestamp" | "data"),
            "unexpected key {k} in event"
        );
    }
}

/// Checks the output of one exchange against the messages the server read
/// (their `id`, and whether it holds `inf`/`nan`, which QEMU writes so).
fn check_output(out: &[u8], expected: &[(Option<Value>, bool)], input_len: usize, which: Replies) {
    assert!(
        out.is_empty() || out.ends_with(b"\r\n"),
        "output not CR LF terminated"
    );
    let mut lines: Vec<&[u8]> = out.split(|&b| b == b'\n').collect();
    assert_eq!(lines.pop(), Some(&b""[..]));
    let mut replies = Vec::new();
    for line in lines {
        let text = line.strip_suffix(b"\r").expect("message ends with CR LF");
        if let Message::Reply(r) = classify(text) {
            replies.push((text, r));
        }
    }
    let ok = match which {
        Replies::All => replies.len() == expected.len(),
        Replies::UpToStop => (1..=expected.len()).contains(&replies.len()),
        Replies::None => replies.is_empty(),
    };
    assert!(
        ok,
        "{} replies for {} messages ({which:?}): {:?}",
        replies.len(),
        expected.len(),
        String::from_utf8_lossy(out)
    );
    for ((text, reply), (id, nonfinite)) in replies.into_iter().zip(expected) {
        let reply = match reply {
            Reply::Object(d) => d,
            Reply::Seen => continue,
            // QEMU writes a non-finite number as `inf` or `nan`: a reply
            // that echoes one is not JSON.
            Reply::Unparsable if *nonfinite => continue,
            Reply::Unparsable => panic!(
                "reply {:?} is not one JSON object",
                String::from_utf8_lossy(text)
            ),
        };
        let has_return = reply.contains_key("return");
        let has_error = reply.contains_key("error");
        assert!(has_return != has_error, "reply {reply:?}");
        for k in reply.keys() {
            assert!(
                matches!(k, "return" | "error" | "id"),
                "unexpected key {k} in reply"
            );
        }
        if has_error {
            let e = reply
                .get("error")
                .and_then(Value::as_dict)
                .expect("error object");
            assert_eq!(e.len(), 2, "error {e:?}");
            assert!(
                e.get("class").and_then(Value::as_str).is_some(),
                "error class"
            );
            assert!(
                e.get("desc").and_then(Value::as_str).is_some(),
                "error desc"
            );
            assert!(
                text.len() <= 4096 + 8 * input_len,
                "error reply of {} bytes for {input_len} bytes of input",
                text.len()
            );
        }
        match (id, reply.get("id")) {
            (None, None) => {}
            (Some(want), Some(got)) => {
                assert!(loose_eq(want, got), "id {want:?} echoed as {got:?}")
            }
            (want, got) => panic!("id {want:?}, reply id {got:?}"),
        }
    }
}

/// One request shaped by the schema.
pub fn request(g: &mut Gen, cmds: &Commands) -> Value {
    let shape = g.src.byte();
    let cmd = if shape == 255 && !cmds.disabled.is_empty() {
        cmds.disabled[g.src.below(cmds.disabled.len())]
    } else {
        cmds.enabled[g.src.below(cmds.enabled.len())]
    };
    let mut d = Dict::new();
    let name = Value::Str(if shape == 254 {
        g.string()
    } else {
        cmd.name.to_owned()
    });
    // The envelope: zero bytes choose the common case throughout.
    match g.src.byte() % 32 {
        31 => {
            d.insert("exec-oob", name);
        }
        30 => {
            d.insert("exec-oob", name.clone());
            d.insert("execute", name);
        }
        29 => {}
        28 => {
            d.insert("execute", g.any(1));
        }
        _ => {
            d.insert("execute", name);
        }
    }
    match g.src.byte() % 16 {
        15 => {}
        14 => {
            d.insert("arguments", g.any(1));
        }
        _ => {
            let Kind::Command(c) = &cmd.kind else {
                unreachable!()
            };
            let args = match c.args {
                Some(t) => g.value(t, 0),
                None if g.src.byte() >= 224 => g.any(0),
                None => Value::empty_dict(),
            };
            d.insert("arguments", args);
        }
    }
    if g.src.byte() % 4 != 3 {
        d.insert("id", g.any(1));
    }
    if g.src.byte() == 255 {
        let k = g.string();
        let v = g.any(1);
        d.insert(k, v);
    }
    // Keys in a chosen order (QEMU looks at them in QDict order).
    if g.src.byte() & 1 == 1 {
        let mut e = d.into_entries();
        e.reverse();
        d = e.into_iter().collect();
    }
    if g.src.byte() == 253 {
        return g.any(0);
    }
    Value::Dict(d)
}

/// The session of one input: `mode % 4` 0: raw bytes after negotiation,
/// 1: raw bytes before, 2 and 3: up to 16 schema-shaped requests after
/// negotiation (3: with `oob`).
pub fn run<S: Machine>(server: &Server<S>, cmds: &Commands, mode: u8, src: &mut Src) {
    match mode % 4 {
        0 => Client::new(server, Some(false)).send(src.rest()),
        1 => Client::new(server, None).send(src.rest()),
        mode => {
            let mut c = Client::new(server, Some(mode == 3));
            let mut g = Gen::new(src);
            for _ in 0..16 {
                if g.src.is_empty() {
                    break;
                }
                let req = request(&mut g, cmds);
                let mut text = to_vec(&req);
                text.push(b'\n');
                c.send(&text);
            }
        }
    }
}
