use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::enumeration]
pub enum TestEnum {
    Value1,
}

#[qapi::structure]
pub struct TestTypeA {
    pub string: String,
}

#[qapi::structure]
pub struct Base {
    pub enum1: TestEnum,
    pub kind: String,
}

#[qapi::union(base = Base)]
pub struct TestUnion {
    #[qapi(discriminator)]
    pub enum1: TestBranches,
}

#[qapi::branches(tag = TestEnum)]
pub enum TestBranches {
    Value1(TestTypeA),
}

fn main() {}
