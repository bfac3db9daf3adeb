use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure(name = "not-a-camel")]
pub struct NotACamel {}

fn main() {}
