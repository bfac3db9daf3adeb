use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure]
pub struct Oops {
    pub _oops: String,
}

fn main() {}
