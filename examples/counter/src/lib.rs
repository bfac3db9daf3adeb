//! A complete QMP service built on `qapi-runtime`, with its own small
//! schema (no QEMU types): a counter.  `docs/guide.md` builds it step by
//! step.
//!
//! - [`schema`]: the QAPI definitions, the protocol core and the program;
//! - [`service`]: the state the commands keep, their handlers, the server.
//!
//! The binary (`src/main.rs`, `qapi-counter`) reads its command line and
//! serves monitors on unix and TCP sockets until `quit`.

pub mod schema;
pub mod service;
