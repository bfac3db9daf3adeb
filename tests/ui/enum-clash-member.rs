use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::enumeration(pragma(member_name_exception))]
pub enum MyEnum {
    #[qapi(name = "one-two")]
    OneTwo,
    #[qapi(name = "one_two")]
    OneTwoAgain,
}

fn main() {}
