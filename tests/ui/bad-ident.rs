use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure(name = "*oops")]
pub struct Oops {
    pub i: i64,
}

fn main() {}
