use qapi_runtime as qapi;

qapi::module!("ui");

// One mistake (an unknown key) in a struct that other definitions use:
// reported once, where it is, not again where the struct is used as a
// command's data, a base, a union branch or an alternate branch.
#[qapi::structure(bogus = "x")]
pub struct Args {
    pub name: String,
}

#[qapi::command(boxed)]
pub fn use_as_data(args: Args) -> qapi::Result<()>;

#[qapi::structure]
pub struct Sub {
    #[qapi(base)]
    pub base: Args,
    pub other: String,
}

#[qapi::alternate]
pub enum Alt {
    Args(Args),
    Num(i64),
}

fn main() {}
