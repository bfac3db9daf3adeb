use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::command]
pub fn oops(a: Option<String>, has_a: String) -> qapi::Result<()>;

fn main() {}
