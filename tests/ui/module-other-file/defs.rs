use super::QAPI_MODULE;
use super::qapi;

#[qapi::structure]
pub struct Elsewhere {
    pub x: i64,
}
