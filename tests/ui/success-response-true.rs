use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::command(success_response = true)]
pub fn foo() -> qapi::Result<()>;

fn main() {}
