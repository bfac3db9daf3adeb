use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure]
pub struct Args {
    pub a: i64,
}

#[qapi::command(boxed, data)]
pub fn foo(args: Args) -> qapi::Result<()>;

fn main() {}
