//! QMP speed, side by side with Debian's real `qemu-system-x86_64` 10.0.2
//! in the same run (`cargo bench -p qemu-system --bench qmp`).
//!
//! One client drives three servers over a unix socket: real QEMU (from
//! `QEMU_BINARY`, default `qemu-system-x86_64`; install it from Debian's
//! bookworm-backports), our binary, and a trivial echo server that answers
//! every line with a canned `query-version` reply — the client's floor.
//! Measured: start-up to greeting, sequential `query-version` round trip,
//! pipelined `query-version` (enough requests that each run lasts at least
//! a second), and the `query-qmp-schema` round trip.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const VERSION_REQ: &[u8] = b"{\"execute\":\"query-version\"}\n";
const SCHEMA_REQ: &[u8] = b"{\"execute\":\"query-qmp-schema\"}\n";
const VERSION_REPLY: &[u8] = b"{\"return\": {\"qemu\": {\"micro\": 2, \"minor\": 0, \"major\": 10}, \"package\": \"Debian 1:10.0.2+ds-2+deb13u1~bpo12+1\"}}\r\n";

/// A server under test.
enum Server {
    Process { child: Child, socket: PathBuf },
    Echo { socket: PathBuf },
}

impl Drop for Server {
    fn drop(&mut self) {
        let socket = match self {
            Server::Process { child, socket } => {
                let _ = child.kill();
                let _ = child.wait();
                socket
            }
            Server::Echo { socket } => socket,
        };
        let _ = std::fs::remove_file(socket);
    }
}

fn socket_path(tag: &str) -> PathBuf {
    std::env::temp_dir().join(format!("qmp-bench-{tag}-{}.sock", std::process::id()))
}

/// Starts a QEMU-like process and returns it with the time until its
/// greeting arrived (and the connection that read it).
fn start_process(program: &Path, extra: &[&str], tag: &str) -> (Server, Duration, Client) {
    let socket = socket_path(tag);
    let _ = std::fs::remove_file(&socket);
    let t0 = Instant::now();
    let child = Command::new(program)
        .args(extra)
        .args([
            "-machine",
            "none",
            "-nodefaults",
            "-display",
            "none",
            "-S",
            "-qmp",
        ])
        .arg(format!("unix:{},server=on,wait=off", socket.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", program.display()));
    let stream = loop {
        match UnixStream::connect(&socket) {
            Ok(s) => break s,
            Err(_) if t0.elapsed() < Duration::from_secs(20) => {
                std::thread::sleep(Duration::from_micros(200))
            }
            Err(e) => panic!("{} never listened: {e}", program.display()),
        }
    };
    let mut client = Client::new(stream);
    client.line();
    let startup = t0.elapsed();
    (Server::Process { child, socket }, startup, client)
}

/// The floor: answers every line with the `query-version` reply.
fn start_echo() -> (Server, Client) {
    let socket = socket_path("echo");
    let _ = std::fs::remove_file(&socket);
    let listener = UnixListener::bind(&socket).expect("bind echo");
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let mut w = stream.try_clone().expect("clone");
                let _ = w.write_all(b"{\"QMP\": {}}\r\n");
                let mut r = BufReader::with_capacity(1 << 16, stream);
                let mut line = Vec::new();
                let mut out = Vec::new();
                loop {
                    line.clear();
                    match r.read_until(b'\n', &mut line) {
                        Ok(0) | Err(_) => return,
                        Ok(_) => {}
                    }
                    out.extend_from_slice(VERSION_REPLY);
                    // Answer in batches when more input is already buffered.
                    if r.buffer().is_empty() {
                        if w.write_all(&out).is_err() {
                            return;
                        }
                        out.clear();
                    }
                }
            });
        }
    });
    let mut client = Client::new(UnixStream::connect(&socket).expect("connect echo"));
    client.line();
    (Server::Echo { socket }, client)
}

struct Client {
    reader: BufReader<UnixStream>,
    writer: UnixStream,
    buf: Vec<u8>,
}

impl Client {
    fn new(stream: UnixStream) -> Client {
        let writer = stream.try_clone().expect("clone");
        Client {
            reader: BufReader::with_capacity(1 << 20, stream),
            writer,
            buf: Vec::new(),
        }
    }

    fn line(&mut self) -> usize {
        self.buf.clear();
        let n = self.reader.read_until(b'\n', &mut self.buf).expect("read");
        assert!(n > 0, "server closed the connection");
        n
    }

    fn call(&mut self, req: &[u8]) -> usize {
        self.writer.write_all(req).expect("write");
        self.line()
    }

    fn negotiate(&mut self) {
        self.call(b"{\"execute\":\"qmp_capabilities\"}\n");
    }

