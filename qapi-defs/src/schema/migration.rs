//! The QAPI module `migration.json`.

use crate::prelude::*;

qapi::module!("migration");

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct MigrationStats {
    pub transferred: i64,
    pub remaining: i64,
    pub total: i64,
    pub duplicate: i64,
    pub normal: i64,
    pub normal_bytes: i64,
    pub dirty_pages_rate: i64,
    pub mbps: f64,
    pub dirty_sync_count: i64,
    pub postcopy_requests: i64,
    pub page_size: i64,
    pub multifd_bytes: u64,
    pub pages_per_second: u64,
    pub precopy_bytes: u64,
    pub downtime_bytes: u64,
    pub postcopy_bytes: u64,
    pub dirty_sync_missed_zero_copy: u64,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct XBZRLECacheStats {
    #[qapi(builtin = size)]
    pub cache_size: u64,
    pub bytes: i64,
    pub pages: i64,
    pub cache_miss: i64,
    pub cache_miss_rate: f64,
    pub encoding_rate: f64,
    pub overflow: i64,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct CompressionStats {
    pub pages: i64,
    pub busy: i64,
    pub busy_rate: f64,
    pub compressed_size: i64,
    pub compression_rate: f64,
}

#[qapi::enumeration]
pub enum MigrationStatus {
    None,
    Setup,
    Cancelling,
    Cancelled,
    Active,
    PostcopyActive,
    PostcopyPaused,
    PostcopyRecoverSetup,
    PostcopyRecover,
    Completed,
    Failed,
    Colo,
    PreSwitchover,
    Device,
    WaitUnplug,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct VfioStats {
    pub transferred: i64,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct MigrationInfo {
    pub status: Option<MigrationStatus>,
    pub ram: Option<MigrationStats>,
    pub vfio: Option<VfioStats>,
    pub xbzrle_cache: Option<XBZRLECacheStats>,
    pub total_time: Option<i64>,
    pub expected_downtime: Option<i64>,
    pub downtime: Option<i64>,
    pub setup_time: Option<i64>,
    pub cpu_throttle_percentage: Option<i64>,
    pub error_desc: Option<String>,
    pub blocked_reasons: Option<Vec<String>>,
    pub postcopy_blocktime: Option<u32>,
    pub postcopy_vcpu_blocktime: Option<Vec<u32>>,
    pub socket_address: Option<Vec<SocketAddress>>,
    pub dirty_limit_throttle_time_per_round: Option<u64>,
    pub dirty_limit_ring_full_time: Option<u64>,
}

#[qapi::command]
pub fn query_migrate() -> Result<MigrationInfo>;

#[qapi::enumeration]
pub enum MigrationCapability {
    Xbzrle,
    RdmaPinAll,
    AutoConverge,
    #[qapi(features = [deprecated])]
    ZeroBlocks,
    Events,
    PostcopyRam,
    #[qapi(name = "x-colo", features = [unstable])]
    XColo,
    ReleaseRam,
    ReturnPath,
    PauseBeforeSwitchover,
    Multifd,
    DirtyBitmaps,
    PostcopyBlocktime,
    LateBlockActivate,
    #[qapi(name = "x-ignore-shared", features = [unstable])]
    XIgnoreShared,
    ValidateUuid,
    BackgroundSnapshot,
    ZeroCopySend,
    PostcopyPreempt,
    SwitchoverAck,
    DirtyLimit,
    MappedRam,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct MigrationCapabilityStatus {
    pub capability: MigrationCapability,
    pub state: bool,
}

#[qapi::command]
pub fn migrate_set_capabilities(capabilities: Vec<MigrationCapabilityStatus>) -> Result<()>;

#[qapi::command]
pub fn query_migrate_capabilities() -> Result<Vec<MigrationCapabilityStatus>>;

#[qapi::enumeration(prefix = "MULTIFD_COMPRESSION")]
pub enum MultiFDCompression {
    None,
    Zlib,
    #[qapi(if = CONFIG_ZSTD)]
    Zstd,
    #[qapi(if = CONFIG_QATZIP)]
    Qatzip,
    #[qapi(if = CONFIG_QPL)]
    Qpl,
    #[qapi(if = CONFIG_UADK)]
    Uadk,
}

#[qapi::enumeration]
pub enum MigMode {
    Normal,
    CprReboot,
    CprTransfer,
}

#[qapi::enumeration]
pub enum ZeroPageDetection {
    None,
    Legacy,
    Multifd,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BitmapMigrationBitmapAliasTransform {
    pub persistent: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BitmapMigrationBitmapAlias {
    pub name: String,
    pub alias: String,
    pub transform: Option<BitmapMigrationBitmapAliasTransform>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BitmapMigrationNodeAlias {
    pub node_name: String,
    pub alias: String,
    pub bitmaps: Vec<BitmapMigrationBitmapAlias>,
}

#[qapi::enumeration]
pub enum MigrationParameter {
    AnnounceInitial,
    AnnounceMax,
    AnnounceRounds,
    AnnounceStep,
    ThrottleTriggerThreshold,
    CpuThrottleInitial,
    CpuThrottleIncrement,
    CpuThrottleTailslow,
    TlsCreds,
    TlsHostname,
    TlsAuthz,
    MaxBandwidth,
    AvailSwitchoverBandwidth,
    DowntimeLimit,
    #[qapi(name = "x-checkpoint-delay", features = [unstable])]
    XCheckpointDelay,
    MultifdChannels,
    XbzrleCacheSize,
    MaxPostcopyBandwidth,
    MaxCpuThrottle,
    MultifdCompression,
    MultifdZlibLevel,
    MultifdZstdLevel,
    MultifdQatzipLevel,
    BlockBitmapMapping,
    #[qapi(name = "x-vcpu-dirty-limit-period", features = [unstable])]
    XVcpuDirtyLimitPeriod,
    VcpuDirtyLimit,
    Mode,
    ZeroPageDetection,
    DirectIo,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct MigrateSetParameters {
    #[qapi(builtin = size)]
    pub announce_initial: Option<u64>,
    #[qapi(builtin = size)]
    pub announce_max: Option<u64>,
    #[qapi(builtin = size)]
    pub announce_rounds: Option<u64>,
    #[qapi(builtin = size)]
    pub announce_step: Option<u64>,
    pub throttle_trigger_threshold: Option<u8>,
    pub cpu_throttle_initial: Option<u8>,
    pub cpu_throttle_increment: Option<u8>,
    pub cpu_throttle_tailslow: Option<bool>,
    pub tls_creds: Option<StrOrNull>,
    pub tls_hostname: Option<StrOrNull>,
    pub tls_authz: Option<StrOrNull>,
    #[qapi(builtin = size)]
    pub max_bandwidth: Option<u64>,
    #[qapi(builtin = size)]
    pub avail_switchover_bandwidth: Option<u64>,
    pub downtime_limit: Option<u64>,
    #[qapi(features = [unstable])]
    pub x_checkpoint_delay: Option<u32>,
    pub multifd_channels: Option<u8>,
    #[qapi(builtin = size)]
    pub xbzrle_cache_size: Option<u64>,
    #[qapi(builtin = size)]
    pub max_postcopy_bandwidth: Option<u64>,
    pub max_cpu_throttle: Option<u8>,
    pub multifd_compression: Option<MultiFDCompression>,
    pub multifd_zlib_level: Option<u8>,
    pub multifd_qatzip_level: Option<u8>,
    pub multifd_zstd_level: Option<u8>,
    pub block_bitmap_mapping: Option<Vec<BitmapMigrationNodeAlias>>,
    #[qapi(features = [unstable])]
    pub x_vcpu_dirty_limit_period: Option<u64>,
    pub vcpu_dirty_limit: Option<u64>,
    pub mode: Option<MigMode>,
    pub zero_page_detection: Option<ZeroPageDetection>,
    pub direct_io: Option<bool>,
}

#[qapi::command(boxed)]
pub fn migrate_set_parameters(args: MigrateSetParameters) -> Result<()>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct MigrationParameters {
    #[qapi(builtin = size)]
    pub announce_initial: Option<u64>,
    #[qapi(builtin = size)]
    pub announce_max: Option<u64>,
    #[qapi(builtin = size)]
    pub announce_rounds: Option<u64>,
    #[qapi(builtin = size)]
    pub announce_step: Option<u64>,
    pub throttle_trigger_threshold: Option<u8>,
    pub cpu_throttle_initial: Option<u8>,
    pub cpu_throttle_increment: Option<u8>,
    pub cpu_throttle_tailslow: Option<bool>,
    pub tls_creds: Option<String>,
    pub tls_hostname: Option<String>,
    pub tls_authz: Option<String>,
    #[qapi(builtin = size)]
    pub max_bandwidth: Option<u64>,
    #[qapi(builtin = size)]
    pub avail_switchover_bandwidth: Option<u64>,
    pub downtime_limit: Option<u64>,
    #[qapi(features = [unstable])]
    pub x_checkpoint_delay: Option<u32>,
    pub multifd_channels: Option<u8>,
    #[qapi(builtin = size)]
    pub xbzrle_cache_size: Option<u64>,
    #[qapi(builtin = size)]
    pub max_postcopy_bandwidth: Option<u64>,
    pub max_cpu_throttle: Option<u8>,
    pub multifd_compression: Option<MultiFDCompression>,
    pub multifd_zlib_level: Option<u8>,
    pub multifd_qatzip_level: Option<u8>,
    pub multifd_zstd_level: Option<u8>,
    pub block_bitmap_mapping: Option<Vec<BitmapMigrationNodeAlias>>,
    #[qapi(features = [unstable])]
    pub x_vcpu_dirty_limit_period: Option<u64>,
    pub vcpu_dirty_limit: Option<u64>,
    pub mode: Option<MigMode>,
    pub zero_page_detection: Option<ZeroPageDetection>,
    pub direct_io: Option<bool>,
}

#[qapi::command]
pub fn query_migrate_parameters() -> Result<MigrationParameters>;

#[qapi::command]
pub fn migrate_start_postcopy() -> Result<()>;

#[qapi::event]
pub struct Migration {
    pub status: MigrationStatus,
}

#[qapi::event]
pub struct MigrationPass {
    pub pass: i64,
}

#[qapi::enumeration]
pub enum COLOMessage {
    CheckpointReady,
    CheckpointRequest,
    CheckpointReply,
    VmstateSend,
    VmstateSize,
    VmstateReceived,
    VmstateLoaded,
}

#[qapi::enumeration]
pub enum COLOMode {
    None,
    Primary,
    Secondary,
}

#[qapi::enumeration]
pub enum FailoverStatus {
    None,
    Require,
    Active,
    Completed,
    Relaunch,
}

#[qapi::event]
pub struct ColoExit {
    pub mode: COLOMode,
    pub reason: COLOExitReason,
}

#[qapi::enumeration]
pub enum COLOExitReason {
    None,
    Request,
    Error,
    Processing,
}

#[qapi::command(if = CONFIG_REPLICATION, features = [unstable])]
pub fn x_colo_lost_heartbeat() -> Result<()>;

#[qapi::command(name = "migrate_cancel", pragma(command_name_exception))]
pub fn migrate_cancel() -> Result<()>;

#[qapi::command]
pub fn migrate_continue(state: MigrationStatus) -> Result<()>;

#[qapi::enumeration]
pub enum MigrationAddressType {
    Socket,
    Exec,
    Rdma,
    File,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct FileMigrationArgs {
    pub filename: String,
    pub offset: u64,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct MigrationExecCommand {
    pub args: Vec<String>,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct MigrationAddress {
    #[qapi(discriminator)]
    pub transport: MigrationAddressBranch,
}

#[qapi::branches(tag = MigrationAddressType)]
#[derive(Debug, Clone, PartialEq)]
pub enum MigrationAddressBranch {
    Socket(SocketAddress),
    Exec(MigrationExecCommand),
    Rdma(InetSocketAddress),
    File(FileMigrationArgs),
}

#[qapi::enumeration]
pub enum MigrationChannelType {
    Main,
    Cpr,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct MigrationChannel {
    pub channel_type: MigrationChannelType,
    pub addr: MigrationAddress,
}

#[qapi::command]
pub fn migrate(
    uri: Option<String>,
    channels: Option<Vec<MigrationChannel>>,
    detach: Option<bool>,
    resume: Option<bool>,
) -> Result<()>;

#[qapi::command]
pub fn migrate_incoming(
    uri: Option<String>,
    channels: Option<Vec<MigrationChannel>>,
    exit_on_error: Option<bool>,
) -> Result<()>;

#[qapi::command]
pub fn xen_save_devices_state(filename: String, live: Option<bool>) -> Result<()>;

#[qapi::command]
pub fn xen_set_global_dirty_log(enable: bool) -> Result<()>;

#[qapi::command]
pub fn xen_load_devices_state(filename: String) -> Result<()>;

#[qapi::command(if = CONFIG_REPLICATION)]
pub fn xen_set_replication(enable: bool, primary: bool, failover: Option<bool>) -> Result<()>;

#[qapi::structure(if = CONFIG_REPLICATION)]
#[derive(Debug, Clone, PartialEq)]
pub struct ReplicationStatus {
    pub error: bool,
    pub desc: Option<String>,
}

#[qapi::command(if = CONFIG_REPLICATION)]
pub fn query_xen_replication_status() -> Result<ReplicationStatus>;

#[qapi::command(if = CONFIG_REPLICATION)]
pub fn xen_colo_do_checkpoint() -> Result<()>;

#[qapi::structure(if = CONFIG_REPLICATION)]
#[derive(Debug, Clone, PartialEq)]
pub struct COLOStatus {
    pub mode: COLOMode,
    pub last_mode: COLOMode,
    pub reason: COLOExitReason,
}

#[qapi::command(if = CONFIG_REPLICATION)]
pub fn query_colo_status() -> Result<COLOStatus>;

#[qapi::command(allow_oob)]
pub fn migrate_recover(uri: String) -> Result<()>;

#[qapi::command(allow_oob)]
pub fn migrate_pause() -> Result<()>;

#[qapi::event]
pub struct UnplugPrimary {
    pub device_id: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct DirtyRateVcpu {
    pub id: i64,
    #[qapi(builtin = int64)]
    pub dirty_rate: i64,
}

#[qapi::enumeration]
pub enum DirtyRateStatus {
    Unstarted,
    Measuring,
    Measured,
}

#[qapi::enumeration]
pub enum DirtyRateMeasureMode {
    PageSampling,
    DirtyRing,
    DirtyBitmap,
}

#[qapi::enumeration]
pub enum TimeUnit {
    Second,
    Millisecond,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct DirtyRateInfo {
    #[qapi(builtin = int64)]
    pub dirty_rate: Option<i64>,
    pub status: DirtyRateStatus,
    #[qapi(builtin = int64)]
    pub start_time: i64,
    #[qapi(builtin = int64)]
    pub calc_time: i64,
    pub calc_time_unit: TimeUnit,
    pub sample_pages: u64,
    pub mode: DirtyRateMeasureMode,
    pub vcpu_dirty_rate: Option<Vec<DirtyRateVcpu>>,
}

#[qapi::command]
pub fn calc_dirty_rate(
    #[qapi(builtin = int64)] calc_time: i64,
    calc_time_unit: Option<TimeUnit>,
    sample_pages: Option<i64>,
    mode: Option<DirtyRateMeasureMode>,
) -> Result<()>;

#[qapi::command]
pub fn query_dirty_rate(calc_time_unit: Option<TimeUnit>) -> Result<DirtyRateInfo>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct DirtyLimitInfo {
    pub cpu_index: i64,
    pub limit_rate: u64,
    pub current_rate: u64,
}

#[qapi::command]
pub fn set_vcpu_dirty_limit(cpu_index: Option<i64>, dirty_rate: u64) -> Result<()>;

#[qapi::command]
pub fn cancel_vcpu_dirty_limit(cpu_index: Option<i64>) -> Result<()>;

#[qapi::command]
pub fn query_vcpu_dirty_limit() -> Result<Vec<DirtyLimitInfo>>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct MigrationThreadInfo {
    pub name: String,
    pub thread_id: i64,
}

#[qapi::command(features = [deprecated])]
pub fn query_migrationthreads() -> Result<Vec<MigrationThreadInfo>>;

#[qapi::command]
pub fn snapshot_save(
    job_id: String,
    tag: String,
    vmstate: String,
    devices: Vec<String>,
) -> Result<()>;

#[qapi::command]
pub fn snapshot_load(
    job_id: String,
    tag: String,
    vmstate: String,
    devices: Vec<String>,
) -> Result<()>;

#[qapi::command]
pub fn snapshot_delete(job_id: String, tag: String, devices: Vec<String>) -> Result<()>;
