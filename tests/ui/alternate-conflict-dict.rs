use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure]
pub struct One {
    pub name: String,
}

#[qapi::structure]
pub struct Two {
    pub value: i64,
}

#[qapi::alternate]
pub enum Alt {
    One(One),
    Two(Two),
}

fn main() {}