    /// Sends `n` requests from another thread while reading `n` replies.
    fn pipelined(&mut self, req: &'static [u8], n: usize) -> Duration {
        let mut w = self.writer.try_clone().expect("clone");
        let t = Instant::now();
        let sender = std::thread::spawn(move || {
            let batch: Vec<u8> = req.repeat(1024);
            let mut left = n;
            while left > 0 {
                let k = left.min(1024);
                w.write_all(&batch[..k * req.len()]).expect("write");
                left -= k;
            }
        });
        for _ in 0..n {
            self.line();
        }
        sender.join().expect("sender");
        t.elapsed()
    }
}

/// Median of `runs` timings of `f`.
fn median(runs: usize, mut f: impl FnMut() -> Duration) -> Duration {
    let mut v: Vec<Duration> = (0..runs).map(|_| f()).collect();
    v.sort();
    v[v.len() / 2]
}

/// Requests per second, pipelined, over runs of at least a second.
fn pipelined_rate(c: &mut Client) -> f64 {
    let mut n = 1000;
    loop {
        let d = c.pipelined(VERSION_REQ, n);
        if d >= Duration::from_secs(1) {
            return n as f64 / d.as_secs_f64();
        }
        let scale = (1.2 / d.as_secs_f64().max(1e-3)).clamp(2.0, 50.0);
        n = (n as f64 * scale) as usize;
    }
}

struct Figures {
    startup: Option<Duration>,
    sequential: Duration,
    pipelined: f64,
    schema: Option<Duration>,
}

fn measure(c: &mut Client, with_schema: bool) -> Figures {
    for _ in 0..200 {
        c.call(VERSION_REQ);
    }
    let sequential = median(5, || {
        let t = Instant::now();
        for _ in 0..2000 {
            c.call(VERSION_REQ);
        }
        t.elapsed() / 2000
    });
    let pipelined = pipelined_rate(c);
    let schema = with_schema.then(|| {
        c.call(SCHEMA_REQ);
        median(21, || {
            let t = Instant::now();
            c.call(SCHEMA_REQ);
            t.elapsed()
        })
    });
    Figures {
        startup: None,
        sequential,
        pipelined,
        schema,
    }
}

fn startup(program: &Path, extra: &[&str], tag: &str) -> Duration {
    median(11, || start_process(program, extra, tag).1)
}

fn us(d: Duration) -> String {
    format!("{:.1} µs", d.as_secs_f64() * 1e6)
}

fn main() {
    // `cargo bench` passes --bench; nothing else is expected.
    let ours = PathBuf::from(env!("CARGO_BIN_EXE_qemu-system"));
    let qemu =
        PathBuf::from(std::env::var("QEMU_BINARY").unwrap_or_else(|_| "qemu-system-x86_64".into()));

    let (_echo, mut e) = start_echo();
    let floor = measure(&mut e, false);

    let (_ours_srv, _, mut o) = start_process(&ours, &["-target", "x86_64"], "ours");
    o.negotiate();
    let mut mine = measure(&mut o, true);
    mine.startup = Some(startup(&ours, &["-target", "x86_64"], "ours-start"));

    let (_qemu_srv, _, mut q) = start_process(&qemu, &[], "qemu");
    q.negotiate();
    let mut real = measure(&mut q, true);
    real.startup = Some(startup(&qemu, &[], "qemu-start"));

    let (rs, ms) = (real.startup.unwrap(), mine.startup.unwrap());
    let (rq, mq) = (real.schema.unwrap(), mine.schema.unwrap());
    println!();
    println!("| measure | QEMU 10.0.2 | qemu-system (ours) | echo floor | ours vs QEMU | goal |");
    println!("|---|---|---|---|---|---|");
    println!(
        "| start-up to greeting | {:.2} ms | {:.2} ms | - | {:.1}x faster | >= 5x |",
        rs.as_secs_f64() * 1e3,
        ms.as_secs_f64() * 1e3,
        rs.as_secs_f64() / ms.as_secs_f64()
    );
    println!(
        "| sequential query-version round trip | {} | {} | {} | {:.1}x faster; {:.2}x the floor | <= 1.5x floor |",
        us(real.sequential),
        us(mine.sequential),
        us(floor.sequential),
        real.sequential.as_secs_f64() / mine.sequential.as_secs_f64(),
        mine.sequential.as_secs_f64() / floor.sequential.as_secs_f64()
    );
    println!(
        "| pipelined query-version | {:.0}/s | {:.0}/s | {:.0}/s | {:.0}x the rate | >= 100x |",
        real.pipelined,
        mine.pipelined,
        floor.pipelined,
        mine.pipelined / real.pipelined
    );
    println!(
        "| query-qmp-schema round trip | {:.2} ms | {:.3} ms | - | {:.0}x faster | >= 50x |",
        rq.as_secs_f64() * 1e3,
        mq.as_secs_f64() * 1e3,
        rq.as_secs_f64() / mq.as_secs_f64()
    );
    let _ = std::io::stdout().flush();
}
