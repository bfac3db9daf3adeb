//! The QAPI module `crypto.json`.

use crate::prelude::*;

qapi::module!("crypto");

#[qapi::enumeration]
pub enum QCryptoTLSCredsEndpoint {
    Client,
    Server,
}

#[qapi::enumeration]
pub enum QCryptoSecretFormat {
    Raw,
    Base64,
}

#[qapi::enumeration]
pub enum QCryptoHashAlgo {
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
    Ripemd160,
    Sm3,
}

#[qapi::enumeration]
pub enum QCryptoCipherAlgo {
    #[qapi(name = "aes-128")]
    Aes128,
    #[qapi(name = "aes-192")]
    Aes192,
    #[qapi(name = "aes-256")]
    Aes256,
    Des,
    #[qapi(name = "3des")]
    V3des,
    #[qapi(name = "cast5-128")]
    Cast5128,
    #[qapi(name = "serpent-128")]
    Serpent128,
    #[qapi(name = "serpent-192")]
    Serpent192,
    #[qapi(name = "serpent-256")]
    Serpent256,
    #[qapi(name = "twofish-128")]
    Twofish128,
    #[qapi(name = "twofish-192")]
    Twofish192,
    #[qapi(name = "twofish-256")]
    Twofish256,
    Sm4,
}

#[qapi::enumeration]
pub enum QCryptoCipherMode {
    Ecb,
    Cbc,
    Xts,
    Ctr,
}

#[qapi::enumeration]
pub enum QCryptoIVGenAlgo {
    Plain,
    Plain64,
    Essiv,
}

