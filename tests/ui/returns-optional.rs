use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::structure]
pub struct Info {
    pub a: i64,
}

#[qapi::command]
pub fn oops() -> qapi::Result<Option<Info>>;

fn main() {}
