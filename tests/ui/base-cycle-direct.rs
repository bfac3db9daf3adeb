use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::structure]
pub struct Loopy {
    #[qapi(base)]
    pub base: Loopy,
}

fn main() {}
