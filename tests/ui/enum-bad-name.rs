use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::enumeration]
pub enum MyEnum {
    #[qapi(name = "not\\possible")]
    NotPossible,
}

fn main() {}
