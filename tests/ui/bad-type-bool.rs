use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::structure(name = true)]
pub struct Foo {
    pub string: String,
}

fn main() {}
