use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::structure]
pub struct QType {
    pub myint: u64,
}

fn main() {}
