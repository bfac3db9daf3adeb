use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::command]
pub fn oops() -> i64;

fn main() {}
