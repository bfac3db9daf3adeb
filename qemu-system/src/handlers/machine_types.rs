//! `query-machines` (`hw/core/machine-qmp-cmds.c`).

use qapi_defs::{CompatProperty, MachineInfo, query_machines};
use qapi_runtime::Handlers;

use crate::emulator::machines::{self, MachineDef};
use crate::emulator::types::TypeTable;
use crate::machine::NoneMachine;

pub fn register(h: &mut Handlers<NoneMachine>) {
    // object_class_get_list(TYPE_MACHINE) prepends in table order, and
    // the reply prepends again: table order.
    h.add::<query_machines>(|m, args| {
        let table = TypeTable::new(&m.config, &m.modules);
        let with_compat = args.compat_props.unwrap_or(false);
        let mut out = Vec::new();
        for t in table.iter().filter(|t| !t.abstract_) {
            let Some(name) = t.name.strip_suffix("-machine") else {
                continue;
            };
            let Some(def) = machines::find(&m.config, name) else {
                continue;
            };
            if !table.is_a(t, "machine") {
                continue;
            }
            out.push(info(m, def, with_compat));
        }
        Ok(out)
    });
}

fn info(m: &NoneMachine, def: &'static MachineDef, with_compat: bool) -> MachineInfo {
    MachineInfo {
        name: def.name.to_owned(),
        alias: def.alias.map(str::to_owned),
        is_default: def.is_default.then_some(true),
        cpu_max: def.cpu_max,
        hotpluggable_cpus: def.hotpluggable_cpus,
        numa_mem_supported: def.numa_mem_supported,
        deprecated: def.deprecated,
        default_cpu_type: def.default_cpu_type.map(str::to_owned),
        default_ram_id: def.default_ram_id.map(str::to_owned),
        acpi: def.acpi,
        compat_props: with_compat.then(|| {
            machines::compat_props(&m.config, def)
                .into_iter()
                .map(|(t, p, v)| CompatProperty {
                    qom_type: t.to_owned(),
                    property: p.to_owned(),
                    value: v.to_owned(),
                })
                .collect()
        }),
    }
}
