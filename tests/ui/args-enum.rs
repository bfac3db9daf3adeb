use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::enumeration]
pub enum Enum {
    A,
}

#[qapi::command(data)]
pub fn oops(arg: Enum) -> qapi::Result<()>;

fn main() {}
