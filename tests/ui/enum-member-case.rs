use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::enumeration(pragma(member_name_exception))]
pub enum UuidInfo {
    #[qapi(name = "Value")]
    Value,
}

#[qapi::enumeration]
pub enum NoWayThisWillGetWhitelisted {
    #[qapi(name = "Value")]
    Value,
}

fn main() {}
