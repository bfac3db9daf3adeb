use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::command(allow_preconfig = "some-string")]
pub fn allow_preconfig_test() -> qapi::Result<()>;

fn main() {}
