use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure]
pub struct Foo {
    pub a: std::fs::File,
}

fn main() {}
