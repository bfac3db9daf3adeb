//! `block.json`: `eject` (no block device exists).

use qapi_defs::eject;
use qapi_runtime::{Error, Handlers};

use crate::machine::NoneMachine;

pub fn register(h: &mut Handlers<NoneMachine>) {
    // qmp_get_blk: exactly one of the two names, then the lookup fails.
    h.add::<eject>(|_, args| match (args.device, args.id) {
        (Some(d), None) => Err(Error::device_not_found(format!("Device '{d}' not found"))),
        (None, Some(id)) => Err(Error::device_not_found(format!("Device '{id}' not found"))),
        _ => Err(Error::generic("Need exactly one of 'device' and 'id'")),
    });
}
