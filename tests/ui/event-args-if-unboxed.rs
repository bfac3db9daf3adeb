use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::event]
pub struct TestIfEvent {
    pub foo: i64,
    #[qapi(if = TEST_IF_CMD_ARG)]
    pub bar: Option<String>,
}

fn main() {}
