use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::alternate]
pub enum Alt {
    One(Option<i64>),
    Two(bool),
}

fn main() {}
