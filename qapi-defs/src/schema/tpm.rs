//! The QAPI module `tpm.json`.

use crate::prelude::*;

qapi::module!("tpm");

#[qapi::enumeration(if = CONFIG_TPM)]
pub enum TpmModel {
    TpmTis,
    TpmCrb,
    TpmSpapr,
}

#[qapi::command(if = CONFIG_TPM, pragma(command_returns_exception))]
pub fn query_tpm_models() -> Result<Vec<TpmModel>>;

#[qapi::enumeration(if = CONFIG_TPM)]
pub enum TpmType {
    Passthrough,
    Emulator,
}

#[qapi::command(if = CONFIG_TPM, pragma(command_returns_exception))]
pub fn query_tpm_types() -> Result<Vec<TpmType>>;

#[qapi::structure(if = CONFIG_TPM)]
#[derive(Debug, Clone, PartialEq)]
pub struct TPMPassthroughOptions {
    pub path: Option<String>,
    pub cancel_path: Option<String>,
}

#[qapi::structure(if = CONFIG_TPM)]
#[derive(Debug, Clone, PartialEq)]
pub struct TPMEmulatorOptions {
    pub chardev: String,
}

#[qapi::structure(if = CONFIG_TPM)]
#[derive(Debug, Clone, PartialEq)]
pub struct TPMPassthroughOptionsWrapper {
    pub data: TPMPassthroughOptions,
}

#[qapi::structure(if = CONFIG_TPM)]
#[derive(Debug, Clone, PartialEq)]
pub struct TPMEmulatorOptionsWrapper {
    pub data: TPMEmulatorOptions,
}

#[qapi::union(if = CONFIG_TPM)]
#[derive(Debug, Clone, PartialEq)]
pub struct TpmTypeOptions {
    #[qapi(discriminator)]
    pub r#type: TpmTypeOptionsBranch,
}

#[qapi::branches(tag = TpmType)]
#[derive(Debug, Clone, PartialEq)]
pub enum TpmTypeOptionsBranch {
    Passthrough(TPMPassthroughOptionsWrapper),
    Emulator(TPMEmulatorOptionsWrapper),
}

#[qapi::structure(if = CONFIG_TPM)]
#[derive(Debug, Clone, PartialEq)]
pub struct TPMInfo {
    pub id: String,
    pub model: TpmModel,
    pub options: TpmTypeOptions,
}

#[qapi::command(if = CONFIG_TPM)]
pub fn query_tpm() -> Result<Vec<TPMInfo>>;
