//! The state of a `-machine none` QEMU, as far as QMP can see it.

use qapi_runtime::server::{EventSink, Machine};
use qapi_runtime::{Config, Value};

use qapi_defs::RunState;

/// Where the machine is in QEMU's start-up (`phase_check`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// `--preconfig`: waiting for `x-exit-preconfig`.
    Preconfig,
    /// Machine initialised.
    Ready,
}

pub struct NoneMachine {
    pub config: Config,
    pub events: EventSink,
    pub phase: Phase,
    pub run_state: RunState,
    /// The accelerator in use (`tcg` or `kvm`).
    pub accel: String,
    /// Migration parameters and capabilities as last set.
    pub migration: crate::handlers::migration::MigrationState,
    pub exit: Option<i32>,
}

impl NoneMachine {
    pub fn new(config: Config, events: EventSink, start_paused: bool, preconfig: bool, accel: Option<String>) -> Self {
        let accel = accel.unwrap_or_else(|| default_accel(&config).to_owned());
        NoneMachine {
            phase: if preconfig { Phase::Preconfig } else { Phase::Ready },
            run_state: if start_paused || preconfig { RunState::Prelaunch } else { RunState::Running },
            accel,
            migration: Default::default(),
            exit: None,
            config,
            events,
        }
    }

    /// Whether KVM support is compiled in for this target.
    pub fn kvm_present(&self) -> bool {
        self.config.defined().any(|s| s == "CONFIG_KVM")
    }

    pub fn is_running(&self) -> bool {
        self.run_state == RunState::Running
    }

    pub fn events(&self) -> &EventSink {
        &self.events
    }

    pub fn value_of<T: qapi_runtime::QapiType>(v: &T) -> Value {
        v.to_value()
    }
}

/// QEMU's default accelerator: KVM for builds without TCG (Debian's
/// microvm build), TCG otherwise.
fn default_accel(config: &Config) -> &'static str {
    if config.build.symbols.contains("CONFIG_TCG") { "tcg" } else { "kvm" }
}

impl Machine for NoneMachine {
    fn machine_ready(&self) -> bool {
        self.phase == Phase::Ready
    }
    fn exit_requested(&self) -> Option<i32> {
        self.exit
    }
}
