//! `char.json` and `yank.json`: `query-chardev` and `yank` over the
//! chardevs of the command line.

use qapi_defs::schema::yank::yank;
use qapi_defs::{
    ChardevBackendInfo, ChardevInfo, YankInstanceBranch, query_chardev, query_chardev_backends,
};
use qapi_runtime::glib::HashTable;
use qapi_runtime::{Error, Handlers};
use std::sync::atomic::Ordering;

use crate::emulator::types::TypeTable;
use crate::machine::NoneMachine;

pub fn register(h: &mut Handlers<NoneMachine>) {
    // qmp_yank: every instance must exist before any is yanked; only the
    // socket chardevs register one.
    h.add::<yank>(|m, a| {
        for i in &a.instances {
            let exists = match &i.r#type {
                YankInstanceBranch::Chardev(c) => m.yank_chardevs.contains(&c.id),
                YankInstanceBranch::BlockNode(_) | YankInstanceBranch::Migration => false,
            };
            if !exists {
                return Err(Error::device_not_found("Instance not found"));
            }
        }
        if a.instances.is_empty() {
            return Ok(());
        }
        // Yanking a monitor's connection is not modelled.
        Err(Error::generic(
            "The command yank is not implemented by this emulator",
        ))
    });
    // qmp_query_chardev_backends: object_class_foreach over the non-abstract
    // subclasses of "chardev" in the type table's order, each prepended
    // without its "chardev-" prefix; the internal chardev-gdb is skipped,
    // and the types of modules not loaded yet are not in the table.
    h.add::<query_chardev_backends>(|m, _| {
        let table = TypeTable::new(&m.config, &m.modules);
        let mut out: Vec<ChardevBackendInfo> = table
            .iter()
            .filter(|t| !t.abstract_ && table.is_a(t, "chardev"))
            .filter(|t| t.name != "chardev-gdb")
            .filter_map(|t| t.name.strip_prefix("chardev-"))
            .map(|name| ChardevBackendInfo {
                name: name.to_owned(),
            })
            .collect();
        out.reverse();
        Ok(out)
    });
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
