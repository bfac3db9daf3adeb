//! The QAPI module `acpi.json`.

use crate::prelude::*;

qapi::module!("acpi");

#[qapi::structure(pragma(member_name_exception))]
#[derive(Debug, Clone, PartialEq)]
pub struct AcpiTableOptions {
    pub sig: Option<String>,
    pub rev: Option<u8>,
    #[qapi(name = "oem_id")]
    pub oem_id: Option<String>,
    #[qapi(name = "oem_table_id")]
    pub oem_table_id: Option<String>,
    #[qapi(name = "oem_rev")]
    pub oem_rev: Option<u32>,
    #[qapi(name = "asl_compiler_id")]
    pub asl_compiler_id: Option<String>,
    #[qapi(name = "asl_compiler_rev")]
    pub asl_compiler_rev: Option<u32>,
    pub file: Option<String>,
    pub data: Option<String>,
}

#[qapi::enumeration(pragma(member_name_exception))]
pub enum ACPISlotType {
    #[qapi(name = "DIMM")]
    DIMM,
    #[qapi(name = "CPU")]
    CPU,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ACPIOSTInfo {
    pub device: Option<String>,
    pub slot: String,
    pub slot_type: ACPISlotType,
    pub source: i64,
    pub status: i64,
}

#[qapi::command]
pub fn query_acpi_ospm_status() -> Result<Vec<ACPIOSTInfo>>;

#[qapi::event]
pub struct AcpiDeviceOst {
    pub info: ACPIOSTInfo,
}
