//! The QAPI module `qom.json`.

use crate::prelude::*;

qapi::module!("qom");

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectPropertyInfo {
    pub name: String,
    pub r#type: String,
    pub description: Option<String>,
    pub default_value: Option<Value>,
}

#[qapi::command(allow_preconfig)]
pub fn qom_list(path: String) -> Result<Vec<ObjectPropertyInfo>>;

#[qapi::command(allow_preconfig, pragma(command_returns_exception))]
pub fn qom_get(path: String, property: String) -> Result<Value>;

#[qapi::command(allow_preconfig)]
pub fn qom_set(path: String, property: String, value: Value) -> Result<()>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectTypeInfo {
    pub name: String,
    pub r#abstract: Option<bool>,
    pub parent: Option<String>,
}

#[qapi::command(allow_preconfig)]
pub fn qom_list_types(
    implements: Option<String>,
    r#abstract: Option<bool>,
) -> Result<Vec<ObjectTypeInfo>>;

#[qapi::command(allow_preconfig)]
pub fn qom_list_properties(typename: String) -> Result<Vec<ObjectPropertyInfo>>;

#[qapi::structure(if = CONFIG_LINUX)]
#[derive(Debug, Clone, PartialEq)]
pub struct CanHostSocketcanProperties {
    pub r#if: String,
    pub canbus: String,
}

