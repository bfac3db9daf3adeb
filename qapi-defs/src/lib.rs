//! QEMU 10.0's QMP schema, written with the `qapi` macros.
//!
//! Every definition reached from QEMU's `qapi/qapi-schema.json` is here,
//! with its conditions and features, one Rust module per QAPI module in
//! the schema's module order.  Nothing is generated at build time: the
//! Rust is the source of truth.
//!
//! Linking this crate registers the whole schema; a binary that only needs
//! the definitions must still name the crate:
//!
//! ```
//! use qapi_defs as _;
//! let reg = qapi_runtime::Registry::of(&qapi_defs::QEMU_SYSTEM).unwrap();
//! assert!(reg.get("query-qmp-schema").is_some());
//! ```

#![allow(clippy::large_enum_variant)]

pub mod qemu;
pub mod schema;
pub mod sym;

pub use schema::*;

qapi_runtime::program!(
    /// `qemu-system-*`: the modules `qapi/qapi-schema.json` includes, in
    /// first-inclusion order (QEMU's module order).
    pub QEMU_SYSTEM,
    modules = [
        "error",
        "common",
        "sockets",
        "run-state",
        "crypto",
        "job",
        "block",
        "block-core",
        "block-export",
        "char",
        "dump",
        "net",
        "ebpf",
        "rocker",
        "tpm",
        "ui",
        "authz",
        "migration",
        "transaction",
        "trace",
        "compat",
        "control",
        "introspect",
        "qom",
        "qdev",
        "machine-common",
        "machine",
        "machine-target",
        "replay",
        "yank",
        "misc",
        "misc-target",
        "audio",
        "acpi",
        "pci",
        "stats",
        "virtio",
        "vfio",
        "cryptodev",
        "cxl",
        "uefi",
    ]
);

qapi_runtime::program!(
    /// `qemu-storage-daemon`: the modules `storage-daemon/qapi/qapi-schema.json`
    /// includes, in first-inclusion order.
    pub QEMU_STORAGE_DAEMON,
    modules = [
        "common",
        "sockets",
        "crypto",
        "job",
        "block-core",
        "block-export",
        "char",
        "authz",
        "transaction",
        "control",
        "introspect",
        "qom",
    ]
);

/// What every schema module uses.
pub(crate) mod prelude {
    pub use crate::schema::*;
    pub use crate::sym;
    pub use qapi_runtime as qapi;
    #[allow(unused_imports)]
    pub use qapi_runtime::{QType, Result, Value};
}
