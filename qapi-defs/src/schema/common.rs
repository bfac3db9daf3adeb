//! The QAPI module `common.json`.

use crate::prelude::*;

qapi::module!("common");

#[qapi::enumeration]
pub enum IoOperationType {
    Read,
    Write,
}

#[qapi::enumeration]
pub enum OnOffAuto {
    Auto,
    On,
    Off,
}

#[qapi::enumeration]
pub enum OnOffSplit {
    On,
    Off,
    Split,
}

#[qapi::alternate]
#[derive(Debug, Clone, PartialEq)]
pub enum StrOrNull {
    S(String),
    N(()),
}

#[qapi::enumeration]
pub enum OffAutoPCIBAR {
    Off,
    Auto,
    Bar0,
    Bar1,
    Bar2,
    Bar3,
    Bar4,
    Bar5,
}

#[qapi::enumeration(pragma(member_name_exception))]
pub enum PCIELinkSpeed {
    #[qapi(name = "2_5")]
    V25,
    #[qapi(name = "5")]
    V5,
    #[qapi(name = "8")]
    V8,
    #[qapi(name = "16")]
    V16,
    #[qapi(name = "32")]
    V32,
    #[qapi(name = "64")]
    V64,
}

#[qapi::enumeration]
pub enum PCIELinkWidth {
    #[qapi(name = "1")]
    V1,
    #[qapi(name = "2")]
    V2,
    #[qapi(name = "4")]
    V4,
    #[qapi(name = "8")]
    V8,
    #[qapi(name = "12")]
    V12,
    #[qapi(name = "16")]
    V16,
    #[qapi(name = "32")]
    V32,
}

#[qapi::enumeration]
pub enum HostMemPolicy {
    Default,
    Preferred,
    Bind,
    Interleave,
}

#[qapi::enumeration]
pub enum NetFilterDirection {
    All,
    Rx,
    Tx,
}

#[qapi::enumeration]
pub enum GrabToggleKeys {
    CtrlCtrl,
    AltAlt,
    ShiftShift,
    MetaMeta,
    Scrolllock,
    CtrlScrolllock,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct HumanReadableText {
    pub human_readable_text: String,
}

#[qapi::enumeration]
pub enum EndianMode {
    Unspecified,
    Little,
    Big,
}
