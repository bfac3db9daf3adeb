use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure]
pub struct Base {
    pub name: String,
}

#[qapi::structure]
pub struct Sub {
    pub value: i64,
    #[qapi(base)]
    pub base: Base,
}

fn main() {}
