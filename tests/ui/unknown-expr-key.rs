use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure(bogus, phony = "x")]
pub struct Bar {
    pub string: String,
}

fn main() {}
