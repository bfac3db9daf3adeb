use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::alternate]
pub enum Alt {
    One(qapi::Value),
    Two(i64),
}

fn main() {}
