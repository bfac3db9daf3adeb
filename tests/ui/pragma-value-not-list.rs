use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure(pragma = false)]
pub struct Foo {
    pub a: i64,
}

fn main() {}
