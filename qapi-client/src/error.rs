//! What can go wrong talking to a server.

use std::fmt;
use std::io;

use qapi_runtime::Value;

/// An error reply: QEMU's error class and description.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorReply {
    /// `GenericError`, `CommandNotFound`, `DeviceNotFound`, ... (kept as the
    /// server sent it, so classes added later are not lost).
    pub class: String,
    pub desc: String,
}

impl fmt::Display for ErrorReply {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.class, self.desc)
    }
}

/// Why a request got no typed answer.
#[derive(Debug)]
pub enum QmpError {
    /// The server answered with an error.
    Reply(ErrorReply),
    /// Reading or writing the connection failed, or it closed.
    Io(io::Error),
    /// The server sent something that is not QMP (bad JSON, a message of
    /// no known kind, a greeting where a reply belongs, ...).
    Protocol(String),
    /// The reply is QMP but does not fit the definitions: the value and why.
    Decode { value: Value, reason: String },
    /// The request does not fit the definitions (checked before sending).
    Request(String),
}

impl QmpError {
    /// The error class of an error reply.
    pub fn class(&self) -> Option<&str> {
        match self {
            QmpError::Reply(r) => Some(&r.class),
            _ => None,
        }
    }
}

impl fmt::Display for QmpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QmpError::Reply(r) => r.fmt(f),
            QmpError::Io(e) => write!(f, "I/O error: {e}"),
            QmpError::Protocol(s) => write!(f, "protocol error: {s}"),
            QmpError::Decode { value, reason } => {
                write!(f, "reply does not fit the definitions: {reason}: {value}")
            }
            QmpError::Request(s) => write!(f, "invalid request: {s}"),
        }
    }
}

impl std::error::Error for QmpError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            QmpError::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<io::Error> for QmpError {
    fn from(e: io::Error) -> Self {
        QmpError::Io(e)
    }
}
