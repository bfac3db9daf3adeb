use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure(features = [deprecated])]
pub struct Foo {}

fn main() {}
