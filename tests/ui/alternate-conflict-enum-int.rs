use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::enumeration]
pub enum Enum {
    #[qapi(name = "1")]
    One,
    #[qapi(name = "2")]
    Two,
    #[qapi(name = "3")]
    Three,
}

#[qapi::alternate]
pub enum Alt {
    One(Enum),
    Two(i64),
}

fn main() {}
