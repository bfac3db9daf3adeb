//! `machine-target.json`: the part of `query-cpu-model-expansion` that
//! needs no CPU model database.
//!
//! On the x86 targets QEMU first looks the model up, then applies
//! `model.props`, which must be a dictionary.  The models every x86 build
//! has by code, not by table, are `max` and `base`; for them the props
//! check is exact.  Anything further (the expansion itself) is not
//! modelled.

use qapi_defs::query_cpu_model_expansion;
use qapi_runtime::{Error, Handlers, Value};

use crate::machine::NoneMachine;

pub fn register(h: &mut Handlers<NoneMachine>) {
    h.add::<query_cpu_model_expansion>(|m, args| {
        let x86 = m.config.defined().any(|s| s == "TARGET_I386");
        let builtin_model = matches!(args.model.name.as_str(), "max" | "base");
        if x86
            && builtin_model
            && args
                .model
                .props
                .as_ref()
                .is_some_and(|p| !matches!(p, Value::Dict(_)))
        {
            return Err(Error::generic(
                "Invalid parameter type for 'model.props', expected: object",
            ));
        }
        Err(Error::generic(
            "The command query-cpu-model-expansion is not implemented by this emulator",
        ))
    });
}
