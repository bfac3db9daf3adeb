use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::command(boxed = false)]
pub fn foo() -> qapi::Result<()>;

fn main() {}
