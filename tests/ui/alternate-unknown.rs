use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::alternate]
pub enum Alt {
    Unknown(MissingType),
    I(i64),
}

fn main() {}
