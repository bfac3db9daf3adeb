use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure(name = true)]
pub struct Foo {
    pub string: String,
}

fn main() {}
