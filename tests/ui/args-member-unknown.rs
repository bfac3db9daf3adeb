use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::command]
pub fn oops(member: NoSuchType) -> qapi::Result<()>;

fn main() {}
