//! The QAPI module `block-export.json`.

use crate::prelude::*;

qapi::module!("block-export");

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct NbdServerOptionsBase {
    pub handshake_max_seconds: Option<u32>,
    pub tls_creds: Option<String>,
    pub tls_authz: Option<String>,
    pub max_connections: Option<u32>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct NbdServerOptions {
    #[qapi(base)]
    pub base: NbdServerOptionsBase,
    pub addr: SocketAddress,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct NbdServerOptionsLegacy {
    #[qapi(base)]
    pub base: NbdServerOptionsBase,
    pub addr: SocketAddressLegacy,
}

#[qapi::command(data, allow_preconfig)]
pub fn nbd_server_start(args: NbdServerOptionsLegacy) -> Result<()>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockExportOptionsNbdBase {
    pub name: Option<String>,
    pub description: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockExportOptionsNbd {
    #[qapi(base)]
    pub base: BlockExportOptionsNbdBase,
    pub bitmaps: Option<Vec<BlockDirtyBitmapOrStr>>,
    pub allocation_depth: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockExportOptionsVhostUserBlk {
    pub addr: SocketAddress,
    #[qapi(builtin = size)]
    pub logical_block_size: Option<u64>,
    pub num_queues: Option<u16>,
}

#[qapi::enumeration]
pub enum FuseExportAllowOther {
    Off,
    On,
    Auto,
}

#[qapi::structure(if = CONFIG_FUSE)]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockExportOptionsFuse {
    pub mountpoint: String,
    pub growable: Option<bool>,
    pub allow_other: Option<FuseExportAllowOther>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockExportOptionsVduseBlk {
    pub name: String,
    pub num_queues: Option<u16>,
    pub queue_size: Option<u16>,
    #[qapi(builtin = size)]
    pub logical_block_size: Option<u64>,
    pub serial: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct NbdServerAddOptions {
    #[qapi(base)]
    pub base: BlockExportOptionsNbdBase,
    pub device: String,
    pub writable: Option<bool>,
    pub bitmap: Option<String>,
}

#[qapi::command(features = [deprecated], boxed, allow_preconfig)]
pub fn nbd_server_add(args: NbdServerAddOptions) -> Result<()>;

#[qapi::enumeration]
pub enum BlockExportRemoveMode {
    Safe,
    Hard,
}

#[qapi::command(features = [deprecated], allow_preconfig)]
pub fn nbd_server_remove(name: String, mode: Option<BlockExportRemoveMode>) -> Result<()>;

#[qapi::command(allow_preconfig)]
pub fn nbd_server_stop() -> Result<()>;

#[qapi::enumeration]
pub enum BlockExportType {
    Nbd,
    #[qapi(if = CONFIG_VHOST_USER_BLK_SERVER)]
    VhostUserBlk,
    #[qapi(if = CONFIG_FUSE)]
    Fuse,
    #[qapi(if = CONFIG_VDUSE_BLK_EXPORT)]
    VduseBlk,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockExportOptions {
    #[qapi(discriminator)]
    pub r#type: BlockExportOptionsBranch,
    pub id: String,
    pub fixed_iothread: Option<bool>,
    pub iothread: Option<String>,
    pub node_name: String,
    pub writable: Option<bool>,
    pub writethrough: Option<bool>,
    pub allow_inactive: Option<bool>,
}

#[qapi::branches(tag = BlockExportType)]
#[derive(Debug, Clone, PartialEq)]
pub enum BlockExportOptionsBranch {
    Nbd(BlockExportOptionsNbd),
    #[qapi(if = CONFIG_VHOST_USER_BLK_SERVER)]
    VhostUserBlk(BlockExportOptionsVhostUserBlk),
    #[qapi(if = CONFIG_FUSE)]
    Fuse(BlockExportOptionsFuse),
    #[qapi(if = CONFIG_VDUSE_BLK_EXPORT)]
    VduseBlk(BlockExportOptionsVduseBlk),
}

#[qapi::command(boxed, allow_preconfig)]
pub fn block_export_add(args: BlockExportOptions) -> Result<()>;

#[qapi::command(allow_preconfig)]
pub fn block_export_del(id: String, mode: Option<BlockExportRemoveMode>) -> Result<()>;

#[qapi::event]
pub struct BlockExportDeleted {
    pub id: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockExportInfo {
    pub id: String,
    pub r#type: BlockExportType,
    pub node_name: String,
    pub shutting_down: bool,
}

#[qapi::command(allow_preconfig)]
pub fn query_block_exports() -> Result<Vec<BlockExportInfo>>;
