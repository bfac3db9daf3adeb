//! The QAPI module `cxl.json`.

use crate::prelude::*;

qapi::module!("cxl");

#[qapi::enumeration]
pub enum CxlEventLog {
    Informational,
    Warning,
    Failure,
    Fatal,
}

#[qapi::command]
pub fn cxl_inject_general_media_event(
    path: String,
    log: CxlEventLog,
    flags: u8,
    dpa: u64,
    descriptor: u8,
    r#type: u8,
    transaction_type: u8,
    channel: Option<u8>,
    rank: Option<u8>,
    device: Option<u32>,
    component_id: Option<String>,
) -> Result<()>;

#[qapi::command]
pub fn cxl_inject_dram_event(
    path: String,
    log: CxlEventLog,
    flags: u8,
    dpa: u64,
    descriptor: u8,
    r#type: u8,
    transaction_type: u8,
    channel: Option<u8>,
    rank: Option<u8>,
    nibble_mask: Option<u32>,
    bank_group: Option<u8>,
    bank: Option<u8>,
    row: Option<u32>,
    column: Option<u16>,
    correction_mask: Option<Vec<u64>>,
) -> Result<()>;

#[qapi::command]
pub fn cxl_inject_memory_module_event(
    path: String,
    log: CxlEventLog,
    flags: u8,
    r#type: u8,
    health_status: u8,
    media_status: u8,
    additional_status: u8,
    life_used: u8,
    temperature: i16,
    dirty_shutdown_count: u32,
    corrected_volatile_error_count: u32,
    corrected_persistent_error_count: u32,
) -> Result<()>;

#[qapi::command]
pub fn cxl_inject_poison(
    path: String,
    start: u64,
    #[qapi(builtin = size)] length: u64,
) -> Result<()>;

#[qapi::enumeration]
pub enum CxlUncorErrorType {
    CacheDataParity,
    CacheAddressParity,
    CacheBeParity,
    CacheDataEcc,
    MemDataParity,
    MemAddressParity,
    MemBeParity,
    MemDataEcc,
    ReinitThreshold,
    RsvdEncoding,
    PoisonReceived,
    ReceiverOverflow,
    Internal,
    CxlIdeTx,
    CxlIdeRx,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct CXLUncorErrorRecord {
    pub r#type: CxlUncorErrorType,
    pub header: Vec<u32>,
}

#[qapi::command]
pub fn cxl_inject_uncorrectable_errors(
    path: String,
    errors: Vec<CXLUncorErrorRecord>,
) -> Result<()>;

#[qapi::enumeration]
pub enum CxlCorErrorType {
    CacheDataEcc,
    MemDataEcc,
    CrcThreshold,
    RetryThreshold,
    CachePoisonReceived,
    MemPoisonReceived,
    Physical,
}

#[qapi::command]
pub fn cxl_inject_correctable_error(path: String, r#type: CxlCorErrorType) -> Result<()>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct CxlDynamicCapacityExtent {
    pub offset: u64,
    pub len: u64,
}

#[qapi::enumeration]
pub enum CxlExtentSelectionPolicy {
    Free,
    Contiguous,
    Prescriptive,
    EnableSharedAccess,
}

#[qapi::command(features = [unstable])]
pub fn cxl_add_dynamic_capacity(
    path: String,
    host_id: u16,
    selection_policy: CxlExtentSelectionPolicy,
    region: u8,
    tag: Option<String>,
    extents: Vec<CxlDynamicCapacityExtent>,
) -> Result<()>;

#[qapi::enumeration]
pub enum CxlExtentRemovalPolicy {
    TagBased,
    Prescriptive,
}

#[qapi::command(features = [unstable])]
pub fn cxl_release_dynamic_capacity(
    path: String,
    host_id: u16,
    removal_policy: CxlExtentRemovalPolicy,
    forced_removal: Option<bool>,
    sanitize_on_release: Option<bool>,
    region: u8,
    tag: Option<String>,
    extents: Vec<CxlDynamicCapacityExtent>,
) -> Result<()>;
