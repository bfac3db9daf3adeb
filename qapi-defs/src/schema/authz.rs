//! The QAPI module `authz.json`.

use crate::prelude::*;

qapi::module!("authz");

#[qapi::enumeration(prefix = "QAUTHZ_LIST_POLICY")]
pub enum QAuthZListPolicy {
    Deny,
    Allow,
}

#[qapi::enumeration(prefix = "QAUTHZ_LIST_FORMAT")]
pub enum QAuthZListFormat {
    Exact,
    Glob,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct QAuthZListRule {
    pub r#match: String,
    pub policy: QAuthZListPolicy,
    pub format: Option<QAuthZListFormat>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AuthZListProperties {
    pub policy: Option<QAuthZListPolicy>,
    pub rules: Option<Vec<QAuthZListRule>>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AuthZListFileProperties {
    pub filename: String,
    pub refresh: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AuthZPAMProperties {
    pub service: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AuthZSimpleProperties {
    pub identity: String,
}
