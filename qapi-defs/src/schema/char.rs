//! The QAPI module `char.json`.

use crate::prelude::*;

qapi::module!("char");

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevInfo {
    pub label: String,
    pub filename: String,
    pub frontend_open: bool,
}

#[qapi::command(allow_preconfig)]
pub fn query_chardev() -> Result<Vec<ChardevInfo>>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevBackendInfo {
    pub name: String,
}

#[qapi::command]
pub fn query_chardev_backends() -> Result<Vec<ChardevBackendInfo>>;

#[qapi::enumeration]
pub enum DataFormat {
    Utf8,
    Base64,
}

#[qapi::command]
pub fn ringbuf_write(device: String, data: String, format: Option<DataFormat>) -> Result<()>;

#[qapi::command(pragma(command_returns_exception))]
pub fn ringbuf_read(device: String, size: i64, format: Option<DataFormat>) -> Result<String>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevCommon {
    pub logfile: Option<String>,
    pub logappend: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevFile {
    #[qapi(base)]
    pub base: ChardevCommon,
    pub r#in: Option<String>,
    pub out: String,
    pub append: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevHostdev {
    #[qapi(base)]
    pub base: ChardevCommon,
    pub device: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevSocket {
    #[qapi(base)]
    pub base: ChardevCommon,
    pub addr: SocketAddressLegacy,
    pub tls_creds: Option<String>,
    pub tls_authz: Option<String>,
    pub server: Option<bool>,
    pub wait: Option<bool>,
    pub nodelay: Option<bool>,
    pub telnet: Option<bool>,
    pub tn3270: Option<bool>,
    pub websocket: Option<bool>,
    #[qapi(features = [deprecated])]
    pub reconnect: Option<i64>,
    pub reconnect_ms: Option<i64>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevUdp {
    #[qapi(base)]
    pub base: ChardevCommon,
    pub remote: SocketAddressLegacy,
    pub local: Option<SocketAddressLegacy>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevMux {
    #[qapi(base)]
    pub base: ChardevCommon,
    pub chardev: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevHub {
    #[qapi(base)]
    pub base: ChardevCommon,
    pub chardevs: Vec<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevStdio {
    #[qapi(base)]
    pub base: ChardevCommon,
    pub signal: Option<bool>,
}

#[qapi::structure(if = CONFIG_SPICE)]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevSpiceChannel {
    #[qapi(base)]
    pub base: ChardevCommon,
    pub r#type: String,
}

#[qapi::structure(if = CONFIG_SPICE)]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevSpicePort {
    #[qapi(base)]
    pub base: ChardevCommon,
    pub fqdn: String,
}

#[qapi::structure(if = CONFIG_DBUS_DISPLAY)]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevDBus {
    #[qapi(base)]
    pub base: ChardevCommon,
    pub name: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevVC {
    #[qapi(base)]
    pub base: ChardevCommon,
    pub width: Option<i64>,
    pub height: Option<i64>,
    pub cols: Option<i64>,
    pub rows: Option<i64>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevRingbuf {
    #[qapi(base)]
    pub base: ChardevCommon,
    pub size: Option<i64>,
}

#[qapi::structure(if = CONFIG_SPICE_PROTOCOL)]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevQemuVDAgent {
    #[qapi(base)]
    pub base: ChardevCommon,
    pub mouse: Option<bool>,
    pub clipboard: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevPty {
    #[qapi(base)]
    pub base: ChardevCommon,
    pub path: Option<String>,
}

#[qapi::enumeration]
pub enum ChardevBackendKind {
    File,
    #[qapi(if = HAVE_CHARDEV_SERIAL)]
    Serial,
    #[qapi(if = HAVE_CHARDEV_PARALLEL)]
    Parallel,
    Pipe,
    Socket,
    Udp,
    Pty,
    Null,
    Mux,
    Hub,
    Msmouse,
    Wctablet,
    #[qapi(if = CONFIG_BRLAPI)]
    Braille,
    Testdev,
    Stdio,
    #[qapi(if = CONFIG_WIN32)]
    Console,
    #[qapi(if = CONFIG_SPICE)]
    Spicevmc,
    #[qapi(if = CONFIG_SPICE)]
    Spiceport,
    #[qapi(if = CONFIG_SPICE_PROTOCOL)]
    QemuVdagent,
    #[qapi(if = CONFIG_DBUS_DISPLAY)]
    Dbus,
    Vc,
    Ringbuf,
    #[qapi(features = [deprecated])]
    Memory,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevFileWrapper {
    pub data: ChardevFile,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevHostdevWrapper {
    pub data: ChardevHostdev,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevSocketWrapper {
    pub data: ChardevSocket,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevUdpWrapper {
    pub data: ChardevUdp,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevCommonWrapper {
    pub data: ChardevCommon,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevMuxWrapper {
    pub data: ChardevMux,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevHubWrapper {
    pub data: ChardevHub,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevStdioWrapper {
    pub data: ChardevStdio,
}

#[qapi::structure(if = CONFIG_SPICE)]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevSpiceChannelWrapper {
    pub data: ChardevSpiceChannel,
}

#[qapi::structure(if = CONFIG_SPICE)]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevSpicePortWrapper {
    pub data: ChardevSpicePort,
}

#[qapi::structure(if = CONFIG_SPICE_PROTOCOL)]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevQemuVDAgentWrapper {
    pub data: ChardevQemuVDAgent,
}

#[qapi::structure(if = CONFIG_DBUS_DISPLAY)]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevDBusWrapper {
    pub data: ChardevDBus,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevVCWrapper {
    pub data: ChardevVC,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevRingbufWrapper {
    pub data: ChardevRingbuf,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevPtyWrapper {
    pub data: ChardevPty,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevBackend {
    #[qapi(discriminator)]
    pub r#type: ChardevBackendBranch,
}

#[qapi::branches(tag = ChardevBackendKind)]
#[derive(Debug, Clone, PartialEq)]
pub enum ChardevBackendBranch {
    File(ChardevFileWrapper),
    #[qapi(if = HAVE_CHARDEV_SERIAL)]
    Serial(ChardevHostdevWrapper),
    #[qapi(if = HAVE_CHARDEV_PARALLEL)]
    Parallel(ChardevHostdevWrapper),
    Pipe(ChardevHostdevWrapper),
    Socket(ChardevSocketWrapper),
    Udp(ChardevUdpWrapper),
    Pty(ChardevPtyWrapper),
    Null(ChardevCommonWrapper),
    Mux(ChardevMuxWrapper),
    Hub(ChardevHubWrapper),
    Msmouse(ChardevCommonWrapper),
    Wctablet(ChardevCommonWrapper),
    #[qapi(if = CONFIG_BRLAPI)]
    Braille(ChardevCommonWrapper),
    Testdev(ChardevCommonWrapper),
    Stdio(ChardevStdioWrapper),
    #[qapi(if = CONFIG_WIN32)]
    Console(ChardevCommonWrapper),
    #[qapi(if = CONFIG_SPICE)]
    Spicevmc(ChardevSpiceChannelWrapper),
    #[qapi(if = CONFIG_SPICE)]
    Spiceport(ChardevSpicePortWrapper),
    #[qapi(if = CONFIG_SPICE_PROTOCOL)]
    QemuVdagent(ChardevQemuVDAgentWrapper),
    #[qapi(if = CONFIG_DBUS_DISPLAY)]
    Dbus(ChardevDBusWrapper),
    Vc(ChardevVCWrapper),
    Ringbuf(ChardevRingbufWrapper),
    Memory(ChardevRingbufWrapper),
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ChardevReturn {
    pub pty: Option<String>,
}

#[qapi::command]
pub fn chardev_add(id: String, backend: ChardevBackend) -> Result<ChardevReturn>;

#[qapi::command]
pub fn chardev_change(id: String, backend: ChardevBackend) -> Result<ChardevReturn>;

#[qapi::command]
pub fn chardev_remove(id: String) -> Result<()>;

#[qapi::command]
pub fn chardev_send_break(id: String) -> Result<()>;

#[qapi::event]
pub struct VserportChange {
    pub id: String,
    pub open: bool,
}
