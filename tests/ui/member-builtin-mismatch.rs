use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure]
pub struct Foo {
    #[qapi(builtin = size)]
    pub a: i64,
}

fn main() {}
