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

/// The output of one monitor: bytes waiting to be written.
pub struct Outbox {
    inner: Mutex<OutboxInner>,
    ready: Condvar,
    negotiated: AtomicBool,
}

struct OutboxInner {
    buf: Vec<u8>,
    /// The buffer being written, kept for reuse.
    spare: Vec<u8>,
    /// Threads waiting in `wait_drained`.
    drainers: usize,
    /// Someone is writing; others only append.
    writing: bool,
    closed: bool,
}

impl Outbox {
    fn new() -> Outbox {
        Outbox {
            inner: Mutex::new(OutboxInner {
                buf: Vec::new(),
                spare: Vec::new(),
                drainers: 0,
                writing: false,
                closed: false,
            }),
            ready: Condvar::new(),
            negotiated: AtomicBool::new(false),
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
    pub(crate) fn push(&self, bytes: &[u8]) {
        if self.append(bytes) {
            self.ready.notify_all();
        }
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

    fn append(&self, bytes: &[u8]) -> bool {
        let mut g = self.lock();
        if g.closed {
            return false;
        }
        g.buf.extend_from_slice(bytes);
        true
    }

    /// Bytes waiting to be written.
    pub fn pending(&self) -> usize {
        self.lock().buf.len()
    }

    /// Takes everything pending (for tests and in-process use).
    pub fn take(&self) -> Vec<u8> {
        std::mem::take(&mut self.lock().buf)
    }

    /// Writes everything pending to `w`, unless another thread is writing
    /// (it will write what was appended).  Blocks while `w` blocks.
    pub fn flush_to(&self, w: &mut dyn Write) -> io::Result<()> {
        let mut g = self.lock();
        if g.writing || g.buf.is_empty() {
            return Ok(());
        }
        g.writing = true;
        // Two buffers swap roles so that steady traffic allocates nothing.
        let mut chunk = std::mem::take(&mut g.spare);
        loop {
            chunk.clear();
            std::mem::swap(&mut chunk, &mut g.buf);
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
    shared: Arc<Shared<S>>,
    parser: StreamParser,
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
            shared,
            parser: StreamParser::new(),
            state: MonitorState {
                offer_oob,
                ..MonitorState::default()
            },
            out,
            after_response: None,
            aborted: false,
        }
    }

    /// Runs `f` after each response is queued.
    pub fn set_after_response(&mut self, f: impl FnMut() + Send + 'static) {
        self.after_response = Some(Box::new(f));
    }

    /// The monitor's output queue.
    pub fn outbox(&self) -> &Arc<Outbox> {
        &self.out
    }

    /// Queues the greeting (`{"QMP": {"version": ..., "capabilities": ...}}`).
    pub fn greet(&self) {
        let build = &self.shared.config.build;
        let mut qemu = Dict::with_capacity(3);
        qemu.push_unique("major", build.version.0 as i64);
        qemu.push_unique("minor", build.version.1 as i64);
        qemu.push_unique("micro", build.version.2 as i64);
        let mut version = Dict::with_capacity(2);
        version.push_unique("qemu", qemu);
        version.push_unique("package", build.package.as_str());
        let caps: Vec<Value> = if self.state.offer_oob {
            vec!["oob".into()]
        } else {
            vec![]
        };
        let mut qmp = Dict::with_capacity(2);
        qmp.push_unique("version", version);
        qmp.push_unique("capabilities", Value::List(caps));
        let mut g = Dict::with_capacity(1);
        g.push_unique("QMP", qmp);
        self.out.push_own(&Value::Dict(g));
    }

    /// Feeds bytes from the client; replies (and events) go to the outbox.
    /// Once the machine asked to exit (`quit`), nothing more is read, as
    /// QEMU reads no further request before the one in hand is answered.
    pub fn feed(&mut self, bytes: &[u8]) {
        let mut parsed = Vec::new();
        self.parser.feed(bytes, &mut |p| parsed.push(p));
        for p in parsed {
            // Nothing is handled after `quit` or a fatal policy violation.
            if self.aborted || self.shared.exit_status().is_some() {
                return;
            }
            self.handle(p);
        }
    }

    /// Whether a `-compat ...=crash` policy was violated: the transport
    /// writes the replies so far and aborts the process.
    pub fn aborted(&self) -> bool {
        self.aborted
    }

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
            Response::Silent => {}
            Response::Abort => self.aborted = true,
        }
        if let Some(f) = self.after_response.as_mut() {
            f();
        }
    }

    /// Feeds bytes and returns all output produced so far (in-process use).
    pub fn exchange(&mut self, bytes: &[u8]) -> Vec<u8> {
        self.feed(bytes);
        self.out.take()
    }

    /// The exit status, once the machine asked to exit.
    pub fn exit_status(&self) -> Option<i32> {
        self.shared.exit_status()
    }
}

impl<S> Drop for Session<S> {
    fn drop(&mut self) {
        self.out.close();
    }
}
