use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::command(data)]
pub fn oops(arg: i64) -> qapi::Result<()>;

fn main() {}
