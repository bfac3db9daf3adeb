use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::enumeration]
pub enum TestEnum {
    ValueA,
    ValueB,
}

#[qapi::enumeration]
pub enum TestEnumA {
    ValueA1,
    ValueA2,
}

#[qapi::structure]
pub struct TestTypeA1 {
    pub integer: i64,
}

#[qapi::structure]
pub struct TestTypeA2 {
    pub integer: i64,
}

#[qapi::union]
pub struct TestTypeA {
    #[qapi(discriminator)]
    pub r#type: TestBranchesA,
}

#[qapi::branches(tag = TestEnumA)]
pub enum TestBranchesA {
    ValueA1(TestTypeA1),
    ValueA2(TestTypeA2),
}

#[qapi::structure]
pub struct TestTypeB {
    pub integer: i64,
}

#[qapi::union]
pub struct TestUnion {
    #[qapi(discriminator)]
    pub r#type: TestBranches,
}

#[qapi::branches(tag = TestEnum)]
pub enum TestBranches {
    ValueA(TestTypeA),
    ValueB(TestTypeB),
}

fn main() {}
