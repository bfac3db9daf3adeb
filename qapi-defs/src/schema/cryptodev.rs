//! The QAPI module `cryptodev.json`.

use crate::prelude::*;

qapi::module!("cryptodev");

#[qapi::enumeration]
pub enum QCryptodevBackendAlgoType {
    Sym,
    Asym,
}

#[qapi::enumeration]
pub enum QCryptodevBackendServiceType {
    Cipher,
    Hash,
    Mac,
    Aead,
    Akcipher,
}

#[qapi::enumeration]
pub enum QCryptodevBackendType {
    Builtin,
    VhostUser,
    Lkcf,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct QCryptodevBackendClient {
    pub queue: u32,
    pub r#type: QCryptodevBackendType,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct QCryptodevInfo {
    pub id: String,
    pub service: Vec<QCryptodevBackendServiceType>,
    pub client: Vec<QCryptodevBackendClient>,
}

#[qapi::command]
pub fn query_cryptodev() -> Result<Vec<QCryptodevInfo>>;