#[qapi::structure(pragma(member_name_exception))]
#[derive(Debug, Clone, PartialEq)]
pub struct ColoCompareProperties {
    #[qapi(name = "primary_in")]
    pub primary_in: String,
    #[qapi(name = "secondary_in")]
    pub secondary_in: String,
    pub outdev: String,
    pub iothread: String,
    #[qapi(name = "notify_dev")]
    pub notify_dev: Option<String>,
    #[qapi(name = "compare_timeout")]
    pub compare_timeout: Option<u64>,
    #[qapi(name = "expired_scan_cycle")]
    pub expired_scan_cycle: Option<u32>,
    #[qapi(name = "max_queue_size")]
    pub max_queue_size: Option<u32>,
    #[qapi(name = "vnet_hdr_support")]
    pub vnet_hdr_support: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct CryptodevBackendProperties {
    pub queues: Option<u32>,
    pub throttle_bps: Option<u64>,
    pub throttle_ops: Option<u64>,
}

#[qapi::structure(if = CONFIG_VHOST_CRYPTO)]
#[derive(Debug, Clone, PartialEq)]
pub struct CryptodevVhostUserProperties {
    #[qapi(base)]
    pub base: CryptodevBackendProperties,
    pub chardev: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct DBusVMStateProperties {
    pub addr: String,
    pub id_list: Option<String>,
}

#[qapi::enumeration]
pub enum NetfilterInsert {
    Before,
    Behind,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct NetfilterProperties {
    pub netdev: String,
    pub queue: Option<NetFilterDirection>,
    pub status: Option<String>,
    pub position: Option<String>,
    pub insert: Option<NetfilterInsert>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct FilterBufferProperties {
    #[qapi(base)]
    pub base: NetfilterProperties,
    pub interval: u32,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct FilterDumpProperties {
    #[qapi(base)]
    pub base: NetfilterProperties,
    pub file: String,
    pub maxlen: Option<u32>,
}

#[qapi::structure(pragma(member_name_exception))]
#[derive(Debug, Clone, PartialEq)]
pub struct FilterMirrorProperties {
    #[qapi(base)]
    pub base: NetfilterProperties,
    pub outdev: String,
    #[qapi(name = "vnet_hdr_support")]
    pub vnet_hdr_support: Option<bool>,
}

#[qapi::structure(pragma(member_name_exception))]
#[derive(Debug, Clone, PartialEq)]
pub struct FilterRedirectorProperties {
    #[qapi(base)]
    pub base: NetfilterProperties,
    pub indev: Option<String>,
    pub outdev: Option<String>,
    #[qapi(name = "vnet_hdr_support")]
    pub vnet_hdr_support: Option<bool>,
}

#[qapi::structure(pragma(member_name_exception))]
#[derive(Debug, Clone, PartialEq)]
pub struct FilterRewriterProperties {
    #[qapi(base)]
    pub base: NetfilterProperties,
    #[qapi(name = "vnet_hdr_support")]
    pub vnet_hdr_support: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct InputBarrierProperties {
    pub name: String,
    pub server: Option<String>,
    pub port: Option<String>,
    pub x_origin: Option<String>,
    pub y_origin: Option<String>,
    pub width: Option<String>,
    pub height: Option<String>,
}

#[qapi::structure(if = CONFIG_LINUX, pragma(member_name_exception))]
#[derive(Debug, Clone, PartialEq)]
pub struct InputLinuxProperties {
    pub evdev: String,
    #[qapi(name = "grab_all")]
    pub grab_all: Option<bool>,
    pub repeat: Option<bool>,
    pub grab_toggle: Option<GrabToggleKeys>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct EventLoopBaseProperties {
    pub aio_max_batch: Option<i64>,
    pub thread_pool_min: Option<i64>,
    pub thread_pool_max: Option<i64>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct IothreadProperties {
    #[qapi(base)]
    pub base: EventLoopBaseProperties,
    pub poll_max_ns: Option<i64>,
    pub poll_grow: Option<i64>,
    pub poll_shrink: Option<i64>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct MainLoopProperties {
    #[qapi(base)]
    pub base: EventLoopBaseProperties,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct MemoryBackendProperties {
    pub dump: Option<bool>,
    pub host_nodes: Option<Vec<u16>>,
    pub merge: Option<bool>,
    pub policy: Option<HostMemPolicy>,
    pub prealloc: Option<bool>,
    pub prealloc_threads: Option<u32>,
    pub prealloc_context: Option<String>,
    pub share: Option<bool>,
    pub reserve: Option<bool>,
    #[qapi(builtin = size)]
    pub size: u64,
    pub x_use_canonical_path_for_ramblock_id: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct MemoryBackendFileProperties {
    #[qapi(base)]
    pub base: MemoryBackendProperties,
    #[qapi(builtin = size)]
    pub align: Option<u64>,
    #[qapi(builtin = size)]
    pub offset: Option<u64>,
    pub discard_data: Option<bool>,
    pub mem_path: String,
    #[qapi(if = CONFIG_LIBPMEM)]
    pub pmem: Option<bool>,
    pub readonly: Option<bool>,
    pub rom: Option<OnOffAuto>,
}

#[qapi::structure(if = CONFIG_LINUX)]
#[derive(Debug, Clone, PartialEq)]
pub struct MemoryBackendMemfdProperties {
    #[qapi(base)]
    pub base: MemoryBackendProperties,
    pub hugetlb: Option<bool>,
    #[qapi(builtin = size)]
    pub hugetlbsize: Option<u64>,
    pub seal: Option<bool>,
}

#[qapi::structure(if = CONFIG_POSIX)]
#[derive(Debug, Clone, PartialEq)]
pub struct MemoryBackendShmProperties {
    #[qapi(base)]
    pub base: MemoryBackendProperties,
}

#[qapi::structure(if = CONFIG_LINUX)]
#[derive(Debug, Clone, PartialEq)]
pub struct MemoryBackendEpcProperties {
    #[qapi(base)]
    pub base: MemoryBackendProperties,
}

#[qapi::structure(if = CONFIG_LINUX)]
#[derive(Debug, Clone, PartialEq)]
pub struct PrManagerHelperProperties {
    pub path: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct QtestProperties {
    pub chardev: String,
    pub log: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct RemoteObjectProperties {
    pub fd: String,
    pub devid: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct VfioUserServerProperties {
    pub socket: SocketAddress,
    pub device: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct IOMMUFDProperties {
    pub fd: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AcpiGenericInitiatorProperties {
    pub pci_dev: String,
    pub node: u32,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AcpiGenericPortProperties {
    pub pci_bus: String,
    pub node: u32,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct RngProperties {
    #[qapi(features = [deprecated])]
    pub opened: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct RngEgdProperties {
    #[qapi(base)]
    pub base: RngProperties,
    pub chardev: String,
}

#[qapi::structure(if = CONFIG_POSIX)]
#[derive(Debug, Clone, PartialEq)]
pub struct RngRandomProperties {
    #[qapi(base)]
    pub base: RngProperties,
    pub filename: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SevCommonProperties {
    pub sev_device: Option<String>,
    pub cbitpos: Option<u32>,
    pub reduced_phys_bits: u32,
    pub kernel_hashes: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SevGuestProperties {
    #[qapi(base)]
    pub base: SevCommonProperties,
    pub dh_cert_file: Option<String>,
    pub session_file: Option<String>,
    pub policy: Option<u32>,
    pub handle: Option<u32>,
    pub legacy_vm_type: Option<OnOffAuto>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SevSnpGuestProperties {
    #[qapi(base)]
    pub base: SevCommonProperties,
    pub policy: Option<u64>,
    pub guest_visible_workarounds: Option<String>,
    pub id_block: Option<String>,
    pub id_auth: Option<String>,
    pub author_key_enabled: Option<bool>,
    pub host_data: Option<String>,
    pub vcek_disabled: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ThreadContextProperties {
    pub cpu_affinity: Option<Vec<u16>>,
    pub node_affinity: Option<Vec<u16>>,
}

#[qapi::enumeration(pragma(member_name_exception))]
pub enum ObjectType {
    AcpiGenericInitiator,
    AcpiGenericPort,
    AuthzList,
    AuthzListfile,
    AuthzPam,
    AuthzSimple,
    CanBus,
    #[qapi(if = CONFIG_LINUX)]
    CanHostSocketcan,
    ColoCompare,
    CryptodevBackend,
    CryptodevBackendBuiltin,
    CryptodevBackendLkcf,
    #[qapi(if = CONFIG_VHOST_CRYPTO)]
    CryptodevVhostUser,
    DbusVmstate,
    FilterBuffer,
    FilterDump,
    FilterMirror,
    FilterRedirector,
    FilterReplay,
    FilterRewriter,
    InputBarrier,
    #[qapi(if = CONFIG_LINUX)]
    InputLinux,
    Iommufd,
    Iothread,
    MainLoop,
    #[qapi(if = CONFIG_LINUX)]
    MemoryBackendEpc,
    MemoryBackendFile,
    #[qapi(if = CONFIG_LINUX)]
    MemoryBackendMemfd,
    MemoryBackendRam,
    #[qapi(if = CONFIG_POSIX)]
    MemoryBackendShm,
    PefGuest,
    #[qapi(if = CONFIG_LINUX)]
    PrManagerHelper,
    Qtest,
    RngBuiltin,
    RngEgd,
    #[qapi(if = CONFIG_POSIX)]
    RngRandom,
    Secret,
    #[qapi(name = "secret_keyring", if = CONFIG_SECRET_KEYRING)]
    SecretKeyring,
    SevGuest,
    SevSnpGuest,
    ThreadContext,
    S390PvGuest,
    ThrottleGroup,
    TlsCredsAnon,
    TlsCredsPsk,
    TlsCredsX509,
    TlsCipherSuites,
    #[qapi(name = "x-remote-object", features = [unstable])]
    XRemoteObject,
    #[qapi(name = "x-vfio-user-server", features = [unstable])]
    XVfioUserServer,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectOptions {
    #[qapi(discriminator)]
    pub qom_type: ObjectOptionsBranch,
    pub id: String,
}

#[qapi::branches(tag = ObjectType)]
#[derive(Debug, Clone, PartialEq)]
pub enum ObjectOptionsBranch {
    AcpiGenericInitiator(AcpiGenericInitiatorProperties),
    AcpiGenericPort(AcpiGenericPortProperties),
    AuthzList(AuthZListProperties),
    AuthzListfile(AuthZListFileProperties),
    AuthzPam(AuthZPAMProperties),
    AuthzSimple(AuthZSimpleProperties),
    #[qapi(if = CONFIG_LINUX)]
    CanHostSocketcan(CanHostSocketcanProperties),
    ColoCompare(ColoCompareProperties),
    CryptodevBackend(CryptodevBackendProperties),
    CryptodevBackendBuiltin(CryptodevBackendProperties),
    CryptodevBackendLkcf(CryptodevBackendProperties),
    #[qapi(if = CONFIG_VHOST_CRYPTO)]
    CryptodevVhostUser(CryptodevVhostUserProperties),
    DbusVmstate(DBusVMStateProperties),
    FilterBuffer(FilterBufferProperties),
    FilterDump(FilterDumpProperties),
    FilterMirror(FilterMirrorProperties),
    FilterRedirector(FilterRedirectorProperties),
    FilterReplay(NetfilterProperties),
    FilterRewriter(FilterRewriterProperties),
    InputBarrier(InputBarrierProperties),
    #[qapi(if = CONFIG_LINUX)]
    InputLinux(InputLinuxProperties),
    Iommufd(IOMMUFDProperties),
    Iothread(IothreadProperties),
    MainLoop(MainLoopProperties),
    #[qapi(if = CONFIG_LINUX)]
    MemoryBackendEpc(MemoryBackendEpcProperties),
    MemoryBackendFile(MemoryBackendFileProperties),
    #[qapi(if = CONFIG_LINUX)]
    MemoryBackendMemfd(MemoryBackendMemfdProperties),
    MemoryBackendRam(MemoryBackendProperties),
    #[qapi(if = CONFIG_POSIX)]
    MemoryBackendShm(MemoryBackendShmProperties),
    #[qapi(if = CONFIG_LINUX)]
    PrManagerHelper(PrManagerHelperProperties),
    Qtest(QtestProperties),
    RngBuiltin(RngProperties),
    RngEgd(RngEgdProperties),
    #[qapi(if = CONFIG_POSIX)]
    RngRandom(RngRandomProperties),
    Secret(SecretProperties),
    #[qapi(if = CONFIG_SECRET_KEYRING)]
    SecretKeyring(SecretKeyringProperties),
    SevGuest(SevGuestProperties),
    SevSnpGuest(SevSnpGuestProperties),
    ThreadContext(ThreadContextProperties),
    ThrottleGroup(ThrottleGroupProperties),
    TlsCredsAnon(TlsCredsAnonProperties),
    TlsCredsPsk(TlsCredsPskProperties),
    TlsCredsX509(TlsCredsX509Properties),
    TlsCipherSuites(TlsCredsProperties),
    XRemoteObject(RemoteObjectProperties),
    XVfioUserServer(VfioUserServerProperties),
    CanBus,
    PefGuest,
    S390PvGuest,
}

#[qapi::command(boxed, allow_preconfig)]
pub fn object_add(args: ObjectOptions) -> Result<()>;

#[qapi::command(allow_preconfig)]
pub fn object_del(id: String) -> Result<()>;
