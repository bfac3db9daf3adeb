use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::enumeration]
pub enum Empty {}

#[qapi::union]
pub struct Union {
    #[qapi(discriminator)]
    pub r#type: UnionBranches,
}

#[qapi::branches(tag = Empty)]
pub enum UnionBranches {}

fn main() {}
