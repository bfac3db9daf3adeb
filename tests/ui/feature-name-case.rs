use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::command(features = ["Bad_Name"])]
pub fn foo() -> qapi::Result<()>;

fn main() {}
