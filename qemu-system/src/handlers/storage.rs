//! `block-core.json`, `block-export.json`, `job.json`, `block.json` and
//! the fd sets of `misc.json`: `-machine none -nodefaults` has no drive,
//! node, export, job, persistent-reservation manager or fd set.

use qapi_defs::{
    query_block, query_block_exports, query_block_jobs, query_blockstats, query_fdsets, query_jobs,
    query_named_block_nodes, query_pr_managers,
};
use qapi_runtime::Handlers;

use crate::machine::NoneMachine;

pub fn register(h: &mut Handlers<NoneMachine>) {
    h.add::<query_block>(|_, _| Ok(Vec::new()));
    // With or without `query-nodes`: no backend, no node.
    h.add::<query_blockstats>(|_, _| Ok(Vec::new()));
    h.add::<query_block_jobs>(|_, _| Ok(Vec::new()));
    // With or without `flat`: no node.
    h.add::<query_named_block_nodes>(|_, _| Ok(Vec::new()));
    h.add::<query_block_exports>(|_, _| Ok(Vec::new()));
    h.add::<query_jobs>(|_, _| Ok(Vec::new()));
    h.add::<query_pr_managers>(|_, _| Ok(Vec::new()));
    h.add::<query_fdsets>(|_, _| Ok(Vec::new()));
}
