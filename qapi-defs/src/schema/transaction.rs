//! The QAPI module `transaction.json`.

use crate::prelude::*;

qapi::module!("transaction");

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct Abort {}

#[qapi::enumeration]
pub enum ActionCompletionMode {
    Individual,
    Grouped,
}

#[qapi::enumeration]
pub enum TransactionActionKind {
    Abort,
    BlockDirtyBitmapAdd,
    BlockDirtyBitmapRemove,
    BlockDirtyBitmapClear,
    BlockDirtyBitmapEnable,
    BlockDirtyBitmapDisable,
    BlockDirtyBitmapMerge,
    BlockdevBackup,
    BlockdevSnapshot,
    BlockdevSnapshotInternalSync,
    BlockdevSnapshotSync,
    #[qapi(features = [deprecated])]
    DriveBackup,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AbortWrapper {
    pub data: Abort,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockDirtyBitmapAddWrapper {
    pub data: BlockDirtyBitmapAdd,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockDirtyBitmapWrapper {
    pub data: BlockDirtyBitmap,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockDirtyBitmapMergeWrapper {
    pub data: BlockDirtyBitmapMerge,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevBackupWrapper {
    pub data: BlockdevBackup,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevSnapshotWrapper {
    pub data: BlockdevSnapshot,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevSnapshotInternalWrapper {
    pub data: BlockdevSnapshotInternal,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct BlockdevSnapshotSyncWrapper {
    pub data: BlockdevSnapshotSync,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct DriveBackupWrapper {
    pub data: DriveBackup,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct TransactionAction {
    #[qapi(discriminator)]
    pub r#type: TransactionActionBranch,
}

#[qapi::branches(tag = TransactionActionKind)]
#[derive(Debug, Clone, PartialEq)]
pub enum TransactionActionBranch {
    Abort(AbortWrapper),
    BlockDirtyBitmapAdd(BlockDirtyBitmapAddWrapper),
    BlockDirtyBitmapRemove(BlockDirtyBitmapWrapper),
    BlockDirtyBitmapClear(BlockDirtyBitmapWrapper),
    BlockDirtyBitmapEnable(BlockDirtyBitmapWrapper),
    BlockDirtyBitmapDisable(BlockDirtyBitmapWrapper),
    BlockDirtyBitmapMerge(BlockDirtyBitmapMergeWrapper),
    BlockdevBackup(BlockdevBackupWrapper),
    BlockdevSnapshot(BlockdevSnapshotWrapper),
    BlockdevSnapshotInternalSync(BlockdevSnapshotInternalWrapper),
    BlockdevSnapshotSync(BlockdevSnapshotSyncWrapper),
    DriveBackup(DriveBackupWrapper),
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct TransactionProperties {
    pub completion_mode: Option<ActionCompletionMode>,
}

#[qapi::command]
pub fn transaction(
    actions: Vec<TransactionAction>,
    properties: Option<TransactionProperties>,
) -> Result<()>;
