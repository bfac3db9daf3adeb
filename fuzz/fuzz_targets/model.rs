//! `dispatch` with the `qemu-system` binary's own `-machine none` model and
//! handlers (`qom-get`, `human-monitor-command`, `migrate-set-parameters`,
//! ...), from the `qemu-system` crate's library.  Behind a feature
//! (`--features model`, which the CI smoke run turns on) because it links
//! the whole model.
//!
//! A new server per input (the machine has state: `stop`, `quit`,
//! migration parameters), x86_64, `-S`; byte 0 also chooses `--preconfig`
//! (bit 2).  Handler panics, which the dispatcher turns into an "Internal
//! error" reply, abort here (libFuzzer's panic hook): they are bugs.
//! Invariants as `dispatch`; events in the output are checked and skipped;
//! after `quit` the session answers nothing more (QEMU exits).
#![no_main]

use std::sync::Arc;
use std::sync::LazyLock;
use std::sync::atomic::AtomicBool;

use libfuzzer_sys::fuzz_target;
use qapi_defs as _;
use qapi_fuzz::Src;
use qapi_fuzz::qmp::{Commands, run};
use qapi_defs::qemu::QemuConfig;
use qapi_runtime::server::Server;

use qemu_system::{handlers, machine, qom};

static WORLD: LazyLock<(QemuConfig, Commands)> = LazyLock::new(|| {
    let config = qapi_defs::qemu::config("x86_64").expect("x86_64 config");
    let commands = Commands::new(&config);
    (config, commands)
});

fuzz_target!(|data: &[u8]| {
    let (config, commands) = &*WORLD;
    let mut src = Src::new(data);
    let mode = src.byte();
    let opts = machine::MachineOptions {
        autostart: false,
        preconfig: mode & 4 != 0,
        accel: "tcg".to_owned(),
        name: None,
        uuid: None,
        chardevs: vec![qom::ChardevInfo {
            id: "compat_monitor0".to_owned(),
            socket: None,
            connected: Arc::new(AtomicBool::new(true)),
            frontend: true,
        }],
        machine_props: Vec::new(),
    };
    let cfg = config.clone();
    let server = Server::new(config.clone(), handlers::all(), |events| {
        machine::NoneMachine::new(cfg, events, opts)
    })
    .expect("server");
    run(&server, commands, mode, &mut src);
});
