use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::structure]
#[qapi::enumeration]
pub struct Bar {
    pub string: String,
}

fn main() {}
