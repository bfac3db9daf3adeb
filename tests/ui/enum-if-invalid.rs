use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::enumeration]
pub enum TestIfEnum {
    Foo,
    #[qapi(if = val(FOO))]
    Bar,
}

fn main() {}
