use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::command(data)]
pub fn oops(arg: qapi::Value) -> qapi::Result<()>;

fn main() {}
