use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure]
pub struct Base {
    pub string: String,
}

#[qapi::alternate(base = Base)]
pub enum Alt {
    Number(i64),
}

fn main() {}
