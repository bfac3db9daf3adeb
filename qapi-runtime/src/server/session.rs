//! One monitor, sans I/O: bytes in, bytes out.
//!
//! A [`Session`] owns the monitor's JSON stream parser and protocol state.
//! Its output — replies and the events broadcast to it — goes through an
//! [`Outbox`], in the order it was produced; the transport drains it.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};

use crate::json::{Parsed, StreamParser};
use crate::value::{Dict, Value};

use super::dispatch::{MonitorState, Response, error_response};
use super::{Machine, Shared};

/// Output produced by other threads (events) that may wait for one
/// client: beyond this the client is cut off (see [`Outbox::push`]).
///
/// A client that reads has next to nothing waiting: events are a few
/// hundred bytes and come in small bursts (QEMU throttles the chatty ones
/// to one per second).  4 MiB is some 40,000 `STOP`/`RESUME` events the
/// client has not taken, or twenty times this model's largest reply
/// (`query-qmp-schema`), so only a client that stopped reading gets there;
/// and with a monitor per socket, memory stays within a few MiB per monitor.
/// QEMU has no such limit: its `mon->outbuf` grows for as long as the
/// client does not read.
pub const MAX_PENDING_EVENTS: usize = 4 << 20;

/// A buffer that grew beyond this is not kept for reuse once written, so
/// that one large reply or backlog does not pin its memory.
const KEEP_CAPACITY: usize = 1 << 20;

/// Called when an outbox overflows, to cut the connection off.
type Disconnect = Box<dyn Fn() + Send + Sync>;

/// The output of one monitor: bytes waiting to be written.
pub struct Outbox {
    inner: Mutex<OutboxInner>,
    ready: Condvar,
    negotiated: AtomicBool,
    /// Set by the transport: ends the connection (shuts the socket down).
    disconnect: Mutex<Option<Disconnect>>,
}

struct OutboxInner {
    buf: Vec<u8>,
    /// The buffer being written, kept for reuse.
    spare: Vec<u8>,
    /// Bytes of `buf` pushed by other threads (events).
    events: usize,
    /// Bytes pushed by other threads in the chunk being written.
    events_writing: usize,
    /// Threads waiting in `wait_drained`.
    drainers: usize,
    /// Someone is writing; others only append.
    writing: bool,
    closed: bool,
    /// Closed because output of others exceeded [`MAX_PENDING_EVENTS`].
    overflowed: bool,
}

