use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

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
