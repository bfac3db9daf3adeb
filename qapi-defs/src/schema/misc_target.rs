//! The QAPI module `misc-target.json`.

use crate::prelude::*;

qapi::module!("misc-target");

#[qapi::command(if = TARGET_I386)]
pub fn rtc_reset_reinjection() -> Result<()>;

#[qapi::enumeration(if = TARGET_I386)]
pub enum SevState {
    Uninit,
    LaunchUpdate,
    LaunchSecret,
    Running,
    SendUpdate,
    ReceiveUpdate,
}

#[qapi::enumeration(if = TARGET_I386)]
pub enum SevGuestType {
    Sev,
    SevSnp,
}

#[qapi::structure(if = TARGET_I386)]
#[derive(Debug, Clone, PartialEq)]
pub struct SevGuestInfo {
    pub policy: u32,
    pub handle: u32,
}

#[qapi::structure(if = TARGET_I386)]
#[derive(Debug, Clone, PartialEq)]
pub struct SevSnpGuestInfo {
    pub snp_policy: u64,
}

#[qapi::union(if = TARGET_I386)]
#[derive(Debug, Clone, PartialEq)]
pub struct SevInfo {
    pub enabled: bool,
    pub api_major: u8,
    pub api_minor: u8,
    pub build_id: u8,
    pub state: SevState,
    #[qapi(discriminator)]
    pub sev_type: SevInfoBranch,
}

#[qapi::branches(tag = SevGuestType)]
#[derive(Debug, Clone, PartialEq)]
pub enum SevInfoBranch {
    Sev(SevGuestInfo),
    SevSnp(SevSnpGuestInfo),
}

#[qapi::command(if = TARGET_I386)]
pub fn query_sev() -> Result<SevInfo>;

#[qapi::structure(if = TARGET_I386)]
#[derive(Debug, Clone, PartialEq)]
pub struct SevLaunchMeasureInfo {
    pub data: String,
}

#[qapi::command(if = TARGET_I386)]
pub fn query_sev_launch_measure() -> Result<SevLaunchMeasureInfo>;

#[qapi::structure(if = TARGET_I386)]
#[derive(Debug, Clone, PartialEq)]
pub struct SevCapability {
    pub pdh: String,
    pub cert_chain: String,
    pub cpu0_id: String,
    pub cbitpos: i64,
    pub reduced_phys_bits: i64,
}

#[qapi::command(if = TARGET_I386)]
pub fn query_sev_capabilities() -> Result<SevCapability>;

#[qapi::command(if = TARGET_I386)]
pub fn sev_inject_launch_secret(
    packet_header: String,
    secret: String,
    gpa: Option<u64>,
) -> Result<()>;

#[qapi::structure(if = TARGET_I386)]
#[derive(Debug, Clone, PartialEq)]
pub struct SevAttestationReport {
    pub data: String,
}

#[qapi::command(if = TARGET_I386)]
pub fn query_sev_attestation_report(mnonce: String) -> Result<SevAttestationReport>;

#[qapi::command(if = TARGET_S390X)]
pub fn dump_skeys(filename: String) -> Result<()>;

#[qapi::structure(if = TARGET_ARM)]
#[derive(Debug, Clone, PartialEq)]
pub struct GICCapability {
    pub version: i64,
    pub emulated: bool,
    pub kernel: bool,
}

#[qapi::command(if = TARGET_ARM)]
pub fn query_gic_capabilities() -> Result<Vec<GICCapability>>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SGXEPCSection {
    pub node: i64,
    pub size: u64,
}

#[qapi::structure(if = TARGET_I386)]
#[derive(Debug, Clone, PartialEq)]
pub struct SGXInfo {
    pub sgx: bool,
    pub sgx1: bool,
    pub sgx2: bool,
    pub flc: bool,
    pub sections: Vec<SGXEPCSection>,
}

#[qapi::command(if = TARGET_I386)]
pub fn query_sgx() -> Result<SGXInfo>;

#[qapi::command(if = TARGET_I386)]
pub fn query_sgx_capabilities() -> Result<SGXInfo>;

#[qapi::enumeration(if = TARGET_I386)]
pub enum EvtchnPortType {
    Closed,
    Unbound,
    Interdomain,
    Pirq,
    Virq,
    Ipi,
}

#[qapi::structure(if = TARGET_I386)]
#[derive(Debug, Clone, PartialEq)]
pub struct EvtchnInfo {
    pub port: u16,
    pub vcpu: u32,
    pub r#type: EvtchnPortType,
    pub remote_domain: String,
    pub target: u16,
    pub pending: bool,
    pub masked: bool,
}

#[qapi::command(if = TARGET_I386)]
pub fn xen_event_list() -> Result<Vec<EvtchnInfo>>;

#[qapi::command(if = TARGET_I386)]
pub fn xen_event_inject(port: u32) -> Result<()>;
