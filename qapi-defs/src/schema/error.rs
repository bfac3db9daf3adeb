//! The QAPI module `error.json`.

use crate::prelude::*;

qapi::module!("error");

#[qapi::enumeration(pragma(member_name_exception))]
pub enum QapiErrorClass {
    #[qapi(name = "GenericError")]
    GenericError,
    #[qapi(name = "CommandNotFound")]
    CommandNotFound,
    #[qapi(name = "DeviceNotActive")]
    DeviceNotActive,
    #[qapi(name = "DeviceNotFound")]
    DeviceNotFound,
    #[qapi(name = "KVMMissingCap")]
    KVMMissingCap,
}
