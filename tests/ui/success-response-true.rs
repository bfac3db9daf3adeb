use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::command(success_response = true)]
pub fn foo() -> qapi::Result<()>;

fn main() {}
