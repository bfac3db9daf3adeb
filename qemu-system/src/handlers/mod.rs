//! The handlers of the commands the `-machine none` model answers.
//! Every other command of the schema is still registered and
//! argument-checked; it answers that it is not implemented.

pub mod block;
pub mod control;
pub mod cpu_models;
pub mod hmp;
pub mod machine;
pub mod machine_types;
pub mod migration;
pub mod options;
pub mod qom;
pub mod qom_types;

use qapi_runtime::Handlers;

use crate::machine::NoneMachine;

/// All handlers of the model.
pub fn all() -> Handlers<NoneMachine> {
    let mut h = Handlers::new();
    block::register(&mut h);
    control::register(&mut h);
    cpu_models::register(&mut h);
    hmp::register(&mut h);
    machine::register(&mut h);
    migration::register(&mut h);
    qom::register(&mut h);
    qom_types::register(&mut h);
    machine_types::register(&mut h);
    options::register(&mut h);
    h
}
