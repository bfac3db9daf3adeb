//! The QMP server: monitors, the dispatcher, events.
//!
//! Layers, from the wire inward, one type (with its methods) per file:
//! - this file: [`Server`], the handle a program holds (monitors, state,
//!   stopping), and the [`Machine`] trait;
//! - [`transport`]: stdio, unix and TCP sockets, one reader thread per
//!   monitor and a writer for output that arrives while the reader waits;
//! - [`session::Session`]: one monitor's protocol state, sans I/O: bytes in,
//!   bytes out (tests drive it directly);
//! - [`outbox::Outbox`]: one monitor's pending output and its bound;
//! - [`dispatch`]: what the monitors share (`Shared`) and QEMU's request
//!   checks, in QEMU's order;
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
pub mod outbox;
pub mod session;
pub mod stop;
pub mod transport;

use std::io::{self, Read, Write};
use std::net::{TcpListener, ToSocketAddrs};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use crate::command::Handlers;
use crate::config::Config;
use crate::desc::Entity;
use crate::registry::{Registry, RegistryError};

pub use events::EventSink;
pub use session::Session;
pub use stop::{Ended, StopHandle};

pub(crate) use dispatch::Shared;

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
        let events = EventSink::new(config.clone());
        let state = make_state(events.clone());
        Ok(Server {
            shared: Arc::new(Shared::new(registry, config, handlers, state, events)),
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

    /// Serves one monitor connection until the client goes away or the
    /// server ends.
    pub fn serve_connection<R, W>(&self, reader: R, writer: W, offer_oob: bool) -> io::Result<()>
    where
        R: Read,
        W: Write + Send + 'static,
    {
        self.serve_connection_with(reader, writer, offer_oob, None::<fn()>)
    }

    /// Serves one monitor connection until the client goes away, the
    /// server ends, or the client has not read the output of others beyond
    /// [`MAX_PENDING_EVENTS`].  `disconnect` ends the connection: it must
    /// make the reader's blocking reads and writes return, as shutting a
    /// socket down does (without it, a stopped server leaves this call
    /// blocked in its read until the client sends or closes).
    ///
    /// [`MAX_PENDING_EVENTS`]: outbox::MAX_PENDING_EVENTS
    pub fn serve_connection_with<R, W>(
        &self,
        reader: R,
        writer: W,
        offer_oob: bool,
        disconnect: Option<impl Fn() + Send + Sync + 'static>,
    ) -> io::Result<()>
    where
        R: Read,
        W: Write + Send + 'static,
    {
        let disconnect = disconnect.map(|f| Arc::new(f) as transport::Disconnect);
        transport::serve_connection(self, reader, writer, offer_oob, disconnect)
    }

    /// Serves the monitor on stdin/stdout (`-qmp stdio`).  A stopped server
    /// leaves the thread blocked reading stdin until input arrives.
    pub fn serve_stdio(&self) -> io::Result<()> {
        self.serve_connection(io::stdin(), io::stdout(), true)
    }

    /// Listens on a unix socket and serves one client at a time, as QEMU's
    /// socket chardev does (`-qmp unix:PATH,server=on,wait=off`), until the
    /// server ends.
    pub fn serve_unix(&self, path: &Path) -> io::Result<()> {
        let listener = transport::bind_unix(path)?;
        self.serve_listener_with(listener, None, None)
    }

    /// Serves the clients of `listener` one at a time (later clients wait
    /// in the backlog, as with QEMU's socket chardev), starting with
    /// `first` if given (a client accepted already, `wait=on`), until the
    /// server ends.  `connected` tracks whether a client is connected.
    pub fn serve_listener_with(
        &self,
        listener: UnixListener,
        first: Option<UnixStream>,
        connected: Option<Arc<AtomicBool>>,
    ) -> io::Result<()> {
        transport::serve_accepting(self, listener, first, connected)
    }

    /// Listens on a TCP address and serves one client at a time
    /// (`-qmp tcp:HOST:PORT,server=on,wait=off`), until the server ends.
    pub fn serve_tcp(&self, addr: impl ToSocketAddrs) -> io::Result<()> {
        self.serve_tcp_listener(TcpListener::bind(addr)?)
    }

    /// Serves the clients of a bound TCP listener one at a time.
    pub fn serve_tcp_listener(&self, listener: TcpListener) -> io::Result<()> {
        transport::serve_accepting(self, listener, None, None)
    }
}
