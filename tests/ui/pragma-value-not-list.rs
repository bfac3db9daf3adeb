use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::structure(pragma = false)]
pub struct Foo {
    pub a: i64,
}

fn main() {}
