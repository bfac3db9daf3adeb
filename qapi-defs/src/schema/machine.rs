//! The QAPI module `machine.json`.

use crate::prelude::*;

qapi::module!("machine");

#[qapi::enumeration(pragma(member_name_exception))]
pub enum SysEmuTarget {
    Aarch64,
    Alpha,
    Arm,
    Avr,
    Hppa,
    I386,
    Loongarch64,
    M68k,
    Microblaze,
    Microblazeel,
    Mips,
    Mips64,
    Mips64el,
    Mipsel,
    Or1k,
    Ppc,
    Ppc64,
    Riscv32,
    Riscv64,
    Rx,
    S390x,
    Sh4,
    Sh4eb,
    Sparc,
    Sparc64,
    Tricore,
    #[qapi(name = "x86_64")]
    X8664,
    Xtensa,
    Xtensaeb,
}

#[qapi::enumeration]
pub enum S390CpuState {
    Uninitialized,
    Stopped,
    CheckStop,
    Operating,
    Load,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct CpuInfoS390 {
    pub cpu_state: S390CpuState,
    pub dedicated: Option<bool>,
    pub entitlement: Option<S390CpuEntitlement>,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct CpuInfoFast {
    pub cpu_index: i64,
    pub qom_path: String,
    pub thread_id: i64,
    pub props: Option<CpuInstanceProperties>,
    #[qapi(discriminator)]
    pub target: CpuInfoFastBranch,
}

#[qapi::branches(tag = SysEmuTarget)]
#[derive(Debug, Clone, PartialEq)]
pub enum CpuInfoFastBranch {
    S390x(CpuInfoS390),
    Aarch64,
    Alpha,
    Arm,
    Avr,
    Hppa,
    I386,
    Loongarch64,
    M68k,
    Microblaze,
    Microblazeel,
    Mips,
    Mips64,
    Mips64el,
    Mipsel,
    Or1k,
    Ppc,
    Ppc64,
    Riscv32,
    Riscv64,
    Rx,
    Sh4,
    Sh4eb,
    Sparc,
    Sparc64,
    Tricore,
    X8664,
    Xtensa,
    Xtensaeb,
}

#[qapi::command]
pub fn query_cpus_fast() -> Result<Vec<CpuInfoFast>>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct CompatProperty {
    pub qom_type: String,
    pub property: String,
    pub value: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct MachineInfo {
    pub name: String,
    pub alias: Option<String>,
    pub is_default: Option<bool>,
    pub cpu_max: i64,
    pub hotpluggable_cpus: bool,
    pub numa_mem_supported: bool,
    pub deprecated: bool,
    pub default_cpu_type: Option<String>,
    pub default_ram_id: Option<String>,
    pub acpi: bool,
    #[qapi(features = [unstable])]
    pub compat_props: Option<Vec<CompatProperty>>,
}

#[qapi::command]
pub fn query_machines(
    #[qapi(features = [unstable])] compat_props: Option<bool>,
) -> Result<Vec<MachineInfo>>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct CurrentMachineParams {
    pub wakeup_suspend_support: bool,
}

#[qapi::command]
pub fn query_current_machine() -> Result<CurrentMachineParams>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct TargetInfo {
    pub arch: SysEmuTarget,
}

#[qapi::command]
pub fn query_target() -> Result<TargetInfo>;

#[qapi::structure(pragma(member_name_exception))]
#[derive(Debug, Clone, PartialEq)]
pub struct UuidInfo {
    #[qapi(name = "UUID")]
    pub uuid: String,
}

#[qapi::command(allow_preconfig)]
pub fn query_uuid() -> Result<UuidInfo>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct GuidInfo {
    pub guid: String,
}

#[qapi::command]
pub fn query_vm_generation_id() -> Result<GuidInfo>;

#[qapi::command(name = "system_reset", pragma(command_name_exception))]
pub fn system_reset() -> Result<()>;

#[qapi::command(name = "system_powerdown", pragma(command_name_exception))]
pub fn system_powerdown() -> Result<()>;

#[qapi::command(name = "system_wakeup", pragma(command_name_exception))]
pub fn system_wakeup() -> Result<()>;

#[qapi::enumeration]
pub enum LostTickPolicy {
    Discard,
    Delay,
    Slew,
}

#[qapi::command]
pub fn inject_nmi() -> Result<()>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct KvmInfo {
    pub enabled: bool,
    pub present: bool,
}

#[qapi::command]
pub fn query_kvm() -> Result<KvmInfo>;

#[qapi::enumeration]
pub enum NumaOptionsType {
    Node,
    Dist,
    Cpu,
    HmatLb,
    HmatCache,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct NumaOptions {
    #[qapi(discriminator)]
    pub r#type: NumaOptionsBranch,
}

#[qapi::branches(tag = NumaOptionsType)]
#[derive(Debug, Clone, PartialEq)]
pub enum NumaOptionsBranch {
    Node(NumaNodeOptions),
    Dist(NumaDistOptions),
    Cpu(NumaCpuOptions),
    HmatLb(NumaHmatLBOptions),
    HmatCache(NumaHmatCacheOptions),
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct NumaNodeOptions {
    pub nodeid: Option<u16>,
    pub cpus: Option<Vec<u16>>,
    #[qapi(builtin = size)]
    pub mem: Option<u64>,
    pub memdev: Option<String>,
    pub initiator: Option<u16>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct NumaDistOptions {
    pub src: u16,
    pub dst: u16,
    pub val: u8,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct CXLFixedMemoryWindowOptions {
    #[qapi(builtin = size)]
    pub size: u64,
    #[qapi(builtin = size)]
    pub interleave_granularity: Option<u64>,
    pub targets: Vec<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct CXLFMWProperties {
    pub cxl_fmw: Vec<CXLFixedMemoryWindowOptions>,
}

#[qapi::enumeration(pragma(member_name_exception))]
pub enum X86CPURegister32 {
    #[qapi(name = "EAX")]
    EAX,
    #[qapi(name = "EBX")]
    EBX,
    #[qapi(name = "ECX")]
    ECX,
    #[qapi(name = "EDX")]
    EDX,
    #[qapi(name = "ESP")]
    ESP,
    #[qapi(name = "EBP")]
    EBP,
    #[qapi(name = "ESI")]
    ESI,
    #[qapi(name = "EDI")]
    EDI,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct X86CPUFeatureWordInfo {
    pub cpuid_input_eax: i64,
    pub cpuid_input_ecx: Option<i64>,
    pub cpuid_register: X86CPURegister32,
    pub features: i64,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct DummyForceArrays {
    pub unused: Vec<X86CPUFeatureWordInfo>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct NumaCpuOptions {
    #[qapi(base)]
    pub base: CpuInstanceProperties,
}

#[qapi::enumeration]
pub enum HmatLBMemoryHierarchy {
    Memory,
    FirstLevel,
    SecondLevel,
    ThirdLevel,
}

#[qapi::enumeration]
pub enum HmatLBDataType {
    AccessLatency,
    ReadLatency,
    WriteLatency,
    AccessBandwidth,
    ReadBandwidth,
    WriteBandwidth,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct NumaHmatLBOptions {
    pub initiator: u16,
    pub target: u16,
    pub hierarchy: HmatLBMemoryHierarchy,
    pub data_type: HmatLBDataType,
    pub latency: Option<u64>,
    #[qapi(builtin = size)]
    pub bandwidth: Option<u64>,
}

#[qapi::enumeration]
pub enum HmatCacheAssociativity {
    None,
    Direct,
    Complex,
}

#[qapi::enumeration]
pub enum HmatCacheWritePolicy {
    None,
    WriteBack,
    WriteThrough,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct NumaHmatCacheOptions {
    pub node_id: u32,
    #[qapi(builtin = size)]
    pub size: u64,
    pub level: u8,
    pub associativity: HmatCacheAssociativity,
    pub policy: HmatCacheWritePolicy,
    pub line: u16,
}

#[qapi::command]
pub fn memsave(
    val: u64,
    #[qapi(builtin = size)] size: u64,
    filename: String,
    cpu_index: Option<i64>,
) -> Result<()>;

#[qapi::command]
pub fn pmemsave(val: u64, #[qapi(builtin = size)] size: u64, filename: String) -> Result<()>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct Memdev {
    pub id: Option<String>,
    #[qapi(builtin = size)]
    pub size: u64,
    pub merge: bool,
    pub dump: bool,
    pub prealloc: bool,
    pub share: bool,
    pub reserve: Option<bool>,
    pub host_nodes: Vec<u16>,
    pub policy: HostMemPolicy,
}

#[qapi::command(allow_preconfig)]
pub fn query_memdev() -> Result<Vec<Memdev>>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct CpuInstanceProperties {
    pub node_id: Option<i64>,
    pub drawer_id: Option<i64>,
    pub book_id: Option<i64>,
    pub socket_id: Option<i64>,
    pub die_id: Option<i64>,
    pub cluster_id: Option<i64>,
    pub module_id: Option<i64>,
    pub core_id: Option<i64>,
    pub thread_id: Option<i64>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct HotpluggableCPU {
    pub r#type: String,
    pub vcpus_count: i64,
    pub props: CpuInstanceProperties,
    pub qom_path: Option<String>,
}

#[qapi::command(allow_preconfig)]
pub fn query_hotpluggable_cpus() -> Result<Vec<HotpluggableCPU>>;

#[qapi::command(boxed, allow_preconfig)]
pub fn set_numa_node(args: NumaOptions) -> Result<()>;

#[qapi::command]
pub fn balloon(value: i64) -> Result<()>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BalloonInfo {
    pub actual: i64,
}

#[qapi::command]
pub fn query_balloon() -> Result<BalloonInfo>;

#[qapi::event]
pub struct BalloonChange {
    pub actual: i64,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct HvBalloonInfo {
    #[qapi(builtin = size)]
    pub committed: u64,
    #[qapi(builtin = size)]
    pub available: u64,
}

#[qapi::command]
pub fn query_hv_balloon_status_report() -> Result<HvBalloonInfo>;

#[qapi::event]
pub struct HvBalloonStatusReport(pub HvBalloonInfo);

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct MemoryInfo {
    #[qapi(builtin = size)]
    pub base_memory: u64,
    #[qapi(builtin = size)]
    pub plugged_memory: Option<u64>,
}

#[qapi::command]
pub fn query_memory_size_summary() -> Result<MemoryInfo>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct PCDIMMDeviceInfo {
    pub id: Option<String>,
    pub addr: i64,
    pub size: i64,
    pub slot: i64,
    pub node: i64,
    pub memdev: String,
    pub hotplugged: bool,
    pub hotpluggable: bool,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct VirtioPMEMDeviceInfo {
    pub id: Option<String>,
    #[qapi(builtin = size)]
    pub memaddr: u64,
    #[qapi(builtin = size)]
    pub size: u64,
    pub memdev: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct VirtioMEMDeviceInfo {
    pub id: Option<String>,
    #[qapi(builtin = size)]
    pub memaddr: u64,
    #[qapi(builtin = size)]
    pub requested_size: u64,
    #[qapi(builtin = size)]
    pub size: u64,
    #[qapi(builtin = size)]
    pub max_size: u64,
    #[qapi(builtin = size)]
    pub block_size: u64,
    pub node: i64,
    pub memdev: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SgxEPCDeviceInfo {
    pub id: Option<String>,
    #[qapi(builtin = size)]
    pub memaddr: u64,
    #[qapi(builtin = size)]
    pub size: u64,
    pub node: i64,
    pub memdev: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct HvBalloonDeviceInfo {
    pub id: Option<String>,
    #[qapi(builtin = size)]
    pub memaddr: Option<u64>,
    #[qapi(builtin = size)]
    pub max_size: u64,
    pub memdev: Option<String>,
}

#[qapi::enumeration]
pub enum MemoryDeviceInfoKind {
    Dimm,
    Nvdimm,
    VirtioPmem,
    VirtioMem,
    SgxEpc,
    HvBalloon,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct PCDIMMDeviceInfoWrapper {
    pub data: PCDIMMDeviceInfo,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct VirtioPMEMDeviceInfoWrapper {
    pub data: VirtioPMEMDeviceInfo,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct VirtioMEMDeviceInfoWrapper {
    pub data: VirtioMEMDeviceInfo,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SgxEPCDeviceInfoWrapper {
    pub data: SgxEPCDeviceInfo,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct HvBalloonDeviceInfoWrapper {
    pub data: HvBalloonDeviceInfo,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct MemoryDeviceInfo {
    #[qapi(discriminator)]
    pub r#type: MemoryDeviceInfoBranch,
}

#[qapi::branches(tag = MemoryDeviceInfoKind)]
#[derive(Debug, Clone, PartialEq)]
pub enum MemoryDeviceInfoBranch {
    Dimm(PCDIMMDeviceInfoWrapper),
    Nvdimm(PCDIMMDeviceInfoWrapper),
    VirtioPmem(VirtioPMEMDeviceInfoWrapper),
    VirtioMem(VirtioMEMDeviceInfoWrapper),
    SgxEpc(SgxEPCDeviceInfoWrapper),
    HvBalloon(HvBalloonDeviceInfoWrapper),
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SgxEPC {
    pub memdev: String,
    pub node: i64,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SgxEPCProperties {
    pub sgx_epc: Vec<SgxEPC>,
}

#[qapi::command]
pub fn query_memory_devices() -> Result<Vec<MemoryDeviceInfo>>;

#[qapi::event]
pub struct MemoryDeviceSizeChange {
    pub id: Option<String>,
    #[qapi(builtin = size)]
    pub size: u64,
    pub qom_path: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BootConfiguration {
    pub order: Option<String>,
    pub once: Option<String>,
    pub menu: Option<bool>,
    pub splash: Option<String>,
    pub splash_time: Option<i64>,
    pub reboot_timeout: Option<i64>,
    pub strict: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SMPConfiguration {
    pub cpus: Option<i64>,
    pub drawers: Option<i64>,
    pub books: Option<i64>,
    pub sockets: Option<i64>,
    pub dies: Option<i64>,
    pub clusters: Option<i64>,
    pub modules: Option<i64>,
    pub cores: Option<i64>,
    pub threads: Option<i64>,
    pub maxcpus: Option<i64>,
}

#[qapi::command(features = [unstable])]
pub fn x_query_irq() -> Result<HumanReadableText>;

#[qapi::command(if = CONFIG_TCG, features = [unstable])]
pub fn x_query_jit() -> Result<HumanReadableText>;

#[qapi::command(features = [unstable])]
pub fn x_query_numa() -> Result<HumanReadableText>;

#[qapi::command(if = CONFIG_TCG, features = [unstable])]
pub fn x_query_opcount() -> Result<HumanReadableText>;

#[qapi::command(features = [unstable])]
pub fn x_query_ramblock() -> Result<HumanReadableText>;

#[qapi::command(features = [unstable])]
pub fn x_query_roms() -> Result<HumanReadableText>;

#[qapi::command(features = [unstable])]
pub fn x_query_usb() -> Result<HumanReadableText>;

#[qapi::enumeration]
pub enum SmbiosEntryPointType {
    #[qapi(name = "32")]
    V32,
    #[qapi(name = "64")]
    V64,
    Auto,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct MemorySizeConfiguration {
    #[qapi(builtin = size)]
    pub size: Option<u64>,
    #[qapi(builtin = size)]
    pub max_size: Option<u64>,
    pub slots: Option<u64>,
}

#[qapi::command(if = CONFIG_FDT)]
pub fn dumpdtb(filename: String) -> Result<()>;

#[qapi::command(features = [unstable])]
pub fn x_query_interrupt_controllers() -> Result<HumanReadableText>;
