//! Transports: a monitor on a byte stream (stdio, unix and TCP sockets).
//!
//! Each monitor has a reader thread, which parses and dispatches what the
//! client sends and writes the replies itself (so a client that does not
//! read its replies stops being read, as QEMU stops reading it), and a
//! writer thread for output that arrives while the reader waits for input
//! (events caused by other monitors).  One client's garbage, stall or
//! disconnect touches no other monitor.

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use super::outbox::Outbox;
use super::stop::Ended;
use super::{Machine, Server};

/// Size of one read from a client.
const READ_CHUNK: usize = 64 * 1024;

/// Output pending beyond this is written before the next request is handled.
const FLUSH_AT: usize = 256 * 1024;

pub(super) type Disconnect = Arc<dyn Fn() + Send + Sync>;

/// Serves one monitor connection (see [`Server::serve_connection_with`]).
pub(super) fn serve_connection<S, R, W>(
    server: &Server<S>,
    mut reader: R,
    writer: W,
    offer_oob: bool,
    disconnect: Option<Disconnect>,
) -> io::Result<()>
where
    S: Machine,
    R: Read,
    W: Write + Send + 'static,
{
    let control = &server.shared.control;
    let _waker = match &disconnect {
        Some(d) => {
            let d = d.clone();
            match control.register(move || d()) {
                Some(g) => Some(g),
                None => return Ok(()),
            }
        }
        None => None,
    };
    if control.ended().is_some() {
        return Ok(());
    }
    let mut session = server.session(offer_oob);
    let out = session.outbox().clone();
    if let Some(d) = disconnect {
        out.set_disconnect(move || d());
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
        if control.ended().is_some() {
            break Ok(());
        }
        session.feed(&buf[..n]);
        if let Err(e) = flush(&out, &writer) {
            break Err(e);
        }
        if out.is_closed() {
            // The writer failed: the client is gone.
            break Ok(());
        }
        if session.aborted() {
            // `-compat ...=crash`: QEMU aborts on purpose; the program
            // decides (`Server::wait` reports it).
            control.finish(Ended::Abort);
            break Ok(());
        }
        if let Some(code) = session.exit_status() {
            control.finish(Ended::Exit(code));
            break Ok(());
        }
    };
    out.close();
    drop(session);
    let _ = bg.join();
    result
}

/// Serves the clients of `listener` one at a time, starting with `first`.
pub(super) fn serve_accepting<S: Machine, L: Listener>(
    server: &Server<S>,
    listener: L,
    first: Option<L::Stream>,
    connected: Option<Arc<AtomicBool>>,
) -> io::Result<()> {
    let control = &server.shared.control;
    // Stopping connects to the listener, which wakes `accept`.
    let Some(_waker) = control.register(listener.waker()?) else {
        return Ok(());
    };
    let mut next = first;
    loop {
        if control.ended().is_some() {
            return Ok(());
        }
        let stream = match next.take() {
            Some(s) => s,
            None => match listener.accept() {
                Ok(s) => s,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            },
        };
        if control.ended().is_some() {
            return Ok(());
        }
        let (Ok(write_half), Ok(ctl)) = (L::try_clone(&stream), L::try_clone(&stream)) else {
            continue;
        };
        if let Some(c) = &connected {
            c.store(true, Ordering::SeqCst);
        }
        // A client that does not read its events is cut off, and a
        // stopped server cuts every client off.
        let disconnect = move || L::shutdown(&ctl);
        // A broken connection only ends that connection.
        let _ = serve_connection(server, stream, write_half, true, Some(Arc::new(disconnect)));
        if let Some(c) = &connected {
            c.store(false, Ordering::SeqCst);
        }
    }
}

/// A listening socket the server accepts monitor connections on.
pub(super) trait Listener {
    type Stream: Read + Write + Send + Sync + 'static;
    fn accept(&self) -> io::Result<Self::Stream>;
    fn try_clone(s: &Self::Stream) -> io::Result<Self::Stream>;
    fn shutdown(s: &Self::Stream);
    /// What wakes a blocked `accept`: a connection to the listener itself.
    fn waker(&self) -> io::Result<impl Fn() + Send + Sync + 'static>;
}

impl Listener for UnixListener {
    type Stream = UnixStream;
    fn accept(&self) -> io::Result<UnixStream> {
        UnixListener::accept(self).map(|(s, _)| s)
    }
    fn try_clone(s: &UnixStream) -> io::Result<UnixStream> {
        s.try_clone()
    }
    fn shutdown(s: &UnixStream) {
        let _ = s.shutdown(Shutdown::Both);
    }
    fn waker(&self) -> io::Result<impl Fn() + Send + Sync + 'static> {
        let path = self.local_addr()?.as_pathname().map(Path::to_path_buf);
        Ok(move || {
            if let Some(p) = &path {
                let _ = UnixStream::connect(p);
            }
        })
    }
}

impl Listener for TcpListener {
    type Stream = TcpStream;
    fn accept(&self) -> io::Result<TcpStream> {
        TcpListener::accept(self).map(|(s, _)| s)
    }
    fn try_clone(s: &TcpStream) -> io::Result<TcpStream> {
        s.try_clone()
    }
    fn shutdown(s: &TcpStream) {
        let _ = s.shutdown(Shutdown::Both);
    }
    fn waker(&self) -> io::Result<impl Fn() + Send + Sync + 'static> {
        let addr = self.local_addr()?;
        Ok(move || {
            let _ = TcpStream::connect(addr);
        })
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
