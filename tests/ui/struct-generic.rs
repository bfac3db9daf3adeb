use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure]
pub struct Foo<T> {
    pub a: T,
}

fn main() {}
