use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::structure(features = [f(if = false)])]
pub struct Stru {}

fn main() {}
