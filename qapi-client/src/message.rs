//! The messages a server sends, read tolerantly: the greeting, replies and
//! events.  Members QMP may add later are ignored.

use qapi_runtime::visit::input::{Unknown, read_value};
use qapi_runtime::{Dict, Event, Value};

use crate::error::{ErrorReply, QmpError};

/// The greeting: `{"QMP": {"version": ..., "capabilities": [...]}}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Greeting {
    /// `(major, minor, micro)`.
    pub version: (i64, i64, i64),
    pub package: String,
    /// The capabilities offered (`oob`), as sent.
    pub capabilities: Vec<String>,
}

/// When the server emitted an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Timestamp {
    pub seconds: i64,
    pub microseconds: i64,
}

/// An event as received: name, data and timestamp.
#[derive(Clone, Debug, PartialEq)]
pub struct EventMessage {
    pub name: String,
    /// The `data` member (`{}` when the event has none).
    pub data: Value,
    pub timestamp: Timestamp,
}

impl EventMessage {
    /// Whether this is event `E`.
    pub fn is<E: Event>(&self) -> bool {
        self.name == E::NAME
    }

    /// The event as its Rust type: `None` when it is another event,
    /// otherwise its data read tolerantly (unknown members and values left
    /// out, see [`qapi_runtime::visit::input::read_value`]).
    pub fn decode<E: Event>(&self) -> Option<Result<E, QmpError>> {
        if !self.is::<E>() {
            return None;
        }
        let data_ty = E::entity().as_event().and_then(|e| e.data);
        Some(match data_ty {
            None => E::from_data(None).map_err(|e| decode_error(&self.data, e)),
            Some(t) => read_value(t, self.data.clone())
                .and_then(|(v, _)| E::from_data(Some(v)))
                .map_err(|e| decode_error(&self.data, e)),
        })
    }
}

pub(crate) fn decode_error(value: &Value, e: qapi_runtime::Error) -> QmpError {
    QmpError::Decode {
        value: value.clone(),
        reason: e.desc,
    }
}

/// A value read tolerantly into a Rust type, with what was left out.
#[derive(Clone, Debug)]
pub struct Typed<T> {
    pub value: T,
    /// Members and enum values the definitions do not know (a newer
    /// server's additions), with where they were.
    pub unknown: Vec<Unknown>,
}

/// One message from the server.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    Greeting(Greeting),
    /// A reply, with its `id` when it has one.
    Reply {
        id: Option<Value>,
        result: Result<Value, ErrorReply>,
    },
    Event(EventMessage),
}

fn protocol(what: &str, v: &Value) -> QmpError {
    let mut text = v.to_string();
    if text.len() > 200 {
        let mut cut = 200;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
        text.push_str("...");
    }
    QmpError::Protocol(format!("{what}: {text}"))
}

fn int(d: &Dict, key: &str) -> Option<i64> {
    d.get(key).and_then(Value::as_i64)
}

impl Message {
    /// Classifies a parsed message.
    pub fn classify(v: Value) -> Result<Message, QmpError> {
        let Value::Dict(mut d) = v else {
            return Err(protocol("a message that is not an object", &v));
        };
        if let Some(Value::Dict(qmp)) = d.get("QMP") {
            let ver = qmp.get("version").and_then(Value::as_dict);
            let qemu = ver.and_then(|v| v.get("qemu")).and_then(Value::as_dict);
            let version = qemu.map_or((0, 0, 0), |q| {
                (
                    int(q, "major").unwrap_or(0),
                    int(q, "minor").unwrap_or(0),
                    int(q, "micro").unwrap_or(0),
                )
            });
            let package = ver
                .and_then(|v| v.get("package"))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            let capabilities = match qmp.get("capabilities") {
                Some(Value::List(l)) => l
                    .iter()
                    .filter_map(|c| c.as_str().map(str::to_owned))
                    .collect(),
                _ => Vec::new(),
            };
            return Ok(Message::Greeting(Greeting {
                version,
                package,
                capabilities,
            }));
        }
        if let Some(ret) = d.remove("return") {
            return Ok(Message::Reply {
                id: d.remove("id"),
                result: Ok(ret),
            });
        }
        if let Some(err) = d.get("error") {
            let e = err.as_dict();
            let field = |k| e.and_then(|e| e.get(k)).and_then(Value::as_str);
            let (Some(class), Some(desc)) = (field("class"), field("desc")) else {
                return Err(protocol("an error reply without class and desc", err));
            };
            let result = Err(ErrorReply {
                class: class.to_owned(),
                desc: desc.to_owned(),
            });
            return Ok(Message::Reply {
                id: d.remove("id"),
                result,
            });
        }
        if let Some(Value::Str(name)) = d.get("event") {
            let name = name.clone();
            let timestamp = d
                .get("timestamp")
                .and_then(Value::as_dict)
                .map(|t| Timestamp {
                    seconds: int(t, "seconds").unwrap_or(0),
                    microseconds: int(t, "microseconds").unwrap_or(0),
                })
                .unwrap_or_default();
            let data = d.remove("data").unwrap_or_else(Value::empty_dict);
            return Ok(Message::Event(EventMessage {
                name,
                data,
                timestamp,
            }));
        }
        Err(protocol("a message of no known kind", &Value::Dict(d)))
    }
}
