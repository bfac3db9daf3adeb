use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::alternate]
pub enum Alt {
    One(f64),
    Two(String),
}

fn main() {}
