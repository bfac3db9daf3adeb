use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure]
pub struct FooList {
    pub s: String,
}

fn main() {}
