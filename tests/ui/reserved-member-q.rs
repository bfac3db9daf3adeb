use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure]
pub struct Foo {
    pub unix: i64,
    pub q_unix: bool,
}

fn main() {}
