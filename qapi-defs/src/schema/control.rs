//! The QAPI module `control.json`.

use crate::prelude::*;

qapi::module!("control");

// The protocol core is the runtime's; QEMU's schema has it here.
pub use qapi::protocol::{CommandInfo, QMPCapability, qmp_capabilities, query_commands};
qapi::place!(
    qapi::protocol::QMP_CAPABILITIES,
    qapi::protocol::QMP_CAPABILITY
);

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct VersionTriple {
    pub major: i64,
    pub minor: i64,
    pub micro: i64,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct VersionInfo {
    pub qemu: VersionTriple,
    pub package: String,
}

#[qapi::command(allow_preconfig)]
pub fn query_version() -> Result<VersionInfo>;

qapi::place!(qapi::protocol::COMMAND_INFO, qapi::protocol::QUERY_COMMANDS);

#[qapi::command(allow_preconfig)]
pub fn quit() -> Result<()>;

#[qapi::enumeration]
pub enum MonitorMode {
    Readline,
    Control,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct MonitorOptions {
    pub id: Option<String>,
    pub mode: Option<MonitorMode>,
    pub pretty: Option<bool>,
    pub chardev: String,
}
