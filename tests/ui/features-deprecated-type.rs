use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::structure(features = [deprecated])]
pub struct Foo {}

fn main() {}
