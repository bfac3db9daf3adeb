use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::command(gen = "whatever")]
pub fn foo() -> qapi::Result<()>;

fn main() {}
