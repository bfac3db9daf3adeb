use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::alternate]
pub enum Alt {
    One(f64),
    Two(String),
}

fn main() {}
