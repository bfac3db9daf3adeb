//! One monitor, sans I/O: bytes in, bytes out.
//!
//! A [`Session`] owns the monitor's JSON stream parser and protocol state.
//! Its output — replies and the events broadcast to it — goes through an
//! [`Outbox`], in the order it was produced; the transport drains it.

use std::sync::Arc;

use crate::json::{Parsed, StreamParser};
use crate::value::{Dict, Value};

use super::dispatch::{MonitorState, Response, error_response};
use super::outbox::Outbox;
use super::{Machine, Shared};

/// Called after each response is queued (the transport writes it out
/// at once, as QEMU does before it reads the next request).
type AfterResponse = Box<dyn FnMut() + Send>;

/// One QMP monitor.
pub struct Session<S> {
    parser: StreamParser,
    mon: Monitor<S>,
}

/// A monitor's state apart from its parser, so that each message is
/// handled as soon as the parser yields it.
struct Monitor<S> {
    shared: Arc<Shared<S>>,
    state: MonitorState,
    out: Arc<Outbox>,
    after_response: Option<AfterResponse>,
    aborted: bool,
}

impl<S: Machine> Session<S> {
    pub(crate) fn new(shared: Arc<Shared<S>>, offer_oob: bool) -> Session<S> {
        let out = Arc::new(Outbox::new());
        shared.events.attach(&out);
        Session {
            parser: StreamParser::new(),
            mon: Monitor {
                shared,
                state: MonitorState {
                    offer_oob,
                    ..MonitorState::default()
                },
                out,
                after_response: None,
                aborted: false,
            },
        }
    }

    /// Runs `f` after each response is queued.
    pub fn set_after_response(&mut self, f: impl FnMut() + Send + 'static) {
        self.mon.after_response = Some(Box::new(f));
    }

    /// The monitor's output queue.
    pub fn outbox(&self) -> &Arc<Outbox> {
        &self.mon.out
    }

    /// Queues the greeting (`{"QMP": {"version": ..., "capabilities": ...}}`).
    pub fn greet(&self) {
        let id = &self.mon.shared.config.identity;
        // QMP's greeting calls the version triple `qemu` whatever the program.
        let mut qemu = Dict::with_capacity(3);
        qemu.push_unique("major", id.version.0 as i64);
        qemu.push_unique("minor", id.version.1 as i64);
        qemu.push_unique("micro", id.version.2 as i64);
        let mut version = Dict::with_capacity(2);
        version.push_unique("qemu", qemu);
        version.push_unique("package", id.package.as_str());
        let caps: Vec<Value> = if self.mon.state.offer_oob {
            vec!["oob".into()]
        } else {
            vec![]
        };
        let mut qmp = Dict::with_capacity(2);
        qmp.push_unique("version", version);
        qmp.push_unique("capabilities", Value::List(caps));
        let mut g = Dict::with_capacity(1);
        g.push_unique("QMP", qmp);
        self.mon.out.push_own(&Value::Dict(g));
    }

    /// Feeds bytes from the client; replies (and events) go to the outbox.
    /// Each message is handled as soon as it is complete, so at most one
    /// parsed request waits at any time.  Once the machine asked to exit
    /// (`quit`), nothing more is handled, as QEMU reads no further request
    /// before the one in hand is answered.
    pub fn feed(&mut self, bytes: &[u8]) {
        let Session { parser, mon } = self;
        parser.feed(bytes, &mut |p| {
            // Nothing is handled after `quit` or a fatal policy violation.
            if !mon.aborted && mon.shared.exit_status().is_none() {
                mon.handle(p);
            }
        });
    }

    /// Whether a `-compat ...=crash` policy was violated: the transport
    /// writes the replies so far and aborts the process.
    pub fn aborted(&self) -> bool {
        self.mon.aborted
    }

    /// Feeds bytes and returns all output produced so far (in-process use).
    pub fn exchange(&mut self, bytes: &[u8]) -> Vec<u8> {
        self.feed(bytes);
        self.mon.out.take()
    }

    /// The exit status, once the machine asked to exit.
    pub fn exit_status(&self) -> Option<i32> {
        self.mon.shared.exit_status()
    }
}

impl<S: Machine> Monitor<S> {
    fn handle(&mut self, p: Parsed) {
        let response = match p {
            Parsed::Error(desc) => {
                Response::Reply(error_response(&crate::Error::generic(desc), None))
            }
            Parsed::Value(req) => {
                let mut state = self.shared.lock_state();
                let r = self.shared.dispatch(&mut self.state, req, &mut state);
                self.shared.note_exit(&state);
                self.out.set_negotiated(self.state.negotiated);
                r
            }
        };
        match response {
            Response::Reply(r) => self.out.push_own(&r),
            Response::CachedReturn { ret, id } => self.out.push_own_return_text(&ret, id.as_ref()),
            Response::Silent => {}
            Response::Abort => self.aborted = true,
        }
        if let Some(f) = self.after_response.as_mut() {
            f();
        }
    }
}

impl<S> Drop for Session<S> {
    fn drop(&mut self) {
        self.mon.out.close();
    }
}
