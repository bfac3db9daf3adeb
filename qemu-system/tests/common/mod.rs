//! Helpers shared by the integration tests: find the reference captures,
//! run `qemu-system` the way the captures ran QEMU, talk QMP over its
//! stdio with a timeout on every read, and report differences readably.
//!
//! Each test file uses a subset of these helpers.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// The command line of the captures (after the program name).
pub const CAPTURE_ARGS: &[&str] = &[
    "-machine",
    "none",
    "-nodefaults",
    "-display",
    "none",
    "-S",
    "-qmp",
    "stdio",
];

/// The captures' command line as x86_64 with one
/// `-qmp unix:PATH,server=on,wait=off` monitor per socket instead of
/// `-qmp stdio`.
pub fn unix_monitors(sockets: &[PathBuf]) -> Command {
    let machine = CAPTURE_ARGS
        .strip_suffix(&["-qmp", "stdio"])
        .expect("the captures end with -qmp stdio");
    let mut cmd = Command::new(binary());
    cmd.args(["-target", "x86_64"]).args(machine);
    for s in sockets {
        cmd.arg("-qmp")
            .arg(format!("unix:{},server=on,wait=off", s.display()));
    }
    cmd
}

/// How long output must stay silent before a reply set counts as complete.
pub const SILENCE: Duration = Duration::from_millis(300);

/// QEMU 10.0's 29 system targets, as `qemu-system-<name>` calls them.
pub fn targets() -> Vec<&'static str> {
    qapi_defs::qemu::targets::TARGETS
        .iter()
        .map(|t| t.name)
        .collect()
}

/// Debian's system emulators: the 29 targets and the microvm build.
pub fn debian_binaries() -> Vec<&'static str> {
    let mut v = targets();
    v.push("x86_64-microvm");
    v
}

/// The binary under test.
pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_qemu-system"))
}

// Each test file uses some of these.
#[allow(unused_imports)]
pub use qapi_test_support::{
    diff_lines, parallel, read_reference, reference_dir, show, workspace_root,
};

/// A scratch folder (removed when dropped) that can hold links to the
/// binary under test.
pub struct TempDir(qapi_test_support::TempDir);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        TempDir(qapi_test_support::TempDir::new(tag))
    }

    pub fn path(&self) -> &Path {
        self.0.path()
    }

    /// A symlink `qemu-system-<target>` to the binary under test.
    pub fn link(&self, target: &str) -> PathBuf {
        let link = self.path().join(format!("qemu-system-{target}"));
        if !link.exists() {
            std::os::unix::fs::symlink(binary(), &link)
                .unwrap_or_else(|e| panic!("symlink {}: {e}", link.display()));
        }
        link
    }
}

/// A running emulator with its stdio; killed when dropped.
pub struct Qemu {
    child: Child,
    stdin: Option<ChildStdin>,
    rx: Receiver<Vec<u8>>,
    /// Output received but not yet returned as lines.
    buf: Vec<u8>,
    eof: bool,
    stderr_rx: Receiver<Vec<u8>>,
}

/// What [`Qemu::collect`] gathered.
#[derive(Debug, Default)]
pub struct Collected {
    /// Complete lines, each with its line terminator.
    pub lines: Vec<Vec<u8>>,
    /// Output after the last line terminator.
    pub partial: Vec<u8>,
}

impl Qemu {
    pub fn spawn(program: &Path, args: &[String]) -> Qemu {
        let mut child = Command::new(program)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", program.display()));
        let stdout = child.stdout.take().expect("piped stdout");
        let stderr = child.stderr.take().expect("piped stderr");
        Qemu {
            stdin: child.stdin.take(),
            rx: pump(stdout),
            stderr_rx: pump(stderr),
            child,
            buf: Vec::new(),
            eof: false,
        }
    }

    /// Runs the binary as `qemu-system-<target>` with the captures' command line.
    pub fn capture_like(dir: &TempDir, target: &str, extra: &[String]) -> Qemu {
        let mut args: Vec<String> = CAPTURE_ARGS.iter().map(|s| s.to_string()).collect();
        args.extend(extra.iter().cloned());
        Qemu::spawn(&dir.link(target), &args)
    }

    pub fn send(&mut self, bytes: &[u8]) {
        if let Some(w) = self.stdin.as_mut() {
            // A dead child shows up as missing replies, not as a panic here.
            if w.write_all(bytes).and_then(|()| w.flush()).is_err() {
                self.stdin = None;
            }
        }
    }

    /// Closes the child's stdin.
    pub fn close_stdin(&mut self) {
        self.stdin = None;
    }

    fn receive(&mut self, timeout: Duration) -> bool {
        if self.eof {
            return false;
        }
        match self.rx.recv_timeout(timeout) {
            Ok(chunk) => {
                self.buf.extend_from_slice(&chunk);
                true
            }
            Err(RecvTimeoutError::Timeout) => false,
            Err(RecvTimeoutError::Disconnected) => {
                self.eof = true;
                false
            }
        }
    }

