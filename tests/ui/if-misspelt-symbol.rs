use qapi_runtime as qapi;
use qapi_defs::sym;
qapi::module!("ui");

#[qapi::structure(if = any(TARGET_ARM, all(TARGT_S390X, CONFIG_KVM)))]
pub struct TestIfStruct {
    pub foo: i64,
}

fn main() {}
