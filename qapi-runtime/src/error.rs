//! Errors as QMP reports them: a class from `QapiErrorClass` and a message.

use std::fmt;

/// QEMU's error classes (`qapi/error.json`, `QapiErrorClass`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorClass {
    GenericError,
    CommandNotFound,
    DeviceNotActive,
    DeviceNotFound,
    KVMMissingCap,
}

impl ErrorClass {
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorClass::GenericError => "GenericError",
            ErrorClass::CommandNotFound => "CommandNotFound",
            ErrorClass::DeviceNotActive => "DeviceNotActive",
            ErrorClass::DeviceNotFound => "DeviceNotFound",
            ErrorClass::KVMMissingCap => "KVMMissingCap",
        }
    }
}

/// An error a command (or the dispatcher) reports to the client.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub class: ErrorClass,
    pub desc: String,
    /// `-compat ...=crash` was hit: the process aborts (after writing the
    /// replies before this request) instead of replying.
    fatal: bool,
}

impl Error {
    pub fn new(class: ErrorClass, desc: impl Into<String>) -> Self {
        Error {
            class,
            desc: desc.into(),
            fatal: false,
        }
    }

    /// The policy `crash` was applied to this input.
    pub fn crash(desc: impl Into<String>) -> Self {
        Error {
            fatal: true,
            ..Error::generic(desc)
        }
    }

    /// Whether the process must abort rather than reply.
    pub fn is_fatal(&self) -> bool {
        self.fatal
    }

    /// A `GenericError`, the class of almost every error.
    pub fn generic(desc: impl Into<String>) -> Self {
        Error::new(ErrorClass::GenericError, desc)
    }

    pub fn command_not_found(desc: impl Into<String>) -> Self {
        Error::new(ErrorClass::CommandNotFound, desc)
    }

    pub fn device_not_found(desc: impl Into<String>) -> Self {
        Error::new(ErrorClass::DeviceNotFound, desc)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.desc)
    }
}

impl std::error::Error for Error {}

/// The result type of command handlers.
pub type Result<T, E = Error> = std::result::Result<T, E>;