    fn take_line(&mut self) -> Option<Vec<u8>> {
        let end = self.buf.iter().position(|&b| b == b'\n')?;
        Some(self.buf.drain(..=end).collect())
    }

    /// The next line (with its terminator), waiting at most `timeout`.
    pub fn read_line(&mut self, timeout: Duration) -> Option<Vec<u8>> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(l) = self.take_line() {
                return Some(l);
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() || (!self.receive(left) && self.eof) {
                return None;
            }
        }
    }

    /// Collects lines until output has been silent for `silence`, or for
    /// only `grace` once `expected` lines have arrived, or until `max`
    /// has passed, or the output ends.
    pub fn collect(
        &mut self,
        expected: usize,
        grace: Duration,
        silence: Duration,
        max: Duration,
    ) -> Collected {
        let start = Instant::now();
        let mut got = Collected::default();
        let mut last = Instant::now();
        loop {
            while let Some(l) = self.take_line() {
                got.lines.push(l);
            }
            let quiet = if got.lines.len() >= expected && self.buf.is_empty() {
                grace
            } else {
                silence
            };
            let idle_left = quiet.saturating_sub(last.elapsed());
            let total_left = max.saturating_sub(start.elapsed());
            let wait = idle_left.min(total_left);
            if wait.is_zero() || self.eof {
                break;
            }
            if self.receive(wait) {
                last = Instant::now();
            }
        }
        got.partial = std::mem::take(&mut self.buf);
        got
    }

    /// Collects until a line satisfying `stop` arrives (included) or
    /// `timeout` passes; returns the lines and whether `stop` matched.
    pub fn collect_until(
        &mut self,
        timeout: Duration,
        stop: impl Fn(&[u8]) -> bool,
    ) -> (Vec<Vec<u8>>, bool) {
        let deadline = Instant::now() + timeout;
        let mut lines = Vec::new();
        loop {
            while let Some(l) = self.take_line() {
                let hit = stop(&l);
                lines.push(l);
                if hit {
                    return (lines, true);
                }
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return (lines, false);
            }
            if !self.receive(left) && self.eof {
                return (lines, false);
            }
        }
    }

    /// Waits up to `timeout` for the process to exit; its status code.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<Option<i32>> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Ok(Some(st)) = self.child.try_wait() {
                return Some(st.code());
            }
            if Instant::now() >= deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Whatever the process wrote to stderr so far.
    pub fn stderr(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        while let Ok(c) = self.stderr_rx.try_recv() {
            out.extend_from_slice(&c);
        }
        out
    }

    /// Everything the process wrote to stderr, once it has exited: waits
    /// (up to `timeout`) for the end of the stream, which the pump thread
    /// may see after the exit.
    #[allow(dead_code)]
    pub fn stderr_to_end(&mut self, timeout: Duration) -> Vec<u8> {
        let deadline = Instant::now() + timeout;
        let mut out = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.stderr_rx.recv_timeout(left) {
                Ok(c) => out.extend_from_slice(&c),
                Err(RecvTimeoutError::Disconnected | RecvTimeoutError::Timeout) => return out,
            }
        }
    }

    pub fn id(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Qemu {
    fn drop(&mut self) {
        self.stdin = None;
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Forwards everything `r` produces, chunk by chunk, until end of file.
fn pump(mut r: impl Read + Send + 'static) -> Receiver<Vec<u8>> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut buf = vec![0u8; 65536];
        loop {
            match r.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    if tx.send(buf[..n].to_vec()).is_err() {
                        break;
                    }
                }
            }
        }
    });
    rx
}

/// Decodes standard base64 (with or without padding).
pub fn base64_decode(s: &str) -> Vec<u8> {
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::new();
    let mut acc = 0u32;
    let mut bits = 0;
    for c in s.bytes() {
        let Some(v) = val(c) else { continue };
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

/// Decodes a hex string.
pub fn hex_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    b.chunks(2)
        .map(|p| {
            let txt = std::str::from_utf8(p).expect("hex is ASCII");
            u8::from_str_radix(txt, 16).unwrap_or_else(|e| panic!("bad hex {txt:?}: {e}"))
        })
        .collect()
}

/// Replaces the numbers of `"timestamp": {"seconds": N, "microseconds": N}`
/// by `S` and `U`, so events compare regardless of when they happened.
pub fn normalize_timestamps(line: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(line.len());
    let mut i = 0;
    let keys: [&[u8]; 2] = [b"\"seconds\": ", b"\"microseconds\": "];
    let repl: [&[u8]; 2] = [b"S", b"U"];
    'outer: while i < line.len() {
        for (k, r) in keys.iter().zip(repl) {
            if line[i..].starts_with(k) && (line[..i].ends_with(b"{") || line[..i].ends_with(b", "))
            {
                out.extend_from_slice(k);
                out.extend_from_slice(r);
                i += k.len();
                while i < line.len() && line[i].is_ascii_digit() {
                    i += 1;
                }
                continue 'outer;
            }
        }
        out.push(line[i]);
        i += 1;
    }
    out
}
