//! QAPI at run time.
//!
//! The attribute macros of `qapi-macros` (re-exported here) turn Rust items
//! into QAPI definitions.  Each becomes a static descriptor ([`desc`]) in a
//! link-time registry ([`registry`]); conditions stay data ([`pred`]) and
//! are evaluated per [`Config`] at run time; introspection ([`introspect`])
//! is computed from the registry with QEMU's algorithm; the visitors
//! ([`visit`]) check input and shape output as QEMU's do; and the [`json`]
//! module reads and writes QEMU's JSON dialect.
//!
//! ```
//! use qapi_runtime as qapi;
//!
//! qapi::module!("example", rank = 1000);
//!
//! /// A point.
//! #[qapi::structure]
//! pub struct Point {
//!     pub x: i64,
//!     pub label: Option<String>,
//! }
//!
//! let p = Point { x: 1, label: None };
//! assert_eq!(qapi::json::to_vec(&qapi::QapiType::to_value(&p)), br#"{"x": 1}"#);
//! ```

#![forbid(unsafe_op_in_unsafe_fn)]

extern crate self as qapi_runtime;

pub mod builtin;
pub mod check;
pub mod command;
pub mod config;
pub mod desc;
pub mod dsl;
pub mod dump;
pub mod error;
pub mod event;
pub mod glib;
pub mod introspect;
pub mod json;
pub mod pred;
pub mod registry;
pub mod serde_impl;
pub mod server;
pub mod types;
pub mod value;
pub mod visit;

pub use builtin::Empty;
pub use command::{Command, Handlers};
pub use config::{CompatPolicy, Config, ConfigError, Identity};
pub use error::{Error, ErrorClass, Result};
pub use event::Event;
pub use pred::{Pred, Sym};
pub use registry::Registry;
pub use types::{QapiBranches, QapiEnum, QapiObject, QapiType};
pub use value::{Dict, QType, Value};

pub use qapi_macros::{alternate, branches, command, enumeration, event, structure, union};

/// Declares the QAPI module the definitions of this Rust module belong to.
///
/// QEMU orders definitions by module (first inclusion in the schema's
/// include tree), then by position in the file; `rank` is the module's
/// place in that order.  Each Rust file holds one module.
///
/// ```
/// qapi_runtime::module!("block-core", rank = 10);
/// assert_eq!(QAPI_MODULE.name, "block-core");
/// ```
#[macro_export]
macro_rules! module {
    ($name:literal, rank = $rank:expr) => {
        #[doc(hidden)]
        #[allow(dead_code)]
        pub(crate) static QAPI_MODULE: $crate::desc::Module = $crate::desc::Module {
            name: $name,
            rank: $rank,
        };
    };
}

#[doc(hidden)]
pub mod __private {
    pub use linkme;
    pub use serde;
}
