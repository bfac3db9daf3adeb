//! `migration.json`: parameters and capabilities of [`crate::migration`].

use qapi_defs::{
    migrate_pause, migrate_set_capabilities, migrate_set_parameters, query_migrate_capabilities,
    query_migrate_parameters,
};
use qapi_runtime::{Error, Handlers};

use crate::machine::NoneMachine;

pub fn register(h: &mut Handlers<NoneMachine>) {
    h.add::<migrate_set_parameters>(|m, args| m.migration.set_parameters(args));
    h.add::<query_migrate_parameters>(|m, _| Ok(m.migration.query_parameters()));
    h.add::<migrate_set_capabilities>(|m, args| {
        let kvm = m.kvm_enabled();
        // warn_report from a monitor command: no program name prefix.
        m.migration.set_capabilities(&args.capabilities, kvm, &|w| {
            crate::diag::eprint_quiet(&format!("warning: {w}\n"))
        })
    });
    h.add::<query_migrate_capabilities>(|m, _| Ok(m.migration.query_capabilities()));
    // No migration: never in postcopy.
    h.add::<migrate_pause>(|_, _| {
        Err(Error::generic(
            "migrate-pause is currently only supported during postcopy-active or postcopy-recover state",
        ))
    });
}
