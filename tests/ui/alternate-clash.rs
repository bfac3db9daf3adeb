use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::alternate]
pub enum Alt1 {
    #[qapi(name = "a-b")]
    AB1(bool),
    #[qapi(name = "a_b")]
    AB2(i64),
}

fn main() {}
