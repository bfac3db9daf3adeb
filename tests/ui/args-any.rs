use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::command(data)]
pub fn oops(arg: qapi::Value) -> qapi::Result<()>;

fn main() {}
