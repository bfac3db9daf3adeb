//! The QAPI module `vfio.json`.

use crate::prelude::*;

qapi::module!("vfio");

#[qapi::enumeration]
pub enum QapiVfioMigrationState {
    Stop,
    Running,
    StopCopy,
    Resuming,
    RunningP2p,
    PreCopy,
    PreCopyP2p,
}

#[qapi::event]
pub struct VfioMigration {
    pub device_id: String,
    pub qom_path: String,
    pub device_state: QapiVfioMigrationState,
}
