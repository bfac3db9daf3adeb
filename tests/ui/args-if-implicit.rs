use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::command]
pub fn test_if_cmd(foo: i64, #[qapi(if = TEST_IF_CMD_ARG)] bar: Option<String>)
-> qapi::Result<()>;

fn main() {}
