use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure]
pub struct Foo {
    #[qapi(name = "under_score")]
    pub under_score: i64,
}

fn main() {}
