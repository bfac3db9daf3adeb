use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure]
pub struct Foo {
    pub a: i64,
}

#[qapi::command(data)]
pub fn oops(arg: Vec<Foo>) -> qapi::Result<()>;

fn main() {}
