//! The QAPI module `ebpf.json`.

use crate::prelude::*;

qapi::module!("ebpf");

#[qapi::structure(if = CONFIG_EBPF)]
#[derive(Debug, Clone, PartialEq)]
pub struct EbpfObject {
    pub object: String,
}

#[qapi::enumeration(if = CONFIG_EBPF)]
pub enum EbpfProgramID {
    Rss,
}

#[qapi::command(if = CONFIG_EBPF)]
pub fn request_ebpf(id: EbpfProgramID) -> Result<EbpfObject>;
