//! The QAPI module `dump.json`.

use crate::prelude::*;

qapi::module!("dump");

#[qapi::enumeration]
pub enum DumpGuestMemoryFormat {
    Elf,
    KdumpZlib,
    KdumpLzo,
    KdumpSnappy,
    KdumpRawZlib,
    KdumpRawLzo,
    KdumpRawSnappy,
    WinDmp,
}

#[qapi::command]
pub fn dump_guest_memory(
    paging: bool,
    protocol: String,
    detach: Option<bool>,
    begin: Option<i64>,
    length: Option<i64>,
    format: Option<DumpGuestMemoryFormat>,
) -> Result<()>;

#[qapi::enumeration]
pub enum DumpStatus {
    None,
    Active,
    Completed,
    Failed,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct DumpQueryResult {
    pub status: DumpStatus,
    pub completed: i64,
    pub total: i64,
}

#[qapi::command]
pub fn query_dump() -> Result<DumpQueryResult>;

#[qapi::event]
pub struct DumpCompleted {
    pub result: DumpQueryResult,
    pub error: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct DumpGuestMemoryCapability {
    pub formats: Vec<DumpGuestMemoryFormat>,
}

#[qapi::command]
pub fn query_dump_guest_memory_capability() -> Result<DumpGuestMemoryCapability>;
