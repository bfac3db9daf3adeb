use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::alternate]
pub enum Alt {
    A(i64),
    B(bool),
}

#[qapi::command]
pub fn oops() -> qapi::Result<Alt>;

fn main() {}
