use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::enumeration]
pub enum Enum {
    Aus,
    Off,
}

#[qapi::alternate]
pub enum Alt {
    One(Enum),
    Two(bool),
}

fn main() {}
