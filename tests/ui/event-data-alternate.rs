use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::alternate]
pub enum Alt {
    A(i64),
    B(bool),
}

#[qapi::event]
pub struct Foo(pub Alt);

fn main() {}
