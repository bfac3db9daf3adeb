//! `block-core.json`, `block-export.json`, `job.json`, `block.json` and
//! the fd sets of `misc.json`: `-machine none -nodefaults` has no drive,
//! node, export, job, persistent-reservation manager or fd set.

use qapi_defs::{
    XDbgBlockGraph, nbd_server_stop, query_block, query_block_exports, query_block_jobs,
    query_blockstats, query_fdsets, query_jobs, query_named_block_nodes, query_pr_managers,
    x_debug_query_block_graph,
};
use qapi_runtime::{Error, Handlers};

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
    h.add::<x_debug_query_block_graph>(|_, _| {
        Ok(XDbgBlockGraph {
            nodes: Vec::new(),
            edges: Vec::new(),
        })
    });
    h.add::<nbd_server_stop>(|_, _| Err(Error::generic("NBD server not running")));
}
