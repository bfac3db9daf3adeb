//! What the macros' expansions refer to: not part of the API, and free to
//! change with the macros.

pub mod check;
pub mod serde_impl;

pub use linkme;
pub use serde;

use crate::error::Error;
use crate::types::{QapiEnum, QapiType, mismatch};
use crate::value::{Dict, Value};

/// The `Loc` of the macro invocation.
#[macro_export]
#[doc(hidden)]
macro_rules! __here {
    () => {
        $crate::desc::Loc {
            file: ::core::file!(),
            line: ::core::line!(),
            column: ::core::column!(),
        }
    };
}
pub use crate::__here as here;

/// The dictionary of a checked object value, for generated `from_value` code.
pub fn expect_dict(v: Value) -> Result<Dict, Error> {
    match v {
        Value::Dict(d) => Ok(d),
        v => Err(mismatch("object", &v)),
    }
}

/// The enum variant named by a checked string value, for generated code.
pub fn enum_from_value<E: QapiEnum>(v: Value) -> Result<E, Error> {
    match &v {
        Value::Str(s) => E::from_name(s)
            .ok_or_else(|| Error::generic(format!("'{s}' is not a value of this enum"))),
        _ => Err(mismatch("string", &v)),
    }
}

/// Looks up a conditional required member, which is absent where its
/// condition is false, for generated `read_members` code.
pub fn take_member_or_default<T: QapiType + Default>(d: &mut Dict, name: &str) -> Result<T, Error> {
    match d.remove(name) {
        Some(v) => T::from_value(v),
        None => Ok(T::default()),
    }
}
