use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::command]
pub fn no_way_this_will_get_whitelisted(#[qapi(name = "Arg")] arg: i64) -> qapi::Result<()>;

fn main() {}
