//! `-machine help` (`machine_help_func`, vl.c).

use std::cmp::Ordering;
use std::fmt::Write as _;

use qapi_defs::qemu::QemuConfig;
use qemu_system::emulator::descriptions::{self, MachineDesc};

/// `machine_class_cmp`: families first (by family, then by type name
/// decreasing), then the machines without a family by type name.
fn machine_order(a: &MachineDesc, b: &MachineDesc) -> Ordering {
    match (a.family, b.family) {
        (None, None) => a.typename().cmp(&b.typename()),
        (None, Some(_)) => Ordering::Greater,
        (Some(_), None) => Ordering::Less,
        (Some(fa), Some(fb)) => fa.cmp(fb).then_with(|| b.typename().cmp(&a.typename())),
    }
}

/// `-machine help`.
pub fn machines(cfg: &QemuConfig) -> String {
    let mut ms: Vec<&MachineDesc> = descriptions::machines(cfg).collect();
    ms.sort_by(|a, b| machine_order(a, b));
    let mut out = String::from("Supported machines are:\n");
    for m in ms {
        if let Some(alias) = m.alias {
            let _ = writeln!(out, "{alias:<20} {} (alias of {})", m.desc, m.name);
        }
        let _ = writeln!(
            out,
            "{:<20} {}{}{}",
            m.name,
            m.desc,
            if m.is_default { " (default)" } else { "" },
            if m.deprecated { " (deprecated)" } else { "" }
        );
    }
    out
}

/// Whether `-machine type=NAME` names a machine of `cfg` (`find_machine`:
/// its name or its alias).
pub fn is_machine(cfg: &QemuConfig, name: &str) -> bool {
    descriptions::machines(cfg).any(|m| m.name == name || m.alias == Some(name))
}
