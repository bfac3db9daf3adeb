use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure(name = "Foo", name = "Bar")]
pub struct Foo {
    pub string: String,
}

fn main() {}
