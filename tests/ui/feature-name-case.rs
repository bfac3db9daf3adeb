use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::command(features = ["Bad_Name"])]
pub fn foo() -> qapi::Result<()>;

fn main() {}
