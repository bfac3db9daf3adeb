use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::event(name = "oops")]
pub struct Oops;

fn main() {}
