use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::command]
pub fn int(character: String) -> qapi::Result<()>;

fn main() {}
