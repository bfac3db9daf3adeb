use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::enumeration]
pub enum Foo {
    Unix,
    #[qapi(name = "q-Unix")]
    QUnix,
}

fn main() {}
