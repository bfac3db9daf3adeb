use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::command]
pub fn test_if_cmd(foo: i64, #[qapi(if = TEST_IF_CMD_ARG)] bar: Option<String>)
-> qapi::Result<()>;

fn main() {}
