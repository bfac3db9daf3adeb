use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::command]
pub fn block_resize_now(size: i64) -> qapi::Result<()>;

#[qapi::command(name = "block_resize")]
pub fn block_resize(size: i64) -> qapi::Result<()>;

fn main() {}
