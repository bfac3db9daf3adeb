//! The QAPI module `machine-common.json`.

use crate::prelude::*;

qapi::module!("machine-common");

#[qapi::enumeration]
pub enum S390CpuEntitlement {
    Auto,
    Low,
    Medium,
    High,
}

#[qapi::enumeration]
pub enum CpuTopologyLevel {
    Thread,
    Core,
    Module,
    Cluster,
    Die,
    Socket,
    Book,
    Drawer,
    Default,
}

#[qapi::enumeration]
pub enum CacheLevelAndType {
    L1d,
    L1i,
    L2,
    L3,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SmpCacheProperties {
    pub cache: CacheLevelAndType,
    pub topology: CpuTopologyLevel,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SmpCachePropertiesWrapper {
    pub caches: Vec<SmpCacheProperties>,
}
