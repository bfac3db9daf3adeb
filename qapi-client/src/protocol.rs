//! The protocol core, without I/O: bytes in, messages sorted into replies
//! (by request id) and events (in arrival order), requests out.  The
//! blocking and the async client both drive one of these.
//!
//! Whatever bytes arrive, [`Protocol::feed`] returns, with an error when
//! they are not QMP; memory stays bounded (the runtime's stream parser
//! bounds a message, replies are kept only for requests in flight, and the
//! event queue keeps the newest events within [`MAX_EVENTS`] and
//! [`MAX_EVENT_BYTES`]).

use std::collections::{HashMap, VecDeque};

use qapi_runtime::json::{Parsed, StreamParser};
use qapi_runtime::{Dict, Value};

use crate::error::{ErrorReply, QmpError};
use crate::message::{EventMessage, Greeting, Message};

/// Events kept while nobody reads them; older ones are dropped first.
pub const MAX_EVENTS: usize = 1 << 16;
/// The approximate memory those events may hold (see [`approx_size`]).
pub const MAX_EVENT_BYTES: usize = 64 << 20;

/// About the memory a value holds: enough to bound a queue.
pub fn approx_size(v: &Value) -> usize {
    const NODE: usize = std::mem::size_of::<Value>();
    match v {
        Value::Str(s) => NODE + s.len(),
        Value::List(l) => NODE + l.iter().map(approx_size).sum::<usize>(),
        Value::Dict(d) => {
            NODE + d
                .iter()
                .map(|(k, v)| k.len() + 24 + approx_size(v))
                .sum::<usize>()
        }
        _ => NODE,
    }
}

/// A request's id: the client numbers its requests.
pub type RequestId = u64;

/// A reply: the `return` value or the error.
pub type ReplyResult = Result<Value, ErrorReply>;

#[derive(Debug)]
struct InFlight {
    id: RequestId,
    oob: bool,
}

/// One connection's protocol state.
#[derive(Debug, Default)]
pub struct Protocol {
    parser: StreamParser,
    greeting: Option<Greeting>,
    next_id: RequestId,
    in_flight: Vec<InFlight>,
    replies: HashMap<RequestId, ReplyResult>,
    events: VecDeque<(EventMessage, usize)>,
    event_bytes: usize,
    dropped_events: u64,
    /// Set once the server sent something that is not QMP.
    broken: Option<String>,
}

impl Protocol {
    pub fn new() -> Self {
        Self::default()
    }

    /// The greeting, once received.
    pub fn greeting(&self) -> Option<&Greeting> {
        self.greeting.as_ref()
    }

    /// Feeds bytes from the server.  An error means the stream is not QMP;
    /// it is sticky: the connection cannot be trusted after it.
    pub fn feed(&mut self, bytes: &[u8]) -> Result<(), QmpError> {
        self.check()?;
        let mut messages = Vec::new();
        self.parser.feed(bytes, &mut |p| messages.push(p));
        for p in messages {
            let r = match p {
                Parsed::Error(e) => Err(QmpError::Protocol(e)),
                Parsed::Value(v) => Message::classify(v).and_then(|m| self.handle(m)),
            };
            if let Err(e) = r {
                self.broken = Some(e.to_string());
                return Err(e);
            }
        }
        Ok(())
    }

    /// The sticky error, if the stream broke.
    pub fn check(&self) -> Result<(), QmpError> {
        match &self.broken {
            Some(s) => Err(QmpError::Protocol(s.clone())),
            None => Ok(()),
        }
    }

    fn handle(&mut self, m: Message) -> Result<(), QmpError> {
        match m {
            Message::Greeting(g) => {
                if self.greeting.is_some() {
                    return Err(QmpError::Protocol("a second greeting".into()));
                }
                self.greeting = Some(g);
            }
            Message::Event(e) => {
                let size = approx_size(&e.data) + e.name.len();
                while !self.events.is_empty()
                    && (self.events.len() >= MAX_EVENTS
                        || self.event_bytes + size > MAX_EVENT_BYTES)
                {
                    if let Some((_, n)) = self.events.pop_front() {
                        self.event_bytes -= n;
                    }
                    self.dropped_events += 1;
                }
                self.event_bytes += size;
                self.events.push_back((e, size));
            }
            Message::Reply { id, result } => {
                let pos = match &id {
                    Some(Value::Int(n)) => self.in_flight.iter().position(|f| f.id as i64 == *n),
                    Some(_) => None,
                    // No id: the server could not read a request's id, so
                    // it answers the oldest in-band one.
                    None => self.in_flight.iter().position(|f| !f.oob),
                };
                let Some(pos) = pos else {
                    return Err(QmpError::Protocol(format!(
                        "a reply to no request in flight (id {})",
                        id.map_or_else(|| "none".to_owned(), |v| v.to_string())
                    )));
                };
                let f = self.in_flight.remove(pos);
                self.replies.insert(f.id, result);
            }
        }
        Ok(())
    }

