//! `qom.json`: `qom-list` and `qom-get` over the tree of [`crate::qom`].

use qapi_defs::{ObjectPropertyInfo, qom_get, qom_list};
use qapi_runtime::{Error, Handlers};

use crate::machine::NoneMachine;
use crate::qom::Ambiguous;

pub fn register(h: &mut Handlers<NoneMachine>) {
    h.add::<qom_list>(|m, args| {
        let obj = match m.qom.resolve(&args.path) {
            Ok(Some(o)) => o,
            Ok(None) => {
                return Err(Error::device_not_found(format!(
                    "Device '{}' not found",
                    args.path
                )));
            }
            Err(Ambiguous) => {
                return Err(Error::generic(format!("Path '{}' is ambiguous", args.path)));
            }
        };
        Ok(m.qom
            .list(obj)
            .into_iter()
            .map(|(name, ty)| ObjectPropertyInfo {
                name,
                r#type: ty,
                description: None,
                default_value: None,
            })
            .collect())
    });
    // qom-get does not tell an ambiguous path from a missing one.
    h.add::<qom_get>(|m, args| match m.qom.resolve(&args.path) {
        Ok(Some(obj)) => m.qom.get(obj, &args.property),
        _ => Err(Error::device_not_found(format!(
            "Device '{}' not found",
            args.path
        ))),
    });
}
