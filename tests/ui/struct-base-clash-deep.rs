use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure]
pub struct Base {
    pub name: String,
}

#[qapi::structure]
pub struct Mid {
    #[qapi(base)]
    pub base: Base,
    pub value: i64,
}

#[qapi::structure]
pub struct Sub {
    #[qapi(base)]
    pub base: Mid,
    pub name: Option<String>,
}

fn main() {}
