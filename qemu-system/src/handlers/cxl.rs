//! `cxl.json`: injecting errors and events into a CXL type 3 device, of
//! which an empty machine has none (`hw/mem/cxl_type3.c`, or its stubs
//! where the target has no CXL).

use qapi_defs::{
    CxlExtentRemovalPolicy, CxlExtentSelectionPolicy, cxl_add_dynamic_capacity,
    cxl_inject_correctable_error, cxl_inject_dram_event, cxl_inject_general_media_event,
    cxl_inject_memory_module_event, cxl_inject_poison, cxl_inject_uncorrectable_errors,
    cxl_release_dynamic_capacity,
};
use qapi_runtime::{Error, Handlers};

use crate::machine::NoneMachine;

const STUB: &str = "CXL Type 3 support is not compiled in";

/// `object_resolve_path` then the type check: found objects are never
/// CXL devices.
fn type3(m: &NoneMachine, path: &str) -> Error {
    if !m.target().cxl {
        return Error::generic(STUB);
    }
    match m.qom.resolve(path) {
        Ok(Some(_)) => Error::generic("Path does not point to a CXL type 3 device"),
        _ => Error::generic("Unable to resolve path"),
    }
}

fn event(m: &NoneMachine, path: &str) -> Result<(), Error> {
    if !m.target().cxl {
        return Ok(());
    }
    Err(type3(m, path))
}

pub fn register(h: &mut Handlers<NoneMachine>) {
    // The event stubs accept anything silently.
    h.add::<cxl_inject_general_media_event>(|m, a| event(m, &a.path));
    h.add::<cxl_inject_dram_event>(|m, a| event(m, &a.path));
    h.add::<cxl_inject_memory_module_event>(|m, a| event(m, &a.path));
    h.add::<cxl_inject_uncorrectable_errors>(|m, a| Err(type3(m, &a.path)));
    h.add::<cxl_inject_correctable_error>(|m, a| Err(type3(m, &a.path)));
    // Length, then alignment, then the device.
    h.add::<cxl_inject_poison>(|m, a| {
        if !m.target().cxl {
            return Err(Error::generic(STUB));
        }
        if a.length % 64 != 0 {
            return Err(Error::generic(
                "Poison injection must be in multiples of 64 bytes",
            ));
        }
        if a.start % 64 != 0 {
            return Err(Error::generic(
                "Poison start address must be 64 byte aligned",
            ));
        }
        Err(type3(m, &a.path))
    });
    // Only the prescriptive policy is supported; it looks the path up as
    // a type 3 device.
    h.add::<cxl_add_dynamic_capacity>(|m, a| {
        if !m.target().cxl {
            return Err(Error::generic(STUB));
        }
        if a.selection_policy != CxlExtentSelectionPolicy::Prescriptive {
            return Err(Error::generic("Selection policy not supported"));
        }
        Err(Error::generic("Unable to resolve CXL type 3 device"))
    });
    h.add::<cxl_release_dynamic_capacity>(|m, a| {
        if !m.target().cxl {
            return Err(Error::generic(STUB));
        }
        if a.removal_policy != CxlExtentRemovalPolicy::Prescriptive {
            return Err(Error::generic("Removal policy not supported"));
        }
        Err(Error::generic("Unable to resolve CXL type 3 device"))
    });
}
