//! The QAPI module `trace.json`.

use crate::prelude::*;

qapi::module!("trace");

#[qapi::enumeration]
pub enum TraceEventState {
    Unavailable,
    Disabled,
    Enabled,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct TraceEventInfo {
    pub name: String,
    pub state: TraceEventState,
}

#[qapi::command]
pub fn trace_event_get_state(name: String) -> Result<Vec<TraceEventInfo>>;

#[qapi::command]
pub fn trace_event_set_state(
    name: String,
    enable: bool,
    ignore_unavailable: Option<bool>,
) -> Result<()>;
