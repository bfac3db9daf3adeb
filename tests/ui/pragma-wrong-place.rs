use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure(pragma(command_name_exception))]
pub struct Foo {
    pub a: i64,
}

fn main() {}
