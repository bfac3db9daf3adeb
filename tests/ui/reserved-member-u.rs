use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::structure]
pub struct Oops {
    pub u: Option<String>,
}

fn main() {}
