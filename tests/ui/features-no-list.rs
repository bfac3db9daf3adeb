use qapi_runtime as qapi;

qapi::module!("ui", rank = 1);

#[qapi::structure(features = bar)]
pub struct FeatureStruct0 {
    pub foo: i64,
}

fn main() {}
