//! Transports: a monitor on a byte stream (stdio, unix sockets).
//!
//! Each monitor has a reader thread, which parses and dispatches what the
//! client sends and writes the replies itself (so a client that does not
//! read its replies stops being read, as QEMU stops reading it), and a
//! writer thread for output that arrives while the reader waits for input
//! (events caused by other monitors).  One client's garbage, stall or
//! disconnect touches no other monitor.

use std::io::{self, Read, Write};
use std::net::Shutdown;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::session::Outbox;
use super::{Machine, Server};

/// Size of one read from a client.
const READ_CHUNK: usize = 64 * 1024;

/// Output pending beyond this is written before the next request is handled.
const FLUSH_AT: usize = 256 * 1024;

impl<S: Machine> Server<S> {
    /// Serves one monitor connection until the client goes away.
    pub fn serve_connection<R, W>(&self, reader: R, writer: W, offer_oob: bool) -> io::Result<()>
    where
        R: Read,
        W: Write + Send + 'static,
    {
        self.serve_connection_with(reader, writer, offer_oob, None::<fn()>)
    }

    /// Serves one monitor connection until the client goes away or has
    /// not read the output of others beyond [`MAX_PENDING_EVENTS`]
    /// (`disconnect` then ends the connection: it must make the reader's
    /// blocking reads and writes return, as shutting a socket down does).
    ///
    /// [`MAX_PENDING_EVENTS`]: super::session::MAX_PENDING_EVENTS
    pub fn serve_connection_with<R, W>(
        &self,
        mut reader: R,
        writer: W,
        offer_oob: bool,
        disconnect: Option<impl Fn() + Send + Sync + 'static>,
    ) -> io::Result<()>
    where
        R: Read,
        W: Write + Send + 'static,
    {
        let mut session = self.session(offer_oob);
        let out = session.outbox().clone();
        if let Some(f) = disconnect {
            out.set_disconnect(f);
        }
        let writer = Arc::new(Mutex::new(writer));
        let bg = spawn_writer(out.clone(), writer.clone())?;
        {
            // Replies are written once per read, so pipelined requests
            // cost no write each; a large backlog is written at once so
            // memory stays bounded.
            let (out, writer) = (out.clone(), writer.clone());
            session.set_after_response(move || {
                if out.pending() > FLUSH_AT {
                    let _ = flush(&out, &writer);
                }
            });
        }
        session.greet();
        flush(&out, &writer)?;
        let mut buf = vec![0u8; READ_CHUNK];
        let result = loop {
            let n = match reader.read(&mut buf) {
                Ok(0) => break Ok(()),
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => break Err(e),
            };
            session.feed(&buf[..n]);
            if let Err(e) = flush(&out, &writer) {
                break Err(e);
            }
            if out.is_closed() {
                // The writer failed: the client is gone.
                break Ok(());
            }
            if session.aborted() {
                // `-compat ...=crash`: QEMU aborts on purpose.
                std::process::abort();
            }
            if let Some(code) = session.exit_status() {
                self.exit(code);
            }
        };
        out.close();
        drop(session);
        let _ = bg.join();
        result
    }

    /// Serves the monitor on stdin/stdout (`-qmp stdio`).
    pub fn serve_stdio(&self) -> io::Result<()> {
        self.serve_connection(io::stdin(), io::stdout(), true)
    }

    /// Listens on a unix socket and serves one client at a time, as QEMU's
    /// socket chardev does (`-qmp unix:PATH,server=on,wait=off`).
    pub fn serve_unix(&self, path: &Path) -> io::Result<()> {
        let listener = bind_unix(path)?;
        self.serve_listener(listener)
    }

    pub fn serve_listener(&self, listener: UnixListener) -> io::Result<()> {
        self.serve_listener_with(listener, None, None)
    }

    /// Serves the clients of `listener` one at a time (later clients wait
    /// in the backlog, as with QEMU's socket chardev), starting with
    /// `first` if given (a client accepted already, `wait=on`).
    /// `connected` tracks whether a client is connected.
    pub fn serve_listener_with(
        &self,
        listener: UnixListener,
        first: Option<UnixStream>,
        connected: Option<Arc<AtomicBool>>,
    ) -> io::Result<()> {
        let mut next = first;
        loop {
            let stream = match next.take() {
                Some(s) => s,
                None => match listener.accept() {
                    Ok((s, _)) => s,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(e),
                },
            };
            let (Ok(write_half), Ok(control)) = (stream.try_clone(), stream.try_clone()) else {
                continue;
            };
            if let Some(c) = &connected {
                c.store(true, Ordering::SeqCst);
            }
            // A client that does not read its events is cut off.
            let disconnect = move || {
                let _ = control.shutdown(Shutdown::Both);
            };
            // A broken connection only ends that connection.
            let _ = self.serve_connection_with(stream, write_half, true, Some(disconnect));
            if let Some(c) = &connected {
                c.store(false, Ordering::SeqCst);
            }
        }
    }

    /// Flushes every monitor (briefly), runs the exit hooks, then exits
    /// the process.
    pub fn exit(&self, code: i32) -> ! {
        self.events().drain_all(Duration::from_secs(1));
        self.run_exit_hooks();
        std::process::exit(code)
    }
}

/// Binds a unix socket, replacing a stale socket file as QEMU does.
pub fn bind_unix(path: &Path) -> io::Result<UnixListener> {
    let _ = std::fs::remove_file(path);
    UnixListener::bind(path)
}

fn flush<W: Write>(out: &Outbox, writer: &Mutex<W>) -> io::Result<()> {
    let mut w = writer.lock().unwrap_or_else(|p| p.into_inner());
    out.flush_to(&mut *w)
}

fn spawn_writer<W: Write + Send + 'static>(
    out: Arc<Outbox>,
    writer: Arc<Mutex<W>>,
) -> io::Result<std::thread::JoinHandle<()>> {
    std::thread::Builder::new()
        .name("qmp-writer".into())
        .spawn(move || {
            while out.wait_for_output() {
                if flush(&out, &writer).is_err() {
                    out.close();
                    break;
                }
            }
        })
}
