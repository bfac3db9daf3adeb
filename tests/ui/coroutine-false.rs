use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::command(coroutine = false)]
pub fn foo() -> qapi::Result<()>;

fn main() {}
