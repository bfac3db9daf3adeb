//! The QAPI module `control.json`.

use crate::prelude::*;

qapi::module!("control");

#[qapi::command(
    name = "qmp_capabilities",
    allow_preconfig,
    pragma(command_name_exception)
)]
pub fn qmp_capabilities(enable: Option<Vec<QMPCapability>>) -> Result<()>;

#[qapi::enumeration]
pub enum QMPCapability {
    Oob,
}

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

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct CommandInfo {
    pub name: String,
}

#[qapi::command(allow_preconfig)]
pub fn query_commands() -> Result<Vec<CommandInfo>>;

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
