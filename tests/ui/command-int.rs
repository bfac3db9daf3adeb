use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::command]
pub fn int(character: String) -> qapi::Result<()>;

fn main() {}
