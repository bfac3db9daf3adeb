use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure(features = [f(if = false)])]
pub struct Stru {}

fn main() {}
