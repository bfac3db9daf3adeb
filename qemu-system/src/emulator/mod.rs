//! What the emulator is made of, per target: QOM types and their
//! properties, machine types, CPU models and their expansions, command-line
//! option groups, TPM and GIC capabilities.
//!
//! The facts live in `data/`, written by `scripts/qemu-facts-gen.py` from
//! Debian's real binaries: each fact once, with the condition under which
//! a target has it.  The views here pick what one configuration has and
//! put it in QEMU's order.
//!
//! Reply order.  QEMU lists types, machines and (on most targets) CPU
//! models by walking its type table, a GLib hash table keyed by type name
//! (`object_class_foreach`); x86 sorts its CPU models first.  Those rules
//! are applied here; the one input not derived by rule is the type table's
//! iteration order itself (`data::types::TYPE_ORDER`): it depends on the
//! order in which the binary registered its types, which we could not yet
//! reconstruct from the replay of `qapi_runtime::glib` (see the README's
//! known differences); it is held with every module loaded and, where the
//! smaller table before loading is walked in another order, before too
//! (`types::TypeTable::new`, docs/emulator-facts.md).  Property lists and
//! option groups are in the order the real binary gives them.

pub mod cpus;
pub mod data;
pub mod descriptions;
pub mod machines;
pub mod modules;
pub mod options;
pub mod plug;
pub mod types;

use qapi_defs::qemu::QemuConfig;
use qapi_runtime::Sym;
use qapi_runtime::pred::Cond;

/// `TARGET_BIG_ENDIAN` (`configs/targets/*.mak`): tells mips from mipsel,
/// sh4 from sh4eb and alike, which share every other target symbol.
pub const TARGET_BIG_ENDIAN: Sym = Sym::target("TARGET_BIG_ENDIAN");

/// The targets whose `.mak` sets `TARGET_BIG_ENDIAN`.
const BIG_ENDIAN_TARGETS: &[&str] = &[
    "hppa",
    "m68k",
    "microblaze",
    "mips",
    "mips64",
    "or1k",
    "ppc",
    "ppc64",
    "s390x",
    "sh4eb",
    "sparc",
    "sparc64",
    "xtensaeb",
];

/// The target's name: the one place this module reads it.
pub fn target_name(cfg: &QemuConfig) -> &'static str {
    cfg.target.name
}

/// Whether `cfg` has a fact with condition `cond`: the configuration's
/// target and build symbols (`CONFIG_TCG` tells x86_64-microvm's facts
/// from x86_64's), plus `TARGET_BIG_ENDIAN` from the target.
pub fn holds(cfg: &QemuConfig, cond: Cond) -> bool {
    let big_endian = BIG_ENDIAN_TARGETS.contains(&target_name(cfg));
    cond.is_none_or(|p| {
        p.eval(&|s| {
            if s.name == TARGET_BIG_ENDIAN.name {
                big_endian
            } else {
                cfg.is_defined(s)
            }
        })
    })
}
