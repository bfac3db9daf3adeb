//! QEMU's JSON dialect: the writer every reply goes through, and the
//! streaming parser every request comes from.

pub mod lexer;
pub mod number;
pub mod parser;
pub mod qdict_order;
pub mod streamer;
pub mod writer;

pub use streamer::{Parsed, StreamParser};
pub use writer::{to_message, to_vec, write};
