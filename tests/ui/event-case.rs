use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::event(name = "oops")]
pub struct Oops;

fn main() {}
