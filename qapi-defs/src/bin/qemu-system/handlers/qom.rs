//! `qom.json`: the QOM tree of a `-machine none` QEMU.

use qapi_defs::{qom_get, qom_list};
use qapi_runtime::{Error, Handlers};

use crate::machine::NoneMachine;

pub fn register(h: &mut Handlers<NoneMachine>) {
    h.add::<qom_list>(|_, args| Err(Error::device_not_found(format!("Device '{}' not found", args.path))));
    h.add::<qom_get>(|_, args| Err(Error::device_not_found(format!("Device '{}' not found", args.path))));
}
