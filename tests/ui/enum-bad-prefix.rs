use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::enumeration(prefix = Fish)]
pub enum MyEnum {
    One,
}

fn main() {}
