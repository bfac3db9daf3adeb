use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::enumeration]
pub enum MyEnum {
    One = 1,
}

fn main() {}
