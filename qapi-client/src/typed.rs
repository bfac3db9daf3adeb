//! Between Rust types and the wire: requests are written exactly as the
//! definitions say, replies read tolerantly.

use qapi_runtime::visit::input::read_value;
use qapi_runtime::{Command, Dict, QapiType, Value};

use crate::error::QmpError;
use crate::message::{Typed, decode_error};

/// The `arguments` object of a request for `C`.
pub fn encode_args<C: Command>(args: &C::Args) -> Option<Dict> {
    match args.to_value() {
        Value::Dict(d) => Some(d),
        _ => None,
    }
}

/// Whether `C` answers on success (`success-response: false` does not).
pub fn expects_reply<C: Command>() -> bool {
    C::entity().as_command().is_none_or(|c| c.success_response)
}

/// Refuses to send `C` out of band unless its definition allows it
/// (`allow-oob`), before anything reaches the server.
pub fn check_oob<C: Command>(oob: bool) -> Result<(), QmpError> {
    if oob && !C::entity().as_command().is_some_and(|c| c.allow_oob) {
        return Err(QmpError::Request(format!(
            "the command {} does not support OOB",
            C::NAME
        )));
    }
    Ok(())
}

/// Reads the `return` value of `C` into its Rust type, tolerantly.
pub fn decode_return<C: Command>(value: Value) -> Result<Typed<C::Ret>, QmpError>
where
    C::Ret: QapiType,
{
    let ret_ty = C::entity().as_command().and_then(|c| c.ret);
    let Some(t) = ret_ty else {
        // No `returns`: the reply is `{}` (and anything added to it is
        // ignored); the Rust type is `()`.
        return C::Ret::from_value(Value::Null)
            .map(|value| Typed {
                value,
                unknown: Vec::new(),
            })
            .map_err(|e| decode_error(&value, e));
    };
    let (checked, unknown) = read_value(t, value.clone()).map_err(|e| decode_error(&value, e))?;
    let value_t = C::Ret::from_value(checked).map_err(|e| decode_error(&value, e))?;
    Ok(Typed {
        value: value_t,
        unknown,
    })
}
