use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure(pragma(member_name_exception))]
pub struct Oops {
    pub a_b: String,
    #[qapi(name = "a_b")]
    pub a_b_again: String,
}

fn main() {}
