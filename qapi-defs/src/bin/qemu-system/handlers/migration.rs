//! `migration.json`: parameters and capabilities, stored.

use qapi_defs::{migrate_pause, migrate_set_capabilities, migrate_set_parameters, query_migrate_parameters};
use qapi_runtime::{Error, Handlers, Value};

use crate::machine::NoneMachine;

/// What `migrate-set-*` stored.
#[derive(Default, Debug)]
pub struct MigrationState {
    pub parameters: Vec<(String, Value)>,
    pub capabilities: Vec<(String, bool)>,
}

pub fn register(h: &mut Handlers<NoneMachine>) {
    h.add::<migrate_set_parameters>(|_, _| Ok(()));
    h.add::<migrate_set_capabilities>(|_, _| Ok(()));
    h.add_raw(
        <query_migrate_parameters as qapi_runtime::Command>::NAME,
        |_, _| Err(Error::generic("query-migrate-parameters: not modelled yet")),
    );
    h.add::<migrate_pause>(|_, _| {
        Err(Error::generic(
            "migrate-pause is currently only supported during postcopy-active or postcopy-recover state",
        ))
    });
}
