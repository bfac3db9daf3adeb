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
//! To build a service: `docs/guide.md` in the repository goes from
//! `cargo new` to a running server (the crate `examples/counter`), with
//! every key of the DSL ([`dsl`]); the [`server`] module serves a program
//! on unix, TCP or stdio monitors.
//!
//! ```
//! use qapi_runtime as qapi;
//!
//! qapi::module!("example");
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
pub mod protocol;
pub mod registry;
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
/// Each Rust file holds one module; its place in QEMU's module order
/// (first inclusion in the schema's include tree) is given by the
/// [`program!`] that lists it.
///
/// ```
/// qapi_runtime::module!("block-core");
/// assert_eq!(QAPI_MODULE.name, "block-core");
/// ```
#[macro_export]
macro_rules! module {
    ($name:literal) => {
        #[doc(hidden)]
        #[allow(dead_code)]
        #[$crate::__private::linkme::distributed_slice($crate::registry::QAPI_MODULES)]
        #[linkme(crate = $crate::__private::linkme)]
        pub(crate) static QAPI_MODULE: $crate::desc::Module = $crate::desc::Module {
            name: $name,
            loc: $crate::__private::here!(),
        };
    };
}

/// Declares a program: the QAPI modules it serves, in include order (the
/// order QEMU's generator meets them from the root schema file).  The
/// program's registry ([`Registry::of`]) holds the definitions of these
/// modules only, ordered by this list, then by source position.
///
/// A module listed twice is a compile error; a listed module without
/// definitions, or a module with definitions that no linked program
/// lists, is an error when the registry is built (naming both places).
///
/// ```
/// use qapi_runtime as qapi;
/// qapi::program!(pub MY_SERVICE, modules = ["counter"]);
/// assert_eq!(MY_SERVICE.modules, ["counter"]);
/// ```
#[macro_export]
macro_rules! program {
    ($(#[$attr:meta])* $vis:vis $name:ident, modules = [$($module:literal),* $(,)?]) => {
        $(#[$attr])*
        #[$crate::__private::linkme::distributed_slice($crate::registry::QAPI_PROGRAMS)]
        #[linkme(crate = $crate::__private::linkme)]
        $vis static $name: $crate::desc::Program = $crate::desc::Program {
            name: ::core::stringify!($name),
            modules: &[$($module),*],
            loc: $crate::__private::here!(),
        };
        const _: () = ::core::assert!(
            $crate::desc::Program::all_distinct(&[$($module),*]),
            ::core::concat!("a QAPI module is listed twice in program ", ::core::stringify!($name))
        );
    };
}

/// Places the whole QMP protocol core ([`protocol`](mod@protocol): `qmp_capabilities`,
/// `query-commands`, `query-qmp-schema` and their types) into this module,
/// at this position: the one line a service needs to speak QMP.
///
/// ```standalone_crate
/// use qapi_runtime as qapi;
/// qapi::module!("counter");
/// qapi::protocol!();
/// qapi::program!(COUNTER, modules = ["counter"]);
///
/// let reg = qapi::Registry::of(&COUNTER).unwrap();
/// assert_eq!(reg.entities()[0].name, "qmp_capabilities");
/// assert!(reg.get("query-qmp-schema").is_some());
/// ```
#[macro_export]
macro_rules! protocol {
    () => {
        $crate::place!(
            $crate::protocol::QMP_CAPABILITIES,
            $crate::protocol::QMP_CAPABILITY,
            $crate::protocol::COMMAND_INFO,
            $crate::protocol::QUERY_COMMANDS,
            $crate::protocol::QUERY_QMP_SCHEMA,
            $crate::protocol::SCHEMA_META_TYPE,
            $crate::protocol::SCHEMA_INFO,
            $crate::protocol::SCHEMA_INFO_BUILTIN,
            $crate::protocol::JSON_TYPE,
            $crate::protocol::SCHEMA_INFO_ENUM,
            $crate::protocol::SCHEMA_INFO_ENUM_MEMBER,
            $crate::protocol::SCHEMA_INFO_ARRAY,
            $crate::protocol::SCHEMA_INFO_OBJECT,
            $crate::protocol::SCHEMA_INFO_OBJECT_MEMBER,
            $crate::protocol::SCHEMA_INFO_OBJECT_VARIANT,
            $crate::protocol::SCHEMA_INFO_ALTERNATE,
            $crate::protocol::SCHEMA_INFO_ALTERNATE_MEMBER,
            $crate::protocol::SCHEMA_INFO_COMMAND,
            $crate::protocol::SCHEMA_INFO_EVENT,
        );
    };
}

/// Places a definition the runtime owns (one of [`protocol`](mod@protocol)'s constants)
/// into this module at this position, so that a schema orders and numbers
/// it as if it were written here.
///
/// ```
/// use qapi_runtime as qapi;
/// qapi::module!("control");
/// qapi::place!(qapi::protocol::QMP_CAPABILITIES, qapi::protocol::QMP_CAPABILITY);
/// ```
#[macro_export]
macro_rules! place {
    ($($entity:path),+ $(,)?) => {
        const _: () = {
            #[$crate::__private::linkme::distributed_slice($crate::registry::QAPI_PLACEMENTS)]
            #[linkme(crate = $crate::__private::linkme)]
            static PLACEMENT: $crate::desc::Placement = $crate::desc::Placement {
                entities: &[$($entity),+],
                module: &QAPI_MODULE,
                loc: $crate::__private::here!(),
            };
        };
    };
}

/// `docs/guide.md`'s examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../docs/guide.md")]
pub struct Guide;

#[doc(hidden)]
#[path = "private/mod.rs"]
pub mod __private;