impl Outbox {
    fn new() -> Outbox {
        Outbox {
            inner: Mutex::new(OutboxInner {
                buf: Vec::new(),
                spare: Vec::new(),
                events: 0,
                events_writing: 0,
                drainers: 0,
                writing: false,
                closed: false,
                overflowed: false,
            }),
            ready: Condvar::new(),
            negotiated: AtomicBool::new(false),
            disconnect: Mutex::new(None),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, OutboxInner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub(crate) fn is_negotiated(&self) -> bool {
        self.negotiated.load(Ordering::Acquire)
    }

    /// Appends a message from another thread (an event) and wakes the
    /// monitor's writer.
    ///
    /// If the output of others the client has not taken would exceed
    /// [`MAX_PENDING_EVENTS`], the client is not reading: the outbox is
    /// closed instead, its memory freed, and the connection cut off (see
    /// [`Outbox::set_disconnect`]); other monitors are not affected.
    pub(crate) fn push(&self, bytes: &[u8]) {
        let mut g = self.lock();
        if g.closed {
            return;
        }
        if g.events + g.events_writing + bytes.len() > MAX_PENDING_EVENTS {
            g.closed = true;
            g.overflowed = true;
            g.buf = Vec::new();
            g.spare = Vec::new();
            g.events = 0;
            drop(g);
            self.ready.notify_all();
            let hook = self.disconnect.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(f) = hook.as_ref() {
                f();
            }
            return;
        }
        g.buf.extend_from_slice(bytes);
        g.events += bytes.len();
        drop(g);
        self.ready.notify_all();
    }

    /// Sets what cuts the connection off when the outbox overflows (the
    /// transport shuts the socket down, which wakes its reader and writer).
    pub fn set_disconnect(&self, f: impl Fn() + Send + Sync + 'static) {
        *self.disconnect.lock().unwrap_or_else(|p| p.into_inner()) = Some(Box::new(f));
    }

    /// Whether the outbox takes no more output.
    pub fn is_closed(&self) -> bool {
        self.lock().closed
    }

    /// Appends a message the monitor's own reader produced, written
    /// straight into the buffer (no intermediate copy of large replies);
    /// the reader flushes it itself, so nobody needs waking (a wake-up per
    /// reply costs more than the reply).
    fn push_own(&self, message: &Value) {
        let mut g = self.lock();
        if !g.closed {
            crate::json::write(message, &mut g.buf);
            g.buf.extend_from_slice(b"\r\n");
        }
    }

    /// Like [`Outbox::push_own`], for a success response whose return
    /// value is JSON text computed once.
    fn push_own_return_text(&self, ret: &[u8], id: Option<&Value>) {
        let mut g = self.lock();
        if !g.closed {
            crate::json::writer::write_return_text(ret, id, &mut g.buf);
            g.buf.extend_from_slice(b"\r\n");
        }
    }

    /// Bytes waiting to be written.
    pub fn pending(&self) -> usize {
        self.lock().buf.len()
    }

    /// Takes everything pending (for tests and in-process use).
    pub fn take(&self) -> Vec<u8> {
        let mut g = self.lock();
        g.events = 0;
        std::mem::take(&mut g.buf)
    }

    /// Writes everything pending to `w`, unless another thread is writing
    /// (it will write what was appended).  Blocks while `w` blocks.  Fails
    /// once the outbox overflowed.
    pub fn flush_to(&self, w: &mut dyn Write) -> io::Result<()> {
        let mut g = self.lock();
        if g.overflowed {
            return Err(overflow_error());
        }
        if g.writing || g.buf.is_empty() {
            return Ok(());
        }
        g.writing = true;
        // Two buffers swap roles so that steady traffic allocates nothing.
        let mut chunk = std::mem::take(&mut g.spare);
        loop {
            if g.overflowed {
                // `push` freed the buffers and woke everybody.
                g.writing = false;
                g.events_writing = 0;
                return Err(overflow_error());
            }
            chunk.clear();
            if chunk.capacity() > KEEP_CAPACITY {
                chunk = Vec::new();
            }
            std::mem::swap(&mut chunk, &mut g.buf);
            g.events_writing = std::mem::take(&mut g.events);
            if chunk.is_empty() {
                g.spare = chunk;
                g.writing = false;
                let drainers = g.drainers;
                drop(g);
                if drainers > 0 {
                    self.ready.notify_all();
                }
                return Ok(());
            }
            drop(g);
            let r = w.write_all(&chunk).and_then(|()| w.flush());
            g = self.lock();
            if let Err(e) = r {
                g.writing = false;
                g.events_writing = 0;
                g.closed = true;
                drop(g);
                self.ready.notify_all();
                return Err(e);
            }
        }
    }

    /// Waits until there is output and nobody writes it, or the outbox is
    /// closed (`false`).
    pub fn wait_for_output(&self) -> bool {
        let mut g = self.lock();
        loop {
            if g.closed {
                return false;
            }
            if !g.buf.is_empty() && !g.writing {
                return true;
            }
            g = self.ready.wait(g).unwrap_or_else(|p| p.into_inner());
        }
    }

    /// Stops accepting output and wakes waiters.
    pub fn close(&self) {
        self.lock().closed = true;
        self.ready.notify_all();
    }

    /// Waits (until `deadline`) for everything appended so far to be written.
    pub fn wait_drained(&self, deadline: std::time::Instant) {
        let mut g = self.lock();
        g.drainers += 1;
        while !g.closed && (g.writing || !g.buf.is_empty()) {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                break;
            }
            g = match self.ready.wait_timeout(g, left) {
                Ok((g, _)) => g,
                Err(p) => p.into_inner().0,
            };
        }
        g.drainers -= 1;
    }
}

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
                self.out
                    .negotiated
                    .store(self.state.negotiated, Ordering::Release);
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

fn overflow_error() -> io::Error {
    io::Error::other("the client did not read its output; connection closed")
}

impl<S> Drop for Session<S> {
    fn drop(&mut self) {
        self.mon.out.close();
    }
}
