use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::alternate]
pub enum Alt {
    A(i64),
    B(bool),
}

#[qapi::event]
pub struct Foo(pub Alt);

fn main() {}
