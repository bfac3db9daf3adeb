//! Ending a server: a machine's exit request (`quit`), a `-compat ...=crash`
//! violation, or the program's own [`StopHandle::stop`].  The library never
//! ends the process: [`Server::wait`](super::Server::wait) returns how the
//! server ended and the program decides (QEMU's binary exits with the
//! status).

use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

/// How a server ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ended {
    /// The machine asked to exit with this status (`quit`), or the program
    /// did ([`StopHandle::exit`]).
    Exit(i32),
    /// A request violated a `-compat ...=crash` policy: QEMU aborts.
    Abort,
    /// [`StopHandle::stop`] was called.
    Stopped,
}

impl Ended {
    /// The exit status a process would end with (134 for an abort, as
    /// `SIGABRT` gives it).
    pub fn status(self) -> i32 {
        match self {
            Ended::Exit(c) => c,
            Ended::Abort => 134,
            Ended::Stopped => 0,
        }
    }
}

/// Makes a blocked transport return (shuts a socket down, wakes `accept`).
type Waker = Box<dyn Fn() + Send + Sync>;

#[derive(Default)]
struct State {
    ended: Option<Ended>,
    /// Set once the wakers ran: transports that start later end at once.
    woken: bool,
    next_id: u64,
    wakers: Vec<(u64, Waker)>,
}

/// The shared end-of-server state.
#[derive(Default)]
pub(crate) struct Control {
    state: Mutex<State>,
    ended: Condvar,
}

impl Control {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Records how the server ends (the first reason wins).
    pub fn finish(&self, how: Ended) {
        let mut s = self.lock();
        if s.ended.is_none() {
            s.ended = Some(how);
            self.ended.notify_all();
        }
    }

    pub fn ended(&self) -> Option<Ended> {
        self.lock().ended
    }

    /// Blocks until the server ends.
    pub fn wait(&self) -> Ended {
        let mut s = self.lock();
        loop {
            if let Some(e) = s.ended {
                return e;
            }
            s = self.ended.wait(s).unwrap_or_else(|p| p.into_inner());
        }
    }

    /// Runs every waker (once): blocked transports return.
    pub fn wake_all(&self) {
        let wakers = {
            let mut s = self.lock();
            s.woken = true;
            std::mem::take(&mut s.wakers)
        };
        for (_, w) in wakers {
            w();
        }
    }

    /// Registers a waker for a transport; `None` if the server was already
    /// shut down (the transport should return at once).
    pub fn register(&self, w: impl Fn() + Send + Sync + 'static) -> Option<WakerGuard<'_>> {
        let mut s = self.lock();
        if s.woken {
            return None;
        }
        s.next_id += 1;
        let id = s.next_id;
        s.wakers.push((id, Box::new(w)));
        Some(WakerGuard { control: self, id })
    }
}

/// Removes its waker when the transport is done.
pub(crate) struct WakerGuard<'a> {
    control: &'a Control,
    id: u64,
}

impl Drop for WakerGuard<'_> {
    fn drop(&mut self) {
        self.control.lock().wakers.retain(|(id, _)| *id != self.id);
    }
}

/// Stops a server from any thread: every `serve_*` call returns and
/// [`Server::wait`](super::Server::wait) reports how it ended.
#[derive(Clone)]
pub struct StopHandle {
    pub(crate) control: Arc<Control>,
    /// Flushes every monitor's output, briefly.
    pub(crate) drain: Arc<dyn Fn(Duration) + Send + Sync>,
}

impl StopHandle {
    /// Stops the server: [`Ended::Stopped`].
    pub fn stop(&self) {
        self.end(Ended::Stopped);
    }

    /// Stops the server as if the machine asked to exit with `status`.
    pub fn exit(&self, status: i32) {
        self.end(Ended::Exit(status));
    }

    fn end(&self, how: Ended) {
        self.control.finish(how);
        (self.drain)(Duration::from_secs(1));
        self.control.wake_all();
    }

    /// How the server ended, if it did.
    pub fn ended(&self) -> Option<Ended> {
        self.control.ended()
    }
}
