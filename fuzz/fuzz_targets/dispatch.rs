//! The QMP dispatcher over the whole qapi-defs registry (x86_64, Debian's
//! build), through a sans-IO session.
//!
//! A trivial `Machine` and no handlers: every command is argument-checked,
//! then answers "not implemented", but for the built-in `qmp_capabilities`,
//! `query-commands` and `query-qmp-schema`.  (The `model` target runs the
//! binary's own handlers.)
//!
//! Input: byte 0 picks the mode (see `qapi_fuzz::qmp`).
//! - 0: raw bytes, after `{"execute":"qmp_capabilities"}`;
//! - 1: raw bytes, before negotiation;
//! - 2, 3: requests built from introspection, after negotiation (3: with
//!   the `oob` capability).  Each request takes a command of the registry,
//!   arguments generated from its argument type's descriptor (members of
//!   the right JSON type, now and then of a wrong one, missing or extra),
//!   an `id` of any JSON type, and now and then a broken envelope.
//!
//! Invariants: no panic; every reply is one JSON object as our parser
//! reads it (unless it echoes an `id` holding `inf`/`nan`: QEMU writes
//! those as such), with exactly one of `return` and `error`; exactly one
//! reply per message the stream parser yields, in order, carrying the
//! request's `id` when it was an object with one; error replies bounded
//! by the input's size.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use qapi_defs as _;
use qapi_fuzz::Src;
use qapi_fuzz::qmp::{Commands, run};
use qapi_runtime::server::{Machine, Server};
use qapi_runtime::Handlers;

struct State;

impl Machine for State {}

static WORLD: LazyLock<(Server<State>, Commands)> = LazyLock::new(|| {
    let config = qapi_defs::qemu::config("x86_64").expect("x86_64 config");
    let commands = Commands::new(&config);
    let server = Server::new(config, Handlers::new(), |_| State).expect("server");
    (server, commands)
});

fuzz_target!(|data: &[u8]| {
    let (server, commands) = &*WORLD;
    let mut src = Src::new(data);
    let mode = src.byte();
    run(server, commands, mode, &mut src);
});
