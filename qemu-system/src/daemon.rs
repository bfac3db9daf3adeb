//! `-daemonize` without `fork`: the process re-runs itself detached (in a
//! new process group), with the same arguments minus `-daemonize` and a
//! marker in the environment, and waits until the child reports that it
//! is ready; then it exits 0.  If the child dies first, the parent exits 1,
//! as QEMU's parent does.
//!
//! The child's stderr is a pipe to the parent, which passes everything on
//! to its own stderr until the child writes the readiness marker on that
//! same pipe (so no message can be lost to a race), then exits.  From then
//! on the child writes nothing to stderr, as QEMU's daemon has it on
//! `/dev/null`; its stdin and stdout are `/dev/null` from the start.

use std::io::{Read, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use qemu_system::diag::{eprint_quiet, strerror};

/// Set in the environment of the daemon child.
const MARKER: &str = "QEMU_SYSTEM_RS_DAEMON_CHILD";

/// What the child writes on its stderr once ready.
const READY: &[u8] = b"\0qemu-system: daemon ready\0";

pub enum Role {
    /// This is the daemon; call [`Ready::signal`] once initialised.
    Child(Ready),
    /// This is the launching process; exit with this status.
    Parent(i32),
}

pub struct Ready;

impl Ready {
    /// Tells the waiting parent that start-up succeeded.
    pub fn signal(self) {
        let mut err = std::io::stderr();
        let _ = err.write_all(READY).and_then(|()| err.flush());
        qemu_system::diag::detach_stderr();
    }
}

/// Whether this process is the daemon child of a `-daemonize` run.
pub fn is_child() -> bool {
    std::env::var_os(MARKER).is_some()
}

pub fn daemonize(args: &[String]) -> Role {
    if is_child() {
        return Role::Child(Ready);
    }
    let argv0 = std::env::args_os().next().unwrap_or_default();
    let exe = match std::env::current_exe() {
        Ok(e) => e,
        Err(e) => {
            eprint_quiet(&format!("cannot daemonize: {}\n", strerror(&e)));
            return Role::Parent(1);
        }
    };
    let child_args = args
        .iter()
        .filter(|a| !matches!(a.as_str(), "-daemonize" | "--daemonize"));
    let spawned = Command::new(exe)
        .arg0(argv0)
        .args(child_args)
        .env(MARKER, "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn();
    let mut child = match spawned {
        Ok(c) => c,
        Err(e) => {
            eprint_quiet(&format!("cannot daemonize: {}\n", strerror(&e)));
            return Role::Parent(1);
        }
    };
    let ready = child.stderr.take().is_some_and(forward_until_ready);
    if ready {
        return Role::Parent(0);
    }
    let _ = child.wait();
    Role::Parent(1)
}

/// Copies the child's stderr to ours until the readiness marker (`true`)
/// or the end of the pipe (`false`).
fn forward_until_ready(mut from: impl Read) -> bool {
    let mut pending: Vec<u8> = Vec::new();
    let mut buf = [0u8; 4096];
    let mut out = std::io::stderr();
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) | Err(_) => {
                let _ = out.write_all(&pending);
                return false;
            }
            Ok(n) => n,
        };
        pending.extend_from_slice(&buf[..n]);
        if let Some(at) = pending.windows(READY.len()).position(|w| w == READY) {
            let _ = out.write_all(&pending[..at]).and_then(|()| out.flush());
            return true;
        }
        // Keep what could be the start of the marker.
        let keep = pending.len().min(READY.len() - 1);
        let flush_to = pending.len() - keep;
        let _ = out
            .write_all(&pending[..flush_to])
            .and_then(|()| out.flush());
        pending.drain(..flush_to);
    }
}

/// A socket chardev without a monitor: clients connect, their input goes
/// nowhere.
pub fn sink(listener: UnixListener, first: Option<UnixStream>, connected: Arc<AtomicBool>) {
    let mut next = first;
    loop {
        let mut stream = match next.take() {
            Some(s) => s,
            None => match listener.accept() {
                Ok((s, _)) => s,
                Err(_) => return,
            },
        };
        connected.store(true, Ordering::SeqCst);
        let mut buf = [0u8; 4096];
        while matches!(stream.read(&mut buf), Ok(n) if n > 0) {}
        connected.store(false, Ordering::SeqCst);
    }
}
