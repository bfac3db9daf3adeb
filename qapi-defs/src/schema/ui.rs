//! The QAPI module `ui.json`.

use crate::prelude::*;

qapi::module!("ui");

#[qapi::enumeration]
pub enum DisplayProtocol {
    Vnc,
    Spice,
}

#[qapi::enumeration]
pub enum SetPasswordAction {
    Keep,
    Fail,
    Disconnect,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct SetPasswordOptions {
    #[qapi(discriminator)]
    pub protocol: SetPasswordOptionsBranch,
    pub password: String,
    pub connected: Option<SetPasswordAction>,
}

#[qapi::branches(tag = DisplayProtocol)]
#[derive(Debug, Clone, PartialEq)]
pub enum SetPasswordOptionsBranch {
    Vnc(SetPasswordOptionsVnc),
    Spice,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SetPasswordOptionsVnc {
    pub display: Option<String>,
}

#[qapi::command(name = "set_password", boxed, pragma(command_name_exception))]
pub fn set_password(args: SetPasswordOptions) -> Result<()>;

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct ExpirePasswordOptions {
    #[qapi(discriminator)]
    pub protocol: ExpirePasswordOptionsBranch,
    pub time: String,
}

#[qapi::branches(tag = DisplayProtocol)]
#[derive(Debug, Clone, PartialEq)]
pub enum ExpirePasswordOptionsBranch {
    Vnc(ExpirePasswordOptionsVnc),
    Spice,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct ExpirePasswordOptionsVnc {
    pub display: Option<String>,
}

#[qapi::command(name = "expire_password", boxed, pragma(command_name_exception))]
pub fn expire_password(args: ExpirePasswordOptions) -> Result<()>;

#[qapi::enumeration]
pub enum ImageFormat {
    Ppm,
    Png,
}

#[qapi::command(if = CONFIG_PIXMAN, coroutine)]
pub fn screendump(
    filename: String,
    device: Option<String>,
    head: Option<i64>,
    format: Option<ImageFormat>,
) -> Result<()>;

#[qapi::structure(if = CONFIG_SPICE)]
#[derive(Debug, Clone, PartialEq)]
pub struct SpiceBasicInfo {
    pub host: String,
    pub port: String,
    pub family: NetworkAddressFamily,
}

#[qapi::structure(if = CONFIG_SPICE)]
#[derive(Debug, Clone, PartialEq)]
pub struct SpiceServerInfo {
    #[qapi(base)]
    pub base: SpiceBasicInfo,
    pub auth: Option<String>,
}

#[qapi::structure(if = CONFIG_SPICE)]
#[derive(Debug, Clone, PartialEq)]
pub struct SpiceChannel {
    #[qapi(base)]
    pub base: SpiceBasicInfo,
    pub connection_id: i64,
    pub channel_type: i64,
    pub channel_id: i64,
    pub tls: bool,
}

#[qapi::enumeration(if = CONFIG_SPICE)]
pub enum SpiceQueryMouseMode {
    Client,
    Server,
    Unknown,
}

#[qapi::structure(if = CONFIG_SPICE)]
#[derive(Debug, Clone, PartialEq)]
pub struct SpiceInfo {
    pub enabled: bool,
    pub migrated: bool,
    pub host: Option<String>,
    pub port: Option<i64>,
    pub tls_port: Option<i64>,
    pub auth: Option<String>,
    pub compiled_version: Option<String>,
    pub mouse_mode: SpiceQueryMouseMode,
    pub channels: Option<Vec<SpiceChannel>>,
}

#[qapi::command(if = CONFIG_SPICE)]
pub fn query_spice() -> Result<SpiceInfo>;

#[qapi::event(if = CONFIG_SPICE)]
pub struct SpiceConnected {
    pub server: SpiceBasicInfo,
    pub client: SpiceBasicInfo,
}

#[qapi::event(if = CONFIG_SPICE)]
pub struct SpiceInitialized {
    pub server: SpiceServerInfo,
    pub client: SpiceChannel,
}

#[qapi::event(if = CONFIG_SPICE)]
pub struct SpiceDisconnected {
    pub server: SpiceBasicInfo,
    pub client: SpiceBasicInfo,
}

#[qapi::event(if = CONFIG_SPICE)]
pub struct SpiceMigrateCompleted;

#[qapi::structure(if = CONFIG_VNC)]
#[derive(Debug, Clone, PartialEq)]
pub struct VncBasicInfo {
    pub host: String,
    pub service: String,
    pub family: NetworkAddressFamily,
    pub websocket: bool,
}

#[qapi::structure(if = CONFIG_VNC)]
#[derive(Debug, Clone, PartialEq)]
pub struct VncServerInfo {
    #[qapi(base)]
    pub base: VncBasicInfo,
    pub auth: Option<String>,
}

#[qapi::structure(if = CONFIG_VNC, pragma(member_name_exception))]
#[derive(Debug, Clone, PartialEq)]
pub struct VncClientInfo {
    #[qapi(base)]
    pub base: VncBasicInfo,
    #[qapi(name = "x509_dname")]
    pub x509_dname: Option<String>,
    #[qapi(name = "sasl_username")]
    pub sasl_username: Option<String>,
}

#[qapi::structure(if = CONFIG_VNC)]
#[derive(Debug, Clone, PartialEq)]
pub struct VncInfo {
    pub enabled: bool,
    pub host: Option<String>,
    pub family: Option<NetworkAddressFamily>,
    pub service: Option<String>,
    pub auth: Option<String>,
    pub clients: Option<Vec<VncClientInfo>>,
}

#[qapi::enumeration(if = CONFIG_VNC)]
pub enum VncPrimaryAuth {
    None,
    Vnc,
    Ra2,
    Ra2ne,
    Tight,
    Ultra,
    Tls,
    Vencrypt,
    Sasl,
}

#[qapi::enumeration(if = CONFIG_VNC)]
pub enum VncVencryptSubAuth {
    Plain,
    TlsNone,
    X509None,
    TlsVnc,
    X509Vnc,
    TlsPlain,
    X509Plain,
    TlsSasl,
    X509Sasl,
}

#[qapi::structure(if = CONFIG_VNC)]
#[derive(Debug, Clone, PartialEq)]
pub struct VncServerInfo2 {
    #[qapi(base)]
    pub base: VncBasicInfo,
    pub auth: VncPrimaryAuth,
    pub vencrypt: Option<VncVencryptSubAuth>,
}

#[qapi::structure(if = CONFIG_VNC)]
#[derive(Debug, Clone, PartialEq)]
pub struct VncInfo2 {
    pub id: String,
    pub server: Vec<VncServerInfo2>,
    pub clients: Vec<VncClientInfo>,
    pub auth: VncPrimaryAuth,
    pub vencrypt: Option<VncVencryptSubAuth>,
    pub display: Option<String>,
}

#[qapi::command(if = CONFIG_VNC)]
pub fn query_vnc() -> Result<VncInfo>;

#[qapi::command(if = CONFIG_VNC)]
pub fn query_vnc_servers() -> Result<Vec<VncInfo2>>;

#[qapi::command(if = CONFIG_VNC)]
pub fn change_vnc_password(password: String) -> Result<()>;

#[qapi::event(if = CONFIG_VNC)]
pub struct VncConnected {
    pub server: VncServerInfo,
    pub client: VncBasicInfo,
}

#[qapi::event(if = CONFIG_VNC)]
pub struct VncInitialized {
    pub server: VncServerInfo,
    pub client: VncClientInfo,
}

#[qapi::event(if = CONFIG_VNC)]
pub struct VncDisconnected {
    pub server: VncServerInfo,
    pub client: VncClientInfo,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct MouseInfo {
    pub name: String,
    pub index: i64,
    pub current: bool,
    pub absolute: bool,
}

#[qapi::command]
pub fn query_mice() -> Result<Vec<MouseInfo>>;

#[qapi::enumeration(prefix = "Q_KEY_CODE", pragma(member_name_exception))]
pub enum QKeyCode {
    Unmapped,
    Shift,
    #[qapi(name = "shift_r")]
    ShiftR,
    Alt,
    #[qapi(name = "alt_r")]
    AltR,
    Ctrl,
    #[qapi(name = "ctrl_r")]
    CtrlR,
    Menu,
    Esc,
    #[qapi(name = "1")]
    V1,
    #[qapi(name = "2")]
    V2,
    #[qapi(name = "3")]
    V3,
    #[qapi(name = "4")]
    V4,
    #[qapi(name = "5")]
    V5,
    #[qapi(name = "6")]
    V6,
    #[qapi(name = "7")]
    V7,
    #[qapi(name = "8")]
    V8,
    #[qapi(name = "9")]
    V9,
    #[qapi(name = "0")]
    V0,
    Minus,
    Equal,
    Backspace,
    Tab,
    Q,
    W,
    E,
    R,
    T,
    Y,
    U,
    I,
    O,
    P,
    #[qapi(name = "bracket_left")]
    BracketLeft,
    #[qapi(name = "bracket_right")]
    BracketRight,
    Ret,
    A,
    S,
    D,
    F,
    G,
    H,
    J,
    K,
    L,
    Semicolon,
    Apostrophe,
    #[qapi(name = "grave_accent")]
    GraveAccent,
    Backslash,
    Z,
    X,
    C,
    V,
    B,
    N,
    M,
    Comma,
    Dot,
    Slash,
    Asterisk,
    Spc,
    #[qapi(name = "caps_lock")]
    CapsLock,
    F1,
    F2,
    F3,
    F4,
    F5,
    F6,
    F7,
    F8,
    F9,
    F10,
    #[qapi(name = "num_lock")]
    NumLock,
    #[qapi(name = "scroll_lock")]
    ScrollLock,
    #[qapi(name = "kp_divide")]
    KpDivide,
    #[qapi(name = "kp_multiply")]
    KpMultiply,
    #[qapi(name = "kp_subtract")]
    KpSubtract,
    #[qapi(name = "kp_add")]
    KpAdd,
    #[qapi(name = "kp_enter")]
    KpEnter,
    #[qapi(name = "kp_decimal")]
    KpDecimal,
    Sysrq,
    #[qapi(name = "kp_0")]
    Kp0,
    #[qapi(name = "kp_1")]
    Kp1,
    #[qapi(name = "kp_2")]
    Kp2,
    #[qapi(name = "kp_3")]
    Kp3,
    #[qapi(name = "kp_4")]
    Kp4,
    #[qapi(name = "kp_5")]
    Kp5,
    #[qapi(name = "kp_6")]
    Kp6,
    #[qapi(name = "kp_7")]
    Kp7,
    #[qapi(name = "kp_8")]
    Kp8,
    #[qapi(name = "kp_9")]
    Kp9,
    Less,
    F11,
    F12,
    Print,
    Home,
    Pgup,
    Pgdn,
    End,
    Left,
    Up,
    Down,
    Right,
    Insert,
    Delete,
    Stop,
    Again,
    Props,
    Undo,
    Front,
    Copy,
    Open,
    Paste,
    Find,
    Cut,
    Lf,
    Help,
    #[qapi(name = "meta_l")]
    MetaL,
    #[qapi(name = "meta_r")]
    MetaR,
    Compose,
    Pause,
    Ro,
    Hiragana,
    Henkan,
    Yen,
    Muhenkan,
    Katakanahiragana,
    #[qapi(name = "kp_comma")]
    KpComma,
    #[qapi(name = "kp_equals")]
    KpEquals,
    Power,
    Sleep,
    Wake,
    Audionext,
    Audioprev,
    Audiostop,
    Audioplay,
    Audiomute,
    Volumeup,
    Volumedown,
    Mediaselect,
    Mail,
    Calculator,
    Computer,
    #[qapi(name = "ac_home")]
    AcHome,
    #[qapi(name = "ac_back")]
    AcBack,
    #[qapi(name = "ac_forward")]
    AcForward,
    #[qapi(name = "ac_refresh")]
    AcRefresh,
    #[qapi(name = "ac_bookmarks")]
    AcBookmarks,
    Lang1,
    Lang2,
    F13,
    F14,
    F15,
    F16,
    F17,
    F18,
    F19,
    F20,
    F21,
    F22,
    F23,
    F24,
}

#[qapi::enumeration]
pub enum KeyValueKind {
    Number,
    Qcode,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct IntWrapper {
    pub data: i64,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct QKeyCodeWrapper {
    pub data: QKeyCode,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct KeyValue {
    #[qapi(discriminator)]
    pub r#type: KeyValueBranch,
}

#[qapi::branches(tag = KeyValueKind)]
#[derive(Debug, Clone, PartialEq)]
pub enum KeyValueBranch {
    Number(IntWrapper),
    Qcode(QKeyCodeWrapper),
}

#[qapi::command]
pub fn send_key(keys: Vec<KeyValue>, hold_time: Option<i64>) -> Result<()>;

#[qapi::enumeration]
pub enum InputButton {
    Left,
    Middle,
    Right,
    WheelUp,
    WheelDown,
    Side,
    Extra,
    WheelLeft,
    WheelRight,
    Touch,
}

#[qapi::enumeration]
pub enum InputAxis {
    X,
    Y,
}

#[qapi::enumeration]
pub enum InputMultiTouchType {
    Begin,
    Update,
    End,
    Cancel,
    Data,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct InputKeyEvent {
    pub key: KeyValue,
    pub down: bool,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct InputBtnEvent {
    pub button: InputButton,
    pub down: bool,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct InputMoveEvent {
    pub axis: InputAxis,
    pub value: i64,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct InputMultiTouchEvent {
    pub r#type: InputMultiTouchType,
    pub slot: i64,
    pub tracking_id: i64,
    pub axis: InputAxis,
    pub value: i64,
}

#[qapi::enumeration]
pub enum InputEventKind {
    Key,
    Btn,
    Rel,
    Abs,
    Mtt,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct InputKeyEventWrapper {
    pub data: InputKeyEvent,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct InputBtnEventWrapper {
    pub data: InputBtnEvent,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct InputMoveEventWrapper {
    pub data: InputMoveEvent,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct InputMultiTouchEventWrapper {
    pub data: InputMultiTouchEvent,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct InputEvent {
    #[qapi(discriminator)]
    pub r#type: InputEventBranch,
}

#[qapi::branches(tag = InputEventKind)]
#[derive(Debug, Clone, PartialEq)]
pub enum InputEventBranch {
    Key(InputKeyEventWrapper),
    Btn(InputBtnEventWrapper),
    Rel(InputMoveEventWrapper),
    Abs(InputMoveEventWrapper),
    Mtt(InputMultiTouchEventWrapper),
}

#[qapi::command]
pub fn input_send_event(
    device: Option<String>,
    head: Option<i64>,
    events: Vec<InputEvent>,
) -> Result<()>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct DisplayGTK {
    pub grab_on_hover: Option<bool>,
    pub zoom_to_fit: Option<bool>,
    pub show_tabs: Option<bool>,
    pub show_menubar: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct DisplayEGLHeadless {
    pub rendernode: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct DisplayDBus {
    pub rendernode: Option<String>,
    pub addr: Option<String>,
    pub p2p: Option<bool>,
    pub audiodev: Option<String>,
}

#[qapi::enumeration]
pub enum DisplayGLMode {
    Off,
    On,
    Core,
    Es,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct DisplayCurses {
    pub charset: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct DisplayCocoa {
    pub left_command_key: Option<bool>,
    pub full_grab: Option<bool>,
    pub swap_opt_cmd: Option<bool>,
    pub zoom_to_fit: Option<bool>,
    pub zoom_interpolation: Option<bool>,
}

#[qapi::enumeration]
pub enum HotKeyMod {
    LctrlLalt,
    LshiftLctrlLalt,
    Rctrl,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct DisplaySDL {
    pub grab_mod: Option<HotKeyMod>,
}

#[qapi::enumeration]
pub enum DisplayType {
    Default,
    None,
    #[qapi(if = CONFIG_GTK)]
    Gtk,
    #[qapi(if = CONFIG_SDL)]
    Sdl,
    #[qapi(if = CONFIG_OPENGL)]
    EglHeadless,
    #[qapi(if = CONFIG_CURSES)]
    Curses,
    #[qapi(if = CONFIG_COCOA)]
    Cocoa,
    #[qapi(if = CONFIG_SPICE)]
    SpiceApp,
    #[qapi(if = CONFIG_DBUS_DISPLAY)]
    Dbus,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct DisplayOptions {
    #[qapi(discriminator)]
    pub r#type: DisplayOptionsBranch,
    pub full_screen: Option<bool>,
    pub window_close: Option<bool>,
    pub show_cursor: Option<bool>,
    pub gl: Option<DisplayGLMode>,
}

#[qapi::branches(tag = DisplayType)]
#[derive(Debug, Clone, PartialEq)]
pub enum DisplayOptionsBranch {
    #[qapi(if = CONFIG_GTK)]
    Gtk(DisplayGTK),
    #[qapi(if = CONFIG_COCOA)]
    Cocoa(DisplayCocoa),
    #[qapi(if = CONFIG_CURSES)]
    Curses(DisplayCurses),
    #[qapi(if = CONFIG_OPENGL)]
    EglHeadless(DisplayEGLHeadless),
    #[qapi(if = CONFIG_DBUS_DISPLAY)]
    Dbus(DisplayDBus),
    #[qapi(if = CONFIG_SDL)]
    Sdl(DisplaySDL),
    Default,
    None,
    SpiceApp,
}

#[qapi::command]
pub fn query_display_options() -> Result<DisplayOptions>;

#[qapi::enumeration]
pub enum DisplayReloadType {
    Vnc,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct DisplayReloadOptionsVNC {
    pub tls_certs: Option<bool>,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct DisplayReloadOptions {
    #[qapi(discriminator)]
    pub r#type: DisplayReloadOptionsBranch,
}

#[qapi::branches(tag = DisplayReloadType)]
#[derive(Debug, Clone, PartialEq)]
pub enum DisplayReloadOptionsBranch {
    Vnc(DisplayReloadOptionsVNC),
}

#[qapi::command(boxed)]
pub fn display_reload(args: DisplayReloadOptions) -> Result<()>;

#[qapi::enumeration]
pub enum DisplayUpdateType {
    Vnc,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct DisplayUpdateOptionsVNC {
    pub addresses: Option<Vec<SocketAddress>>,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct DisplayUpdateOptions {
    #[qapi(discriminator)]
    pub r#type: DisplayUpdateOptionsBranch,
}

#[qapi::branches(tag = DisplayUpdateType)]
#[derive(Debug, Clone, PartialEq)]
pub enum DisplayUpdateOptionsBranch {
    Vnc(DisplayUpdateOptionsVNC),
}

#[qapi::command(boxed)]
pub fn display_update(args: DisplayUpdateOptions) -> Result<()>;

#[qapi::command(name = "client_migrate_info", pragma(command_name_exception))]
pub fn client_migrate_info(
    protocol: String,
    hostname: String,
    port: Option<i64>,
    tls_port: Option<i64>,
    cert_subject: Option<String>,
) -> Result<()>;
