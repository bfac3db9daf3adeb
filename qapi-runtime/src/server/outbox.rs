//! The output of one monitor: replies and the events broadcast to it, in
//! the order they were produced, waiting for the transport to write them.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex};

use crate::value::Value;

/// Output produced by other threads (events) that may wait for one
/// client: beyond this the client is cut off (see `Outbox::push`).
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
    pub(super) fn new() -> Outbox {
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

    /// Records whether the monitor negotiated capabilities (events go only
    /// to monitors that did).
    pub(super) fn set_negotiated(&self, negotiated: bool) {
        self.negotiated.store(negotiated, Ordering::Release);
    }

    /// Appends a message the monitor's own reader produced, written
    /// straight into the buffer (no intermediate copy of large replies);
    /// the reader flushes it itself, so nobody needs waking (a wake-up per
    /// reply costs more than the reply).
    pub(super) fn push_own(&self, message: &Value) {
        let mut g = self.lock();
        if !g.closed {
            crate::json::write(message, &mut g.buf);
            g.buf.extend_from_slice(b"\r\n");
        }
    }

    /// Like [`Outbox::push_own`], for a success response whose return
    /// value is JSON text computed once.
    pub(super) fn push_own_return_text(&self, ret: &[u8], id: Option<&Value>) {
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

fn overflow_error() -> io::Error {
    io::Error::other("the client did not read its output; connection closed")
}
