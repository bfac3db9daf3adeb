//! `char.json`: `query-chardev` over the chardevs of the command line.

use qapi_defs::{ChardevInfo, query_chardev};
use qapi_runtime::Handlers;
use qapi_runtime::glib::HashTable;
use std::sync::atomic::Ordering;

use crate::machine::NoneMachine;

pub fn register(h: &mut Handlers<NoneMachine>) {
    // qmp_query_chardev walks the children of /chardevs in their hash
    // table's order, prepending each: the reply is that order reversed.
    h.add::<query_chardev>(|m, _| {
        let table = HashTable::with_keys(m.chardevs.iter().map(|c| c.id.as_str()));
        let order: Vec<usize> = table.iter().collect();
        Ok(order
            .into_iter()
            .rev()
            .filter_map(|i| m.chardevs.get(i))
            .map(|c| ChardevInfo {
                label: c.id.clone(),
                filename: filename(c),
                frontend_open: c.frontend,
            })
            .collect())
    });
}

/// The chardev's `filename` (`qemu_chr_compute_filename` for sockets):
/// a listening unix socket shows `disconnected:` until a client connects.
fn filename(c: &crate::qom::ChardevInfo) -> String {
    match &c.socket {
        None => "stdio".to_owned(),
        Some(path) => {
            let prefix = if c.connected.load(Ordering::Relaxed) {
                ""
            } else {
                "disconnected:"
            };
            format!("{prefix}unix:{path},server=on")
        }
    }
}
