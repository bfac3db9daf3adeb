//! `-action` and `set-action`: what QEMU does on a guest's shutdown,
//! reboot, panic or watchdog expiry (`system/runstate-action.c`).  An
//! empty machine has no guest, so nothing triggers them yet; they are
//! kept as QEMU keeps them.

use qapi_defs::{PanicAction, RebootAction, ShutdownAction, WatchdogAction};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actions {
    pub reboot: RebootAction,
    pub shutdown: ShutdownAction,
    pub panic: PanicAction,
    pub watchdog: WatchdogAction,
}

impl Default for Actions {
    /// QEMU's defaults.
    fn default() -> Self {
        Actions {
            reboot: RebootAction::Reset,
            shutdown: ShutdownAction::Poweroff,
            panic: PanicAction::Shutdown,
            watchdog: WatchdogAction::Reset,
        }
    }
}
