use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::command(boxed)]
pub fn foo(string: String, other: i64) -> qapi::Result<()>;

fn main() {}
