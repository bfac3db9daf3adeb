use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::command]
pub fn oops() -> qapi::Result<NoSuchType>;

fn main() {}
