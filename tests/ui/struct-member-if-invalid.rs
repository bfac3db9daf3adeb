use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure]
pub struct Stru {
    #[qapi(if = true)]
    pub member: i64,
}

fn main() {}
