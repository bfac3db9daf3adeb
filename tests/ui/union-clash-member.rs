use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::enumeration]
pub enum TestEnum {
    Value1,
    Value2,
}

#[qapi::structure]
pub struct Base {
    pub enum1: TestEnum,
    pub name: Option<String>,
}

#[qapi::structure]
pub struct Branch1 {
    pub name: String,
}

#[qapi::structure]
pub struct Branch2 {
    pub value: i64,
}

#[qapi::union(base = Base)]
pub struct TestUnion {
    #[qapi(discriminator)]
    pub enum1: TestBranches,
    pub name: Option<String>,
}

#[qapi::branches(tag = TestEnum)]
pub enum TestBranches {
    Value1(Branch1),
    Value2(Branch2),
}

fn main() {}
