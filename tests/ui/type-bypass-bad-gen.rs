use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::command(gen = "whatever")]
pub fn foo() -> qapi::Result<()>;

fn main() {}
