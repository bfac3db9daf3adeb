//! The QMP protocol core (to come: `qmp_capabilities`, `query-commands`
//! and `query-qmp-schema`, placed into a schema module).

crate::module!("qmp-protocol");
