//! The QAPI module `machine-target.json`.

use crate::prelude::*;

qapi::module!("machine-target");

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct CpuModelInfo {
    pub name: String,
    pub props: Option<Value>,
}

#[qapi::enumeration]
pub enum CpuModelExpansionType {
    Static,
    Full,
}

#[qapi::enumeration]
pub enum CpuModelCompareResult {
    Incompatible,
    Identical,
    Superset,
    Subset,
}

#[qapi::structure(if = TARGET_S390X)]
#[derive(Debug, Clone, PartialEq)]
pub struct CpuModelBaselineInfo {
    pub model: CpuModelInfo,
}

#[qapi::structure(if = TARGET_S390X)]
#[derive(Debug, Clone, PartialEq)]
pub struct CpuModelCompareInfo {
    pub result: CpuModelCompareResult,
    pub responsible_properties: Vec<String>,
}

#[qapi::command(if = TARGET_S390X)]
pub fn query_cpu_model_comparison(
    modela: CpuModelInfo,
    modelb: CpuModelInfo,
) -> Result<CpuModelCompareInfo>;

#[qapi::command(if = TARGET_S390X)]
pub fn query_cpu_model_baseline(
    modela: CpuModelInfo,
    modelb: CpuModelInfo,
) -> Result<CpuModelBaselineInfo>;

#[qapi::structure(if = any(TARGET_S390X, TARGET_I386, TARGET_ARM, TARGET_LOONGARCH64, TARGET_RISCV))]
#[derive(Debug, Clone, PartialEq)]
pub struct CpuModelExpansionInfo {
    pub model: CpuModelInfo,
    #[qapi(if = TARGET_S390X)]
    pub deprecated_props: Vec<String>,
}

#[qapi::command(if = any(TARGET_S390X, TARGET_I386, TARGET_ARM, TARGET_LOONGARCH64, TARGET_RISCV))]
pub fn query_cpu_model_expansion(
    r#type: CpuModelExpansionType,
    model: CpuModelInfo,
) -> Result<CpuModelExpansionInfo>;

#[qapi::structure(if = any(TARGET_PPC, TARGET_ARM, TARGET_I386, TARGET_S390X, TARGET_MIPS, TARGET_LOONGARCH64, TARGET_RISCV))]
#[derive(Debug, Clone, PartialEq)]
pub struct CpuDefinitionInfo {
    pub name: String,
    pub migration_safe: Option<bool>,
    pub r#static: bool,
    pub unavailable_features: Option<Vec<String>>,
    pub typename: String,
    pub alias_of: Option<String>,
    pub deprecated: bool,
}

#[qapi::command(if = any(TARGET_PPC, TARGET_ARM, TARGET_I386, TARGET_S390X, TARGET_MIPS, TARGET_LOONGARCH64, TARGET_RISCV))]
pub fn query_cpu_definitions() -> Result<Vec<CpuDefinitionInfo>>;

#[qapi::enumeration(if = TARGET_S390X)]
pub enum S390CpuPolarization {
    Horizontal,
    Vertical,
}

#[qapi::command(if = all(TARGET_S390X, CONFIG_KVM), features = [unstable])]
pub fn set_cpu_topology(
    core_id: u16,
    socket_id: Option<u16>,
    book_id: Option<u16>,
    drawer_id: Option<u16>,
    entitlement: Option<S390CpuEntitlement>,
    dedicated: Option<bool>,
) -> Result<()>;

#[qapi::event(if = all(TARGET_S390X, CONFIG_KVM), features = [unstable])]
pub struct CpuPolarizationChange {
    pub polarization: S390CpuPolarization,
}

#[qapi::structure(if = all(TARGET_S390X, CONFIG_KVM))]
#[derive(Debug, Clone, PartialEq)]
pub struct CpuPolarizationInfo {
    pub polarization: S390CpuPolarization,
}

#[qapi::command(if = all(TARGET_S390X, CONFIG_KVM), features = [unstable])]
pub fn query_s390x_cpu_polarization() -> Result<CpuPolarizationInfo>;
