//! The command line's listings, computed from the emulator facts the way
//! QEMU 10.0 prints them: `-machine help` (`machine_help_func`, vl.c),
//! `-cpu help` (`list_cpus`, cpu-target.c), `-device help` and
//! `-device NAME,help` (`qdev_print_devinfos`, `qdev_device_help`,
//! qdev-monitor.c), `-object help` (`user_creatable_print_types`,
//! object_interfaces.c), `-accel help` (vl.c) and `-display help`
//! (`qemu_display_help`, ui/console.c).

use std::cmp::Ordering;
use std::fmt::Write as _;
use std::ops::ControlFlow;

use qapi_defs::DisplayType;
use qapi_defs::qemu::QemuConfig;
use qapi_defs::sym;
use qapi_runtime::{QapiType, Value};

use super::{CliError, Outcome, Reporter, keyval, unsupported};
use qemu_system::emulator::cpus;
use qemu_system::emulator::data::props::DEVICE_PROPS;
use qemu_system::emulator::descriptions::{self, CpuFeatureKind, MachineDesc};
use qemu_system::emulator::modules::Modules;
use qemu_system::emulator::types::{Dv, PropDef, TypeTable, props_of};

/// `strcasecmp`, the order of `object_class_get_list_sorted`.
fn strcasecmp(a: &str, b: &str) -> Ordering {
    let lower = |s: &str| {
        s.bytes()
            .map(|c| c.to_ascii_lowercase())
            .collect::<Vec<u8>>()
    };
    lower(a).cmp(&lower(b))
}

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
    let table = TypeTable::new(cfg);
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
    let Some(props) = props_of(DEVICE_PROPS, cfg, t.name) else {
        return Err(DeviceHelpError::NotModelled(t.name.to_owned()));
    };
    Ok(property_list(driver, props))
}

