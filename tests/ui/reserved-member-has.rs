use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::command]
pub fn oops(a: Option<String>, has_a: String) -> qapi::Result<()>;

fn main() {}
