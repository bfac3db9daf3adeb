//! Machine types (`MachineClass`), with their compat properties.

use qapi_defs::qemu::QemuConfig;
use qapi_runtime::pred::Cond;

use super::data::machines::MACHINES;
use super::holds;

/// `(qom-type, property, value)` of a `GlobalProperty`.
pub type Compat = (&'static str, &'static str, &'static str);

pub struct MachineDef {
    pub name: &'static str,
    pub alias: Option<&'static str>,
    pub is_default: bool,
    pub cpu_max: i64,
    pub hotpluggable_cpus: bool,
    pub numa_mem_supported: bool,
    pub deprecated: bool,
    pub default_cpu_type: Option<&'static str>,
    pub default_ram_id: Option<&'static str>,
    pub acpi: bool,
    /// The machine whose compat properties come first: a versioned
    /// machine's options call the next version's, then add their own.
    pub compat_base: Option<&'static str>,
    /// The compat properties this machine adds after its base's.
    pub compat: &'static [Compat],
    pub cond: Cond,
}

impl MachineDef {
    /// The QOM type implementing the machine (`TYPE_MACHINE_SUFFIX`).
    pub fn typename(&self) -> String {
        format!("{}-machine", self.name)
    }
}

/// The machine `name` of this configuration.
pub fn find(cfg: &QemuConfig, name: &str) -> Option<&'static MachineDef> {
    MACHINES
        .iter()
        .find(|m| m.name == name && holds(cfg, m.cond))
}

/// All compat properties of `m`, in `compat_props` order.
pub fn compat_props(cfg: &QemuConfig, m: &'static MachineDef) -> Vec<Compat> {
    let mut chain = vec![m];
    let mut cur = m;
    // The chain is short (one link per release); the bound guards a cycle.
    while let Some(b) = cur.compat_base.and_then(|b| find(cfg, b)) {
        if chain.len() > MACHINES.len() {
            break;
        }
        chain.push(b);
        cur = b;
    }
    chain
        .iter()
        .rev()
        .flat_map(|m| m.compat.iter().copied())
        .collect()
}
