//! The QAPI module `block.json`.

use crate::prelude::*;

qapi::module!("block");

#[qapi::enumeration]
pub enum BiosAtaTranslation {
    Auto,
    None,
    Lba,
    Large,
    Rechs,
}

#[qapi::enumeration]
pub enum FloppyDriveType {
    #[qapi(name = "144")]
    V144,
    #[qapi(name = "288")]
    V288,
    #[qapi(name = "120")]
    V120,
    None,
    Auto,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct PRManagerInfo {
    pub id: String,
    pub connected: bool,
}

#[qapi::command(allow_preconfig)]
pub fn query_pr_managers() -> Result<Vec<PRManagerInfo>>;

#[qapi::command]
pub fn eject(
    #[qapi(features = [deprecated])] device: Option<String>,
    id: Option<String>,
    force: Option<bool>,
) -> Result<()>;

#[qapi::command]
pub fn blockdev_open_tray(
    #[qapi(features = [deprecated])] device: Option<String>,
    id: Option<String>,
    force: Option<bool>,
) -> Result<()>;

#[qapi::command]
pub fn blockdev_close_tray(
    #[qapi(features = [deprecated])] device: Option<String>,
    id: Option<String>,
) -> Result<()>;

#[qapi::command]
pub fn blockdev_remove_medium(id: String) -> Result<()>;

#[qapi::command]
pub fn blockdev_insert_medium(id: String, node_name: String) -> Result<()>;

#[qapi::enumeration]
pub enum BlockdevChangeReadOnlyMode {
    Retain,
    ReadOnly,
    ReadWrite,
}

#[qapi::command]
pub fn blockdev_change_medium(
    #[qapi(features = [deprecated])] device: Option<String>,
    id: Option<String>,
    filename: String,
    format: Option<String>,
    force: Option<bool>,
    read_only_mode: Option<BlockdevChangeReadOnlyMode>,
) -> Result<()>;

#[qapi::event]
pub struct DeviceTrayMoved {
    pub device: String,
    pub id: String,
    pub tray_open: bool,
}

#[qapi::event]
pub struct PrManagerStatusChanged {
    pub id: String,
    pub connected: bool,
}

#[qapi::command(
    name = "block_set_io_throttle",
    boxed,
    allow_preconfig,
    pragma(command_name_exception)
)]
pub fn block_set_io_throttle(args: BlockIOThrottle) -> Result<()>;

#[qapi::command(allow_preconfig)]
pub fn block_latency_histogram_set(
    id: String,
    boundaries: Option<Vec<u64>>,
    boundaries_read: Option<Vec<u64>>,
    boundaries_write: Option<Vec<u64>>,
    boundaries_zap: Option<Vec<u64>>,
    boundaries_flush: Option<Vec<u64>>,
) -> Result<()>;
