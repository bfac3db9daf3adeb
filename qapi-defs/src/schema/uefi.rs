//! The QAPI module `uefi.json`.

use crate::prelude::*;

qapi::module!("uefi");

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct UefiVariable {
    pub guid: String,
    pub name: String,
    pub attr: i64,
    pub data: String,
    pub time: Option<String>,
    pub digest: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct UefiVarStore {
    pub version: i64,
    pub variables: Vec<UefiVariable>,
}
