use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::command]
pub fn unix() -> qapi::Result<()>;

#[qapi::command]
pub fn q_unix() -> qapi::Result<()>;

fn main() {}
