use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::structure(name = "Foo", name = "Bar")]
pub struct Foo {
    pub string: String,
}

fn main() {}
