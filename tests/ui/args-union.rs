use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::enumeration]
pub enum Enum {
    Case1,
    Case2,
}

#[qapi::structure]
pub struct Case1 {
    pub data: i64,
}

#[qapi::structure]
pub struct Case2 {
    pub data: String,
}

#[qapi::union]
pub struct Uni {
    #[qapi(discriminator)]
    pub r#type: UniBranches,
}

#[qapi::branches(tag = Enum)]
pub enum UniBranches {
    Case1(Case1),
    Case2(Case2),
}

#[qapi::command(data)]
pub fn oops(arg: Uni) -> qapi::Result<()>;

fn main() {}
