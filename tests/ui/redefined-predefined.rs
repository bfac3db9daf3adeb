use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure]
pub struct QType {
    pub myint: u64,
}

fn main() {}
