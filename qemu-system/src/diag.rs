//! Messages to stderr as QEMU writes them.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set in a daemon once its parent is gone: stderr is no longer read.
static DETACHED: AtomicBool = AtomicBool::new(false);

/// From now on nothing is written to stderr (QEMU's daemon has it on
/// `/dev/null`).
pub fn detach_stderr() {
    DETACHED.store(true, Ordering::SeqCst);
}

/// Writes to stderr, never panicking; a daemon writes nothing once its
/// parent is gone.
pub fn eprint_quiet(msg: &str) {
    if DETACHED.load(Ordering::SeqCst) {
        return;
    }
    let _ = std::io::stderr().write_all(msg.as_bytes());
}

/// The `strerror` text of an I/O error (without Rust's `(os error N)`).
pub fn strerror(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}
