use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::enumeration]
pub enum MyEnum {
    Value(String),
}

fn main() {}
