use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::enumeration]
pub enum MyEnum {
    One = 1,
}

fn main() {}
