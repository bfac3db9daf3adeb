//! The state of a `-machine none` QEMU, as far as QMP can see it.

use qapi_defs::qemu::QemuConfig;
use qapi_runtime::desc::Kind;
use qapi_runtime::server::{EventSink, Machine};
use qapi_runtime::{Config, QapiEnum};

use qapi_defs::{RunState, Stop};

use crate::actions::Actions;
use crate::facts::Facts;
use crate::migration::Migration;
use crate::qom::{ChardevInfo, Qom};

/// Where the machine is in QEMU's start-up (`phase_check`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// `--preconfig`: waiting for `x-exit-preconfig`.
    Preconfig,
    /// Machine initialised.
    Ready,
}

/// What the command line decided about the machine.
pub struct MachineOptions {
    /// `-S` not given: start the CPUs once the machine is ready.
    pub autostart: bool,
    pub preconfig: bool,
    /// The accelerator in use (`tcg`, `kvm`, `qtest`).
    pub accel: String,
    /// `-name`.
    pub name: Option<String>,
    /// `-uuid` (lower-case); QEMU's default is the null UUID.
    pub uuid: Option<String>,
    /// The chardevs, in creation order.
    pub chardevs: Vec<ChardevInfo>,
    /// `-machine` properties (name, value).
    pub machine_props: Vec<(String, qapi_runtime::Value)>,
}

pub struct NoneMachine {
    pub config: QemuConfig,
    pub events: EventSink,
    pub phase: Phase,
    pub run_state: RunState,
    pub autostart: bool,
    pub accel: String,
    pub name: Option<String>,
    pub uuid: String,
    pub migration: Migration,
    pub qom: Qom,
    /// The socket chardevs (yank instances), in creation order.
    pub yank_chardevs: Vec<String>,
    /// The chardevs, in creation order (`query-chardev`).
    pub chardevs: Vec<ChardevInfo>,
    /// What the target and build decide (see [`Facts`]).
    facts: Facts,
    /// `set-action`'s settings.
    pub actions: Actions,
    /// The modules loaded so far.
    pub modules: crate::emulator::modules::Modules,
    pub exit: Option<i32>,
}

impl NoneMachine {
    pub fn new(config: QemuConfig, events: EventSink, opts: MachineOptions) -> Self {
        let page_bits = target_page_bits(config.target.name);
        let qom = Qom::new(&config, &opts.chardevs, &opts.machine_props);
        NoneMachine {
            phase: if opts.preconfig {
                Phase::Preconfig
            } else {
                Phase::Ready
            },
            run_state: if opts.autostart && !opts.preconfig {
                RunState::Running
            } else {
                RunState::Prelaunch
            },
            autostart: opts.autostart,
            accel: opts.accel,
            name: opts.name,
            uuid: opts
                .uuid
                .unwrap_or_else(|| "00000000-0000-0000-0000-000000000000".to_owned()),
            migration: Migration::new(&config, page_bits),
            qom,
            yank_chardevs: opts
                .chardevs
                .iter()
                .filter(|c| c.socket.is_some())
                .map(|c| c.id.clone())
                .collect(),
            chardevs: opts.chardevs,
            facts: Facts::of(&config),
            actions: Actions::default(),
            modules: Default::default(),
            exit: None,
            config,
            events,
        }
    }

    /// The target's and build's facts: the one place handlers read them.
    pub fn target(&self) -> &Facts {
        &self.facts
    }

    /// Whether KVM support is compiled in for this target.
    pub fn kvm_present(&self) -> bool {
        self.config.defined().any(|s| s == "CONFIG_KVM")
    }

    pub fn kvm_enabled(&self) -> bool {
        self.accel == "kvm"
    }

    pub fn is_running(&self) -> bool {
        self.run_state == RunState::Running
    }

    pub fn events(&self) -> &EventSink {
        &self.events
    }

    /// `vm_start`: from any stopped state to running, with `RESUME`.
    pub fn vm_start(&mut self) {
        if !self.is_running() {
            self.run_state = RunState::Running;
            self.events.emit(&qapi_defs::Resume);
        }
    }

    /// `vm_stop(RUN_STATE_PAUSED)`: a running machine pauses, with `STOP`;
    /// a machine that never ran stays in prelaunch.
    pub fn vm_stop(&mut self) {
        if self.is_running() {
            self.run_state = RunState::Paused;
            self.events.emit(&Stop);
        }
    }
}

/// The values of a QAPI enum that exist in this configuration, in order.
pub fn enum_values<E: QapiEnum>(cfg: &Config) -> Vec<E> {
    let Some(e) = E::TYPE.entity() else {
        return E::VARIANTS.to_vec();
    };
    let Kind::Enum(desc) = &e.kind else {
        return E::VARIANTS.to_vec();
    };
    E::VARIANTS
        .iter()
        .copied()
        .filter(|v| desc.values.get(v.index()).is_none_or(|d| cfg.eval(d.cond)))
        .collect()
}

/// `TARGET_PAGE_BITS` of a system emulator with `-machine none`
/// (`target/*/cpu-param.h`; targets with variable page size settle on
/// `TARGET_PAGE_BITS_MIN` when the machine asks for nothing).
pub fn target_page_bits(target: &str) -> u32 {
    match target {
        "aarch64" | "arm" => 10,
        "avr" => 8,
        "alpha" | "or1k" | "sparc64" => 13,
        "tricore" => 14,
        _ => 12,
    }
}

impl Machine for NoneMachine {
    fn machine_ready(&self) -> bool {
        self.phase == Phase::Ready
    }
    fn exit_requested(&self) -> Option<i32> {
        self.exit
    }
}
