//! `-object help` (`user_creatable_print_types`, object_interfaces.c)
//! and `-accel help` (vl.c): listings of the type table.

use std::fmt::Write as _;

use qapi_defs::qemu::QemuConfig;
use qemu_system::emulator::modules::Modules;
use qemu_system::emulator::types::TypeTable;

use super::strcasecmp;

/// `-object help`: the non-abstract types implementing `user-creatable`,
/// sorted by name; no module is loaded for it.
pub fn objects(cfg: &QemuConfig) -> String {
    let table = TypeTable::new(cfg, &Modules::default());
    let mut names: Vec<&str> = table
        .iter()
        .filter(|t| !t.abstract_ && table.is_a(t, "user-creatable"))
        .map(|t| t.name)
        .collect();
    names.sort_by(|a, b| strcasecmp(a, b));
    let mut out = String::from("List of user creatable objects:\n");
    for n in names {
        let _ = writeln!(out, "  {n}");
    }
    out
}

/// `-accel help`: the accelerator classes (`<name>-accel`, not qtest) in
/// `object_class_get_list` order (the type table's, reversed).
pub fn accelerators(cfg: &QemuConfig) -> String {
    let table = TypeTable::new(cfg, &Modules::default());
    let mut names: Vec<&str> = table
        .iter()
        .filter(|t| !t.abstract_ && table.is_a(t, "accel"))
        .filter_map(|t| t.name.strip_suffix("-accel"))
        .filter(|n| *n != "qtest")
        .collect();
    names.reverse();
    let mut out = String::from("Accelerators supported in QEMU binary:\n");
    for n in names {
        let _ = writeln!(out, "{n}");
    }
    out
}
