//! The QAPI module `job.json`.

use crate::prelude::*;

qapi::module!("job");

#[qapi::enumeration]
pub enum JobType {
    Commit,
    Stream,
    Mirror,
    Backup,
    Create,
    Amend,
    SnapshotLoad,
    SnapshotSave,
    SnapshotDelete,
}

#[qapi::enumeration]
pub enum JobStatus {
    Undefined,
    Created,
    Running,
    Paused,
    Ready,
    Standby,
    Waiting,
    Pending,
    Aborting,
    Concluded,
    Null,
}

#[qapi::enumeration]
pub enum JobVerb {
    Cancel,
    Pause,
    Resume,
    SetSpeed,
    Complete,
    Dismiss,
    Finalize,
    Change,
}

#[qapi::event]
pub struct JobStatusChange {
    pub id: String,
    pub status: JobStatus,
}

#[qapi::command]
pub fn job_pause(id: String) -> Result<()>;

#[qapi::command]
pub fn job_resume(id: String) -> Result<()>;

#[qapi::command]
pub fn job_cancel(id: String) -> Result<()>;

#[qapi::command]
pub fn job_complete(id: String) -> Result<()>;

#[qapi::command]
pub fn job_dismiss(id: String) -> Result<()>;

#[qapi::command]
pub fn job_finalize(id: String) -> Result<()>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct JobInfo {
    pub id: String,
    pub r#type: JobType,
    pub status: JobStatus,
    pub current_progress: i64,
    pub total_progress: i64,
    pub error: Option<String>,
}

#[qapi::command]
pub fn query_jobs() -> Result<Vec<JobInfo>>;
