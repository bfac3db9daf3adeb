use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::enumeration]
pub enum Enum {
    A,
    B,
}

#[qapi::structure]
pub struct Int {
    pub data: i64,
}

#[qapi::structure]
pub struct Str {
    pub data: String,
}

#[qapi::union]
pub struct Union {
    #[qapi(discriminator)]
    pub r#type: UnionBranches,
}

#[qapi::branches(tag = Enum)]
pub enum UnionBranches {
    A(Int),
    B(Str),
}

#[qapi::structure]
pub struct MyType {
    #[qapi(base)]
    pub base: Union,
    pub c: i64,
}

fn main() {}
