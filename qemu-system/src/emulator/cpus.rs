//! CPU models and what they expand to.

use qapi_defs::qemu::QemuConfig;
use qapi_runtime::pred::Cond;
use qapi_runtime::{Dict, Value};

use super::data::cpus::{CPUS, EXPANSIONS};
use super::holds;
use super::types::Dv;

/// A CPU model as `query-cpu-definitions` shows it (under TCG).
pub struct CpuDef {
    pub name: &'static str,
    pub typename: &'static str,
    pub static_: bool,
    pub migration_safe: Option<bool>,
    pub deprecated: bool,
    pub alias_of: Option<&'static str>,
    pub unavailable: Option<&'static [&'static str]>,
    /// ppc: the alias's place in the reply (its alias table reversed);
    /// 0 elsewhere.
    pub alias_rank: u16,
    pub cond: Cond,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ExpansionKind {
    Static,
    Full,
}

/// What `query-cpu-model-expansion` gives for a model: a model name and
/// its properties.  The properties are coded against a key table held in
/// QDict insertion order: per key `1`/`0` (a bool), `-` (absent) or `v`
/// (the next of `others`).
pub struct Expansion {
    pub model: &'static str,
    pub kind: ExpansionKind,
    /// Expanded with `props: {"migratable": false}`.
    pub unmigratable: bool,
    pub name: &'static str,
    pub keys: &'static [&'static str],
    pub values: &'static str,
    pub others: &'static [Dv],
    /// s390x's `deprecated-props`.
    pub deprecated: Option<&'static [&'static str]>,
    /// The model's own checks fail with this message instead.
    pub error: Option<&'static str>,
    pub cond: Cond,
}

impl Expansion {
    /// The keys whose value is `true` (the features it turns on).
    pub fn on(&self) -> impl Iterator<Item = &'static str> {
        self.keys
            .iter()
            .zip(self.values.bytes())
            .filter(|(_, c)| *c == b'1')
            .map(|(k, _)| *k)
    }

    pub fn props(&self) -> Dict {
        let mut d = Dict::new();
        let mut others = self.others.iter();
        for (k, c) in self.keys.iter().zip(self.values.bytes()) {
            let v = match c {
                b'1' => Value::Bool(true),
                b'0' => Value::Bool(false),
                b'v' => match others.next() {
                    Some(v) => v.to_value(),
                    None => continue,
                },
                _ => continue,
            };
            d.push_unique(*k, v);
        }
        d
    }
}

/// The CPU models of this configuration, in table order.
pub fn models(cfg: &QemuConfig) -> impl Iterator<Item = &'static CpuDef> + '_ {
    CPUS.iter().filter(move |c| holds(cfg, c.cond))
}

pub fn find(cfg: &QemuConfig, name: &str) -> Option<&'static CpuDef> {
    models(cfg).find(|c| c.name == name)
}

pub fn expansion(
    cfg: &QemuConfig,
    model: &str,
    kind: ExpansionKind,
    unmigratable: bool,
) -> Option<&'static Expansion> {
    EXPANSIONS.iter().find(|e| {
        e.model == model && e.kind == kind && e.unmigratable == unmigratable && holds(cfg, e.cond)
    })
}
