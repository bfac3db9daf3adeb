use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure]
pub struct Base {
    pub name: String,
}

#[qapi::structure]
pub struct Sub {
    #[qapi(base)]
    pub base: Base,
    pub name: String,
}

fn main() {}
