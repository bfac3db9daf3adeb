use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::alternate]
pub enum Alt1 {
    #[qapi(name = "__org.qemu_branch")]
    One(bool),
    #[qapi(name = "__org-qemu_branch")]
    Two(i64),
}

fn main() {}
