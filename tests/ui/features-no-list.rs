use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure(features = bar)]
pub struct FeatureStruct0 {
    pub foo: i64,
}

fn main() {}
