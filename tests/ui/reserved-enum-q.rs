use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::enumeration]
pub enum Foo {
    Unix,
    #[qapi(name = "q-Unix")]
    QUnix,
}

fn main() {}
