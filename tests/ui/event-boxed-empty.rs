use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::event(boxed)]
pub struct Foo;

fn main() {}
