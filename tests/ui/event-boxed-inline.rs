use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::event(boxed)]
pub struct Foo {
    pub string: String,
}

fn main() {}
