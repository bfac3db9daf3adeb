//! Soak: many monitors, many requests, nothing lost (`scripts/soak.sh`).
//!
//! Starts the `qemu-system` binary with one `-qmp unix:` socket per client
//! (32 by default, as QEMU serves them: a monitor each), and drives every
//! monitor at once with a stream of pipelined requests (100,000 per client
//! by default) that mixes valid in-band commands, invalid ones (unknown
//! command, bad arguments, bad envelope), malformed JSON, and out-of-band
//! commands.  A reader per client checks, reply by reply:
//!
//! - every request that is a JSON object with an `id` is answered exactly
//!   once, with that id;
//! - in-band replies (and the errors for malformed input, which carry no
//!   id) come in request order, each exactly the text expected; out-of-band
//!   replies may come early but each exactly once;
//! - the expected texts are QEMU's: before the run, each kind of request is
//!   sent once to Debian's real `qemu-system-x86_64` (if installed; else the
//!   binary under test answers the calibration, and the report says so),
//!   and the binary under test must give the same bytes.
//!
//! Meanwhile the server's resident memory is sampled from `/proc`; the
//! report gives it at start, at each tenth of the run, at the end, and the
//! peak (`VmHWM`).  The exit status is 0 only if nothing was lost,
//! duplicated, reordered or different.
//!
//! Usage: `soak [--binary PATH] [--qemu PATH|none] [--clients N] [--requests N]`

use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;
use std::time::{Duration, Instant};

/// How a request's reply is told apart: by its `id` (in-band or OOB), or
/// by its place in the stream (malformed input gets errors without id).
#[derive(Clone, Copy, PartialEq)]
enum Lane {
    InBand,
    OutOfBand,
}

/// One kind of request.  `text` holds `@ID@` where the id goes.
struct Kind {
    name: &'static str,
    text: &'static str,
    lane: Lane,
    /// Whether the reply carries the id (false for malformed input).
    has_id: bool,
}

/// The mix, in the order it repeats: 10 kinds, so each is a tenth of the
/// requests.  `@ID@` is a string id unique to the request.
const KINDS: &[Kind] = &[
    Kind {
        name: "query-version",
        text: r#"{"execute": "query-version", "id": "@ID@"}"#,
        lane: Lane::InBand,
        has_id: true,
    },
    Kind {
        name: "qom-list /",
        text: r#"{"execute": "qom-list", "arguments": {"path": "/"}, "id": "@ID@"}"#,
        lane: Lane::InBand,
        has_id: true,
    },
    Kind {
        name: "exec-oob query-yank",
        text: r#"{"exec-oob": "query-yank", "id": "@ID@"}"#,
        lane: Lane::OutOfBand,
        has_id: true,
    },
    Kind {
        name: "unknown command",
        text: r#"{"execute": "no-such-command", "id": "@ID@"}"#,
        lane: Lane::InBand,
        has_id: true,
    },
    Kind {
        name: "bad argument",
        text: r#"{"execute": "query-name", "arguments": {"x": 1}, "id": "@ID@"}"#,
        lane: Lane::InBand,
        has_id: true,
    },
    Kind {
        name: "query-status",
        text: r#"{"execute": "query-status", "id": "@ID@"}"#,
        lane: Lane::InBand,
        has_id: true,
    },
    Kind {
        name: "exec-oob migrate-pause",
        text: r#"{"exec-oob": "migrate-pause", "id": "@ID@"}"#,
        lane: Lane::OutOfBand,
        has_id: true,
    },
    Kind {
        name: "bad envelope",
        text: r#"{"execute": "query-kvm", "arguments": [], "id": "@ID@"}"#,
        lane: Lane::InBand,
        has_id: true,
    },
    Kind {
        name: "malformed JSON",
        text: r#"{"execute": 'query-uuid', "id": nul}"#,
        lane: Lane::InBand,
        has_id: false,
    },
    Kind {
        name: "non-object",
        text: r#"["execute", "@ID@"] 01 ]"#,
        lane: Lane::InBand,
        has_id: false,
    },
];

/// Ends each calibration: its reply marks the end of a kind's replies.
const FENCE: &str = r#"{"execute": "query-target", "id": "fence"}"#;

/// The id of request `i` of client `c` (unique across the run).
fn id_of(c: usize, i: usize) -> String {
    format!("c{c}-{i}")
}

fn request(c: usize, i: usize) -> String {
    let k = &KINDS[i % KINDS.len()];
    let mut s = k.text.replace("@ID@", &id_of(c, i));
    s.push('\n');
    s
}

struct Options {
    binary: PathBuf,
    qemu: Option<PathBuf>,
    clients: usize,
    requests: usize,
}

