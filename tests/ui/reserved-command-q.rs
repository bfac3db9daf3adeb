use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::command]
pub fn unix() -> qapi::Result<()>;

#[qapi::command]
pub fn q_unix() -> qapi::Result<()>;

fn main() {}
