use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::enumeration]
pub enum TestEnum {
    Value1,
    Value2,
}

#[qapi::structure]
pub struct TestTypeA {
    pub string: String,
}

#[qapi::structure]
pub struct TestTypeB {
    pub integer: i64,
}

#[qapi::enumeration]
pub enum Enum {
    Kind1,
    Kind2,
}

#[qapi::union]
pub struct UnionBase {
    #[qapi(discriminator)]
    pub r#type: UnionBaseBranches,
}

#[qapi::branches(tag = Enum)]
pub enum UnionBaseBranches {
    Kind1(TestTypeA),
    Kind2(TestTypeB),
}

#[qapi::union(base = UnionBase)]
pub struct TestUnion {
    #[qapi(discriminator)]
    pub r#type: TestBranches,
}

#[qapi::branches(tag = TestEnum)]
pub enum TestBranches {
    Value1(TestTypeA),
    Value2(TestTypeB),
}

fn main() {}
