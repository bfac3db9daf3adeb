use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure]
pub struct Stru1 {}

#[qapi::structure]
pub struct Stru2(Stru1);

fn main() {}
