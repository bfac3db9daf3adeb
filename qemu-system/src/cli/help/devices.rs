//! `-device help` and `-device NAME,help` (`qdev_print_devinfos`,
//! `qdev_device_help`, qdev-monitor.c).

use std::fmt::Write as _;

use qapi_defs::qemu::QemuConfig;
use qapi_defs::sym;
use qapi_runtime::Value;
use qemu_system::emulator::descriptions;
use qemu_system::emulator::modules::Modules;
use qemu_system::emulator::types::{self, Dv, PropDef, TypeTable};

use super::strcasecmp;

/// `DEVICE_CATEGORY_*` names by bit, then the uncategorized ones.
const CATEGORY_NAMES: &[&str] = &[
    "Controller/Bridge/Hub",
    "USB",
    "Storage",
    "Network",
    "Input",
    "Display",
    "Sound",
    "Misc",
    "CPU",
    "Watchdog",
    "Uncategorized",
];

/// Where a `qdev_alias_table` entry applies (`QEMU_ARCH_VIRTIO_*`).
#[derive(Clone, Copy)]
enum AliasArch {
    All,
    VirtioPci,
    VirtioCcw,
    VirtioMmio,
}

/// `qdev_alias_table` (qdev-monitor.c, as Debian's 10.0.2 has it: with
/// virtio-sound): (type, alias, where).
const QDEV_ALIASES: &[(&str, &str, AliasArch)] = {
    use AliasArch::*;
    &[
        ("AC97", "ac97", All),
        ("e1000", "e1000-82540em", All),
        ("ES1370", "es1370", All),
        ("ich9-ahci", "ahci", All),
        ("lsi53c895a", "lsi", All),
        ("virtio-9p-device", "virtio-9p", VirtioMmio),
        ("virtio-9p-ccw", "virtio-9p", VirtioCcw),
        ("virtio-9p-pci", "virtio-9p", VirtioPci),
        ("virtio-balloon-device", "virtio-balloon", VirtioMmio),
        ("virtio-balloon-ccw", "virtio-balloon", VirtioCcw),
        ("virtio-balloon-pci", "virtio-balloon", VirtioPci),
        ("virtio-blk-device", "virtio-blk", VirtioMmio),
        ("virtio-blk-ccw", "virtio-blk", VirtioCcw),
        ("virtio-blk-pci", "virtio-blk", VirtioPci),
        ("virtio-gpu-device", "virtio-gpu", VirtioMmio),
        ("virtio-gpu-ccw", "virtio-gpu", VirtioCcw),
        ("virtio-gpu-pci", "virtio-gpu", VirtioPci),
        ("virtio-gpu-gl-device", "virtio-gpu-gl", VirtioMmio),
        ("virtio-gpu-gl-pci", "virtio-gpu-gl", VirtioPci),
        (
            "virtio-gpu-rutabaga-device",
            "virtio-gpu-rutabaga",
            VirtioMmio,
        ),
        ("virtio-gpu-rutabaga-pci", "virtio-gpu-rutabaga", VirtioPci),
        ("virtio-input-host-device", "virtio-input-host", VirtioMmio),
        ("virtio-input-host-ccw", "virtio-input-host", VirtioCcw),
        ("virtio-input-host-pci", "virtio-input-host", VirtioPci),
        ("virtio-iommu-pci", "virtio-iommu", VirtioPci),
        ("virtio-keyboard-device", "virtio-keyboard", VirtioMmio),
        ("virtio-keyboard-ccw", "virtio-keyboard", VirtioCcw),
        ("virtio-keyboard-pci", "virtio-keyboard", VirtioPci),
        ("virtio-mouse-device", "virtio-mouse", VirtioMmio),
        ("virtio-mouse-ccw", "virtio-mouse", VirtioCcw),
        ("virtio-mouse-pci", "virtio-mouse", VirtioPci),
        ("virtio-net-device", "virtio-net", VirtioMmio),
        ("virtio-net-ccw", "virtio-net", VirtioCcw),
        ("virtio-net-pci", "virtio-net", VirtioPci),
        ("virtio-rng-device", "virtio-rng", VirtioMmio),
        ("virtio-rng-ccw", "virtio-rng", VirtioCcw),
        ("virtio-rng-pci", "virtio-rng", VirtioPci),
        ("virtio-scsi-device", "virtio-scsi", VirtioMmio),
        ("virtio-scsi-ccw", "virtio-scsi", VirtioCcw),
        ("virtio-scsi-pci", "virtio-scsi", VirtioPci),
        ("virtio-serial-device", "virtio-serial", VirtioMmio),
        ("virtio-serial-ccw", "virtio-serial", VirtioCcw),
        ("virtio-serial-pci", "virtio-serial", VirtioPci),
        ("virtio-sound-device", "virtio-sound", VirtioMmio),
        ("virtio-sound-pci", "virtio-sound", VirtioPci),
        ("virtio-tablet-device", "virtio-tablet", VirtioMmio),
        ("virtio-tablet-ccw", "virtio-tablet", VirtioCcw),
        ("virtio-tablet-pci", "virtio-tablet", VirtioPci),
    ]
};

