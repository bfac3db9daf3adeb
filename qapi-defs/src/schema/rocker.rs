//! The QAPI module `rocker.json`.

use crate::prelude::*;

qapi::module!("rocker");

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct RockerSwitch {
    pub name: String,
    pub id: u64,
    pub ports: u32,
}

#[qapi::command]
pub fn query_rocker(name: String) -> Result<RockerSwitch>;

#[qapi::enumeration]
pub enum RockerPortDuplex {
    Half,
    Full,
}

#[qapi::enumeration]
pub enum RockerPortAutoneg {
    Off,
    On,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct RockerPort {
    pub name: String,
    pub enabled: bool,
    pub link_up: bool,
    pub speed: u32,
    pub duplex: RockerPortDuplex,
    pub autoneg: RockerPortAutoneg,
}

#[qapi::command]
pub fn query_rocker_ports(name: String) -> Result<Vec<RockerPort>>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct RockerOfDpaFlowKey {
    pub priority: u32,
    pub tbl_id: u32,
    pub in_pport: Option<u32>,
    pub tunnel_id: Option<u32>,
    pub vlan_id: Option<u16>,
    pub eth_type: Option<u16>,
    pub eth_src: Option<String>,
    pub eth_dst: Option<String>,
    pub ip_proto: Option<u8>,
    pub ip_tos: Option<u8>,
    pub ip_dst: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct RockerOfDpaFlowMask {
    pub in_pport: Option<u32>,
    pub tunnel_id: Option<u32>,
    pub vlan_id: Option<u16>,
    pub eth_src: Option<String>,
    pub eth_dst: Option<String>,
    pub ip_proto: Option<u8>,
    pub ip_tos: Option<u8>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct RockerOfDpaFlowAction {
    pub goto_tbl: Option<u32>,
    pub group_id: Option<u32>,
    pub tunnel_lport: Option<u32>,
    pub vlan_id: Option<u16>,
    pub new_vlan_id: Option<u16>,
    pub out_pport: Option<u32>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct RockerOfDpaFlow {
    pub cookie: u64,
    pub hits: u64,
    pub key: RockerOfDpaFlowKey,
    pub mask: RockerOfDpaFlowMask,
    pub action: RockerOfDpaFlowAction,
}

#[qapi::command]
pub fn query_rocker_of_dpa_flows(name: String, tbl_id: Option<u32>)
-> Result<Vec<RockerOfDpaFlow>>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct RockerOfDpaGroup {
    pub id: u32,
    pub r#type: u8,
    pub vlan_id: Option<u16>,
    pub pport: Option<u32>,
    pub index: Option<u32>,
    pub out_pport: Option<u32>,
    pub group_id: Option<u32>,
    pub set_vlan_id: Option<u16>,
    pub pop_vlan: Option<u8>,
    pub group_ids: Option<Vec<u32>>,
    pub set_eth_src: Option<String>,
    pub set_eth_dst: Option<String>,
    pub ttl_check: Option<u8>,
}

#[qapi::command]
pub fn query_rocker_of_dpa_groups(
    name: String,
    r#type: Option<u8>,
) -> Result<Vec<RockerOfDpaGroup>>;
