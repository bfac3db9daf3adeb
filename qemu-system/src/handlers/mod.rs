//! The handlers of the commands the `-machine none` model answers.
//! Every other command of the schema is still registered and
//! argument-checked; it answers that it is not implemented.

pub mod absent;
pub mod actions;
pub mod background;
pub mod block;
pub mod char;
pub mod control;
pub mod cpu_models;
pub mod cxl;
pub mod device_add;
pub mod devices;
pub mod fds;
pub mod hmp;
pub mod machine;
pub mod machine_types;
pub mod migration;
pub mod objects;
pub mod options;
pub mod qom;
pub mod qom_set;
pub mod qom_types;
pub mod storage;
pub mod ui;
pub mod x86;
pub mod xquery;

use qapi_runtime::Handlers;

use crate::machine::NoneMachine;

/// All handlers of the model.
pub fn all() -> Handlers<NoneMachine> {
    let mut h = Handlers::new();
    absent::register(&mut h);
    actions::register(&mut h);
    background::register(&mut h);
    block::register(&mut h);
    char::register(&mut h);
    control::register(&mut h);
    cxl::register(&mut h);
    device_add::register(&mut h);
    devices::register(&mut h);
    fds::register(&mut h);
    cpu_models::register(&mut h);
    hmp::register(&mut h);
    machine::register(&mut h);
    migration::register(&mut h);
    objects::register(&mut h);
    qom::register(&mut h);
    qom_set::register(&mut h);
    storage::register(&mut h);
    ui::register(&mut h);
    x86::register(&mut h);
    xquery::register(&mut h);
    qom_types::register(&mut h);
    machine_types::register(&mut h);
    options::register(&mut h);
    h
}
