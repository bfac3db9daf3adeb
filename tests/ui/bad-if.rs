use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure(if = [TEST_IF_STRUCT])]
pub struct TestIfStruct {
    pub foo: i64,
}

fn main() {}
