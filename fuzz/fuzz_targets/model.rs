//! `dispatch` with the `qemu-system` binary's own `-machine none` model and
//! handlers (`qom-get`, `human-monitor-command`, `migrate-set-parameters`,
//! ...), compiled in from `qapi-defs/src/bin/qemu-system/` by `#[path]`:
//! no product code changes, but the target follows the binary's internal
//! module layout, so it is behind a feature (`--features model`, which
//! the CI smoke run turns on).
//!
//! A new server per input (the machine has state: `stop`, `quit`,
//! migration parameters), x86_64, `-S`; byte 0 also chooses `--preconfig`
//! (bit 2).  Handler panics, which the dispatcher turns into an "Internal
//! error" reply, abort here (libFuzzer's panic hook): they are bugs.
//! Invariants as `dispatch`; events in the output are checked and skipped;
//! after `quit` the session answers nothing more (QEMU exits).
#![no_main]
#![allow(dead_code, unused_imports)]

use std::sync::Arc;
use std::sync::LazyLock;
use std::sync::atomic::AtomicBool;

use libfuzzer_sys::fuzz_target;
use qapi_defs as _;
use qapi_fuzz::Src;
use qapi_fuzz::qmp::{Commands, run};
use qapi_runtime::Config;
use qapi_runtime::server::Server;

#[path = "../../qapi-defs/src/bin/qemu-system/handlers/mod.rs"]
mod handlers;
#[path = "../../qapi-defs/src/bin/qemu-system/hmp.rs"]
mod hmp;
#[path = "../../qapi-defs/src/bin/qemu-system/machine.rs"]
mod machine;
#[path = "../../qapi-defs/src/bin/qemu-system/migration.rs"]
mod migration;
#[path = "../../qapi-defs/src/bin/qemu-system/qom/mod.rs"]
mod qom;

/// What the binary's `main.rs` gives its modules.
pub fn eprint_quiet(_msg: &str) {}

static WORLD: LazyLock<(Config, Commands)> = LazyLock::new(|| {
    let config = Config::debian("x86_64").expect("x86_64 config");
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
        chardevs: vec![qom::ChardevInfo {
            id: "compat_monitor0".to_owned(),
            socket: None,
            connected: Arc::new(AtomicBool::new(true)),
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