    /// Encodes a request and records it as in flight (when a reply is
    /// expected).  `args` is the `arguments` object, left out when empty.
    pub fn request(
        &mut self,
        name: &str,
        args: Option<Dict>,
        oob: bool,
        expect_reply: bool,
    ) -> (RequestId, Vec<u8>) {
        self.next_id += 1;
        let id = self.next_id;
        let mut d = Dict::with_capacity(3);
        d.push_unique(if oob { "exec-oob" } else { "execute" }, name);
        if let Some(a) = args.filter(|a| !a.is_empty()) {
            d.push_unique("arguments", a);
        }
        d.push_unique("id", Value::from(id));
        if expect_reply {
            self.in_flight.push(InFlight { id, oob });
        }
        let mut bytes = qapi_runtime::json::to_vec(&Value::Dict(d));
        bytes.push(b'\n');
        (id, bytes)
    }

    /// The reply to request `id`, once received.
    pub fn take_reply(&mut self, id: RequestId) -> Option<ReplyResult> {
        self.replies.remove(&id)
    }

    /// Requests waiting for their replies.
    pub fn in_flight(&self) -> usize {
        self.in_flight.len()
    }

    /// Whether request `id` still waits for its reply.
    pub fn is_in_flight(&self, id: RequestId) -> bool {
        self.in_flight.iter().any(|f| f.id == id)
    }

    /// The oldest event not taken yet.
    pub fn next_event(&mut self) -> Option<EventMessage> {
        let (e, n) = self.events.pop_front()?;
        self.event_bytes -= n;
        Some(e)
    }

    /// Events received and not taken yet.
    pub fn pending_events(&self) -> usize {
        self.events.len()
    }

    /// Events dropped because the queue was full (by count or size).
    pub fn dropped_events(&self) -> u64 {
        self.dropped_events
    }

    /// The end of the stream: what was partly received is an error.
    pub fn eof(&mut self) -> QmpError {
        let idle = self.parser.is_idle();
        self.parser.reset();
        if idle {
            QmpError::Io(std::io::ErrorKind::UnexpectedEof.into())
        } else {
            QmpError::Protocol("the connection closed inside a message".into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn greeted() -> Protocol {
        let mut p = Protocol::new();
        p.feed(br#"{"QMP": {"version": {"qemu": {"micro": 2, "minor": 0, "major": 10}, "package": ""}, "capabilities": []}}"#)
            .unwrap();
        p
    }

    #[test]
    fn the_event_queue_keeps_the_newest_within_its_bounds() {
        let mut p = greeted();
        let big = "x".repeat(1 << 20);
        for i in 0..100 {
            let ev = format!(
                r#"{{"event": "E{i}", "data": {{"s": "{big}"}}, "timestamp": {{"seconds": 1, "microseconds": 2}}}}"#
            );
            p.feed(ev.as_bytes()).unwrap();
        }
        let n = p.pending_events();
        assert!(n < 64 && n > 32, "{n}");
        assert_eq!(p.dropped_events() as usize, 100 - n);
        assert_eq!(p.next_event().unwrap().name, format!("E{}", 100 - n));
        for _ in 0..(1 << 16) + 10 {
            p.feed(br#"{"event": "S", "timestamp": {"seconds": 1, "microseconds": 2}}"#)
                .unwrap();
        }
        assert_eq!(p.pending_events(), MAX_EVENTS);
    }

    #[test]
    fn replies_go_to_their_requests_and_errors_stick() {
        let mut p = greeted();
        let (a, _) = p.request("a", None, false, true);
        let (b, bytes) = p.request("b", None, true, true);
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            format!("{{\"exec-oob\": \"b\", \"id\": {b}}}\n")
        );
        p.feed(format!(r#"{{"return": 1, "id": {b}}}{{"return": 2}}"#).as_bytes())
            .unwrap();
        assert_eq!(p.take_reply(b), Some(Ok(Value::Int(1))));
        assert_eq!(p.take_reply(a), Some(Ok(Value::Int(2))));
        assert!(p.feed(b"[1]").is_err());
        assert!(p.feed(b"{}").is_err(), "sticky");
    }
}
