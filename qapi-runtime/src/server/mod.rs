//! The QMP server: monitors, the dispatcher, events.
//!
//! Layers, from the wire inward:
//! - [`transport`]: stdio, unix and TCP sockets, one reader thread per
//!   monitor and a writer for output that arrives while the reader waits;
//! - [`session::Session`]: one monitor's protocol state, sans I/O: bytes in,
//!   bytes out (tests drive it directly);
//! - [`dispatch`]: QEMU's request checks, in QEMU's order;
//! - [`events`]: the typed emit API, timestamps, throttling and broadcast;
//! - [`stop`]: how a server ends ([`StopHandle`], [`Server::wait`]).
//!
//! A program runs each monitor on a thread of its own (`serve_unix`,
//! `serve_tcp`, `serve_stdio`, or `serve_connection` on any byte stream),
//! as many as it likes over one [`Server`], and waits for the end on
//! another: [`Server::wait`] returns how the server ended (`quit` gives
//! the machine's exit status) and every `serve_*` call returns.  The
//! library never ends the process.
//!
//! All in-band commands of all monitors run one at a time under one lock
//! on the machine state (QEMU's big lock).  Commands run to completion when
//! they are read, so out-of-band requests never wait behind a queue.

pub mod dispatch;
pub mod events;
pub mod session;
pub mod stop;
pub mod transport;

use std::collections::HashMap;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use crate::command::Handlers;
use crate::config::Config;
use crate::desc::{Entity, Kind};
use crate::introspect::{self, Schema};
use crate::registry::{Registry, RegistryError};
use crate::value::{Dict, Value};
use crate::visit::output::ShapingPlan;

pub use events::EventSink;
pub use session::Session;
pub use stop::{Ended, StopHandle};

use stop::Control;

/// What the server needs to know of the machine it serves.
pub trait Machine: Send + 'static {
    /// QEMU's phase check: commands without `allow-preconfig` are refused
    /// until the machine is initialised (`--preconfig` delays that).
    fn machine_ready(&self) -> bool {
        true
    }
    /// Once `Some(status)`, the monitor that ran the command answers it
    /// and the server ends: [`Server::wait`] returns [`Ended::Exit`] with
    /// that status (`quit`).
    fn exit_requested(&self) -> Option<i32> {
        None
    }
}

/// Everything the monitors of one server share.
pub(crate) struct Shared<S> {
    pub registry: &'static Registry,
    pub config: Config,
    pub handlers: Handlers<S>,
    /// The commands whose condition holds, by name.
    pub commands: HashMap<&'static str, &'static Entity>,
    pub state: Mutex<S>,
    pub events: EventSink,
    /// Replies computed once and kept as JSON text.
    query_commands: OnceLock<Arc<[u8]>>,
    query_qmp_schema: OnceLock<Arc<[u8]>>,
    /// Which commands' replies need shaping, computed at the first reply.
    shaping: OnceLock<ShapingPlan>,
    /// Set when the machine asked to exit.
    exit: AtomicI32,
    /// How the server ended, and what wakes its transports.
    control: Arc<Control>,
}

const NO_EXIT: i32 = i32::MIN;

/// A QMP server for one configuration.
pub struct Server<S> {
    shared: Arc<Shared<S>>,
}

impl<S> Clone for Server<S> {
    fn clone(&self) -> Self {
        Server {
            shared: self.shared.clone(),
        }
    }
}

/// Why a server cannot start.
#[derive(Debug)]
pub enum ServerError {
    Registry(RegistryError),
    /// The schema does not place the QMP protocol core.
    NoProtocolCore,
}

impl std::fmt::Display for ServerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServerError::Registry(e) => e.fmt(f),
            ServerError::NoProtocolCore => write!(
                f,
                "the program's schema does not place the QMP protocol core \
                 (qmp_capabilities, query-commands, query-qmp-schema): write \
                 `qapi::protocol!();` in one of its modules"
            ),
        }
    }
}

impl std::error::Error for ServerError {}

impl<S: Machine> Server<S> {
    /// A server for `config` over its program's registry (the one linked
    /// program's when the configuration names none).  `make_state` gets
    /// the event sink the machine emits events through.
    pub fn new(
        config: impl Into<Config>,
        handlers: Handlers<S>,
        make_state: impl FnOnce(EventSink) -> S,
    ) -> Result<Server<S>, ServerError> {
        let config = config.into();
        let registry = match config.program {
            Some(p) => Registry::of(p),
            None => Registry::global(),
        };
        let registry = registry.map_err(ServerError::Registry)?;
        Self::with_registry(registry, config, handlers, make_state)
    }

