//! The QAPI module `net.json`.

use crate::prelude::*;

qapi::module!("net");

#[qapi::command(name = "set_link", pragma(command_name_exception))]
pub fn set_link(name: String, up: bool) -> Result<()>;

#[qapi::command(
    name = "netdev_add",
    boxed,
    allow_preconfig,
    pragma(command_name_exception)
)]
pub fn netdev_add(args: Netdev) -> Result<()>;

#[qapi::command(name = "netdev_del", allow_preconfig, pragma(command_name_exception))]
pub fn netdev_del(id: String) -> Result<()>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct NetLegacyNicOptions {
    pub netdev: Option<String>,
    pub macaddr: Option<String>,
    pub model: Option<String>,
    pub addr: Option<String>,
    pub vectors: Option<u32>,
}

#[qapi::structure(name = "String")]
#[derive(Debug, Clone, PartialEq)]
pub struct QapiString {
    pub str: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct NetdevUserOptions {
    pub hostname: Option<String>,
    pub restrict: Option<bool>,
    pub ipv4: Option<bool>,
    pub ipv6: Option<bool>,
    pub ip: Option<String>,
    pub net: Option<String>,
    pub host: Option<String>,
    pub tftp: Option<String>,
    pub bootfile: Option<String>,
    pub dhcpstart: Option<String>,
    pub dns: Option<String>,
    pub dnssearch: Option<Vec<QapiString>>,
    pub domainname: Option<String>,
    pub ipv6_prefix: Option<String>,
    pub ipv6_prefixlen: Option<i64>,
    pub ipv6_host: Option<String>,
    pub ipv6_dns: Option<String>,
    pub smb: Option<String>,
    pub smbserver: Option<String>,
    pub hostfwd: Option<Vec<QapiString>>,
    pub guestfwd: Option<Vec<QapiString>>,
    pub tftp_server_name: Option<String>,
}

#[qapi::structure(pragma(member_name_exception))]
#[derive(Debug, Clone, PartialEq)]
pub struct NetdevTapOptions {
    pub ifname: Option<String>,
    pub fd: Option<String>,
    pub fds: Option<String>,
    pub script: Option<String>,
    pub downscript: Option<String>,
    pub br: Option<String>,
    pub helper: Option<String>,
    #[qapi(builtin = size)]
    pub sndbuf: Option<u64>,
    #[qapi(name = "vnet_hdr")]
    pub vnet_hdr: Option<bool>,
    pub vhost: Option<bool>,
    pub vhostfd: Option<String>,
    pub vhostfds: Option<String>,
    pub vhostforce: Option<bool>,
    pub queues: Option<u32>,
    pub poll_us: Option<u32>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct NetdevSocketOptions {
    pub fd: Option<String>,
    pub listen: Option<String>,
    pub connect: Option<String>,
    pub mcast: Option<String>,
    pub localaddr: Option<String>,
    pub udp: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct NetdevL2TPv3Options {
    pub src: String,
    pub dst: String,
    pub srcport: Option<String>,
    pub dstport: Option<String>,
    pub ipv6: Option<bool>,
    pub udp: Option<bool>,
    pub cookie64: Option<bool>,
    pub counter: Option<bool>,
    pub pincounter: Option<bool>,
    pub txcookie: Option<u64>,
    pub rxcookie: Option<u64>,
    pub txsession: u32,
    pub rxsession: Option<u32>,
    pub offset: Option<u32>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct NetdevVdeOptions {
    pub sock: Option<String>,
    pub port: Option<u16>,
    pub group: Option<String>,
    pub mode: Option<u16>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct NetdevBridgeOptions {
    pub br: Option<String>,
    pub helper: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct NetdevHubPortOptions {
    pub hubid: i32,
    pub netdev: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct NetdevNetmapOptions {
    pub ifname: String,
    pub devname: Option<String>,
}

#[qapi::enumeration(if = CONFIG_AF_XDP)]
pub enum AFXDPMode {
    Native,
    Skb,
}

#[qapi::structure(if = CONFIG_AF_XDP)]
#[derive(Debug, Clone, PartialEq)]
pub struct NetdevAFXDPOptions {
    pub ifname: String,
    pub mode: Option<AFXDPMode>,
    pub force_copy: Option<bool>,
    pub queues: Option<i64>,
    pub start_queue: Option<i64>,
    pub inhibit: Option<bool>,
    pub sock_fds: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct NetdevVhostUserOptions {
    pub chardev: String,
    pub vhostforce: Option<bool>,
    pub queues: Option<i64>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct NetdevVhostVDPAOptions {
    pub vhostdev: Option<String>,
    pub vhostfd: Option<String>,
    pub queues: Option<i64>,
    #[qapi(features = [unstable])]
    pub x_svq: Option<bool>,
}

#[qapi::structure(if = CONFIG_VMNET)]
#[derive(Debug, Clone, PartialEq)]
pub struct NetdevVmnetHostOptions {
    pub start_address: Option<String>,
    pub end_address: Option<String>,
    pub subnet_mask: Option<String>,
    pub isolated: Option<bool>,
    pub net_uuid: Option<String>,
}

#[qapi::structure(if = CONFIG_VMNET)]
#[derive(Debug, Clone, PartialEq)]
pub struct NetdevVmnetSharedOptions {
    pub start_address: Option<String>,
    pub end_address: Option<String>,
    pub subnet_mask: Option<String>,
    pub isolated: Option<bool>,
    pub nat66_prefix: Option<String>,
}

#[qapi::structure(if = CONFIG_VMNET)]
#[derive(Debug, Clone, PartialEq)]
pub struct NetdevVmnetBridgedOptions {
    pub ifname: String,
    pub isolated: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct NetdevStreamOptions {
    pub addr: SocketAddress,
    pub server: Option<bool>,
    #[qapi(features = [deprecated])]
    pub reconnect: Option<i64>,
    pub reconnect_ms: Option<i64>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct NetdevDgramOptions {
    pub local: Option<SocketAddress>,
    pub remote: Option<SocketAddress>,
}

#[qapi::enumeration]
pub enum NetClientDriver {
    None,
    Nic,
    User,
    Tap,
    L2tpv3,
    Socket,
    Stream,
    Dgram,
    Vde,
    Bridge,
    Hubport,
    Netmap,
    VhostUser,
    VhostVdpa,
    #[qapi(if = CONFIG_AF_XDP)]
    AfXdp,
    #[qapi(if = CONFIG_VMNET)]
    VmnetHost,
    #[qapi(if = CONFIG_VMNET)]
    VmnetShared,
    #[qapi(if = CONFIG_VMNET)]
    VmnetBridged,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct Netdev {
    pub id: String,
    #[qapi(discriminator)]
    pub r#type: NetdevBranch,
}

#[qapi::branches(tag = NetClientDriver)]
#[derive(Debug, Clone, PartialEq)]
pub enum NetdevBranch {
    Nic(NetLegacyNicOptions),
    User(NetdevUserOptions),
    Tap(NetdevTapOptions),
    L2tpv3(NetdevL2TPv3Options),
    Socket(NetdevSocketOptions),
    Stream(NetdevStreamOptions),
    Dgram(NetdevDgramOptions),
    Vde(NetdevVdeOptions),
    Bridge(NetdevBridgeOptions),
    Hubport(NetdevHubPortOptions),
    Netmap(NetdevNetmapOptions),
    #[qapi(if = CONFIG_AF_XDP)]
    AfXdp(NetdevAFXDPOptions),
    VhostUser(NetdevVhostUserOptions),
    VhostVdpa(NetdevVhostVDPAOptions),
    #[qapi(if = CONFIG_VMNET)]
    VmnetHost(NetdevVmnetHostOptions),
    #[qapi(if = CONFIG_VMNET)]
    VmnetShared(NetdevVmnetSharedOptions),
    #[qapi(if = CONFIG_VMNET)]
    VmnetBridged(NetdevVmnetBridgedOptions),
    None,
}

#[qapi::enumeration]
pub enum RxState {
    Normal,
    None,
    All,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct RxFilterInfo {
    pub name: String,
    pub promiscuous: bool,
    pub multicast: RxState,
    pub unicast: RxState,
    pub vlan: RxState,
    pub broadcast_allowed: bool,
    pub multicast_overflow: bool,
    pub unicast_overflow: bool,
    pub main_mac: String,
    pub vlan_table: Vec<i64>,
    pub unicast_table: Vec<String>,
    pub multicast_table: Vec<String>,
}

#[qapi::command]
pub fn query_rx_filter(name: Option<String>) -> Result<Vec<RxFilterInfo>>;

#[qapi::event]
pub struct NicRxFilterChanged {
    pub name: Option<String>,
    pub path: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AnnounceParameters {
    pub initial: i64,
    pub max: i64,
    pub rounds: i64,
    pub step: i64,
    pub interfaces: Option<Vec<String>>,
    pub id: Option<String>,
}

#[qapi::command(boxed)]
pub fn announce_self(args: AnnounceParameters) -> Result<()>;

#[qapi::event]
pub struct FailoverNegotiated {
    pub device_id: String,
}

#[qapi::event]
pub struct NetdevStreamConnected {
    pub netdev_id: String,
    pub addr: SocketAddress,
}

#[qapi::event]
pub struct NetdevStreamDisconnected {
    pub netdev_id: String,
}

#[qapi::event]
pub struct NetdevVhostUserConnected {
    pub netdev_id: String,
    pub chardev_id: String,
}

#[qapi::event]
pub struct NetdevVhostUserDisconnected {
    pub netdev_id: String,
}