fn alias_applies(cfg: &QemuConfig, arch: AliasArch) -> bool {
    let has = |s: qapi_runtime::Sym| cfg.is_defined(&s);
    match arch {
        AliasArch::All => true,
        AliasArch::VirtioCcw => has(sym::TARGET_S390X),
        AliasArch::VirtioMmio => has(sym::TARGET_M68K),
        AliasArch::VirtioPci => [
            sym::TARGET_ALPHA,
            sym::TARGET_ARM,
            sym::TARGET_HPPA,
            sym::TARGET_I386,
            sym::TARGET_MIPS,
            sym::TARGET_PPC,
            sym::TARGET_RISCV,
            sym::TARGET_SH4,
            sym::TARGET_SPARC,
            sym::TARGET_XTENSA,
            sym::TARGET_LOONGARCH,
            sym::TARGET_OPENRISC,
        ]
        .into_iter()
        .any(has),
    }
}

/// `qdev_class_get_alias`.
fn alias_of(cfg: &QemuConfig, ty: &str) -> Option<&'static str> {
    QDEV_ALIASES
        .iter()
        .find(|(t, _, arch)| *t == ty && alias_applies(cfg, *arch))
        .map(|(_, a, _)| *a)
}

/// `find_typename_by_alias`.
fn type_of_alias(cfg: &QemuConfig, alias: &str) -> Option<&'static str> {
    QDEV_ALIASES
        .iter()
        .find(|(_, a, arch)| *a == alias && alias_applies(cfg, *arch))
        .map(|(t, _, _)| *t)
}

/// `-device help` (`qdev_print_devinfos(false)`: user-creatable devices
/// only, per category, each sorted by name).
pub fn devices(cfg: &QemuConfig) -> String {
    let mut ds: Vec<_> = descriptions::devices(cfg).collect();
    ds.sort_by(|a, b| strcasecmp(a.name, b.name));
    let uncategorized = CATEGORY_NAMES.len() - 1;
    let mut out = String::new();
    for (i, cat) in CATEGORY_NAMES.iter().enumerate() {
        let mut printed = false;
        for d in ds.iter().filter(|d| {
            if i < uncategorized {
                d.categories & (1 << i) != 0
            } else {
                d.categories == 0
            }
        }) {
            if !printed {
                let _ = writeln!(out, "{}{cat} devices:", if i > 0 { "\n" } else { "" });
                printed = true;
            }
            let _ = write!(out, "name \"{}\"", d.name);
            if let Some(bus) = d.bus {
                let _ = write!(out, ", bus {bus}");
            }
            if let Some(alias) = alias_of(cfg, d.name) {
                let _ = write!(out, ", alias \"{alias}\"");
            }
            if let Some(desc) = d.desc {
                let _ = write!(out, ", desc \"{desc}\"");
            }
            out.push('\n');
        }
    }
    out
}

/// Why `-device NAME,help` lists nothing.
pub enum DeviceHelpError {
    /// QEMU's message (printed, and QEMU exits 0).
    Qemu(String),
    /// The type exists but the data has no property list for it.
    NotModelled(String),
}

/// `-device NAME,help` (`qdev_device_help`): the property lines of
/// `device-list-properties`, each as `object_property_help` formats it,
/// sorted.
pub fn device_props(cfg: &QemuConfig, driver: &str) -> Result<String, DeviceHelpError> {
    let table = TypeTable::new(cfg, &Modules::default());
    let driver = match table.get(driver) {
        Some(_) => driver,
        None => type_of_alias(cfg, driver).unwrap_or(driver),
    };
    let Some(t) = table.get(driver) else {
        return Err(DeviceHelpError::Qemu(format!(
            "Device '{driver}' not found"
        )));
    };
    if !table.is_a(t, "device") || t.abstract_ {
        return Err(DeviceHelpError::Qemu(
            "Parameter 'typename' expects a non-abstract device type".to_owned(),
        ));
    }
    let Some(props) = types::device_props(cfg, t.name) else {
        return Err(DeviceHelpError::NotModelled(t.name.to_owned()));
    };
    Ok(property_list(driver, &props))
}

/// The property list as `qdev_device_help` prints it.
fn property_list(ty: &str, props: &[&PropDef]) -> String {
    if props.is_empty() {
        return format!("There are no options for {ty}.\n");
    }
    let mut lines: Vec<String> = props
        .iter()
        .map(|p| property_help(p))
        .collect::<Vec<String>>();
    lines.sort();
    let mut out = format!("{ty} options:\n");
    for l in lines {
        out.push_str(&l);
        out.push('\n');
    }
    out
}

/// `object_property_help`: name and type, padded to 24 columns before
/// the description and the default (strings bare, booleans on/off, the
/// rest as JSON).
fn property_help(p: &PropDef) -> String {
    let mut s = format!("  {}=<{}>", p.name, p.ty);
    if p.desc.is_some() || p.default.is_some() {
        while s.len() < 24 {
            s.push(' ');
        }
        s.push_str(" - ");
    }
    if let Some(d) = p.desc {
        s.push_str(d);
    }
    if let Some(d) = &p.default {
        let text = match d {
            Dv::Str(v) => (*v).to_owned(),
            Dv::Bool(b) => if *b { "on" } else { "off" }.to_owned(),
            other => {
                let v: Value = other.to_value();
                String::from_utf8_lossy(&qapi_runtime::json::to_vec(&v)).into_owned()
            }
        };
        let _ = write!(s, " (default: {text})");
    }
    s
}
