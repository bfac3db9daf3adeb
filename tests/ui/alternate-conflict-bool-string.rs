use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::alternate]
pub enum Alt {
    One(bool),
    Two(String),
}

fn main() {}
