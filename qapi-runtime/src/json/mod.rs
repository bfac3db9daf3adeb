//! QEMU's JSON dialect: the writer every reply goes through, and the
//! streaming parser every request comes from.

pub mod number;
pub mod qdict_order;
pub mod writer;

pub use writer::{to_message, to_vec, write};
