use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::structure(features = [["a feature cannot be an array"]])]
pub struct FeatureStruct0 {
    pub foo: i64,
}

fn main() {}
