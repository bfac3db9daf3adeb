use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::structure(name = "not-a-camel")]
pub struct NotACamel {}

fn main() {}
