use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::command(boxed)]
pub fn foo() -> qapi::Result<()>;

fn main() {}
