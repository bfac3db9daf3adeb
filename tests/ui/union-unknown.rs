use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::enumeration]
pub enum Enum {
    Unknown,
}

#[qapi::union]
pub struct Union {
    #[qapi(discriminator)]
    pub r#type: UnionBranches,
}

#[qapi::branches(tag = Enum)]
pub enum UnionBranches {
    Unknown(MissingType),
}

fn main() {}
