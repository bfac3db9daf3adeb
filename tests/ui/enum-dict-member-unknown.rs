use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::enumeration]
pub enum MyEnum {
    #[qapi(bad_key = "str")]
    Foo,
}

fn main() {}
