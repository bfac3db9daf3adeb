use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure]
pub struct Foo {
    pub matrix: Vec<Vec<i64>>,
}

fn main() {}