/// The property list as `qdev_device_help` prints it.
fn property_list(ty: &str, props: &[PropDef]) -> String {
    if props.is_empty() {
        return format!("There are no options for {ty}.\n");
    }
    let mut lines: Vec<String> = props.iter().map(property_help).collect::<Vec<String>>();
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

/// `-object help`: the non-abstract types implementing `user-creatable`,
/// sorted by name; no module is loaded for it.
pub fn objects(cfg: &QemuConfig) -> String {
    let table = TypeTable::new(cfg);
    let at_start = Modules::default();
    let mut names: Vec<&str> = table
        .iter()
        .filter(|t| !t.abstract_ && table.is_a(t, "user-creatable"))
        .filter(|t| at_start.has_type(t.name))
        .map(|t| t.name)
        .collect();
    names.sort_by(|a, b| strcasecmp(a, b));
    let mut out = String::from("List of user creatable objects:\n");
    for n in names {
        let _ = writeln!(out, "  {n}");
    }
    out
}

/// `-display help` (`qemu_display_help`): `none`, then the display types
/// after it in `DisplayType` whose condition holds for this build.
pub fn displays(cfg: &QemuConfig) -> String {
    let values = DisplayType::TYPE
        .entity()
        .and_then(|e| e.as_enum())
        .map_or(&[][..], |e| e.values);
    let mut out = String::from("Available display backend types:\nnone\n");
    for v in values
        .iter()
        .skip_while(|v| v.name != "none")
        .skip(1)
        .filter(|v| cfg.eval(v.cond))
    {
        let _ = writeln!(out, "{}", v.name);
    }
    out.push_str(
        "\nSome display backends support suboptions, which can be set with\n   \
         -display backend,option=value,option=value...\nFor a short list of the suboptions \
         for each display, see the top-level -help output; more detail is in the \
         documentation.\n",
    );
    out
}

/// `-accel help`: the accelerator classes (`<name>-accel`, not qtest) in
/// `object_class_get_list` order (the type table's, reversed).
pub fn accelerators(cfg: &QemuConfig) -> String {
    let table = TypeTable::new(cfg);
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

/// `-cpu help`: x86's and s390x's own tables, or the generic `list_cpus`
/// (CPU classes sorted by name, each as its model name); `None` for
/// PowerPC, whose table needs facts the data does not hold (PVRs and the
/// alias table).
pub fn cpus(cfg: &QemuConfig) -> Option<String> {
    if cfg.is_defined(&sym::TARGET_I386) {
        return Some(x86_cpus(cfg));
    }
    if cfg.is_defined(&sym::TARGET_S390X) {
        return Some(s390x_cpus(cfg));
    }
    if cfg.is_defined(&sym::TARGET_SPARC) {
        return Some(sparc_cpus(cfg));
    }
    if cfg.is_defined(&sym::TARGET_PPC) {
        return ppc_cpus(cfg);
    }
    let table = TypeTable::new(cfg);
    // CPU_RESOLVING_TYPE: the target's base CPU class, the one child of
    // `cpu`.
    let base = table
        .iter()
        .find(|t| t.parent == Some("cpu"))
        .map(|t| t.name)?;
    let suffix = format!("-{base}");
    let mut types: Vec<&str> = table
        .iter()
        .filter(|t| !t.abstract_ && table.is_a(t, "cpu"))
        .map(|t| t.name)
        .collect();
    types.sort_by(|a, b| strcasecmp(a, b));
    let mut out = String::from("Available CPUs:\n");
    for ty in types {
        let model = ty.strip_suffix(suffix.as_str()).unwrap_or(ty);
        let deprecated = descriptions::cpu_deprecated(cfg, model);
        let _ = writeln!(
            out,
            "  {model}{}",
            if deprecated { " (deprecated)" } else { "" }
        );
    }
    Some(out)
}

/// `qemu_process_help_options`: `-cpu help`, then each `-device` asking
/// for help, in order (after every option was read).
pub(super) fn process_help_options(
    r: &Reporter,
    config: &QemuConfig,
    cpu_help: Option<String>,
    device_helps: &[(String, String)],
) -> Result<ControlFlow<Outcome>, CliError> {
    if let Some(loc) = cpu_help {
        return match cpus(config) {
            Some(list) => Ok(ControlFlow::Break(Outcome::listing(list))),
            None => Err(unsupported(r, &loc, "the CPU model listing of this target")),
        };
    }
    if let Some((loc, a)) = device_helps.first() {
        return device_help(r, config, loc, a).map(ControlFlow::Break);
    }
    Ok(ControlFlow::Continue(()))
}

/// `is_help_option`.
pub(super) fn is_help(s: &str) -> bool {
    s == "help" || s == "?"
}

/// `-device help`, or `-device NAME,...,help` (`qdev_device_help`).
pub(super) fn device_help_wanted(a: &str) -> bool {
    let items = keyval::opts(a, Some("driver"));
    let driver_help = items
        .first()
        .is_some_and(|(k, v)| k == "driver" && is_help(v));
    driver_help || items.iter().skip(1).any(|(k, _)| is_help(k))
}

/// What `-device` prints when asked for help: the device listing, or one
/// device's properties; QEMU reports a bad name and still exits 0.
fn device_help(r: &Reporter, cfg: &QemuConfig, loc: &str, a: &str) -> Result<Outcome, CliError> {
    let items = keyval::opts(a, Some("driver"));
    let driver = items.first().map(|(_, v)| v.as_str()).unwrap_or("");
    if is_help(driver) {
        return Ok(Outcome::listing(devices(cfg)));
    }
    match device_props(cfg, driver) {
        Ok(list) => Ok(Outcome::listing(list)),
        Err(DeviceHelpError::Qemu(msg)) => Ok(Outcome::Exit {
            stdout: String::new(),
            stderr: r.at(loc, msg).0,
            code: 0,
        }),
        Err(DeviceHelpError::NotModelled(ty)) => Err(unsupported(
            r,
            loc,
            &format!("the property list of device '{ty}'"),
        )),
    }
}

/// `x86_cpu_list`: models by (`ordering`, name) — `base` and `host` rank
/// 8, `max` 9, the others 0 — then the CPUID flag names sorted, wrapped
/// as `listflags` does.
fn x86_cpus(cfg: &QemuConfig) -> String {
    let rank = |name: &str| match name {
        "max" => 9,
        "base" | "host" => 8,
        _ => 0,
    };
    let mut models: Vec<_> = descriptions::cpu_models(cfg).collect();
    models.sort_by(|a, b| (rank(a.name), a.name).cmp(&(rank(b.name), b.name)));
    let mut out = String::from("Available CPUs:\n");
    for m in models {
        let _ = writeln!(out, "  {:<20}  {}", m.name, m.desc);
    }
    let mut flags: Vec<&str> = descriptions::cpu_features(cfg, CpuFeatureKind::CpuidFlag)
        .map(|f| f.name)
        .collect();
    flags.sort_unstable();
    out.push_str("\nRecognized CPUID flags:\n");
    let mut len = 0;
    for f in flags {
        if len + f.len() + 1 >= 75 {
            out.push('\n');
            len = 0;
        }
        out.push_str(if len == 0 { "  " } else { " " });
        out.push_str(f);
        len += f.len() + 1;
    }
    out.push_str("\n\n");
    out
}

/// `s390_cpu_list`: the models as `s390_cpu_list_compare` orders them —
/// `qemu`, `host`, `max`, then in definition order, base model first —
/// with their details, then the feature and feature-group arrays.
fn s390x_cpus(cfg: &QemuConfig) -> String {
    let first = |name: &str| match name {
        "qemu" => 0,
        "host" => 1,
        "max" => 2,
        _ => 3,
    };
    let mut models: Vec<_> = descriptions::cpu_models(cfg).collect();
    models.sort_by_key(|m| first(m.name));
    let mut out = String::from("Available CPUs:\n");
    for m in models {
        let Some(c) = cpus::find(cfg, m.name) else {
            continue;
        };
        let desc = m.desc;
        let details: Vec<&str> = [
            (c.static_, "static"),
            (c.migration_safe == Some(true), "migration-safe"),
            (c.deprecated, "deprecated"),
        ]
        .into_iter()
        .filter_map(|(on, what)| on.then_some(what))
        .collect();
        if details.is_empty() {
            let _ = writeln!(out, "  {:<15} {desc:<35}", c.name);
        } else {
            let _ = writeln!(out, "  {:<15} {desc:<35} ({})", c.name, details.join(", "));
        }
    }
    for (kind, title) in [
        (CpuFeatureKind::S390Feature, "Recognized feature flags"),
        (CpuFeatureKind::S390Group, "Recognized feature groups"),
    ] {
        let _ = writeln!(out, "\n{title}:");
        for f in descriptions::cpu_features(cfg, kind) {
            let _ = writeln!(out, "  {:<20} {}", f.name, f.desc.unwrap_or(""));
        }
    }
    out
}

/// `sparc_cpu_list`: each definition with its versions (IU as a
/// `target_ulong`) and what it changes of the default features, then the
/// feature names.
fn sparc_cpus(cfg: &QemuConfig) -> String {
    let iu_digits = if cfg.is_defined(&sym::TARGET_SPARC64) {
        16
    } else {
        8
    };
    let default: Vec<&str> = descriptions::cpu_features(cfg, CpuFeatureKind::SparcDefault)
        .map(|f| f.name)
        .collect();
    let optional: Vec<&str> = descriptions::cpu_features(cfg, CpuFeatureKind::SparcOptional)
        .map(|f| f.name)
        .collect();
    let mut out = String::from("Available CPU types:\n");
    for c in descriptions::sparc_cpus(cfg) {
        let _ = write!(
            out,
            " {:<20} (IU {:0iu_digits$x} FPU {:08x} MMU {:08x} NWINS {}) ",
            c.name, c.iu, c.fpu, c.mmu, c.nwindows
        );
        for f in default.iter().filter(|f| !c.features.contains(f)) {
            let _ = write!(out, "-{f} ");
        }
        for f in optional.iter().filter(|f| c.features.contains(f)) {
            let _ = write!(out, "+{f} ");
        }
        out.push('\n');
    }
    let names = |list: &[&str]| list.iter().map(|f| format!("{f} ")).collect::<String>();
    let _ = writeln!(
        out,
        "Default CPU feature flags (use '-' to remove): {}",
        names(&default)
    );
    let _ = writeln!(
        out,
        "Available CPU feature flags (use '+' to add): {}",
        names(&optional)
    );
    out.push_str(
        "Numerical features (use '=' to set): iu_version fpu_version mmu_version nwindows\n",
    );
    out
}

/// `ppc_cpu_list`: the CPU classes (`object_class_get_list`: the type
/// table reversed) stably sorted by PVR, each with its aliases.
fn ppc_cpus(cfg: &QemuConfig) -> Option<String> {
    let table = TypeTable::new(cfg);
    let base = table.iter().find(|t| t.parent == Some("cpu"))?.name;
    let suffix = format!("-{base}");
    let mut models: Vec<(&str, u32)> = Vec::new();
    for t in table.iter().filter(|t| !t.abstract_ && table.is_a(t, base)) {
        let Some(m) = t.name.strip_suffix(suffix.as_str()) else {
            continue;
        };
        if m == "host" {
            continue;
        }
        models.push((m, descriptions::ppc_pvr(cfg, m)?));
    }
    models.reverse();
    models.sort_by_key(|(_, pvr)| *pvr);
    let mut out = String::from("Available CPUs:\n");
    for (m, pvr) in models {
        let _ = writeln!(out, "  {m:<16} PVR {pvr:08x}");
        for a in descriptions::ppc_aliases(cfg, m) {
            if a.preferred {
                let _ = writeln!(
                    out,
                    "  {:<16} (alias for preferred {} CPU)",
                    a.alias, a.alias
                );
            } else {
                let _ = writeln!(out, "  {:<16} (alias for {m})", a.alias);
            }
        }
    }
    Some(out)
}
