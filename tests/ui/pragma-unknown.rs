use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::command(pragma(no_such_pragma))]
pub fn foo() -> qapi::Result<()>;

fn main() {}
