use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::enumeration]
pub enum TestEnum {
    Animals,
    Plants,
}

#[qapi::enumeration]
pub enum TestAnimals {
    Fish,
    Birds,
}

#[qapi::structure]
pub struct TestTypeFish {
    pub scales: i64,
    pub teeth: i64,
}

#[qapi::structure]
pub struct TestTypeBirds {
    pub feathers: i64,
}

#[qapi::union]
pub struct TestTypeAnimals {
    #[qapi(discriminator)]
    pub atype: TestAnimalsBranches,
}

#[qapi::branches(tag = TestAnimals)]
pub enum TestAnimalsBranches {
    Fish(TestTypeFish),
    Birds(TestTypeBirds),
}

#[qapi::structure]
pub struct TestTypePlants {
    pub integer: i64,
}

#[qapi::union]
pub struct TestUnion {
    #[qapi(discriminator)]
    pub r#type: TestBranches,
    pub teeth: i64,
}

#[qapi::branches(tag = TestEnum)]
pub enum TestBranches {
    Animals(TestTypeAnimals),
    Plants(TestTypePlants),
}

fn main() {}
