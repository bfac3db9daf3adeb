use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::command]
pub fn oops(member: NoSuchType) -> qapi::Result<()>;

fn main() {}
