use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::command(allow_preconfig = "some-string")]
pub fn allow_preconfig_test() -> qapi::Result<()>;

fn main() {}
