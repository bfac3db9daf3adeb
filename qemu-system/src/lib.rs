//! The `-machine none` model behind the `qemu-system` binary: the machine
//! state, its QOM tree, migration settings, the HMP subset and the QMP
//! handlers.  The binary (`src/main.rs`) adds QEMU's command line, the
//! monitors, `-daemonize` and signals; the fuzzers and tests use this
//! library directly.

// `unsafe` only in `kvm::sys` (the KVM ioctls), which allows it.
#![deny(unsafe_code)]

pub mod actions;
pub mod diag;
pub mod emulator;
pub mod facts;
pub mod handlers;
pub mod hmp;
pub mod kvm;
pub mod machine;
pub mod migration;
pub mod qom;
