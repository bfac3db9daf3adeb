//! The QAPI module `run-state.json`.

use crate::prelude::*;

qapi::module!("run-state");

#[qapi::enumeration]
pub enum RunState {
    Debug,
    Inmigrate,
    InternalError,
    IoError,
    Paused,
    Postmigrate,
    Prelaunch,
    FinishMigrate,
    RestoreVm,
    Running,
    SaveVm,
    Shutdown,
    Suspended,
    Watchdog,
    GuestPanicked,
    Colo,
}

#[qapi::enumeration]
pub enum ShutdownCause {
    None,
    HostError,
    HostQmpQuit,
    HostQmpSystemReset,
    HostSignal,
    HostUi,
    GuestShutdown,
    GuestReset,
    GuestPanic,
    SubsystemReset,
    SnapshotLoad,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct StatusInfo {
    pub running: bool,
    pub status: RunState,
}

#[qapi::command(allow_preconfig)]
pub fn query_status() -> Result<StatusInfo>;

#[qapi::event]
pub struct Shutdown {
    pub guest: bool,
    pub reason: ShutdownCause,
}

#[qapi::event]
pub struct Powerdown;

#[qapi::event]
pub struct Reset {
    pub guest: bool,
    pub reason: ShutdownCause,
}

#[qapi::event]
pub struct Stop;

#[qapi::event]
pub struct Resume;

#[qapi::event]
pub struct Suspend;

#[qapi::event]
pub struct SuspendDisk;

#[qapi::event]
pub struct Wakeup;

#[qapi::event]
pub struct Watchdog {
    pub action: WatchdogAction,
}

#[qapi::enumeration]
pub enum WatchdogAction {
    Reset,
    Shutdown,
    Poweroff,
    Pause,
    Debug,
    None,
    InjectNmi,
}

#[qapi::enumeration]
pub enum RebootAction {
    Reset,
    Shutdown,
}

#[qapi::enumeration]
pub enum ShutdownAction {
    Poweroff,
    Pause,
}

#[qapi::enumeration]
pub enum PanicAction {
    Pause,
    Shutdown,
    ExitFailure,
    None,
}

#[qapi::command]
pub fn watchdog_set_action(action: WatchdogAction) -> Result<()>;

#[qapi::command(allow_preconfig)]
pub fn set_action(
    reboot: Option<RebootAction>,
    shutdown: Option<ShutdownAction>,
    panic: Option<PanicAction>,
    watchdog: Option<WatchdogAction>,
) -> Result<()>;

#[qapi::event]
pub struct GuestPanicked {
    pub action: GuestPanicAction,
    pub info: Option<GuestPanicInformation>,
}

#[qapi::event]
pub struct GuestCrashloaded {
    pub action: GuestPanicAction,
    pub info: Option<GuestPanicInformation>,
}

#[qapi::event]
pub struct GuestPvshutdown;

#[qapi::enumeration]
pub enum GuestPanicAction {
    Pause,
    Poweroff,
    Run,
}

#[qapi::enumeration]
pub enum GuestPanicInformationType {
    HyperV,
    S390,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct GuestPanicInformation {
    #[qapi(discriminator)]
    pub r#type: GuestPanicInformationBranch,
}

#[qapi::branches(tag = GuestPanicInformationType)]
#[derive(Debug, Clone, PartialEq)]
pub enum GuestPanicInformationBranch {
    HyperV(GuestPanicInformationHyperV),
    S390(GuestPanicInformationS390),
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct GuestPanicInformationHyperV {
    pub arg1: u64,
    pub arg2: u64,
    pub arg3: u64,
    pub arg4: u64,
    pub arg5: u64,
}

#[qapi::enumeration]
pub enum S390CrashReason {
    Unknown,
    DisabledWait,
    ExtintLoop,
    PgmintLoop,
    OpintLoop,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct GuestPanicInformationS390 {
    pub core: u32,
    pub psw_mask: u64,
    pub psw_addr: u64,
    pub reason: S390CrashReason,
}

#[qapi::event]
pub struct MemoryFailure {
    pub recipient: MemoryFailureRecipient,
    pub action: MemoryFailureAction,
    pub flags: MemoryFailureFlags,
}

#[qapi::enumeration]
pub enum MemoryFailureRecipient {
    Hypervisor,
    Guest,
}

#[qapi::enumeration]
pub enum MemoryFailureAction {
    Ignore,
    Inject,
    Fatal,
    Reset,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct MemoryFailureFlags {
    pub action_required: bool,
    pub recursive: bool,
}

#[qapi::enumeration]
pub enum NotifyVmexitOption {
    Run,
    InternalError,
    Disable,
}
