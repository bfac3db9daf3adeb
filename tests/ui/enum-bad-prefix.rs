use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::enumeration(prefix = Fish)]
pub enum MyEnum {
    One,
}

fn main() {}
