use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::structure]
pub struct FooList {
    pub s: String,
}

fn main() {}
