use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::alternate]
pub enum Alt {
    Unknown(MissingType),
    I(i64),
}

fn main() {}
