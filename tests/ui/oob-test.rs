use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::command(allow_oob = "some-string")]
pub fn oob_command_1() -> qapi::Result<()>;

fn main() {}
