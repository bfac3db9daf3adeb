//! `-cpu help` (`list_cpus`, cpu-target.c, and the targets' own
//! `x86_cpu_list`, `s390_cpu_list`, `sparc_cpu_list`, `ppc_cpu_list`).

use std::fmt::Write as _;

use qapi_defs::qemu::QemuConfig;
use qapi_defs::sym;
use qemu_system::emulator::cpus;
use qemu_system::emulator::descriptions::{self, CpuFeatureKind};
use qemu_system::emulator::modules::Modules;
use qemu_system::emulator::types::TypeTable;

use super::strcasecmp;

/// `-cpu help`: the target's own table (x86, s390x, SPARC, PowerPC) or
/// the generic `list_cpus` (CPU classes sorted by name, each as its model
/// name); `None` when the facts lack the target's base CPU class or a
/// model's PVR.
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
    let table = TypeTable::new(cfg, &Modules::default());
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

/// `x86_cpu_list`: models by (`ordering`, name) — `base` and `host` rank
/// 8, `max` 9, the others 0 — each with its model id (and note) or what
/// it is an alias of, then the CPUID flag names sorted, wrapped as
/// `listflags` does.
fn x86_cpus(cfg: &QemuConfig) -> String {
    let rank = |name: &str| match name {
        "max" => 9,
        "base" | "host" => 8,
        _ => 0,
    };
    let mut models: Vec<_> = cpus::models(cfg).collect();
    models.sort_by(|a, b| (rank(a.name), a.name).cmp(&(rank(b.name), b.name)));
    let mut out = String::from("Available CPUs:\n");
    for m in models {
        // An unversioned model's version is chosen by the machine type
        // (CPU_VERSION_AUTO); other aliases name their version.
        let desc = match m.alias_of {
            Some(v) if v.strip_suffix("-v1") == Some(m.name) => {
                "(alias configured by machine type)".to_owned()
            }
            Some(v) => format!("(alias of {v})"),
            None => descriptions::cpu_models(cfg)
                .find(|d| d.name == m.name)
                .map_or("", |d| d.desc)
                .to_owned(),
        };
        let _ = writeln!(out, "  {:<20}  {desc}", m.name);
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
    let table = TypeTable::new(cfg, &Modules::default());
    let base = table.iter().find(|t| t.parent == Some("cpu"))?.name;
    let suffix = format!("-{base}");
    let mut models: Vec<(&str, &str, u32)> = Vec::new();
    for t in table.iter().filter(|t| !t.abstract_ && table.is_a(t, base)) {
        let Some(m) = t.name.strip_suffix(suffix.as_str()) else {
            continue;
        };
        if m == "host" {
            continue;
        }
        models.push((m, t.name, descriptions::ppc_pvr(cfg, m)?));
    }
    models.reverse();
    models.sort_by_key(|(_, _, pvr)| *pvr);
    let mut out = String::from("Available CPUs:\n");
    for (m, ty, pvr) in models {
        let _ = writeln!(out, "  {m:<16} PVR {pvr:08x}");
        // ppc_cpu_aliases in array order: the reverse of the rank
        // query-cpu-definitions gives them.  (No alias of Debian's build
        // is its family's name, which QEMU would list as "preferred".)
        let mut aliases: Vec<_> = cpus::models(cfg)
            .filter(|c| c.typename == ty && c.name != m)
            .collect();
        aliases.sort_by_key(|c| std::cmp::Reverse(c.alias_rank));
        for a in aliases {
            let _ = writeln!(out, "  {:<16} (alias for {m})", a.name);
        }
    }
    Some(out)
}
