//! `qom-set` over the tree of [`crate::qom`]: the lookups and the
//! properties without a setter (children and the type name); setting a
//! writable property is not modelled.

use qapi_defs::qom_set;
use qapi_runtime::{Error, Handlers};

use crate::machine::NoneMachine;

pub fn register(h: &mut Handlers<NoneMachine>) {
    h.add::<qom_set>(|m, a| {
        // object_resolve_path, as qom-get: ambiguous counts as missing.
        let Ok(Some(obj)) = m.qom.resolve(&a.path) else {
            return Err(Error::device_not_found(format!(
                "Device '{}' not found",
                a.path
            )));
        };
        let ty = m.qom.objects[obj].type_name();
        let Some((_, kind)) = m.qom.list(obj).into_iter().find(|(n, _)| *n == a.property) else {
            return Err(Error::generic(format!(
                "Property '{ty}.{}' not found",
                a.property
            )));
        };
        if kind.starts_with("child<") || a.property == "type" {
            return Err(Error::generic(format!(
                "Property '{ty}.{}' is not writable",
                a.property
            )));
        }
        Err(Error::generic(
            "The command qom-set is not implemented by this emulator",
        ))
    });
}