    pub fn with_registry(
        registry: &'static Registry,
        config: Config,
        handlers: Handlers<S>,
        make_state: impl FnOnce(EventSink) -> S,
    ) -> Result<Server<S>, ServerError> {
        let placed = |core: &'static Entity| {
            registry
                .get(core.name)
                .is_some_and(|e| crate::protocol::is(e, core))
        };
        if !crate::protocol::ALL.into_iter().all(placed) {
            return Err(ServerError::NoProtocolCore);
        }
        let commands = registry
            .commands()
            .filter(|c| config.eval(c.cond))
            .map(|c| (c.name, c))
            .collect();
        let events = EventSink::new(config.clone());
        let state = make_state(events.clone());
        Ok(Server {
            shared: Arc::new(Shared {
                registry,
                config,
                handlers,
                commands,
                state: Mutex::new(state),
                events,
                query_commands: OnceLock::new(),
                query_qmp_schema: OnceLock::new(),
                shaping: OnceLock::new(),
                exit: AtomicI32::new(NO_EXIT),
                control: Arc::new(Control::default()),
            }),
        })
    }

    pub fn config(&self) -> &Config {
        &self.shared.config
    }

    /// A new monitor session; `offer_oob` as QEMU offers it for monitors
    /// that run in the I/O thread (sockets and stdio).
    pub fn session(&self, offer_oob: bool) -> Session<S> {
        Session::new(self.shared.clone(), offer_oob)
    }

    /// The event sink the machine emits through.
    pub fn events(&self) -> &EventSink {
        &self.shared.events
    }

    /// Runs `f` on the machine state under the big lock.
    pub fn with_state<R>(&self, f: impl FnOnce(&mut S) -> R) -> R {
        f(&mut self.shared.lock_state())
    }

    /// The exit status the machine asked for, if it did.
    pub fn exit_status(&self) -> Option<i32> {
        self.shared.exit_status()
    }

    /// A handle that stops this server from any thread.
    pub fn stop_handle(&self) -> StopHandle {
        let events = self.shared.events.clone();
        StopHandle {
            control: self.shared.control.clone(),
            drain: Arc::new(move |d| events.drain_all(d)),
        }
    }

    /// Blocks until the server ends (`quit`, a `-compat ...=crash`
    /// violation, or [`StopHandle`]), lets every monitor's pending output
    /// be written (up to a second; not after an abort), makes every
    /// `serve_*` call on a socket return, and says how it ended.  The
    /// program decides what follows (QEMU's binary exits with
    /// [`Ended::status`]).
    pub fn wait(&self) -> Ended {
        let ended = self.shared.control.wait();
        if ended != Ended::Abort {
            self.events().drain_all(Duration::from_secs(1));
        }
        self.shared.control.wake_all();
        ended
    }

    /// How the server ended, if it did (does not block).
    pub fn ended(&self) -> Option<Ended> {
        self.shared.control.ended()
    }
}

impl<S: Machine> Shared<S> {
    pub fn lock_state(&self) -> MutexGuard<'_, S> {
        // A panicking handler is contained by the dispatcher; a poisoned
        // lock only means one did, and the state is still usable.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn note_exit(&self, state: &S) {
        if let Some(code) = state.exit_requested() {
            self.exit.store(code, Ordering::SeqCst);
        }
    }

    pub fn exit_status(&self) -> Option<i32> {
        match self.exit.load(Ordering::SeqCst) {
            NO_EXIT => None,
            c => Some(c),
        }
    }

    /// `query-commands`: the command list in reverse registration order.
    /// QEMU registers the generated commands in schema order, then the
    /// hand-written ones (`gen: false`).
    pub fn query_commands(&self) -> Arc<[u8]> {
        self.query_commands
            .get_or_init(|| {
                let enabled = |c: &&'static Entity| self.config.eval(c.cond);
                let generated =
                    |c: &&'static Entity| matches!(&c.kind, Kind::Command(d) if d.generated);
                let mut order: Vec<&'static Entity> = self
                    .registry
                    .commands()
                    .filter(enabled)
                    .filter(generated)
                    .collect();
                order.extend(
                    self.registry
                        .commands()
                        .filter(enabled)
                        .filter(|c| !generated(c)),
                );
                let list = order
                    .iter()
                    .rev()
                    .map(|c| {
                        let mut d = Dict::with_capacity(1);
                        d.push_unique("name", c.name);
                        Value::Dict(d)
                    })
                    .collect::<Vec<_>>();
                raw(&Value::List(list))
            })
            .clone()
    }

    /// Which commands' replies need shaping (see [`crate::visit::output`]).
    pub fn shaping(&self) -> &ShapingPlan {
        self.shaping.get_or_init(|| {
            let rets = self
                .commands
                .values()
                .filter_map(|c| Some((c.name, c.as_command()?.ret?)));
            ShapingPlan::new(rets, &self.config)
        })
    }

    /// `query-qmp-schema`, computed once per server.
    pub fn query_qmp_schema(&self) -> Arc<[u8]> {
        self.query_qmp_schema
            .get_or_init(|| {
                let schema = Schema::compute(self.registry);
                raw(&introspect::query_qmp_schema(&schema, &self.config))
            })
            .clone()
    }
}

/// A value written once, to be sent many times.
fn raw(v: &Value) -> Arc<[u8]> {
    Arc::from(crate::json::to_vec(v))
}