fn options() -> Result<Options, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    // target/<profile>/examples/soak -> target/<profile>/qemu-system
    let default_binary = exe
        .parent()
        .and_then(Path::parent)
        .map(|d| d.join("qemu-system"))
        .unwrap_or_default();
    let mut o = Options {
        binary: default_binary,
        qemu: Some(PathBuf::from("/usr/bin/qemu-system-x86_64")),
        clients: 32,
        requests: 100_000,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--binary" => o.binary = PathBuf::from(value()?),
            "--qemu" => {
                let v = value()?;
                o.qemu = (v != "none").then(|| PathBuf::from(v));
            }
            "--clients" => o.clients = value()?.parse().map_err(|e| format!("--clients: {e}"))?,
            "--requests" => {
                o.requests = value()?.parse().map_err(|e| format!("--requests: {e}"))?
            }
            _ => return Err(format!("unknown option {a}")),
        }
    }
    if o.qemu.as_deref().is_some_and(|q| !q.exists()) {
        o.qemu = None;
    }
    if o.clients == 0 || o.requests == 0 {
        return Err("--clients and --requests must be at least 1".into());
    }
    Ok(o)
}

/// A server process with `n` unix-socket monitors; killed on drop.
struct Process {
    child: Child,
    dir: PathBuf,
    sockets: Vec<PathBuf>,
}

