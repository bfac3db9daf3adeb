//! A typed QMP client from the same QAPI definitions the server is built
//! from.
//!
//! - [`Client`] (blocking) and, with the `tokio` feature, `AsyncClient`:
//!   connect over unix or TCP, negotiate (with `oob` when asked), run
//!   commands typed ([`Client::execute`]) or by name, out of band, and
//!   read events with their timestamps; events arriving between replies
//!   are queued, not lost.
//! - Both drive one sans-I/O [`Protocol`], which reads with the runtime's
//!   stream parser ([`qapi_runtime::json::StreamParser`]).
//! - Reading is tolerant, writing exact: requests are the definitions'
//!   types; replies and events are read with QEMU's compatibility promises
//!   in mind (unknown members ignored, unknown enum values left out and
//!   reported in [`Typed::unknown`]), see
//!   [`qapi_runtime::visit::input::read_value`].
//! - Target awareness: [`ServerInfo`] (`query-target`, `query-qmp-schema`)
//!   answers whether a command, member or enum value exists on the server.
//!
//! The library knows no schema: the definitions are whatever the program
//! links (QEMU's are in `qapi-defs`).

pub mod blocking;
pub mod error;
pub mod message;
pub mod protocol;
pub mod schema;
pub mod typed;

#[cfg(feature = "tokio")]
pub mod nonblocking;

pub use blocking::{Client, Options, Stream};
pub use error::{ErrorReply, QmpError};
pub use message::{EventMessage, Greeting, Message, Timestamp, Typed};
pub use protocol::{Protocol, RequestId};
pub use schema::ServerInfo;

#[cfg(feature = "tokio")]
pub use nonblocking::AsyncClient;
