//! The QAPI module `compat.json`.

use crate::prelude::*;

qapi::module!("compat");

#[qapi::enumeration]
pub enum CompatPolicyInput {
    Accept,
    Reject,
    Crash,
}

#[qapi::enumeration]
pub enum CompatPolicyOutput {
    Accept,
    Hide,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct CompatPolicy {
    pub deprecated_input: Option<CompatPolicyInput>,
    pub deprecated_output: Option<CompatPolicyOutput>,
    pub unstable_input: Option<CompatPolicyInput>,
    pub unstable_output: Option<CompatPolicyOutput>,
}
