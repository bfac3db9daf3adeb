//! The QAPI module `replay.json`.

use crate::prelude::*;

qapi::module!("replay");

#[qapi::enumeration]
pub enum ReplayMode {
    None,
    Record,
    Play,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ReplayInfo {
    pub mode: ReplayMode,
    pub filename: Option<String>,
    pub icount: i64,
}

#[qapi::command]
pub fn query_replay() -> Result<ReplayInfo>;

#[qapi::command]
pub fn replay_break(icount: i64) -> Result<()>;

#[qapi::command]
pub fn replay_delete_break() -> Result<()>;

#[qapi::command]
pub fn replay_seek(icount: i64) -> Result<()>;
