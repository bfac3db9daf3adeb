use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure]
pub struct Info {
    pub a: i64,
}

#[qapi::command]
pub fn oops() -> qapi::Result<Option<Info>>;

fn main() {}
