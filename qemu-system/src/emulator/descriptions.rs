//! What the command line's listings tell of machines and devices beyond
//! QMP's facts: a machine's description and family, a device's bus type,
//! description and categories (`data::descriptions`, read off the
//! listings by `scripts/qemu-help-facts-collect.py`).

use qapi_defs::qemu::QemuConfig;
use qapi_runtime::pred::Cond;

use super::data::descriptions::{
    CPU_FEATURES, CPU_MODELS, DEPRECATED_CPUS, DEVICES, MACHINES, PPC_PVRS, SPARC_CPUS,
};
use super::holds;

/// A machine type as `-machine help` shows it (`MachineClass`).
pub struct MachineDesc {
    pub name: &'static str,
    pub desc: &'static str,
    /// `MachineClass::family`: groups versioned machines in the listing.
    pub family: Option<&'static str>,
    pub alias: Option<&'static str>,
    pub is_default: bool,
    pub deprecated: bool,
    pub cond: Cond,
}

impl MachineDesc {
    /// The QOM type implementing the machine (`TYPE_MACHINE_SUFFIX`).
    pub fn typename(&self) -> String {
        format!("{}-machine", self.name)
    }
}

/// A user-creatable device type's `DeviceClass` fields.
pub struct DeviceDesc {
    pub name: &'static str,
    pub bus: Option<&'static str>,
    pub desc: Option<&'static str>,
    /// `DeviceClass::categories`, bit `DEVICE_CATEGORY_*`.
    pub categories: u16,
    pub cond: Cond,
}

/// A CPU model as the x86 and s390x `-cpu help` tables describe it.
pub struct CpuModelDesc {
    pub name: &'static str,
    /// x86: the model id and its note (aliases have none); s390x:
    /// `S390CPUClass::desc`.
    pub desc: &'static str,
    pub cond: Cond,
}

/// Which of the target's feature arrays a feature name comes from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum CpuFeatureKind {
    /// x86 `feature_word_info` names.
    CpuidFlag,
    /// s390x `s390_features`.
    S390Feature,
    /// s390x `s390_feature_groups`.
    S390Group,
    /// SPARC `feature_name` entries in `CPU_DEFAULT_FEATURES`.
    SparcDefault,
    /// SPARC `feature_name` entries outside them.
    SparcOptional,
}

/// A SPARC CPU definition (`sparc_def_t`).
pub struct SparcCpuDesc {
    pub name: &'static str,
    pub iu: u64,
    pub fpu: u32,
    pub mmu: u32,
    pub nwindows: u8,
    /// The features it has, by name.
    pub features: &'static [&'static str],
    pub cond: Cond,
}

/// A CPU feature name, with its description where the target has one.
pub struct CpuFeatureDesc {
    pub kind: CpuFeatureKind,
    pub name: &'static str,
    pub desc: Option<&'static str>,
    pub cond: Cond,
}

/// The machine types of this configuration.
pub fn machines(cfg: &QemuConfig) -> impl Iterator<Item = &'static MachineDesc> + '_ {
    MACHINES.iter().filter(move |m| holds(cfg, m.cond))
}

/// The user-creatable device types of this configuration.
pub fn devices(cfg: &QemuConfig) -> impl Iterator<Item = &'static DeviceDesc> + '_ {
    DEVICES.iter().filter(move |d| holds(cfg, d.cond))
}

/// Whether the CPU model `model` has a deprecation note.
pub fn cpu_deprecated(cfg: &QemuConfig, model: &str) -> bool {
    DEPRECATED_CPUS
        .iter()
        .any(|(m, cond)| *m == model && holds(cfg, *cond))
}

/// The described CPU models of this configuration.
pub fn cpu_models(cfg: &QemuConfig) -> impl Iterator<Item = &'static CpuModelDesc> + '_ {
    CPU_MODELS.iter().filter(move |m| holds(cfg, m.cond))
}

/// The CPU feature names of one kind, in QEMU's array order.
pub fn cpu_features(
    cfg: &QemuConfig,
    kind: CpuFeatureKind,
) -> impl Iterator<Item = &'static CpuFeatureDesc> + '_ {
    CPU_FEATURES
        .iter()
        .filter(move |f| f.kind == kind && holds(cfg, f.cond))
}

/// SPARC's CPU definitions, in `sparc_defs` order.
pub fn sparc_cpus(cfg: &QemuConfig) -> impl Iterator<Item = &'static SparcCpuDesc> + '_ {
    SPARC_CPUS.iter().filter(move |c| holds(cfg, c.cond))
}

/// The PVR of the PowerPC model `model`.
pub fn ppc_pvr(cfg: &QemuConfig, model: &str) -> Option<u32> {
    PPC_PVRS
        .iter()
        .find(|(m, _, cond)| *m == model && holds(cfg, *cond))
        .map(|(_, pvr, _)| *pvr)
}
