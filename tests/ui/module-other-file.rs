use qapi_runtime as qapi;

qapi::module!("ui");

// A definition in another file than its module's `module!`.
#[path = "module-other-file/defs.rs"]
mod defs;

fn main() {}