#[qapi::enumeration]
pub enum QCryptoBlockFormat {
    Qcow,
    Luks,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct QCryptoBlockOptionsBase {
    pub format: QCryptoBlockFormat,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct QCryptoBlockOptionsQCow {
    pub key_secret: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct QCryptoBlockOptionsLUKS {
    pub key_secret: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct QCryptoBlockCreateOptionsLUKS {
    #[qapi(base)]
    pub base: QCryptoBlockOptionsLUKS,
    pub cipher_alg: Option<QCryptoCipherAlgo>,
    pub cipher_mode: Option<QCryptoCipherMode>,
    pub ivgen_alg: Option<QCryptoIVGenAlgo>,
    pub ivgen_hash_alg: Option<QCryptoHashAlgo>,
    pub hash_alg: Option<QCryptoHashAlgo>,
    pub iter_time: Option<i64>,
}

#[qapi::union(base = QCryptoBlockOptionsBase)]
#[derive(Debug, Clone, PartialEq)]
pub struct QCryptoBlockOpenOptions {
    #[qapi(discriminator)]
    pub format: QCryptoBlockOpenOptionsBranch,
}

#[qapi::branches(tag = QCryptoBlockFormat)]
#[derive(Debug, Clone, PartialEq)]
pub enum QCryptoBlockOpenOptionsBranch {
    Qcow(QCryptoBlockOptionsQCow),
    Luks(QCryptoBlockOptionsLUKS),
}

#[qapi::union(base = QCryptoBlockOptionsBase)]
#[derive(Debug, Clone, PartialEq)]
pub struct QCryptoBlockCreateOptions {
    #[qapi(discriminator)]
    pub format: QCryptoBlockCreateOptionsBranch,
}

#[qapi::branches(tag = QCryptoBlockFormat)]
#[derive(Debug, Clone, PartialEq)]
pub enum QCryptoBlockCreateOptionsBranch {
    Qcow(QCryptoBlockOptionsQCow),
    Luks(QCryptoBlockCreateOptionsLUKS),
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct QCryptoBlockInfoBase {
    pub format: QCryptoBlockFormat,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct QCryptoBlockInfoLUKSSlot {
    pub active: bool,
    pub iters: Option<i64>,
    pub stripes: Option<i64>,
    pub key_offset: i64,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct QCryptoBlockInfoLUKS {
    pub cipher_alg: QCryptoCipherAlgo,
    pub cipher_mode: QCryptoCipherMode,
    pub ivgen_alg: QCryptoIVGenAlgo,
    pub ivgen_hash_alg: Option<QCryptoHashAlgo>,
    pub hash_alg: QCryptoHashAlgo,
    pub detached_header: bool,
    pub payload_offset: i64,
    pub master_key_iters: i64,
    pub uuid: String,
    pub slots: Vec<QCryptoBlockInfoLUKSSlot>,
}

#[qapi::union(base = QCryptoBlockInfoBase)]
#[derive(Debug, Clone, PartialEq)]
pub struct QCryptoBlockInfo {
    #[qapi(discriminator)]
    pub format: QCryptoBlockInfoBranch,
}

#[qapi::branches(tag = QCryptoBlockFormat)]
#[derive(Debug, Clone, PartialEq)]
pub enum QCryptoBlockInfoBranch {
    Luks(QCryptoBlockInfoLUKS),
    Qcow,
}

#[qapi::enumeration]
pub enum QCryptoBlockLUKSKeyslotState {
    Active,
    Inactive,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct QCryptoBlockAmendOptionsLUKS {
    pub state: QCryptoBlockLUKSKeyslotState,
    pub new_secret: Option<String>,
    pub old_secret: Option<String>,
    pub keyslot: Option<i64>,
    pub iter_time: Option<i64>,
    pub secret: Option<String>,
}

#[qapi::union(base = QCryptoBlockOptionsBase)]
#[derive(Debug, Clone, PartialEq)]
pub struct QCryptoBlockAmendOptions {
    #[qapi(discriminator)]
    pub format: QCryptoBlockAmendOptionsBranch,
}

#[qapi::branches(tag = QCryptoBlockFormat)]
#[derive(Debug, Clone, PartialEq)]
pub enum QCryptoBlockAmendOptionsBranch {
    Luks(QCryptoBlockAmendOptionsLUKS),
    Qcow,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SecretCommonProperties {
    pub format: Option<QCryptoSecretFormat>,
    pub keyid: Option<String>,
    pub iv: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SecretProperties {
    #[qapi(base)]
    pub base: SecretCommonProperties,
    pub data: Option<String>,
    pub file: Option<String>,
}

#[qapi::structure(if = CONFIG_SECRET_KEYRING)]
#[derive(Debug, Clone, PartialEq)]
pub struct SecretKeyringProperties {
    #[qapi(base)]
    pub base: SecretCommonProperties,
    pub serial: i32,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct TlsCredsProperties {
    pub verify_peer: Option<bool>,
    pub dir: Option<String>,
    pub endpoint: Option<QCryptoTLSCredsEndpoint>,
    pub priority: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct TlsCredsAnonProperties {
    #[qapi(base)]
    pub base: TlsCredsProperties,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct TlsCredsPskProperties {
    #[qapi(base)]
    pub base: TlsCredsProperties,
    pub username: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct TlsCredsX509Properties {
    #[qapi(base)]
    pub base: TlsCredsProperties,
    pub sanity_check: Option<bool>,
    pub passwordid: Option<String>,
}

#[qapi::enumeration]
pub enum QCryptoAkCipherAlgo {
    Rsa,
}

#[qapi::enumeration]
pub enum QCryptoAkCipherKeyType {
    Public,
    Private,
}

#[qapi::enumeration]
pub enum QCryptoRSAPaddingAlgo {
    Raw,
    Pkcs1,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct QCryptoAkCipherOptionsRSA {
    pub hash_alg: QCryptoHashAlgo,
    pub padding_alg: QCryptoRSAPaddingAlgo,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct QCryptoAkCipherOptions {
    #[qapi(discriminator)]
    pub alg: QCryptoAkCipherOptionsBranch,
}

#[qapi::branches(tag = QCryptoAkCipherAlgo)]
#[derive(Debug, Clone, PartialEq)]
pub enum QCryptoAkCipherOptionsBranch {
    Rsa(QCryptoAkCipherOptionsRSA),
}
