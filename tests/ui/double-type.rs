use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure]
#[qapi::enumeration]
pub struct Bar {
    pub string: String,
}

fn main() {}
