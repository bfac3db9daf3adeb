use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::event(boxed)]
pub struct Foo;

fn main() {}
