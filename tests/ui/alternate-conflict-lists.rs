use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::alternate]
pub enum Alt {
    One(Vec<i64>),
    Two(Vec<String>),
}

fn main() {}
