//! The QAPI module `misc.json`.

use crate::prelude::*;

qapi::module!("misc");

#[qapi::command(name = "add_client", pragma(command_name_exception))]
pub fn add_client(
    protocol: String,
    fdname: String,
    skipauth: Option<bool>,
    tls: Option<bool>,
) -> Result<()>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct NameInfo {
    pub name: Option<String>,
}

#[qapi::command(allow_preconfig)]
pub fn query_name() -> Result<NameInfo>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct IOThreadInfo {
    pub id: String,
    pub thread_id: i64,
    pub poll_max_ns: i64,
    pub poll_grow: i64,
    pub poll_shrink: i64,
    pub aio_max_batch: i64,
}

#[qapi::command(allow_preconfig)]
pub fn query_iothreads() -> Result<Vec<IOThreadInfo>>;

#[qapi::command]
pub fn stop() -> Result<()>;

#[qapi::command]
pub fn cont() -> Result<()>;

#[qapi::command(features = [unstable], allow_preconfig)]
pub fn x_exit_preconfig() -> Result<()>;

#[qapi::command(features = [savevm_monitor_nodes], pragma(command_returns_exception))]
pub fn human_monitor_command(command_line: String, cpu_index: Option<i64>) -> Result<String>;

#[qapi::command(if = CONFIG_POSIX)]
pub fn getfd(fdname: String) -> Result<()>;

#[qapi::command(if = CONFIG_WIN32)]
pub fn get_win32_socket(info: String, fdname: String) -> Result<()>;

#[qapi::command]
pub fn closefd(fdname: String) -> Result<()>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AddfdInfo {
    pub fdset_id: i64,
    pub fd: i64,
}

#[qapi::command]
pub fn add_fd(fdset_id: Option<i64>, opaque: Option<String>) -> Result<AddfdInfo>;

#[qapi::command]
pub fn remove_fd(fdset_id: i64, fd: Option<i64>) -> Result<()>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct FdsetFdInfo {
    pub fd: i64,
    pub opaque: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct FdsetInfo {
    pub fdset_id: i64,
    pub fds: Vec<FdsetFdInfo>,
}

#[qapi::command]
pub fn query_fdsets() -> Result<Vec<FdsetInfo>>;

#[qapi::enumeration]
pub enum CommandLineParameterType {
    String,
    Boolean,
    Number,
    Size,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct CommandLineParameterInfo {
    pub name: String,
    pub r#type: CommandLineParameterType,
    pub help: Option<String>,
    pub default: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct CommandLineOptionInfo {
    pub option: String,
    pub parameters: Vec<CommandLineParameterInfo>,
}

#[qapi::command(allow_preconfig)]
pub fn query_command_line_options(option: Option<String>) -> Result<Vec<CommandLineOptionInfo>>;

#[qapi::event]
pub struct RtcChange {
    pub offset: i64,
    pub qom_path: String,
}

#[qapi::event]
pub struct VfuClientHangup {
    pub vfu_id: String,
    pub vfu_qom_path: String,
    pub dev_id: String,
    pub dev_qom_path: String,
}
