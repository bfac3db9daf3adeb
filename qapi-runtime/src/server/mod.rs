//! The QMP server: monitors, the dispatcher, events.
//!
//! Layers, from the wire inward:
//! - [`transport`]: stdio and unix sockets, one reader thread per monitor
//!   and a writer for output that arrives while the reader waits;
//! - [`session::Session`]: one monitor's protocol state, sans I/O: bytes in,
//!   bytes out (tests drive it directly);
//! - [`dispatch`]: QEMU's request checks, in QEMU's order;
//! - [`events`]: the typed emit API, timestamps, throttling and broadcast.
//!
//! All in-band commands of all monitors run one at a time under one lock
//! on the machine state (QEMU's big lock).  Commands run to completion when
//! they are read, so out-of-band requests never wait behind a queue.

pub mod dispatch;
pub mod events;
pub mod session;
pub mod transport;

use std::collections::HashMap;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use crate::command::Handlers;
use crate::config::Config;
use crate::desc::{Entity, Kind};
use crate::introspect::{self, Schema};
use crate::registry::{Registry, RegistryError};
use crate::value::{Dict, Value};
use crate::visit::output::ShapingPlan;

pub use events::EventSink;
pub use session::Session;

/// What the server needs to know of the machine it serves.
pub trait Machine: Send + 'static {
    /// QEMU's phase check: commands without `allow-preconfig` are refused
    /// until the machine is initialised (`--preconfig` delays that).
    fn machine_ready(&self) -> bool {
        true
    }
    /// Once `Some(status)`, the server flushes every monitor and the
    /// process exits with that status (`quit`).
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
    query_commands: OnceLock<Value>,
    query_qmp_schema: OnceLock<Value>,
    /// Which commands' replies need shaping, computed at the first reply.
    shaping: OnceLock<ShapingPlan>,
    /// Set when the machine asked to exit.
    exit: AtomicI32,
    /// Run once before the process exits (`quit`).
    exit_hooks: Mutex<Vec<ExitHook>>,
}

type ExitHook = Box<dyn FnOnce() + Send>;

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
    /// A command the protocol itself needs is not defined.
    MissingCommand(&'static str),
}

impl std::fmt::Display for ServerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServerError::Registry(e) => e.fmt(f),
            ServerError::MissingCommand(c) => write!(
                f,
                "the schema linked into this program does not define '{c}'; \
                 is the schema crate linked (`use qapi_defs as _;`)?"
            ),
        }
    }
}

impl std::error::Error for ServerError {}

impl<S: Machine> Server<S> {
    /// A server for `config` over the global registry.  `make_state` gets
    /// the event sink the machine emits events through.
    pub fn new(
        config: Config,
        handlers: Handlers<S>,
        make_state: impl FnOnce(EventSink) -> S,
    ) -> Result<Server<S>, ServerError> {
        let registry = Registry::global().map_err(ServerError::Registry)?;
        Self::with_registry(registry, config, handlers, make_state)
    }

    pub fn with_registry(
        registry: &'static Registry,
        config: Config,
        handlers: Handlers<S>,
        make_state: impl FnOnce(EventSink) -> S,
    ) -> Result<Server<S>, ServerError> {
        if registry.get("qmp_capabilities").is_none() {
            return Err(ServerError::MissingCommand("qmp_capabilities"));
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
                exit_hooks: Mutex::new(Vec::new()),
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

    /// Registers `f` to run when the server exits the process (QEMU's
    /// clean-ups at `quit`: the PID file, socket files).
    pub fn at_exit(&self, f: impl FnOnce() + Send + 'static) {
        self.shared
            .exit_hooks
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(Box::new(f));
    }

    fn run_exit_hooks(&self) {
        let hooks = std::mem::take(
            &mut *self
                .shared
                .exit_hooks
                .lock()
                .unwrap_or_else(|p| p.into_inner()),
        );
        for h in hooks {
            h();
        }
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
    pub fn query_commands(&self) -> Value {
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
    pub fn query_qmp_schema(&self) -> Value {
        self.query_qmp_schema
            .get_or_init(|| {
                let schema = Schema::compute(self.registry);
                raw(&introspect::query_qmp_schema(
                    self.registry,
                    &schema,
                    &self.config,
                ))
            })
            .clone()
    }
}

/// A value written once, to be sent many times.
fn raw(v: &Value) -> Value {
    Value::Raw(Arc::from(crate::json::to_vec(v)))
}