impl Process {
    /// `ours`: the binary under test, which needs `-target`.
    fn start(program: &Path, ours: bool, n: usize, tag: &str) -> Result<Process, String> {
        let dir = std::env::temp_dir().join(format!("qmp-soak-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let sockets: Vec<PathBuf> = (0..n).map(|i| dir.join(format!("m{i}.sock"))).collect();
        let mut cmd = Command::new(program);
        if ours {
            cmd.args(["-target", "x86_64"]);
        }
        cmd.args(["-machine", "none", "-nodefaults", "-display", "none", "-S"]);
        for s in &sockets {
            cmd.arg("-qmp")
                .arg(format!("unix:{},server=on,wait=off", s.display()));
        }
        let child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", program.display()))?;
        Ok(Process {
            child,
            dir,
            sockets,
        })
    }

    /// A connection to monitor `i`, greeted and negotiated with `oob`.
    fn connect(&self, i: usize) -> Result<(UnixStream, BufReader<UnixStream>), String> {
        let deadline = Instant::now() + Duration::from_secs(10);
        let stream = loop {
            match UnixStream::connect(&self.sockets[i]) {
                Ok(s) => break s,
                Err(_) if Instant::now() < deadline => thread::sleep(Duration::from_millis(5)),
                Err(e) => return Err(format!("connect {}: {e}", self.sockets[i].display())),
            }
        };
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .map_err(|e| e.to_string())?;
        let mut reader =
            BufReader::with_capacity(1 << 16, stream.try_clone().map_err(|e| e.to_string())?);
        let greeting = read_line(&mut reader)?;
        if !greeting.starts_with("{\"QMP\": ") {
            return Err(format!("greeting: {greeting}"));
        }
        (&stream)
            .write_all(
                b"{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"oob\"]}}\n",
            )
            .map_err(|e| e.to_string())?;
        let r = read_line(&mut reader)?;
        if r != "{\"return\": {}}" {
            return Err(format!("negotiation: {r}"));
        }
        Ok((stream, reader))
    }

    /// A `/proc/<pid>/status` figure in KiB (0 if unreadable).
    fn status(&self, key: &str) -> u64 {
        qapi_test_support::proc_status(self.child.id(), key).map_or(0, |bytes| bytes / 1024)
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// One line without its CR LF.
fn read_line(r: &mut impl BufRead) -> Result<String, String> {
    let mut buf = Vec::new();
    match r.read_until(b'\n', &mut buf) {
        Ok(0) => Err("the server closed the connection".into()),
        Ok(_) => {
            while buf.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
                buf.pop();
            }
            Ok(String::from_utf8_lossy(&buf).into_owned())
        }
        Err(e) => Err(format!("read: {e}")),
    }
}

/// Replies of one server with `monitors` monitors to one request of each
/// kind (id `CAL`), as templates with `@ID@` where the id goes.  (The
/// number of monitors shows in `query-yank`: each has a chardev.)
fn calibrate(program: &Path, ours: bool, monitors: usize) -> Result<Vec<Vec<String>>, String> {
    let p = Process::start(program, ours, monitors, "calibrate")?;
    let (mut stream, mut reader) = p.connect(0)?;
    let mut all = Vec::new();
    for k in KINDS {
        let req = format!("{}\n{FENCE}\n", k.text.replace("@ID@", "CAL"));
        stream
            .write_all(req.as_bytes())
            .map_err(|e| e.to_string())?;
        let mut lines = Vec::new();
        loop {
            let l = read_line(&mut reader)?;
            if l.ends_with("\"id\": \"fence\"}") {
                break;
            }
            lines.push(l.replace("CAL", "@ID@"));
        }
        all.push(lines);
    }
    Ok(all)
}

/// What one client saw.
#[derive(Default)]
struct Tally {
    sent: usize,
    replies: usize,
    errors: usize,
    oob: usize,
    mismatches: usize,
    first_problems: Vec<String>,
}

impl Tally {
    fn problem(&mut self, p: String) {
        self.mismatches += 1;
        if self.first_problems.len() < 5 {
            self.first_problems.push(p);
        }
    }
}

/// Drives one monitor: a writer thread sends every request, this thread
/// checks every reply.
fn client(
    c: usize,
    stream: UnixStream,
    mut reader: BufReader<UnixStream>,
    n: usize,
    expected: Arc<Vec<Vec<String>>>,
    progress: Arc<AtomicU64>,
) -> Tally {
    let writer = {
        let mut w = stream.try_clone().expect("clone the socket");
        thread::spawn(move || -> std::io::Result<()> {
            let mut buf = String::with_capacity(64 << 10);
            for i in 0..n {
                buf.push_str(&request(c, i));
                if buf.len() >= 60 << 10 {
                    w.write_all(buf.as_bytes())?;
                    buf.clear();
                }
            }
            w.write_all(buf.as_bytes())
        })
    };
    let mut t = Tally {
        sent: n,
        ..Tally::default()
    };
    // Replies expected, queued request by request as the replies come:
    // in-band ones in order, OOB ones by id.
    let mut inband: VecDeque<(usize, String)> = VecDeque::new();
    let mut oob: HashMap<String, String> = HashMap::new();
    let mut next = 0usize; // the next request whose replies to queue
    let queue =
        |i: usize, inband: &mut VecDeque<(usize, String)>, oob: &mut HashMap<String, String>| {
            let k = i % KINDS.len();
            let id = id_of(c, i);
            for line in &expected[k] {
                let line = line.replace("@ID@", &id);
                match KINDS[k].lane {
                    Lane::InBand => inband.push_back((i, line)),
                    Lane::OutOfBand => {
                        oob.insert(id.clone(), line);
                    }
                }
            }
        };
    loop {
        while inband.is_empty() && next < n {
            queue(next, &mut inband, &mut oob);
            next += 1;
        }
        if inband.is_empty() && oob.is_empty() {
            break;
        }
        let line = match read_line(&mut reader) {
            Ok(l) => l,
            Err(e) => {
                t.problem(format!(
                    "{e}; {} requests not answered",
                    inband.len() + oob.len() + (n - next)
                ));
                break;
            }
        };
        t.replies += 1;
        if line.contains("\"error\": ") {
            t.errors += 1;
        }
        progress.fetch_add(1, Ordering::Relaxed);
        // An OOB reply may overtake in-band ones: the requests up to it are
        // queued first.
        let oob_request = reply_id(&line)
            .and_then(|id| id.strip_prefix(&format!("c{c}-"))?.parse::<usize>().ok())
            .filter(|&i| i < n && KINDS[i % KINDS.len()].lane == Lane::OutOfBand);
        if let Some(i) = oob_request {
            while next <= i {
                queue(next, &mut inband, &mut oob);
                next += 1;
            }
            match oob.remove(&id_of(c, i)) {
                Some(want) if want == line => t.oob += 1,
                Some(want) => t.problem(format!("OOB reply {line}\n   expected {want}")),
                None => t.problem(format!("repeated OOB reply {line}")),
            }
            continue;
        }
        match inband.pop_front() {
            Some((_, want)) if want == line => {}
            Some((i, want)) => t.problem(format!(
                "reply to request {i} ({}): {line}\n   expected {want}",
                KINDS[i % KINDS.len()].name
            )),
            None => t.problem(format!("unexpected reply {line}")),
        }
    }
    match writer.join() {
        Ok(Ok(())) => {}
        Ok(Err(e)) => t.problem(format!("send: {e}")),
        Err(_) => t.problem("the writer thread failed".into()),
    }
    t
}

/// The string id of a reply, if it has one: first in an error reply,
/// last in a success reply (a return value may hold `id` members too).
fn reply_id(line: &str) -> Option<&str> {
    const KEY: &str = "\"id\": \"";
    let start = if line.starts_with("{\"id\": \"") {
        1 + KEY.len()
    } else {
        line.rfind(KEY)? + KEY.len()
    };
    let len = line[start..].find('"')?;
    Some(&line[start..start + len])
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("soak: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<bool, String> {
    let o = options()?;
    if !o.binary.exists() {
        return Err(format!(
            "no binary at {} (build it: cargo build --release -p qemu-system --bin qemu-system)",
            o.binary.display()
        ));
    }
    let kinds: Vec<&str> = KINDS.iter().map(|k| k.name).collect();
    println!(
        "soak: {} clients x {} requests, a tenth each of: {}",
        o.clients,
        o.requests,
        kinds.join(", ")
    );

    // The expected replies.
    let ours = calibrate(&o.binary, true, o.clients)?;
    let expected = match &o.qemu {
        Some(q) => {
            let theirs = calibrate(q, false, o.clients)?;
            let mut same = true;
            for (k, (a, b)) in KINDS.iter().zip(ours.iter().zip(&theirs)) {
                if a != b {
                    same = false;
                    println!(
                        "calibration: {} differs from QEMU:\n  ours {a:?}\n  QEMU {b:?}",
                        k.name
                    );
                }
            }
            if !same {
                return Ok(false);
            }
            println!(
                "expected replies: QEMU's ({}), identical to ours",
                q.display()
            );
            theirs
        }
        None => {
            println!("expected replies: the binary's own (no real QEMU to calibrate against)");
            ours
        }
    };
    let expected = Arc::new(expected);

    let server = Process::start(&o.binary, true, o.clients, "run")?;
    let mut conns = Vec::new();
    for c in 0..o.clients {
        conns.push(server.connect(c)?);
    }
    let rss_start = server.status("VmRSS");
    let threads_start = server.status("Threads");
    let progress = Arc::new(AtomicU64::new(0));
    let expected_total: u64 = (0..o.requests)
        .map(|i| expected[i % KINDS.len()].len() as u64)
        .sum::<u64>()
        * o.clients as u64;

    let t0 = Instant::now();
    let handles: Vec<_> = conns
        .into_iter()
        .enumerate()
        .map(|(c, (s, r))| {
            let expected = expected.clone();
            let progress = progress.clone();
            let n = o.requests;
            thread::spawn(move || client(c, s, r, n, expected, progress))
        })
        .collect();

    // Sample memory while the clients run.
    let mut samples = Vec::new();
    let mut next_tenth = 1;
    while handles.iter().any(|h| !h.is_finished()) {
        thread::sleep(Duration::from_millis(20));
        let done = progress.load(Ordering::Relaxed);
        while next_tenth <= 10 && done * 10 >= expected_total * next_tenth {
            samples.push((next_tenth * 10, server.status("VmRSS")));
            next_tenth += 1;
        }
    }
    let elapsed = t0.elapsed();
    let tallies: Vec<Tally> = handles
        .into_iter()
        .map(|h| {
            h.join().unwrap_or_else(|_| {
                let mut t = Tally::default();
                t.problem("a client thread failed".into());
                t
            })
        })
        .collect();
    let rss_end = server.status("VmRSS");
    let hwm = server.status("VmHWM");
    let threads_end = server.status("Threads");

    let sum = |f: fn(&Tally) -> usize| tallies.iter().map(f).sum::<usize>();
    let sent = sum(|t| t.sent);
    let replies = sum(|t| t.replies);
    let errors = sum(|t| t.errors);
    let oob = sum(|t| t.oob);
    let mismatches = sum(|t| t.mismatches);
    let with_id: usize = (0..o.requests)
        .filter(|i| KINDS[i % KINDS.len()].has_id)
        .count()
        * o.clients;
    let lost = (expected_total as usize).saturating_sub(replies);

    println!("requests sent       {sent} ({with_id} with an id)");
    println!("replies received    {replies} (expected {expected_total})");
    println!("  errors            {errors}");
    println!("  out-of-band       {oob}");
    println!("lost replies        {lost}");
    println!("wrong or reordered  {mismatches}");
    println!(
        "time                {:.1} s ({:.0} requests/s)",
        elapsed.as_secs_f64(),
        sent as f64 / elapsed.as_secs_f64()
    );
    println!(
        "server threads      {threads_start} with the clients connected, {threads_end} after they left"
    );
    println!("server RSS (KiB)    {rss_start} at start (clients connected)");
    for (pct, rss) in &samples {
        println!("                    {rss} at {pct}%");
    }
    println!("                    {rss_end} at end, peak {hwm}");
    for (c, t) in tallies.iter().enumerate() {
        for p in &t.first_problems {
            println!("client {c}: {p}");
        }
    }
    let ok = mismatches == 0 && lost == 0 && replies as u64 == expected_total;
    println!("soak: {}", if ok { "PASS" } else { "FAIL" });
    Ok(ok)
}
