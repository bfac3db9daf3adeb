use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::command]
pub fn no_way_this_will_get_whitelisted(#[qapi(name = "Arg")] arg: i64) -> qapi::Result<()>;

fn main() {}
