//! The QAPI module `pci.json`.

use crate::prelude::*;

qapi::module!("pci");

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct PciMemoryRange {
    pub base: i64,
    pub limit: i64,
}

#[qapi::structure(pragma(member_name_exception))]
#[derive(Debug, Clone, PartialEq)]
pub struct PciMemoryRegion {
    pub bar: i64,
    pub r#type: String,
    pub address: i64,
    pub size: i64,
    pub prefetch: Option<bool>,
    #[qapi(name = "mem_type_64")]
    pub mem_type_64: Option<bool>,
}

#[qapi::structure(pragma(member_name_exception))]
#[derive(Debug, Clone, PartialEq)]
pub struct PciBusInfo {
    pub number: i64,
    pub secondary: i64,
    pub subordinate: i64,
    #[qapi(name = "io_range")]
    pub io_range: PciMemoryRange,
    #[qapi(name = "memory_range")]
    pub memory_range: PciMemoryRange,
    #[qapi(name = "prefetchable_range")]
    pub prefetchable_range: PciMemoryRange,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct PciBridgeInfo {
    pub bus: PciBusInfo,
    pub devices: Option<Vec<PciDeviceInfo>>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct PciDeviceClass {
    pub desc: Option<String>,
    pub class: i64,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct PciDeviceId {
    pub device: i64,
    pub vendor: i64,
    pub subsystem: Option<i64>,
    pub subsystem_vendor: Option<i64>,
}

#[qapi::structure(pragma(member_name_exception))]
#[derive(Debug, Clone, PartialEq)]
pub struct PciDeviceInfo {
    pub bus: i64,
    pub slot: i64,
    pub function: i64,
    #[qapi(name = "class_info")]
    pub class_info: PciDeviceClass,
    pub id: PciDeviceId,
    pub irq: Option<i64>,
    #[qapi(name = "irq_pin")]
    pub irq_pin: i64,
    #[qapi(name = "qdev_id")]
    pub qdev_id: String,
    #[qapi(name = "pci_bridge")]
    pub pci_bridge: Option<PciBridgeInfo>,
    pub regions: Vec<PciMemoryRegion>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct PciInfo {
    pub bus: i64,
    pub devices: Vec<PciDeviceInfo>,
}

#[qapi::command]
pub fn query_pci() -> Result<Vec<PciInfo>>;
