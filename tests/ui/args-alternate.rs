use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::alternate]
pub enum Alt {
    Case1(i64),
    Case2(bool),
}

#[qapi::command(data)]
pub fn oops(arg: Alt) -> qapi::Result<()>;

fn main() {}
