use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::command(data)]
pub fn oops(arg: NoSuchType) -> qapi::Result<()>;

fn main() {}
