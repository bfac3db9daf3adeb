use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure]
pub struct TestTypeA {
    pub string: String,
}

#[qapi::enumeration]
pub enum TestEnum {
    Value1,
}

#[qapi::union]
pub struct TestUnion {
    pub string: String,
}

fn main() {}
