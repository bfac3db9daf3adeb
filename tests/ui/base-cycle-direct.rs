use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure]
pub struct Loopy {
    #[qapi(base)]
    pub base: Loopy,
}

fn main() {}
