//! The QAPI module `block-core.json`.

use crate::prelude::*;

qapi::module!("block-core");

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotInfo {
    pub id: String,
    pub name: String,
    pub vm_state_size: i64,
    pub date_sec: i64,
    pub date_nsec: i64,
    pub vm_clock_sec: i64,
    pub vm_clock_nsec: i64,
    pub icount: Option<i64>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ImageInfoSpecificQCow2EncryptionBase {
    pub format: BlockdevQcow2EncryptionFormat,
}

#[qapi::union(base = ImageInfoSpecificQCow2EncryptionBase)]
#[derive(Debug, Clone, PartialEq)]
pub struct ImageInfoSpecificQCow2Encryption {
    #[qapi(discriminator)]
    pub format: ImageInfoSpecificQCow2EncryptionBranch,
}

#[qapi::branches(tag = BlockdevQcow2EncryptionFormat)]
#[derive(Debug, Clone, PartialEq)]
pub enum ImageInfoSpecificQCow2EncryptionBranch {
    Luks(QCryptoBlockInfoLUKS),
    Aes,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ImageInfoSpecificQCow2 {
    pub compat: String,
    pub data_file: Option<String>,
    pub data_file_raw: Option<bool>,
    pub extended_l2: Option<bool>,
    pub lazy_refcounts: Option<bool>,
    pub corrupt: Option<bool>,
    pub refcount_bits: i64,
    pub encrypt: Option<ImageInfoSpecificQCow2Encryption>,
    pub bitmaps: Option<Vec<Qcow2BitmapInfo>>,
    pub compression_type: Qcow2CompressionType,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ImageInfoSpecificVmdk {
    pub create_type: String,
    pub cid: i64,
    pub parent_cid: i64,
    pub extents: Vec<VmdkExtentInfo>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct VmdkExtentInfo {
    pub filename: String,
    pub format: String,
    pub virtual_size: i64,
    pub cluster_size: Option<i64>,
    pub compressed: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ImageInfoSpecificRbd {
    pub encryption_format: Option<RbdImageEncryptionFormat>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ImageInfoSpecificFile {
    #[qapi(builtin = size)]
    pub extent_size_hint: Option<u64>,
}

#[qapi::enumeration]
pub enum ImageInfoSpecificKind {
    Qcow2,
    Vmdk,
    Luks,
    Rbd,
    File,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ImageInfoSpecificQCow2Wrapper {
    pub data: ImageInfoSpecificQCow2,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ImageInfoSpecificVmdkWrapper {
    pub data: ImageInfoSpecificVmdk,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ImageInfoSpecificLUKSWrapper {
    pub data: QCryptoBlockInfoLUKS,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ImageInfoSpecificRbdWrapper {
    pub data: ImageInfoSpecificRbd,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ImageInfoSpecificFileWrapper {
    pub data: ImageInfoSpecificFile,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct ImageInfoSpecific {
    #[qapi(discriminator)]
    pub r#type: ImageInfoSpecificBranch,
}

#[qapi::branches(tag = ImageInfoSpecificKind)]
#[derive(Debug, Clone, PartialEq)]
pub enum ImageInfoSpecificBranch {
    Qcow2(ImageInfoSpecificQCow2Wrapper),
    Vmdk(ImageInfoSpecificVmdkWrapper),
    Luks(ImageInfoSpecificLUKSWrapper),
    Rbd(ImageInfoSpecificRbdWrapper),
    File(ImageInfoSpecificFileWrapper),
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockNodeInfo {
    pub filename: String,
    pub format: String,
    pub dirty_flag: Option<bool>,
    pub actual_size: Option<i64>,
    pub virtual_size: i64,
    pub cluster_size: Option<i64>,
    pub encrypted: Option<bool>,
    pub compressed: Option<bool>,
    pub backing_filename: Option<String>,
    pub full_backing_filename: Option<String>,
    pub backing_filename_format: Option<String>,
    pub snapshots: Option<Vec<SnapshotInfo>>,
    pub format_specific: Option<ImageInfoSpecific>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ImageInfo {
    #[qapi(base)]
    pub base: BlockNodeInfo,
    pub backing_image: Option<Box<ImageInfo>>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockChildInfo {
    pub name: String,
    pub info: BlockGraphInfo,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockGraphInfo {
    #[qapi(base)]
    pub base: BlockNodeInfo,
    pub children: Vec<BlockChildInfo>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ImageCheck {
    pub filename: String,
    pub format: String,
    pub check_errors: i64,
    pub image_end_offset: Option<i64>,
    pub corruptions: Option<i64>,
    pub leaks: Option<i64>,
    pub corruptions_fixed: Option<i64>,
    pub leaks_fixed: Option<i64>,
    pub total_clusters: Option<i64>,
    pub allocated_clusters: Option<i64>,
    pub fragmented_clusters: Option<i64>,
    pub compressed_clusters: Option<i64>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct MapEntry {
    pub start: i64,
    pub length: i64,
    pub data: bool,
    pub zero: bool,
    pub compressed: bool,
    pub depth: i64,
    pub present: bool,
    pub offset: Option<i64>,
    pub filename: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevCacheInfo {
    pub writeback: bool,
    pub direct: bool,
    pub no_flush: bool,
}

#[qapi::structure(pragma(member_name_exception))]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockDeviceInfo {
    pub file: String,
    pub node_name: Option<String>,
    pub ro: bool,
    pub drv: String,
    #[qapi(name = "backing_file")]
    pub backing_file: Option<String>,
    #[qapi(name = "backing_file_depth")]
    pub backing_file_depth: i64,
    pub active: bool,
    pub encrypted: bool,
    #[qapi(name = "detect_zeroes")]
    pub detect_zeroes: BlockdevDetectZeroesOptions,
    pub bps: i64,
    #[qapi(name = "bps_rd")]
    pub bps_rd: i64,
    #[qapi(name = "bps_wr")]
    pub bps_wr: i64,
    pub iops: i64,
    #[qapi(name = "iops_rd")]
    pub iops_rd: i64,
    #[qapi(name = "iops_wr")]
    pub iops_wr: i64,
    pub image: ImageInfo,
    #[qapi(name = "bps_max")]
    pub bps_max: Option<i64>,
    #[qapi(name = "bps_rd_max")]
    pub bps_rd_max: Option<i64>,
    #[qapi(name = "bps_wr_max")]
    pub bps_wr_max: Option<i64>,
    #[qapi(name = "iops_max")]
    pub iops_max: Option<i64>,
    #[qapi(name = "iops_rd_max")]
    pub iops_rd_max: Option<i64>,
    #[qapi(name = "iops_wr_max")]
    pub iops_wr_max: Option<i64>,
    #[qapi(name = "bps_max_length")]
    pub bps_max_length: Option<i64>,
    #[qapi(name = "bps_rd_max_length")]
    pub bps_rd_max_length: Option<i64>,
    #[qapi(name = "bps_wr_max_length")]
    pub bps_wr_max_length: Option<i64>,
    #[qapi(name = "iops_max_length")]
    pub iops_max_length: Option<i64>,
    #[qapi(name = "iops_rd_max_length")]
    pub iops_rd_max_length: Option<i64>,
    #[qapi(name = "iops_wr_max_length")]
    pub iops_wr_max_length: Option<i64>,
    #[qapi(name = "iops_size")]
    pub iops_size: Option<i64>,
    pub group: Option<String>,
    pub cache: BlockdevCacheInfo,
    #[qapi(name = "write_threshold")]
    pub write_threshold: i64,
    pub dirty_bitmaps: Option<Vec<BlockDirtyInfo>>,
}

#[qapi::enumeration]
pub enum BlockDeviceIoStatus {
    Ok,
    Failed,
    Nospace,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockDirtyInfo {
    pub name: Option<String>,
    pub count: i64,
    pub granularity: u32,
    pub recording: bool,
    pub busy: bool,
    pub persistent: bool,
    pub inconsistent: Option<bool>,
}

#[qapi::enumeration]
pub enum Qcow2BitmapInfoFlags {
    InUse,
    Auto,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct Qcow2BitmapInfo {
    pub name: String,
    pub granularity: u32,
    pub flags: Vec<Qcow2BitmapInfoFlags>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockLatencyHistogramInfo {
    pub boundaries: Vec<u64>,
    pub bins: Vec<u64>,
}

#[qapi::structure(pragma(member_name_exception))]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockInfo {
    pub device: String,
    pub qdev: Option<String>,
    pub r#type: String,
    pub removable: bool,
    pub locked: bool,
    pub inserted: Option<BlockDeviceInfo>,
    #[qapi(name = "tray_open")]
    pub tray_open: Option<bool>,
    pub io_status: Option<BlockDeviceIoStatus>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockMeasureInfo {
    pub required: i64,
    pub fully_allocated: i64,
    pub bitmaps: Option<i64>,
}

#[qapi::command(allow_preconfig)]
pub fn query_block() -> Result<Vec<BlockInfo>>;

#[qapi::structure(pragma(member_name_exception))]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockDeviceTimedStats {
    #[qapi(name = "interval_length")]
    pub interval_length: i64,
    #[qapi(name = "min_rd_latency_ns")]
    pub min_rd_latency_ns: i64,
    #[qapi(name = "max_rd_latency_ns")]
    pub max_rd_latency_ns: i64,
    #[qapi(name = "avg_rd_latency_ns")]
    pub avg_rd_latency_ns: i64,
    #[qapi(name = "min_wr_latency_ns")]
    pub min_wr_latency_ns: i64,
    #[qapi(name = "max_wr_latency_ns")]
    pub max_wr_latency_ns: i64,
    #[qapi(name = "avg_wr_latency_ns")]
    pub avg_wr_latency_ns: i64,
    #[qapi(name = "min_zone_append_latency_ns")]
    pub min_zone_append_latency_ns: i64,
    #[qapi(name = "max_zone_append_latency_ns")]
    pub max_zone_append_latency_ns: i64,
    #[qapi(name = "avg_zone_append_latency_ns")]
    pub avg_zone_append_latency_ns: i64,
    #[qapi(name = "min_flush_latency_ns")]
    pub min_flush_latency_ns: i64,
    #[qapi(name = "max_flush_latency_ns")]
    pub max_flush_latency_ns: i64,
    #[qapi(name = "avg_flush_latency_ns")]
    pub avg_flush_latency_ns: i64,
    #[qapi(name = "avg_rd_queue_depth")]
    pub avg_rd_queue_depth: f64,
    #[qapi(name = "avg_wr_queue_depth")]
    pub avg_wr_queue_depth: f64,
    #[qapi(name = "avg_zone_append_queue_depth")]
    pub avg_zone_append_queue_depth: f64,
}

#[qapi::structure(pragma(member_name_exception))]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockDeviceStats {
    #[qapi(name = "rd_bytes")]
    pub rd_bytes: i64,
    #[qapi(name = "wr_bytes")]
    pub wr_bytes: i64,
    #[qapi(name = "zone_append_bytes")]
    pub zone_append_bytes: i64,
    #[qapi(name = "unmap_bytes")]
    pub unmap_bytes: i64,
    #[qapi(name = "rd_operations")]
    pub rd_operations: i64,
    #[qapi(name = "wr_operations")]
    pub wr_operations: i64,
    #[qapi(name = "zone_append_operations")]
    pub zone_append_operations: i64,
    #[qapi(name = "flush_operations")]
    pub flush_operations: i64,
    #[qapi(name = "unmap_operations")]
    pub unmap_operations: i64,
    #[qapi(name = "rd_total_time_ns")]
    pub rd_total_time_ns: i64,
    #[qapi(name = "wr_total_time_ns")]
    pub wr_total_time_ns: i64,
    #[qapi(name = "zone_append_total_time_ns")]
    pub zone_append_total_time_ns: i64,
    #[qapi(name = "flush_total_time_ns")]
    pub flush_total_time_ns: i64,
    #[qapi(name = "unmap_total_time_ns")]
    pub unmap_total_time_ns: i64,
    #[qapi(name = "wr_highest_offset")]
    pub wr_highest_offset: i64,
    #[qapi(name = "rd_merged")]
    pub rd_merged: i64,
    #[qapi(name = "wr_merged")]
    pub wr_merged: i64,
    #[qapi(name = "zone_append_merged")]
    pub zone_append_merged: i64,
    #[qapi(name = "unmap_merged")]
    pub unmap_merged: i64,
    #[qapi(name = "idle_time_ns")]
    pub idle_time_ns: Option<i64>,
    #[qapi(name = "failed_rd_operations")]
    pub failed_rd_operations: i64,
    #[qapi(name = "failed_wr_operations")]
    pub failed_wr_operations: i64,
    #[qapi(name = "failed_zone_append_operations")]
    pub failed_zone_append_operations: i64,
    #[qapi(name = "failed_flush_operations")]
    pub failed_flush_operations: i64,
    #[qapi(name = "failed_unmap_operations")]
    pub failed_unmap_operations: i64,
    #[qapi(name = "invalid_rd_operations")]
    pub invalid_rd_operations: i64,
    #[qapi(name = "invalid_wr_operations")]
    pub invalid_wr_operations: i64,
    #[qapi(name = "invalid_zone_append_operations")]
    pub invalid_zone_append_operations: i64,
    #[qapi(name = "invalid_flush_operations")]
    pub invalid_flush_operations: i64,
    #[qapi(name = "invalid_unmap_operations")]
    pub invalid_unmap_operations: i64,
    #[qapi(name = "account_invalid")]
    pub account_invalid: bool,
    #[qapi(name = "account_failed")]
    pub account_failed: bool,
    #[qapi(name = "timed_stats")]
    pub timed_stats: Vec<BlockDeviceTimedStats>,
    #[qapi(name = "rd_latency_histogram")]
    pub rd_latency_histogram: Option<BlockLatencyHistogramInfo>,
    #[qapi(name = "wr_latency_histogram")]
    pub wr_latency_histogram: Option<BlockLatencyHistogramInfo>,
    #[qapi(name = "zone_append_latency_histogram")]
    pub zone_append_latency_histogram: Option<BlockLatencyHistogramInfo>,
    #[qapi(name = "flush_latency_histogram")]
    pub flush_latency_histogram: Option<BlockLatencyHistogramInfo>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockStatsSpecificFile {
    pub discard_nb_ok: u64,
    pub discard_nb_failed: u64,
    pub discard_bytes_ok: u64,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockStatsSpecificNvme {
    pub completion_errors: u64,
    pub aligned_accesses: u64,
    pub unaligned_accesses: u64,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockStatsSpecific {
    #[qapi(discriminator)]
    pub driver: BlockStatsSpecificBranch,
}

#[qapi::branches(tag = BlockdevDriver)]
#[derive(Debug, Clone, PartialEq)]
pub enum BlockStatsSpecificBranch {
    File(BlockStatsSpecificFile),
    #[qapi(if = HAVE_HOST_BLOCK_DEVICE)]
    HostDevice(BlockStatsSpecificFile),
    Nvme(BlockStatsSpecificNvme),
    Blkdebug,
    Blklogwrites,
    Blkreplay,
    Blkverify,
    Bochs,
    Cloop,
    Compress,
    CopyBeforeWrite,
    CopyOnRead,
    Dmg,
    SnapshotAccess,
    Ftp,
    Ftps,
    Gluster,
    HostCdrom,
    Http,
    Https,
    IoUring,
    Iscsi,
    Luks,
    Nbd,
    Nfs,
    NullAio,
    NullCo,
    NvmeIoUring,
    Parallels,
    Preallocate,
    Qcow,
    Qcow2,
    Qed,
    Quorum,
    Raw,
    Rbd,
    Replication,
    Ssh,
    Throttle,
    Vdi,
    Vhdx,
    VirtioBlkVfioPci,
    VirtioBlkVhostUser,
    VirtioBlkVhostVdpa,
    Vmdk,
    Vpc,
    Vvfat,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockStats {
    pub device: Option<String>,
    pub qdev: Option<String>,
    pub node_name: Option<String>,
    pub stats: BlockDeviceStats,
    pub driver_specific: Option<BlockStatsSpecific>,
    pub parent: Option<Box<BlockStats>>,
    pub backing: Option<Box<BlockStats>>,
}

#[qapi::command(allow_preconfig)]
pub fn query_blockstats(query_nodes: Option<bool>) -> Result<Vec<BlockStats>>;

#[qapi::enumeration]
pub enum BlockdevOnError {
    Report,
    Ignore,
    Enospc,
    Stop,
    Auto,
}

#[qapi::enumeration]
pub enum MirrorSyncMode {
    Top,
    Full,
    None,
    Incremental,
    Bitmap,
}

#[qapi::enumeration]
pub enum BitmapSyncMode {
    OnSuccess,
    Never,
    Always,
}

#[qapi::enumeration]
pub enum MirrorCopyMode {
    Background,
    WriteBlocking,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockJobInfoMirror {
    pub actively_synced: bool,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockJobInfo {
    #[qapi(discriminator)]
    pub r#type: BlockJobInfoBranch,
    pub device: String,
    pub len: i64,
    pub offset: i64,
    pub busy: bool,
    pub paused: bool,
    pub speed: i64,
    pub io_status: BlockDeviceIoStatus,
    pub ready: bool,
    pub status: JobStatus,
    pub auto_finalize: bool,
    pub auto_dismiss: bool,
    pub error: Option<String>,
}

#[qapi::branches(tag = JobType)]
#[derive(Debug, Clone, PartialEq)]
pub enum BlockJobInfoBranch {
    Mirror(BlockJobInfoMirror),
    Commit,
    Stream,
    Backup,
    Create,
    Amend,
    SnapshotLoad,
    SnapshotSave,
    SnapshotDelete,
}

#[qapi::command(allow_preconfig)]
pub fn query_block_jobs() -> Result<Vec<BlockJobInfo>>;

#[qapi::command(
    name = "block_resize",
    allow_preconfig,
    coroutine,
    pragma(command_name_exception)
)]
pub fn block_resize(device: Option<String>, node_name: Option<String>, size: i64) -> Result<()>;

#[qapi::enumeration]
pub enum NewImageMode {
    Existing,
    AbsolutePaths,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevSnapshotSync {
    pub device: Option<String>,
    pub node_name: Option<String>,
    pub snapshot_file: String,
    pub snapshot_node_name: Option<String>,
    pub format: Option<String>,
    pub mode: Option<NewImageMode>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevSnapshot {
    pub node: String,
    pub overlay: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BackupPerf {
    pub use_copy_range: Option<bool>,
    pub max_workers: Option<i64>,
    #[qapi(builtin = int64)]
    pub max_chunk: Option<i64>,
    #[qapi(builtin = size)]
    pub min_cluster_size: Option<u64>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BackupCommon {
    pub job_id: Option<String>,
    pub device: String,
    pub sync: MirrorSyncMode,
    pub speed: Option<i64>,
    pub bitmap: Option<String>,
    pub bitmap_mode: Option<BitmapSyncMode>,
    pub compress: Option<bool>,
    pub on_source_error: Option<BlockdevOnError>,
    pub on_target_error: Option<BlockdevOnError>,
    pub auto_finalize: Option<bool>,
    pub auto_dismiss: Option<bool>,
    pub filter_node_name: Option<String>,
    pub discard_source: Option<bool>,
    #[qapi(features = [unstable])]
    pub x_perf: Option<BackupPerf>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct DriveBackup {
    #[qapi(base)]
    pub base: BackupCommon,
    pub target: String,
    pub format: Option<String>,
    pub mode: Option<NewImageMode>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevBackup {
    #[qapi(base)]
    pub base: BackupCommon,
    pub target: String,
}

#[qapi::command(data, allow_preconfig)]
pub fn blockdev_snapshot_sync(args: BlockdevSnapshotSync) -> Result<()>;

#[qapi::command(features = [allow_write_only_overlay], data, allow_preconfig)]
pub fn blockdev_snapshot(args: BlockdevSnapshot) -> Result<()>;

#[qapi::command(allow_preconfig)]
pub fn change_backing_file(
    device: String,
    image_node_name: String,
    backing_file: String,
) -> Result<()>;

#[qapi::command(allow_preconfig)]
pub fn block_commit(
    job_id: Option<String>,
    device: String,
    base_node: Option<String>,
    #[qapi(features = [deprecated])] base: Option<String>,
    top_node: Option<String>,
    #[qapi(features = [deprecated])] top: Option<String>,
    backing_file: Option<String>,
    backing_mask_protocol: Option<bool>,
    speed: Option<i64>,
    on_error: Option<BlockdevOnError>,
    filter_node_name: Option<String>,
    auto_finalize: Option<bool>,
    auto_dismiss: Option<bool>,
) -> Result<()>;

#[qapi::command(features = [deprecated], boxed, allow_preconfig)]
pub fn drive_backup(args: DriveBackup) -> Result<()>;

#[qapi::command(boxed, allow_preconfig)]
pub fn blockdev_backup(args: BlockdevBackup) -> Result<()>;

#[qapi::command(allow_preconfig)]
pub fn query_named_block_nodes(flat: Option<bool>) -> Result<Vec<BlockDeviceInfo>>;

#[qapi::enumeration]
pub enum XDbgBlockGraphNodeType {
    BlockBackend,
    BlockJob,
    BlockDriver,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct XDbgBlockGraphNode {
    pub id: u64,
    pub r#type: XDbgBlockGraphNodeType,
    pub name: String,
}

#[qapi::enumeration]
pub enum BlockPermission {
    ConsistentRead,
    Write,
    WriteUnchanged,
    Resize,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct XDbgBlockGraphEdge {
    pub parent: u64,
    pub child: u64,
    pub name: String,
    pub perm: Vec<BlockPermission>,
    pub shared_perm: Vec<BlockPermission>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct XDbgBlockGraph {
    pub nodes: Vec<XDbgBlockGraphNode>,
    pub edges: Vec<XDbgBlockGraphEdge>,
}

#[qapi::command(features = [unstable], allow_preconfig)]
pub fn x_debug_query_block_graph() -> Result<XDbgBlockGraph>;

#[qapi::command(boxed, allow_preconfig)]
pub fn drive_mirror(args: DriveMirror) -> Result<()>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct DriveMirror {
    pub job_id: Option<String>,
    pub device: String,
    pub target: String,
    pub format: Option<String>,
    pub node_name: Option<String>,
    pub replaces: Option<String>,
    pub sync: MirrorSyncMode,
    pub mode: Option<NewImageMode>,
    pub speed: Option<i64>,
    pub granularity: Option<u32>,
    pub buf_size: Option<i64>,
    pub on_source_error: Option<BlockdevOnError>,
    pub on_target_error: Option<BlockdevOnError>,
    pub unmap: Option<bool>,
    pub copy_mode: Option<MirrorCopyMode>,
    pub auto_finalize: Option<bool>,
    pub auto_dismiss: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockDirtyBitmap {
    pub node: String,
    pub name: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockDirtyBitmapAdd {
    pub node: String,
    pub name: String,
    pub granularity: Option<u32>,
    pub persistent: Option<bool>,
    pub disabled: Option<bool>,
}

#[qapi::alternate]
#[derive(Debug, Clone, PartialEq)]
pub enum BlockDirtyBitmapOrStr {
    Local(String),
    External(BlockDirtyBitmap),
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockDirtyBitmapMerge {
    pub node: String,
    pub target: String,
    pub bitmaps: Vec<BlockDirtyBitmapOrStr>,
}

#[qapi::command(data, allow_preconfig)]
pub fn block_dirty_bitmap_add(args: BlockDirtyBitmapAdd) -> Result<()>;

#[qapi::command(data, allow_preconfig)]
pub fn block_dirty_bitmap_remove(args: BlockDirtyBitmap) -> Result<()>;

#[qapi::command(data, allow_preconfig)]
pub fn block_dirty_bitmap_clear(args: BlockDirtyBitmap) -> Result<()>;

#[qapi::command(data, allow_preconfig)]
pub fn block_dirty_bitmap_enable(args: BlockDirtyBitmap) -> Result<()>;

#[qapi::command(data, allow_preconfig)]
pub fn block_dirty_bitmap_disable(args: BlockDirtyBitmap) -> Result<()>;

#[qapi::command(data, allow_preconfig)]
pub fn block_dirty_bitmap_merge(args: BlockDirtyBitmapMerge) -> Result<()>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockDirtyBitmapSha256 {
    pub sha256: String,
}

#[qapi::command(features = [unstable], data, allow_preconfig)]
pub fn x_debug_block_dirty_bitmap_sha256(args: BlockDirtyBitmap) -> Result<BlockDirtyBitmapSha256>;

#[qapi::command(allow_preconfig)]
pub fn blockdev_mirror(
    job_id: Option<String>,
    device: String,
    target: String,
    replaces: Option<String>,
    sync: MirrorSyncMode,
    speed: Option<i64>,
    granularity: Option<u32>,
    buf_size: Option<i64>,
    on_source_error: Option<BlockdevOnError>,
    on_target_error: Option<BlockdevOnError>,
    filter_node_name: Option<String>,
    copy_mode: Option<MirrorCopyMode>,
    auto_finalize: Option<bool>,
    auto_dismiss: Option<bool>,
) -> Result<()>;

#[qapi::structure(pragma(member_name_exception))]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockIOThrottle {
    #[qapi(features = [deprecated])]
    pub device: Option<String>,
    pub id: Option<String>,
    pub bps: i64,
    #[qapi(name = "bps_rd")]
    pub bps_rd: i64,
    #[qapi(name = "bps_wr")]
    pub bps_wr: i64,
    pub iops: i64,
    #[qapi(name = "iops_rd")]
    pub iops_rd: i64,
    #[qapi(name = "iops_wr")]
    pub iops_wr: i64,
    #[qapi(name = "bps_max")]
    pub bps_max: Option<i64>,
    #[qapi(name = "bps_rd_max")]
    pub bps_rd_max: Option<i64>,
    #[qapi(name = "bps_wr_max")]
    pub bps_wr_max: Option<i64>,
    #[qapi(name = "iops_max")]
    pub iops_max: Option<i64>,
    #[qapi(name = "iops_rd_max")]
    pub iops_rd_max: Option<i64>,
    #[qapi(name = "iops_wr_max")]
    pub iops_wr_max: Option<i64>,
    #[qapi(name = "bps_max_length")]
    pub bps_max_length: Option<i64>,
    #[qapi(name = "bps_rd_max_length")]
    pub bps_rd_max_length: Option<i64>,
    #[qapi(name = "bps_wr_max_length")]
    pub bps_wr_max_length: Option<i64>,
    #[qapi(name = "iops_max_length")]
    pub iops_max_length: Option<i64>,
    #[qapi(name = "iops_rd_max_length")]
    pub iops_rd_max_length: Option<i64>,
    #[qapi(name = "iops_wr_max_length")]
    pub iops_wr_max_length: Option<i64>,
    #[qapi(name = "iops_size")]
    pub iops_size: Option<i64>,
    pub group: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ThrottleLimits {
    pub iops_total: Option<i64>,
    pub iops_total_max: Option<i64>,
    pub iops_total_max_length: Option<i64>,
    pub iops_read: Option<i64>,
    pub iops_read_max: Option<i64>,
    pub iops_read_max_length: Option<i64>,
    pub iops_write: Option<i64>,
    pub iops_write_max: Option<i64>,
    pub iops_write_max_length: Option<i64>,
    pub bps_total: Option<i64>,
    pub bps_total_max: Option<i64>,
    pub bps_total_max_length: Option<i64>,
    pub bps_read: Option<i64>,
    pub bps_read_max: Option<i64>,
    pub bps_read_max_length: Option<i64>,
    pub bps_write: Option<i64>,
    pub bps_write_max: Option<i64>,
    pub bps_write_max_length: Option<i64>,
    pub iops_size: Option<i64>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ThrottleGroupProperties {
    pub limits: Option<ThrottleLimits>,
    #[qapi(features = [unstable])]
    pub x_iops_total: Option<i64>,
    #[qapi(features = [unstable])]
    pub x_iops_total_max: Option<i64>,
    #[qapi(features = [unstable])]
    pub x_iops_total_max_length: Option<i64>,
    #[qapi(features = [unstable])]
    pub x_iops_read: Option<i64>,
    #[qapi(features = [unstable])]
    pub x_iops_read_max: Option<i64>,
    #[qapi(features = [unstable])]
    pub x_iops_read_max_length: Option<i64>,
    #[qapi(features = [unstable])]
    pub x_iops_write: Option<i64>,
    #[qapi(features = [unstable])]
    pub x_iops_write_max: Option<i64>,
    #[qapi(features = [unstable])]
    pub x_iops_write_max_length: Option<i64>,
    #[qapi(features = [unstable])]
    pub x_bps_total: Option<i64>,
    #[qapi(features = [unstable])]
    pub x_bps_total_max: Option<i64>,
    #[qapi(features = [unstable])]
    pub x_bps_total_max_length: Option<i64>,
    #[qapi(features = [unstable])]
    pub x_bps_read: Option<i64>,
    #[qapi(features = [unstable])]
    pub x_bps_read_max: Option<i64>,
    #[qapi(features = [unstable])]
    pub x_bps_read_max_length: Option<i64>,
    #[qapi(features = [unstable])]
    pub x_bps_write: Option<i64>,
    #[qapi(features = [unstable])]
    pub x_bps_write_max: Option<i64>,
    #[qapi(features = [unstable])]
    pub x_bps_write_max_length: Option<i64>,
    #[qapi(features = [unstable])]
    pub x_iops_size: Option<i64>,
}

#[qapi::command(allow_preconfig)]
pub fn block_stream(
    job_id: Option<String>,
    device: String,
    base: Option<String>,
    base_node: Option<String>,
    backing_file: Option<String>,
    backing_mask_protocol: Option<bool>,
    bottom: Option<String>,
    speed: Option<i64>,
    on_error: Option<BlockdevOnError>,
    filter_node_name: Option<String>,
    auto_finalize: Option<bool>,
    auto_dismiss: Option<bool>,
) -> Result<()>;

#[qapi::command(allow_preconfig)]
pub fn block_job_set_speed(device: String, speed: i64) -> Result<()>;

#[qapi::command(allow_preconfig)]
pub fn block_job_cancel(device: String, force: Option<bool>) -> Result<()>;

#[qapi::command(allow_preconfig)]
pub fn block_job_pause(device: String) -> Result<()>;

#[qapi::command(allow_preconfig)]
pub fn block_job_resume(device: String) -> Result<()>;

#[qapi::command(allow_preconfig)]
pub fn block_job_complete(device: String) -> Result<()>;

#[qapi::command(allow_preconfig)]
pub fn block_job_dismiss(id: String) -> Result<()>;

#[qapi::command(allow_preconfig)]
pub fn block_job_finalize(id: String) -> Result<()>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockJobChangeOptionsMirror {
    pub copy_mode: MirrorCopyMode,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockJobChangeOptions {
    pub id: String,
    #[qapi(discriminator)]
    pub r#type: BlockJobChangeOptionsBranch,
}

#[qapi::branches(tag = JobType)]
#[derive(Debug, Clone, PartialEq)]
pub enum BlockJobChangeOptionsBranch {
    Mirror(BlockJobChangeOptionsMirror),
    Commit,
    Stream,
    Backup,
    Create,
    Amend,
    SnapshotLoad,
    SnapshotSave,
    SnapshotDelete,
}

#[qapi::command(boxed)]
pub fn block_job_change(args: BlockJobChangeOptions) -> Result<()>;

#[qapi::enumeration]
pub enum BlockdevDiscardOptions {
    Ignore,
    Unmap,
}

#[qapi::enumeration]
pub enum BlockdevDetectZeroesOptions {
    Off,
    On,
    Unmap,
}

#[qapi::enumeration(pragma(member_name_exception))]
pub enum BlockdevAioOptions {
    Threads,
    Native,
    #[qapi(name = "io_uring", if = CONFIG_LINUX_IO_URING)]
    IoUring,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevCacheOptions {
    pub direct: Option<bool>,
    pub no_flush: Option<bool>,
}

#[qapi::enumeration(pragma(member_name_exception))]
pub enum BlockdevDriver {
    Blkdebug,
    Blklogwrites,
    Blkreplay,
    Blkverify,
    Bochs,
    Cloop,
    Compress,
    CopyBeforeWrite,
    CopyOnRead,
    Dmg,
    File,
    SnapshotAccess,
    Ftp,
    Ftps,
    #[qapi(features = [deprecated])]
    Gluster,
    #[qapi(name = "host_cdrom", if = HAVE_HOST_BLOCK_DEVICE)]
    HostCdrom,
    #[qapi(name = "host_device", if = HAVE_HOST_BLOCK_DEVICE)]
    HostDevice,
    Http,
    Https,
    #[qapi(name = "io_uring", if = CONFIG_BLKIO)]
    IoUring,
    Iscsi,
    Luks,
    Nbd,
    Nfs,
    NullAio,
    NullCo,
    Nvme,
    #[qapi(name = "nvme-io_uring", if = CONFIG_BLKIO)]
    NvmeIoUring,
    Parallels,
    Preallocate,
    Qcow,
    Qcow2,
    Qed,
    Quorum,
    Raw,
    Rbd,
    #[qapi(if = CONFIG_REPLICATION)]
    Replication,
    Ssh,
    Throttle,
    Vdi,
    Vhdx,
    #[qapi(if = CONFIG_BLKIO)]
    VirtioBlkVfioPci,
    #[qapi(if = CONFIG_BLKIO)]
    VirtioBlkVhostUser,
    #[qapi(if = CONFIG_BLKIO)]
    VirtioBlkVhostVdpa,
    Vmdk,
    Vpc,
    Vvfat,
}

#[qapi::structure(features = [dynamic_auto_read_only(if = CONFIG_POSIX)])]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsFile {
    pub filename: String,
    pub pr_manager: Option<String>,
    pub locking: Option<OnOffAuto>,
    pub aio: Option<BlockdevAioOptions>,
    pub aio_max_batch: Option<i64>,
    #[qapi(if = CONFIG_LINUX)]
    pub drop_cache: Option<bool>,
    #[qapi(features = [unstable])]
    pub x_check_cache_dropped: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsNull {
    pub size: Option<i64>,
    pub latency_ns: Option<u64>,
    pub read_zeroes: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsNVMe {
    pub device: String,
    pub namespace: i64,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsVVFAT {
    pub dir: String,
    pub fat_type: Option<i64>,
    pub floppy: Option<bool>,
    pub label: Option<String>,
    pub rw: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsGenericFormat {
    pub file: Box<BlockdevRef>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsLUKS {
    #[qapi(base)]
    pub base: BlockdevOptionsGenericFormat,
    pub key_secret: Option<String>,
    pub header: Option<Box<BlockdevRef>>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsGenericCOWFormat {
    #[qapi(base)]
    pub base: BlockdevOptionsGenericFormat,
    pub backing: Option<Box<BlockdevRefOrNull>>,
}

#[qapi::enumeration]
pub enum Qcow2OverlapCheckMode {
    None,
    Constant,
    Cached,
    All,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct Qcow2OverlapCheckFlags {
    pub template: Option<Qcow2OverlapCheckMode>,
    pub main_header: Option<bool>,
    pub active_l1: Option<bool>,
    pub active_l2: Option<bool>,
    pub refcount_table: Option<bool>,
    pub refcount_block: Option<bool>,
    pub snapshot_table: Option<bool>,
    pub inactive_l1: Option<bool>,
    pub inactive_l2: Option<bool>,
    pub bitmap_directory: Option<bool>,
}

#[qapi::alternate]
#[derive(Debug, Clone, PartialEq)]
pub enum Qcow2OverlapChecks {
    Flags(Qcow2OverlapCheckFlags),
    Mode(Qcow2OverlapCheckMode),
}

#[qapi::enumeration]
pub enum BlockdevQcowEncryptionFormat {
    Aes,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevQcowEncryption {
    #[qapi(discriminator)]
    pub format: BlockdevQcowEncryptionBranch,
}

#[qapi::branches(tag = BlockdevQcowEncryptionFormat)]
#[derive(Debug, Clone, PartialEq)]
pub enum BlockdevQcowEncryptionBranch {
    Aes(QCryptoBlockOptionsQCow),
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsQcow {
    #[qapi(base)]
    pub base: BlockdevOptionsGenericCOWFormat,
    pub encrypt: Option<BlockdevQcowEncryption>,
}

#[qapi::enumeration]
pub enum BlockdevQcow2EncryptionFormat {
    Aes,
    Luks,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevQcow2Encryption {
    #[qapi(discriminator)]
    pub format: BlockdevQcow2EncryptionBranch,
}

#[qapi::branches(tag = BlockdevQcow2EncryptionFormat)]
#[derive(Debug, Clone, PartialEq)]
pub enum BlockdevQcow2EncryptionBranch {
    Aes(QCryptoBlockOptionsQCow),
    Luks(QCryptoBlockOptionsLUKS),
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsPreallocate {
    #[qapi(base)]
    pub base: BlockdevOptionsGenericFormat,
    pub prealloc_align: Option<i64>,
    pub prealloc_size: Option<i64>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsQcow2 {
    #[qapi(base)]
    pub base: BlockdevOptionsGenericCOWFormat,
    pub lazy_refcounts: Option<bool>,
    pub pass_discard_request: Option<bool>,
    pub pass_discard_snapshot: Option<bool>,
    pub pass_discard_other: Option<bool>,
    pub discard_no_unref: Option<bool>,
    pub overlap_check: Option<Qcow2OverlapChecks>,
    pub cache_size: Option<i64>,
    pub l2_cache_size: Option<i64>,
    pub l2_cache_entry_size: Option<i64>,
    pub refcount_cache_size: Option<i64>,
    pub cache_clean_interval: Option<i64>,
    pub encrypt: Option<BlockdevQcow2Encryption>,
    pub data_file: Option<Box<BlockdevRef>>,
}

#[qapi::enumeration(pragma(member_name_exception))]
pub enum SshHostKeyCheckMode {
    None,
    Hash,
    #[qapi(name = "known_hosts")]
    KnownHosts,
}

#[qapi::enumeration]
pub enum SshHostKeyCheckHashType {
    Md5,
    Sha1,
    Sha256,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SshHostKeyHash {
    pub r#type: SshHostKeyCheckHashType,
    pub hash: String,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct SshHostKeyCheck {
    #[qapi(discriminator)]
    pub mode: SshHostKeyCheckBranch,
}

#[qapi::branches(tag = SshHostKeyCheckMode)]
#[derive(Debug, Clone, PartialEq)]
pub enum SshHostKeyCheckBranch {
    Hash(SshHostKeyHash),
    None,
    KnownHosts,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsSsh {
    pub server: InetSocketAddress,
    pub path: String,
    pub user: Option<String>,
    pub host_key_check: Option<SshHostKeyCheck>,
}

#[qapi::enumeration(prefix = "BLKDBG", pragma(member_name_exception))]
pub enum BlkdebugEvent {
    #[qapi(name = "l1_update")]
    L1Update,
    #[qapi(name = "l1_grow_alloc_table")]
    L1GrowAllocTable,
    #[qapi(name = "l1_grow_write_table")]
    L1GrowWriteTable,
    #[qapi(name = "l1_grow_activate_table")]
    L1GrowActivateTable,
    #[qapi(name = "l2_load")]
    L2Load,
    #[qapi(name = "l2_update")]
    L2Update,
    #[qapi(name = "l2_update_compressed")]
    L2UpdateCompressed,
    #[qapi(name = "l2_alloc_cow_read")]
    L2AllocCowRead,
    #[qapi(name = "l2_alloc_write")]
    L2AllocWrite,
    #[qapi(name = "read_aio")]
    ReadAio,
    #[qapi(name = "read_backing_aio")]
    ReadBackingAio,
    #[qapi(name = "read_compressed")]
    ReadCompressed,
    #[qapi(name = "write_aio")]
    WriteAio,
    #[qapi(name = "write_compressed")]
    WriteCompressed,
    #[qapi(name = "vmstate_load")]
    VmstateLoad,
    #[qapi(name = "vmstate_save")]
    VmstateSave,
    #[qapi(name = "cow_read")]
    CowRead,
    #[qapi(name = "cow_write")]
    CowWrite,
    #[qapi(name = "reftable_load")]
    ReftableLoad,
    #[qapi(name = "reftable_grow")]
    ReftableGrow,
    #[qapi(name = "reftable_update")]
    ReftableUpdate,
    #[qapi(name = "refblock_load")]
    RefblockLoad,
    #[qapi(name = "refblock_update")]
    RefblockUpdate,
    #[qapi(name = "refblock_update_part")]
    RefblockUpdatePart,
    #[qapi(name = "refblock_alloc")]
    RefblockAlloc,
    #[qapi(name = "refblock_alloc_hookup")]
    RefblockAllocHookup,
    #[qapi(name = "refblock_alloc_write")]
    RefblockAllocWrite,
    #[qapi(name = "refblock_alloc_write_blocks")]
    RefblockAllocWriteBlocks,
    #[qapi(name = "refblock_alloc_write_table")]
    RefblockAllocWriteTable,
    #[qapi(name = "refblock_alloc_switch_table")]
    RefblockAllocSwitchTable,
    #[qapi(name = "cluster_alloc")]
    ClusterAlloc,
    #[qapi(name = "cluster_alloc_bytes")]
    ClusterAllocBytes,
    #[qapi(name = "cluster_free")]
    ClusterFree,
    #[qapi(name = "flush_to_os")]
    FlushToOs,
    #[qapi(name = "flush_to_disk")]
    FlushToDisk,
    #[qapi(name = "pwritev_rmw_head")]
    PwritevRmwHead,
    #[qapi(name = "pwritev_rmw_after_head")]
    PwritevRmwAfterHead,
    #[qapi(name = "pwritev_rmw_tail")]
    PwritevRmwTail,
    #[qapi(name = "pwritev_rmw_after_tail")]
    PwritevRmwAfterTail,
    Pwritev,
    #[qapi(name = "pwritev_zero")]
    PwritevZero,
    #[qapi(name = "pwritev_done")]
    PwritevDone,
    #[qapi(name = "empty_image_prepare")]
    EmptyImagePrepare,
    #[qapi(name = "l1_shrink_write_table")]
    L1ShrinkWriteTable,
    #[qapi(name = "l1_shrink_free_l2_clusters")]
    L1ShrinkFreeL2Clusters,
    #[qapi(name = "cor_write")]
    CorWrite,
    #[qapi(name = "cluster_alloc_space")]
    ClusterAllocSpace,
    None,
}

#[qapi::enumeration]
pub enum BlkdebugIOType {
    Read,
    Write,
    WriteZeroes,
    Discard,
    Flush,
    BlockStatus,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlkdebugInjectErrorOptions {
    pub event: BlkdebugEvent,
    pub state: Option<i64>,
    pub iotype: Option<BlkdebugIOType>,
    pub errno: Option<i64>,
    pub sector: Option<i64>,
    pub once: Option<bool>,
    pub immediately: Option<bool>,
}

#[qapi::structure(pragma(member_name_exception))]
#[derive(Debug, Clone, PartialEq)]
pub struct BlkdebugSetStateOptions {
    pub event: BlkdebugEvent,
    pub state: Option<i64>,
    #[qapi(name = "new_state")]
    pub new_state: i64,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsBlkdebug {
    pub image: Box<BlockdevRef>,
    pub config: Option<String>,
    pub align: Option<i64>,
    pub max_transfer: Option<i32>,
    pub opt_write_zero: Option<i32>,
    pub max_write_zero: Option<i32>,
    pub opt_discard: Option<i32>,
    pub max_discard: Option<i32>,
    pub inject_error: Option<Vec<BlkdebugInjectErrorOptions>>,
    pub set_state: Option<Vec<BlkdebugSetStateOptions>>,
    pub take_child_perms: Option<Vec<BlockPermission>>,
    pub unshare_child_perms: Option<Vec<BlockPermission>>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsBlklogwrites {
    pub file: Box<BlockdevRef>,
    pub log: Box<BlockdevRef>,
    pub log_sector_size: Option<u32>,
    pub log_append: Option<bool>,
    pub log_super_update_interval: Option<u64>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsBlkverify {
    pub test: Box<BlockdevRef>,
    pub raw: Box<BlockdevRef>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsBlkreplay {
    pub image: Box<BlockdevRef>,
}

#[qapi::enumeration]
pub enum QuorumReadPattern {
    Quorum,
    Fifo,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsQuorum {
    pub blkverify: Option<bool>,
    pub children: Vec<BlockdevRef>,
    pub vote_threshold: i64,
    pub rewrite_corrupted: Option<bool>,
    pub read_pattern: Option<QuorumReadPattern>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsGluster {
    pub volume: String,
    pub path: String,
    pub server: Vec<SocketAddress>,
    pub debug: Option<i64>,
    pub logfile: Option<String>,
}

#[qapi::structure(if = CONFIG_BLKIO)]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsIoUring {
    pub filename: String,
}

#[qapi::structure(if = CONFIG_BLKIO)]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsNvmeIoUring {
    pub path: String,
}

#[qapi::structure(if = CONFIG_BLKIO)]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsVirtioBlkVfioPci {
    pub path: String,
}

#[qapi::structure(if = CONFIG_BLKIO)]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsVirtioBlkVhostUser {
    pub path: String,
}

#[qapi::structure(if = CONFIG_BLKIO, features = [fdset(if = CONFIG_BLKIO_VHOST_VDPA_FD)])]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsVirtioBlkVhostVdpa {
    pub path: String,
}

#[qapi::enumeration]
pub enum IscsiTransport {
    Tcp,
    Iser,
}

#[qapi::enumeration(prefix = "QAPI_ISCSI_HEADER_DIGEST")]
pub enum IscsiHeaderDigest {
    Crc32c,
    None,
    Crc32cNone,
    NoneCrc32c,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsIscsi {
    pub transport: IscsiTransport,
    pub portal: String,
    pub target: String,
    pub lun: Option<i64>,
    pub user: Option<String>,
    pub password_secret: Option<String>,
    pub initiator_name: Option<String>,
    pub header_digest: Option<IscsiHeaderDigest>,
    pub timeout: Option<i64>,
}

#[qapi::enumeration]
pub enum RbdAuthMode {
    Cephx,
    None,
}

#[qapi::enumeration]
pub enum RbdImageEncryptionFormat {
    Luks,
    Luks2,
    LuksAny,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct RbdEncryptionOptionsLUKSBase {
    pub key_secret: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct RbdEncryptionCreateOptionsLUKSBase {
    #[qapi(base)]
    pub base: RbdEncryptionOptionsLUKSBase,
    pub cipher_alg: Option<QCryptoCipherAlgo>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct RbdEncryptionOptionsLUKS {
    #[qapi(base)]
    pub base: RbdEncryptionOptionsLUKSBase,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct RbdEncryptionOptionsLUKS2 {
    #[qapi(base)]
    pub base: RbdEncryptionOptionsLUKSBase,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct RbdEncryptionOptionsLUKSAny {
    #[qapi(base)]
    pub base: RbdEncryptionOptionsLUKSBase,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct RbdEncryptionCreateOptionsLUKS {
    #[qapi(base)]
    pub base: RbdEncryptionCreateOptionsLUKSBase,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct RbdEncryptionCreateOptionsLUKS2 {
    #[qapi(base)]
    pub base: RbdEncryptionCreateOptionsLUKSBase,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct RbdEncryptionOptions {
    #[qapi(discriminator)]
    pub format: RbdEncryptionOptionsBranch,
    pub parent: Option<Box<RbdEncryptionOptions>>,
}

#[qapi::branches(tag = RbdImageEncryptionFormat)]
#[derive(Debug, Clone, PartialEq)]
pub enum RbdEncryptionOptionsBranch {
    Luks(RbdEncryptionOptionsLUKS),
    Luks2(RbdEncryptionOptionsLUKS2),
    LuksAny(RbdEncryptionOptionsLUKSAny),
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct RbdEncryptionCreateOptions {
    #[qapi(discriminator)]
    pub format: RbdEncryptionCreateOptionsBranch,
}

#[qapi::branches(tag = RbdImageEncryptionFormat)]
#[derive(Debug, Clone, PartialEq)]
pub enum RbdEncryptionCreateOptionsBranch {
    Luks(RbdEncryptionCreateOptionsLUKS),
    Luks2(RbdEncryptionCreateOptionsLUKS2),
    LuksAny,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsRbd {
    pub pool: String,
    pub namespace: Option<String>,
    pub image: String,
    pub conf: Option<String>,
    pub snapshot: Option<String>,
    pub encrypt: Option<RbdEncryptionOptions>,
    pub user: Option<String>,
    pub auth_client_required: Option<Vec<RbdAuthMode>>,
    pub key_secret: Option<String>,
    pub server: Option<Vec<InetSocketAddressBase>>,
}

#[qapi::enumeration(if = CONFIG_REPLICATION)]
pub enum ReplicationMode {
    Primary,
    Secondary,
}

#[qapi::structure(if = CONFIG_REPLICATION)]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsReplication {
    #[qapi(base)]
    pub base: BlockdevOptionsGenericFormat,
    pub mode: ReplicationMode,
    pub top_id: Option<String>,
}

#[qapi::enumeration]
pub enum NFSTransport {
    Inet,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct NFSServer {
    pub r#type: NFSTransport,
    pub host: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsNfs {
    pub server: NFSServer,
    pub path: String,
    pub user: Option<i64>,
    pub group: Option<i64>,
    pub tcp_syn_count: Option<i64>,
    pub readahead_size: Option<i64>,
    pub page_cache_size: Option<i64>,
    pub debug: Option<i64>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsCurlBase {
    pub url: String,
    pub readahead: Option<i64>,
    pub timeout: Option<i64>,
    pub username: Option<String>,
    pub password_secret: Option<String>,
    pub proxy_username: Option<String>,
    pub proxy_password_secret: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsCurlHttp {
    #[qapi(base)]
    pub base: BlockdevOptionsCurlBase,
    pub cookie: Option<String>,
    pub cookie_secret: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsCurlHttps {
    #[qapi(base)]
    pub base: BlockdevOptionsCurlBase,
    pub cookie: Option<String>,
    pub sslverify: Option<bool>,
    pub cookie_secret: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsCurlFtp {
    #[qapi(base)]
    pub base: BlockdevOptionsCurlBase,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsCurlFtps {
    #[qapi(base)]
    pub base: BlockdevOptionsCurlBase,
    pub sslverify: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsNbd {
    pub server: SocketAddress,
    pub export: Option<String>,
    pub tls_creds: Option<String>,
    pub tls_hostname: Option<String>,
    #[qapi(features = [unstable])]
    pub x_dirty_bitmap: Option<String>,
    pub reconnect_delay: Option<u32>,
    pub open_timeout: Option<u32>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsRaw {
    #[qapi(base)]
    pub base: BlockdevOptionsGenericFormat,
    pub offset: Option<i64>,
    pub size: Option<i64>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsThrottle {
    pub throttle_group: String,
    pub file: Box<BlockdevRef>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsCor {
    #[qapi(base)]
    pub base: BlockdevOptionsGenericFormat,
    pub bottom: Option<String>,
}

#[qapi::enumeration]
pub enum OnCbwError {
    BreakGuestWrite,
    BreakSnapshot,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptionsCbw {
    #[qapi(base)]
    pub base: BlockdevOptionsGenericFormat,
    pub target: Box<BlockdevRef>,
    pub bitmap: Option<BlockDirtyBitmap>,
    pub on_cbw_error: Option<OnCbwError>,
    pub cbw_timeout: Option<u32>,
    #[qapi(builtin = size)]
    pub min_cluster_size: Option<u64>,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevOptions {
    #[qapi(discriminator)]
    pub driver: BlockdevOptionsBranch,
    pub node_name: Option<String>,
    pub discard: Option<BlockdevDiscardOptions>,
    pub cache: Option<BlockdevCacheOptions>,
    pub active: Option<bool>,
    pub read_only: Option<bool>,
    pub auto_read_only: Option<bool>,
    pub force_share: Option<bool>,
    pub detect_zeroes: Option<BlockdevDetectZeroesOptions>,
}

#[qapi::branches(tag = BlockdevDriver)]
#[derive(Debug, Clone, PartialEq)]
pub enum BlockdevOptionsBranch {
    Blkdebug(Box<BlockdevOptionsBlkdebug>),
    Blklogwrites(Box<BlockdevOptionsBlklogwrites>),
    Blkverify(Box<BlockdevOptionsBlkverify>),
    Blkreplay(Box<BlockdevOptionsBlkreplay>),
    Bochs(Box<BlockdevOptionsGenericFormat>),
    Cloop(Box<BlockdevOptionsGenericFormat>),
    Compress(Box<BlockdevOptionsGenericFormat>),
    CopyBeforeWrite(Box<BlockdevOptionsCbw>),
    CopyOnRead(Box<BlockdevOptionsCor>),
    Dmg(Box<BlockdevOptionsGenericFormat>),
    File(BlockdevOptionsFile),
    Ftp(BlockdevOptionsCurlFtp),
    Ftps(BlockdevOptionsCurlFtps),
    Gluster(BlockdevOptionsGluster),
    #[qapi(if = HAVE_HOST_BLOCK_DEVICE)]
    HostCdrom(BlockdevOptionsFile),
    #[qapi(if = HAVE_HOST_BLOCK_DEVICE)]
    HostDevice(BlockdevOptionsFile),
    Http(BlockdevOptionsCurlHttp),
    Https(BlockdevOptionsCurlHttps),
    #[qapi(if = CONFIG_BLKIO)]
    IoUring(BlockdevOptionsIoUring),
    Iscsi(BlockdevOptionsIscsi),
    Luks(Box<BlockdevOptionsLUKS>),
    Nbd(BlockdevOptionsNbd),
    Nfs(BlockdevOptionsNfs),
    NullAio(BlockdevOptionsNull),
    NullCo(BlockdevOptionsNull),
    Nvme(BlockdevOptionsNVMe),
    #[qapi(if = CONFIG_BLKIO)]
    NvmeIoUring(BlockdevOptionsNvmeIoUring),
    Parallels(Box<BlockdevOptionsGenericFormat>),
    Preallocate(Box<BlockdevOptionsPreallocate>),
    Qcow2(Box<BlockdevOptionsQcow2>),
    Qcow(Box<BlockdevOptionsQcow>),
    Qed(Box<BlockdevOptionsGenericCOWFormat>),
    Quorum(BlockdevOptionsQuorum),
    Raw(Box<BlockdevOptionsRaw>),
    Rbd(BlockdevOptionsRbd),
    #[qapi(if = CONFIG_REPLICATION)]
    Replication(Box<BlockdevOptionsReplication>),
    SnapshotAccess(Box<BlockdevOptionsGenericFormat>),
    Ssh(BlockdevOptionsSsh),
    Throttle(Box<BlockdevOptionsThrottle>),
    Vdi(Box<BlockdevOptionsGenericFormat>),
    Vhdx(Box<BlockdevOptionsGenericFormat>),
    #[qapi(if = CONFIG_BLKIO)]
    VirtioBlkVfioPci(BlockdevOptionsVirtioBlkVfioPci),
    #[qapi(if = CONFIG_BLKIO)]
    VirtioBlkVhostUser(BlockdevOptionsVirtioBlkVhostUser),
    #[qapi(if = CONFIG_BLKIO)]
    VirtioBlkVhostVdpa(BlockdevOptionsVirtioBlkVhostVdpa),
    Vmdk(Box<BlockdevOptionsGenericCOWFormat>),
    Vpc(Box<BlockdevOptionsGenericFormat>),
    Vvfat(BlockdevOptionsVVFAT),
}

#[qapi::alternate]
#[derive(Debug, Clone, PartialEq)]
pub enum BlockdevRef {
    Definition(Box<BlockdevOptions>),
    Reference(String),
}

#[qapi::alternate]
#[derive(Debug, Clone, PartialEq)]
pub enum BlockdevRefOrNull {
    Definition(Box<BlockdevOptions>),
    Reference(String),
    Null(()),
}

#[qapi::command(boxed, allow_preconfig)]
pub fn blockdev_add(args: BlockdevOptions) -> Result<()>;

#[qapi::command(allow_preconfig)]
pub fn blockdev_reopen(options: Vec<BlockdevOptions>) -> Result<()>;

#[qapi::command(allow_preconfig)]
pub fn blockdev_del(node_name: String) -> Result<()>;

#[qapi::command(allow_preconfig)]
pub fn blockdev_set_active(node_name: Option<String>, active: bool) -> Result<()>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevCreateOptionsFile {
    pub filename: String,
    #[qapi(builtin = size)]
    pub size: u64,
    pub preallocation: Option<PreallocMode>,
    pub nocow: Option<bool>,
    #[qapi(builtin = size)]
    pub extent_size_hint: Option<u64>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevCreateOptionsGluster {
    pub location: BlockdevOptionsGluster,
    #[qapi(builtin = size)]
    pub size: u64,
    pub preallocation: Option<PreallocMode>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevCreateOptionsLUKS {
    #[qapi(base)]
    pub base: QCryptoBlockCreateOptionsLUKS,
    pub file: Option<BlockdevRef>,
    pub header: Option<BlockdevRef>,
    #[qapi(builtin = size)]
    pub size: u64,
    pub preallocation: Option<PreallocMode>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevCreateOptionsNfs {
    pub location: BlockdevOptionsNfs,
    #[qapi(builtin = size)]
    pub size: u64,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevCreateOptionsParallels {
    pub file: BlockdevRef,
    #[qapi(builtin = size)]
    pub size: u64,
    #[qapi(builtin = size)]
    pub cluster_size: Option<u64>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevCreateOptionsQcow {
    pub file: BlockdevRef,
    #[qapi(builtin = size)]
    pub size: u64,
    pub backing_file: Option<String>,
    pub encrypt: Option<QCryptoBlockCreateOptions>,
}

#[qapi::enumeration]
pub enum BlockdevQcow2Version {
    V2,
    V3,
}

#[qapi::enumeration]
pub enum Qcow2CompressionType {
    Zlib,
    #[qapi(if = CONFIG_ZSTD)]
    Zstd,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevCreateOptionsQcow2 {
    pub file: BlockdevRef,
    pub data_file: Option<BlockdevRef>,
    pub data_file_raw: Option<bool>,
    pub extended_l2: Option<bool>,
    #[qapi(builtin = size)]
    pub size: u64,
    pub version: Option<BlockdevQcow2Version>,
    pub backing_file: Option<String>,
    pub backing_fmt: Option<BlockdevDriver>,
    pub encrypt: Option<QCryptoBlockCreateOptions>,
    #[qapi(builtin = size)]
    pub cluster_size: Option<u64>,
    pub preallocation: Option<PreallocMode>,
    pub lazy_refcounts: Option<bool>,
    pub refcount_bits: Option<i64>,
    pub compression_type: Option<Qcow2CompressionType>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevCreateOptionsQed {
    pub file: BlockdevRef,
    #[qapi(builtin = size)]
    pub size: u64,
    pub backing_file: Option<String>,
    pub backing_fmt: Option<BlockdevDriver>,
    #[qapi(builtin = size)]
    pub cluster_size: Option<u64>,
    pub table_size: Option<i64>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevCreateOptionsRbd {
    pub location: BlockdevOptionsRbd,
    #[qapi(builtin = size)]
    pub size: u64,
    #[qapi(builtin = size)]
    pub cluster_size: Option<u64>,
    pub encrypt: Option<RbdEncryptionCreateOptions>,
}

#[qapi::enumeration(pragma(member_name_exception))]
pub enum BlockdevVmdkSubformat {
    #[qapi(name = "monolithicSparse")]
    MonolithicSparse,
    #[qapi(name = "monolithicFlat")]
    MonolithicFlat,
    #[qapi(name = "twoGbMaxExtentSparse")]
    TwoGbMaxExtentSparse,
    #[qapi(name = "twoGbMaxExtentFlat")]
    TwoGbMaxExtentFlat,
    #[qapi(name = "streamOptimized")]
    StreamOptimized,
}

#[qapi::enumeration(pragma(member_name_exception))]
pub enum BlockdevVmdkAdapterType {
    Ide,
    Buslogic,
    Lsilogic,
    #[qapi(name = "legacyESX")]
    LegacyESX,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevCreateOptionsVmdk {
    pub file: BlockdevRef,
    #[qapi(builtin = size)]
    pub size: u64,
    pub extents: Option<Vec<BlockdevRef>>,
    pub subformat: Option<BlockdevVmdkSubformat>,
    pub backing_file: Option<String>,
    pub adapter_type: Option<BlockdevVmdkAdapterType>,
    pub hwversion: Option<String>,
    pub toolsversion: Option<String>,
    pub zeroed_grain: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevCreateOptionsSsh {
    pub location: BlockdevOptionsSsh,
    #[qapi(builtin = size)]
    pub size: u64,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevCreateOptionsVdi {
    pub file: BlockdevRef,
    #[qapi(builtin = size)]
    pub size: u64,
    pub preallocation: Option<PreallocMode>,
}

#[qapi::enumeration]
pub enum BlockdevVhdxSubformat {
    Dynamic,
    Fixed,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevCreateOptionsVhdx {
    pub file: BlockdevRef,
    #[qapi(builtin = size)]
    pub size: u64,
    #[qapi(builtin = size)]
    pub log_size: Option<u64>,
    #[qapi(builtin = size)]
    pub block_size: Option<u64>,
    pub subformat: Option<BlockdevVhdxSubformat>,
    pub block_state_zero: Option<bool>,
}

#[qapi::enumeration]
pub enum BlockdevVpcSubformat {
    Dynamic,
    Fixed,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevCreateOptionsVpc {
    pub file: BlockdevRef,
    #[qapi(builtin = size)]
    pub size: u64,
    pub subformat: Option<BlockdevVpcSubformat>,
    pub force_size: Option<bool>,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevCreateOptions {
    #[qapi(discriminator)]
    pub driver: BlockdevCreateOptionsBranch,
}

#[qapi::branches(tag = BlockdevDriver)]
#[derive(Debug, Clone, PartialEq)]
pub enum BlockdevCreateOptionsBranch {
    File(BlockdevCreateOptionsFile),
    Gluster(BlockdevCreateOptionsGluster),
    Luks(BlockdevCreateOptionsLUKS),
    Nfs(BlockdevCreateOptionsNfs),
    Parallels(BlockdevCreateOptionsParallels),
    Qcow(BlockdevCreateOptionsQcow),
    Qcow2(BlockdevCreateOptionsQcow2),
    Qed(BlockdevCreateOptionsQed),
    Rbd(BlockdevCreateOptionsRbd),
    Ssh(BlockdevCreateOptionsSsh),
    Vdi(BlockdevCreateOptionsVdi),
    Vhdx(BlockdevCreateOptionsVhdx),
    Vmdk(BlockdevCreateOptionsVmdk),
    Vpc(BlockdevCreateOptionsVpc),
    Blkdebug,
    Blklogwrites,
    Blkreplay,
    Blkverify,
    Bochs,
    Cloop,
    Compress,
    CopyBeforeWrite,
    CopyOnRead,
    Dmg,
    SnapshotAccess,
    Ftp,
    Ftps,
    HostCdrom,
    HostDevice,
    Http,
    Https,
    IoUring,
    Iscsi,
    Nbd,
    NullAio,
    NullCo,
    Nvme,
    NvmeIoUring,
    Preallocate,
    Quorum,
    Raw,
    Replication,
    Throttle,
    VirtioBlkVfioPci,
    VirtioBlkVhostUser,
    VirtioBlkVhostVdpa,
    Vvfat,
}

#[qapi::command(allow_preconfig)]
pub fn blockdev_create(job_id: String, options: BlockdevCreateOptions) -> Result<()>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevAmendOptionsLUKS {
    #[qapi(base)]
    pub base: QCryptoBlockAmendOptionsLUKS,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevAmendOptionsQcow2 {
    pub encrypt: Option<QCryptoBlockAmendOptions>,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevAmendOptions {
    #[qapi(discriminator)]
    pub driver: BlockdevAmendOptionsBranch,
}

#[qapi::branches(tag = BlockdevDriver)]
#[derive(Debug, Clone, PartialEq)]
pub enum BlockdevAmendOptionsBranch {
    Luks(BlockdevAmendOptionsLUKS),
    Qcow2(BlockdevAmendOptionsQcow2),
    Blkdebug,
    Blklogwrites,
    Blkreplay,
    Blkverify,
    Bochs,
    Cloop,
    Compress,
    CopyBeforeWrite,
    CopyOnRead,
    Dmg,
    File,
    SnapshotAccess,
    Ftp,
    Ftps,
    Gluster,
    HostCdrom,
    HostDevice,
    Http,
    Https,
    IoUring,
    Iscsi,
    Nbd,
    Nfs,
    NullAio,
    NullCo,
    Nvme,
    NvmeIoUring,
    Parallels,
    Preallocate,
    Qcow,
    Qed,
    Quorum,
    Raw,
    Rbd,
    Replication,
    Ssh,
    Throttle,
    Vdi,
    Vhdx,
    VirtioBlkVfioPci,
    VirtioBlkVhostUser,
    VirtioBlkVhostVdpa,
    Vmdk,
    Vpc,
    Vvfat,
}

#[qapi::command(features = [unstable], allow_preconfig)]
pub fn x_blockdev_amend(
    job_id: String,
    node_name: String,
    options: BlockdevAmendOptions,
    force: Option<bool>,
) -> Result<()>;

#[qapi::enumeration]
pub enum BlockErrorAction {
    Ignore,
    Report,
    Stop,
}

#[qapi::event]
pub struct BlockImageCorrupted {
    pub device: String,
    pub node_name: Option<String>,
    pub msg: String,
    pub offset: Option<i64>,
    pub size: Option<i64>,
    pub fatal: bool,
}

#[qapi::event]
pub struct BlockIoError {
    pub qom_path: String,
    pub device: String,
    pub node_name: Option<String>,
    pub operation: IoOperationType,
    pub action: BlockErrorAction,
    pub nospace: Option<bool>,
    pub reason: String,
}

#[qapi::event]
pub struct BlockJobCompleted {
    pub r#type: JobType,
    pub device: String,
    pub len: i64,
    pub offset: i64,
    pub speed: i64,
    pub error: Option<String>,
}

#[qapi::event]
pub struct BlockJobCancelled {
    pub r#type: JobType,
    pub device: String,
    pub len: i64,
    pub offset: i64,
    pub speed: i64,
}

#[qapi::event]
pub struct BlockJobError {
    pub device: String,
    pub operation: IoOperationType,
    pub action: BlockErrorAction,
}

#[qapi::event]
pub struct BlockJobReady {
    pub r#type: JobType,
    pub device: String,
    pub len: i64,
    pub offset: i64,
    pub speed: i64,
}

#[qapi::event]
pub struct BlockJobPending {
    pub r#type: JobType,
    pub id: String,
}

#[qapi::enumeration]
pub enum PreallocMode {
    Off,
    Metadata,
    Falloc,
    Full,
}

#[qapi::event]
pub struct BlockWriteThreshold {
    pub node_name: String,
    pub amount_exceeded: u64,
    pub write_threshold: u64,
}

#[qapi::command(allow_preconfig)]
pub fn block_set_write_threshold(node_name: String, write_threshold: u64) -> Result<()>;

#[qapi::command(features = [unstable], allow_preconfig)]
pub fn x_blockdev_change(parent: String, child: Option<String>, node: Option<String>)
-> Result<()>;

#[qapi::command(features = [unstable], allow_preconfig)]
pub fn x_blockdev_set_iothread(
    node_name: String,
    iothread: StrOrNull,
    force: Option<bool>,
) -> Result<()>;

#[qapi::enumeration]
pub enum QuorumOpType {
    Read,
    Write,
    Flush,
}

#[qapi::event]
pub struct QuorumFailure {
    pub reference: String,
    pub sector_num: i64,
    pub sectors_count: i64,
}

#[qapi::event]
pub struct QuorumReportBad {
    pub r#type: QuorumOpType,
    pub error: Option<String>,
    pub node_name: String,
    pub sector_num: i64,
    pub sectors_count: i64,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevSnapshotInternal {
    pub device: String,
    pub name: String,
}

#[qapi::command(data, allow_preconfig)]
pub fn blockdev_snapshot_internal_sync(args: BlockdevSnapshotInternal) -> Result<()>;

#[qapi::command(allow_preconfig)]
pub fn blockdev_snapshot_delete_internal_sync(
    device: String,
    id: Option<String>,
    name: Option<String>,
) -> Result<SnapshotInfo>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct DummyBlockCoreForceArrays {
    pub unused_block_graph_info: Vec<BlockGraphInfo>,
}
