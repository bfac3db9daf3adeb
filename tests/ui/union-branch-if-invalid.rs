use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::enumeration]
pub enum Branches {
    Branch1,
}

#[qapi::structure]
pub struct Stru {
    pub member: String,
}

#[qapi::union]
pub struct Uni {
    #[qapi(discriminator)]
    pub tag: UniBranches,
}

#[qapi::branches(tag = Branches)]
pub enum UniBranches {
    #[qapi(if = all(""))]
    Branch1(Stru),
}

fn main() {}
