use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::enumeration]
pub enum MyEnum {
    #[qapi(name = "not\\possible")]
    NotPossible,
}

fn main() {}
