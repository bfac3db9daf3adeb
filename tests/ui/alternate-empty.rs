use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::alternate]
pub enum Alt {}

fn main() {}
