//! Test plumbing shared by the workspace's tests, benchmarks and examples:
//! where the reference captures are, scratch folders, an emulator with a
//! unix-socket QMP monitor (ours or Debian's real one), readable diffs,
//! a thread pool for sweeps, and `/proc/<pid>/status`.
//!
//! Dev-only: nothing of the product depends on it.

use std::fmt::Write as _;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The workspace root (this crate's parent folder).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("test-support lives inside the workspace")
        .to_path_buf()
}

/// `<workspace root>/../shared`: the reference material beside the
/// repository.
pub fn shared_dir() -> PathBuf {
    workspace_root().join("..").join("shared")
}

/// `<workspace root>/../shared/reference/qemu-10.0.2`: replies of the real
/// binaries, transcripts, the error corpus.
pub fn reference_dir() -> PathBuf {
    shared_dir().join("reference").join("qemu-10.0.2")
}

/// Reads a reference file, failing the test with its path if it is missing.
pub fn read_reference(rel: &str) -> Vec<u8> {
    let p = reference_dir().join(rel);
    std::fs::read(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

/// A folder of its own under the system's temporary folder, removed when
/// dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let p = std::env::temp_dir().join(format!(
            "qapi-test-{tag}-{}-{}-{nanos}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&p).unwrap_or_else(|e| panic!("mkdir {}: {e}", p.display()));
        TempDir(p)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The command line of an empty machine, before its monitor:
/// `-machine none -nodefaults -display none -S`.
pub const MACHINE_NONE: &[&str] = &["-machine", "none", "-nodefaults", "-display", "none", "-S"];

/// Debian's real `qemu-system-<name>` (installed by `scripts/test.sh`).
pub fn real_binary(name: &str) -> PathBuf {
    PathBuf::from(format!("/usr/bin/qemu-system-{name}"))
}

/// An emulator (ours or a real one) with one unix-socket QMP monitor in a
/// folder of its own; killed when dropped.
pub struct Monitored {
    child: Child,
    socket: PathBuf,
    first: Option<UnixStream>,
    _dir: TempDir,
}

impl Monitored {
    /// Starts `program` with `args` and `-qmp unix:SOCKET,server=on,wait=off`,
    /// and waits (up to 20 s) until the socket accepts a client: that first
    /// connection is [`Monitored::take_stream`]'s.  Drop it to let another
    /// client in (the monitor serves one at a time).
    pub fn start(program: &Path, args: &[&str]) -> Monitored {
        let dir = TempDir::new("monitor");
        let socket = dir.path().join("qmp.sock");
        let mut child = Command::new(program)
            .args(args)
            .arg("-qmp")
            .arg(format!("unix:{},server=on,wait=off", socket.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", program.display()));
        let deadline = Instant::now() + Duration::from_secs(20);
        let first = loop {
            match UnixStream::connect(&socket) {
                Ok(s) => break s,
                Err(e) => {
                    if let Ok(Some(status)) = child.try_wait() {
                        panic!(
                            "{} exited before its monitor came up: {status}",
                            program.display()
                        );
                    }
                    assert!(
                        Instant::now() < deadline,
                        "{}: no QMP socket after 20 s: {e}",
                        program.display()
                    );
                    std::thread::sleep(Duration::from_millis(5));
                }
            }
        };
        Monitored {
            child,
            socket,
            first: Some(first),
            _dir: dir,
        }
    }

    /// The monitor's socket.
    pub fn socket(&self) -> &Path {
        &self.socket
    }

    /// The connection made while waiting for the monitor (once).
    pub fn take_stream(&mut self) -> UnixStream {
        self.first
            .take()
            .expect("the first connection is taken once")
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// A figure of the process's `/proc/<pid>/status`.
    pub fn status(&self, key: &str) -> Option<u64> {
        proc_status(self.pid(), key)
    }
}

impl Drop for Monitored {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A figure of `/proc/<pid>/status` (`VmRSS`, `VmHWM`, `Threads`, ...), in
/// bytes for the fields given in `kB`.
pub fn proc_status(pid: u32, key: &str) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let rest = text
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))?;
    let mut words = rest.split_whitespace();
    let n: u64 = words.next()?.parse().ok()?;
    Some(if words.next() == Some("kB") {
        n * 1024
    } else {
        n
    })
}

/// `python3` with the Python client `qemu.qmp` `release` on its path:
/// `target/python/qemu.qmp-<release>`, which `scripts/test.sh` fills
/// (`pip install --target`); installed there now if it cannot be imported.
pub fn python_with_qemu_qmp(release: &str) -> Command {
    let dir = workspace_root()
        .join("target")
        .join("python")
        .join(format!("qemu.qmp-{release}"));
    let with_path = |args: &[&str]| {
        let mut c = Command::new("python3");
        c.env("PYTHONPATH", &dir)
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .args(args);
        c
    };
    let importable = || {
        with_path(&[
            "-c",
            "import qemu.qmp, importlib.metadata as m, sys; sys.exit(m.version('qemu.qmp') != sys.argv[1])",
            release,
        ])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
    };
    // Tests run on parallel threads: one installs, the others wait.
    static INSTALL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _installing = INSTALL.lock().unwrap_or_else(|p| p.into_inner());
    if !importable() {
        let spec = format!("qemu.qmp=={release}");
        let installed = Command::new("python3")
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .args(["--upgrade", "--target"])
            .arg(&dir)
            .arg(&spec)
            .status()
            .is_ok_and(|s| s.success());
        assert!(
            installed && importable(),
            "cannot install {spec} into {}: run scripts/test.sh",
            dir.display()
        );
    }
    with_path(&[])
}

/// Bytes as a readable string: printable ASCII as is, the rest escaped,
/// cut after 400 bytes.
pub fn show(bytes: &[u8]) -> String {
    const MAX: usize = 400;
    let mut s = String::new();
    for &b in bytes.iter().take(MAX) {
        match b {
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            b'\t' => s.push_str("\\t"),
            b'\\' => s.push_str("\\\\"),
            0x20..=0x7e => s.push(b as char),
            _ => {
                let _ = write!(s, "\\x{b:02x}");
            }
        }
    }
    if bytes.len() > MAX {
        let _ = write!(s, "... ({} bytes in all)", bytes.len());
    }
    s
}

/// A line-by-line report of where `got` differs from `expected`, or
/// `None` if they are equal (long reports are cut after 40 lines).
pub fn diff_lines(expected: &[Vec<u8>], got: &[Vec<u8>]) -> Option<String> {
    if expected == got {
        return None;
    }
    let mut s = String::new();
    let n = expected.len().max(got.len());
    for i in 0..n {
        match (expected.get(i), got.get(i)) {
            (Some(e), Some(g)) if e == g => {
                let _ = writeln!(s, "    same     {}", show(e));
            }
            (e, g) => {
                if let Some(e) = e {
                    let _ = writeln!(s, "    expected {}", show(e));
                }
                if let Some(g) = g {
                    let _ = writeln!(s, "    got      {}", show(g));
                }
                if let (Some(e), Some(g)) = (e, g) {
                    let at = e.iter().zip(g.iter()).take_while(|(a, b)| a == b).count();
                    let _ = writeln!(s, "    (first difference at byte {at})");
                }
            }
        }
    }
    let lines: Vec<&str> = s.lines().collect();
    if lines.len() > 40 {
        let mut short = lines[..40].join("\n");
        let _ = write!(short, "\n    ... {} more lines", lines.len() - 40);
        return Some(short);
    }
    Some(s)
}

/// Runs `f` over `jobs` on up to `threads` threads; results in input order.
pub fn parallel<T: Send, R: Send>(
    jobs: Vec<T>,
    threads: usize,
    f: impl Fn(T) -> R + Sync,
) -> Vec<R> {
    let n = jobs.len();
    let queue = std::sync::Mutex::new(jobs.into_iter().enumerate().collect::<Vec<_>>());
    let results = std::sync::Mutex::new((0..n).map(|_| None).collect::<Vec<Option<R>>>());
    std::thread::scope(|s| {
        for _ in 0..threads.max(1) {
            s.spawn(|| {
                loop {
                    let job = queue.lock().unwrap_or_else(|p| p.into_inner()).pop();
                    let Some((i, job)) = job else { break };
                    let r = f(job);
                    results.lock().unwrap_or_else(|p| p.into_inner())[i] = Some(r);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|p| p.into_inner())
        .into_iter()
        .map(|r| r.expect("every job ran"))
        .collect()
}
