//! The QAPI module `sockets.json`.

use crate::prelude::*;

qapi::module!("sockets");

#[qapi::enumeration]
pub enum NetworkAddressFamily {
    Ipv4,
    Ipv6,
    Unix,
    Vsock,
    Unknown,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct InetSocketAddressBase {
    pub host: String,
    pub port: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct InetSocketAddress {
    #[qapi(base)]
    pub base: InetSocketAddressBase,
    pub numeric: Option<bool>,
    pub to: Option<u16>,
    pub ipv4: Option<bool>,
    pub ipv6: Option<bool>,
    pub keep_alive: Option<bool>,
    #[qapi(if = HAVE_IPPROTO_MPTCP)]
    pub mptcp: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct UnixSocketAddress {
    pub path: String,
    #[qapi(if = CONFIG_LINUX)]
    pub r#abstract: Option<bool>,
    #[qapi(if = CONFIG_LINUX)]
    pub tight: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct VsockSocketAddress {
    pub cid: String,
    pub port: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct FdSocketAddress {
    pub str: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct InetSocketAddressWrapper {
    pub data: InetSocketAddress,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct UnixSocketAddressWrapper {
    pub data: UnixSocketAddress,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct VsockSocketAddressWrapper {
    pub data: VsockSocketAddress,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct FdSocketAddressWrapper {
    pub data: FdSocketAddress,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct SocketAddressLegacy {
    #[qapi(discriminator)]
    pub r#type: SocketAddressLegacyBranch,
}

#[qapi::branches(tag = SocketAddressType)]
#[derive(Debug, Clone, PartialEq)]
pub enum SocketAddressLegacyBranch {
    Inet(InetSocketAddressWrapper),
    Unix(UnixSocketAddressWrapper),
    Vsock(VsockSocketAddressWrapper),
    Fd(FdSocketAddressWrapper),
}

#[qapi::enumeration]
pub enum SocketAddressType {
    Inet,
    Unix,
    Vsock,
    Fd,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct SocketAddress {
    #[qapi(discriminator)]
    pub r#type: SocketAddressBranch,
}

#[qapi::branches(tag = SocketAddressType)]
#[derive(Debug, Clone, PartialEq)]
pub enum SocketAddressBranch {
    Inet(InetSocketAddress),
    Unix(UnixSocketAddress),
    Vsock(VsockSocketAddress),
    Fd(FdSocketAddress),
}
