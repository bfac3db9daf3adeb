use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::command(boxed)]
pub fn foo(string: String, other: i64) -> qapi::Result<()>;

fn main() {}
