use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::alternate]
pub enum Alt1 {
    Name(bool),
    Value(i64),
}

#[qapi::alternate]
pub enum Alt2 {
    Nested(Alt1),
    B(bool),
}

fn main() {}
