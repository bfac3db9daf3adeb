use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::alternate]
pub enum Alt {
    #[qapi(if = " ")]
    Branch(i64),
}

fn main() {}
