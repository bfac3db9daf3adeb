use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure]
pub struct Foo {
    #[qapi(optional)]
    pub string: String,
}

fn main() {}
