use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::structure(if = all)]
pub struct TestIfStruct {
    pub foo: i64,
}

fn main() {}
