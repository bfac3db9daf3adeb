use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::structure]
pub struct Foo {
    pub a: std::fs::File,
}

fn main() {}
