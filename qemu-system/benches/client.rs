//! Client speed (`cargo bench -p qemu-system --bench client`): the typed
//! client (`qapi-client`, here `qmp_client`) beside a raw socket write+read
//! the `qapi` 0.15 crate and Python's `qemu.qmp` 0.0.6 (from
//! `target/python/qemu.qmp-0.0.6`, which `scripts/test.sh` fills), on the
//! same servers in the same run: Debian's
//! real `qemu-system-x86_64` 10.0.2 and our binary, `-machine none`.
//! Each client gets a fresh server (QEMU's monitor serves one client at a
//! time).  Measured: the median of 5 runs of 2,000 sequential
//! `query-version` round trips, and our client pipelining 2,000.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use qapi_defs::schema::control;
use qapi_runtime::Empty;
use qapi_test_support::{MACHINE_NONE, Monitored};

const N: usize = 2000;

/// A fresh server with one unix-socket monitor, and the connection made
/// while waiting for it.
fn start(program: &Path, extra: &[&str]) -> (Monitored, UnixStream) {
    let args: Vec<&str> = extra.iter().chain(MACHINE_NONE).copied().collect();
    let mut server = Monitored::start(program, &args);
    let stream = server.take_stream();
    (server, stream)
}

fn median(mut f: impl FnMut() -> Duration) -> Duration {
    let mut v: Vec<Duration> = (0..5).map(|_| f()).collect();
    v.sort();
    v[2]
}

fn raw(stream: UnixStream) -> Duration {
    let mut w = stream.try_clone().unwrap();
    let mut r = BufReader::new(stream);
    let mut line = String::new();
    r.read_line(&mut line).unwrap();
    w.write_all(b"{\"execute\":\"qmp_capabilities\"}\n")
        .unwrap();
    line.clear();
    r.read_line(&mut line).unwrap();
    median(|| {
        let t = Instant::now();
        for _ in 0..N {
            w.write_all(b"{\"execute\":\"query-version\"}\n").unwrap();
            line.clear();
            r.read_line(&mut line).unwrap();
        }
        t.elapsed()
    })
}

fn ours(stream: UnixStream) -> (Duration, Duration) {
    let mut c = qmp_client::Client::handshake(qmp_client::Stream::Unix(stream), Default::default())
        .unwrap();
    let seq = median(|| {
        let t = Instant::now();
        for _ in 0..N {
            let v = c.execute::<control::query_version>(Empty {}).unwrap();
            assert_eq!(v.qemu.major, 10);
        }
        t.elapsed()
    });
    let piped = median(|| {
        let t = Instant::now();
        let ids: Vec<_> = (0..N)
            .map(|_| c.send("query-version", None, false, true).unwrap())
            .collect();
        for id in ids {
            let v = c.wait(id).unwrap().unwrap();
            qmp_client::typed::decode_return::<control::query_version>(v).unwrap();
        }
        t.elapsed()
    });
    (seq, piped)
}

fn qapi015(stream: UnixStream) -> Duration {
    let mut qmp = qapi_client::Qmp::from_stream(&stream);
    qmp.handshake().unwrap();
    median(|| {
        let t = Instant::now();
        for _ in 0..N {
            let v = qmp.execute(&qapi_client::qmp::query_version {}).unwrap();
            assert_eq!(v.qemu.major, 10);
        }
        t.elapsed()
    })
}

/// Python's `qemu.qmp`: the median of 5 x N sequential round trips.
const PY_BENCH: &str = r#"
import asyncio, sys, time
from importlib.metadata import version
from qemu.qmp import QMPClient

async def main(path, n):
    c = QMPClient('bench')
    await c.connect(path)
    ts = []
    for _ in range(5):
        t = time.perf_counter()
        for _ in range(n):
            await c.execute('query-version')
        ts.append(time.perf_counter() - t)
    ts.sort()
    print(version('qemu.qmp'), ts[2])
    await c.disconnect()

asyncio.run(main(sys.argv[1], int(sys.argv[2])))
"#;

/// The `PYTHONPATH` folder of `qemu.qmp` 0.0.6, the current release, as
/// `scripts/test.sh` installs it (`target/python/qemu.qmp-0.0.6`), if it
/// imports.
fn python() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()?
        .join("target/python/qemu.qmp-0.0.6");
    Command::new("python3")
        .env("PYTHONPATH", &dir)
        .args(["-c", "import qemu.qmp"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
        .then_some(dir)
}

/// `(version, time for N)` of `qemu.qmp` on a fresh server.
fn qemu_qmp(pythonpath: &Path, program: &Path, extra: &[&str]) -> Option<(String, Duration)> {
    let (s, stream) = start(program, extra);
    drop(stream);
    std::thread::sleep(Duration::from_millis(50));
    let out = Command::new("python3")
        .env("PYTHONPATH", pythonpath)
        .args(["-c", PY_BENCH])
        .arg(s.socket())
        .arg(N.to_string())
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let (ver, secs) = text.trim().split_once(' ')?;
    Some((ver.to_owned(), Duration::from_secs_f64(secs.parse().ok()?)))
}

fn us(d: Duration) -> String {
    format!("{:.1} us", d.as_secs_f64() * 1e6 / N as f64)
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let ours_bin = PathBuf::from(env!("CARGO_BIN_EXE_qemu-system"));
    let real = PathBuf::from(
        std::env::var_os("QEMU_BINARY").unwrap_or_else(|| "qemu-system-x86_64".into()),
    );
    let py = python();
    println!(
        "| server | raw write+read | qapi-client typed | qapi 0.15 | qemu.qmp | qapi-client pipelined |"
    );
    println!("|---|---|---|---|---|---|");
    for (name, program, extra) in [
        ("real QEMU 10.0.2", &real, &[][..]),
        ("ours", &ours_bin, &["-target", "x86_64"][..]),
    ] {
        let r = {
            let (_s, st) = start(program, extra);
            raw(st)
        };
        let (o, p) = {
            let (_s, st) = start(program, extra);
            ours(st)
        };
        let q = {
            let (_s, st) = start(program, extra);
            qapi015(st)
        };
        let py_cell = match py.as_deref().and_then(|py| qemu_qmp(py, program, extra)) {
            Some((ver, d)) => format!(
                "{} ({:.2}x raw, {ver})",
                us(d),
                d.as_secs_f64() / r.as_secs_f64()
            ),
            None => "n/a (no qemu.qmp 0.0.6: run scripts/test.sh)".to_owned(),
        };
        println!(
            "| {name} | {} | {} ({:.2}x raw) | {} ({:.2}x raw) | {py_cell} | {} |",
            us(r),
            us(o),
            o.as_secs_f64() / r.as_secs_f64(),
            us(q),
            q.as_secs_f64() / r.as_secs_f64(),
            us(p)
        );
    }
}
