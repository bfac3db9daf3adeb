use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::alternate]
pub enum Alt {
    One(qapi::Value),
    Two(i64),
}

fn main() {}
