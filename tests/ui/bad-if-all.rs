use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure(if = all)]
pub struct TestIfStruct {
    pub foo: i64,
}

fn main() {}
