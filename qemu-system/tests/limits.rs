//! Hostile clients against the binary on unix sockets: the limits of the
//! README's "Limits" section hold, the stream stays in step after each,
//! the server's memory stays bounded (read from `/proc/<pid>/status`), and
//! the other monitors keep working.
//!
//! Every test starts its own server, so its `VmHWM` (peak resident memory)
//! measures that test alone.  Ceilings are on the growth of the peak above
//! the resident size once the clients are connected.

mod common;

use std::io::{self, BufRead, BufReader, ErrorKind, Read, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use common::{TempDir, show, unix_monitors};

const MIB: u64 = 1 << 20;
/// How long any single expected reply may take.
const TIMEOUT: Duration = Duration::from_secs(30);

const E_SIZE: &str =
    r#"{"error": {"class": "GenericError", "desc": "JSON token size limit exceeded"}}"#;
const E_COUNT: &str =
    r#"{"error": {"class": "GenericError", "desc": "JSON token count limit exceeded"}}"#;
const E_NESTING: &str =
    r#"{"error": {"class": "GenericError", "desc": "JSON nesting depth limit exceeded"}}"#;
const E_EXPECTING: &str =
    r#"{"error": {"class": "GenericError", "desc": "JSON parse error, expecting value"}}"#;
const E_NOT_OBJECT: &str =
    r#"{"error": {"class": "GenericError", "desc": "QMP input must be a JSON object"}}"#;

/// `{"execute": "query-status"}` with an id, and its reply (`-S`: prelaunch).
fn status_req(id: &str) -> String {
    format!("{{\"execute\": \"query-status\", \"id\": \"{id}\"}}\n")
}

fn status_reply(id: &str) -> String {
    paused_reply(id, "prelaunch")
}

/// The reply to [`status_req`] once the machine is stopped in `status`.
fn paused_reply(id: &str, status: &str) -> String {
    format!(r#"{{"return": {{"status": "{status}", "running": false}}, "id": "{id}"}}"#)
}

/// The binary serving `n` unix-socket monitors; killed on drop.
struct Qemu {
    child: Child,
    sockets: Vec<PathBuf>,
    _dir: TempDir,
}

impl Qemu {
    fn start(tag: &str, n: usize) -> Qemu {
        let dir = TempDir::new(&format!("limits-{tag}"));
        let sockets: Vec<PathBuf> = (0..n)
            .map(|i| dir.path().join(format!("m{i}.sock")))
            .collect();
        let child = unix_monitors(&sockets)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .spawn()
            .expect("start qemu-system");
        Qemu {
            child,
            sockets,
            _dir: dir,
        }
    }

    fn socket(&self, i: usize) -> &Path {
        &self.sockets[i]
    }

    /// A negotiated client of monitor `i`.
    fn client(&self, i: usize) -> Client {
        let mut c = Client::connect(self.socket(i));
        c.negotiate();
        c
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    /// A figure of `/proc/<pid>/status`, in bytes for `kB` fields.
    fn status(&self, key: &str) -> u64 {
        let text = std::fs::read_to_string(format!("/proc/{}/status", self.pid()))
            .expect("the server is running");
        for line in text.lines() {
            if let Some(rest) = line.strip_prefix(key).and_then(|r| r.strip_prefix(':')) {
                let mut parts = rest.split_whitespace();
                let n: u64 = parts.next().and_then(|n| n.parse().ok()).unwrap_or(0);
                return if parts.next() == Some("kB") {
                    n * 1024
                } else {
                    n
                };
            }
        }
        panic!("no {key} in /proc/{}/status", self.pid())
    }

    /// The server's thread count once it stopped changing (a closed
    /// connection's writer thread ends shortly after the connection).
    fn settled_threads(&self) -> u64 {
        let deadline = Instant::now() + Duration::from_secs(5);
        let mut last = self.status("Threads");
        let mut same = 0;
        while same < 10 && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(20));
            let now = self.status("Threads");
            same = if now == last { same + 1 } else { 0 };
            last = now;
        }
        last
    }

    fn rss(&self) -> u64 {
        self.status("VmRSS")
    }

    fn hwm(&self) -> u64 {
        self.status("VmHWM")
    }

    fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Fails the test if the peak grew more than `ceiling` above `base`.
    fn assert_peak(&mut self, what: &str, base: u64, ceiling: u64) {
        assert!(self.alive(), "{what}: the server died");
        let hwm = self.hwm();
        let growth = hwm.saturating_sub(base);
        eprintln!(
            "{what}: VmRSS at start {} KiB, VmHWM {} KiB, growth {} KiB (ceiling {} KiB)",
            base >> 10,
            hwm >> 10,
            growth >> 10,
            ceiling >> 10
        );
        assert!(
            growth < ceiling,
            "{what}: peak memory grew by {} KiB, more than {} KiB",
            growth >> 10,
            ceiling >> 10
        );
    }
}

impl Drop for Qemu {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One QMP client on a unix socket.
struct Client {
    stream: UnixStream,
    reader: BufReader<UnixStream>,
}

impl Client {
    /// Connects (retrying while the server starts) and reads the greeting.
    fn connect(path: &Path) -> Client {
        let mut c = Client::connect_raw(path);
        let greeting = c.line();
        assert!(greeting.starts_with("{\"QMP\": "), "greeting: {greeting}");
        c
    }

    fn connect_raw(path: &Path) -> Client {
        let deadline = Instant::now() + TIMEOUT;
        let stream = loop {
            match UnixStream::connect(path) {
                Ok(s) => break s,
                Err(_) if Instant::now() < deadline => thread::sleep(Duration::from_millis(5)),
                Err(e) => panic!("connect {}: {e}", path.display()),
            }
        };
        stream.set_read_timeout(Some(TIMEOUT)).unwrap();
        let reader = BufReader::with_capacity(1 << 16, stream.try_clone().unwrap());
        Client { stream, reader }
    }

    fn negotiate(&mut self) {
        self.send(b"{\"execute\": \"qmp_capabilities\"}\n");
        assert_eq!(self.line(), r#"{"return": {}}"#);
    }

    fn send(&mut self, bytes: &[u8]) {
        self.stream.write_all(bytes).expect("send to the server");
    }

    /// The next line, without its CR LF; fails on EOF or timeout.
    fn line(&mut self) -> String {
        self.try_line()
            .unwrap_or_else(|e| panic!("no reply from the server: {e}"))
    }

    fn try_line(&mut self) -> io::Result<String> {
        let mut buf = Vec::new();
        let n = self.reader.read_until(b'\n', &mut buf)?;
        if n == 0 {
            return Err(io::Error::new(ErrorKind::UnexpectedEof, "end of stream"));
        }
        while buf.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
            buf.pop();
        }
        Ok(String::from_utf8_lossy(&buf).into_owned())
    }

    /// The next line that is not an event.
    fn reply(&mut self) -> String {
        loop {
            let l = self.line();
            if !l.starts_with("{\"timestamp\"") {
                return l;
            }
        }
    }

    /// Lines up to and including the reply with string id `id`.
    fn until_id(&mut self, id: &str) -> Vec<String> {
        let tail = format!("\"id\": \"{id}\"}}");
        let mut lines = Vec::new();
        loop {
            let l = self.reply();
            let done = l.ends_with(&tail);
            lines.push(l);
            if done {
                return lines;
            }
        }
    }

    /// `query-status` round trip: the monitor works.
    fn check_alive(&mut self, id: &str) {
        self.check_status(id, "prelaunch");
    }

    /// `query-status` round trip, the machine being stopped in `status`.
    fn check_status(&mut self, id: &str, status: &str) {
        self.send(status_req(id).as_bytes());
        assert_eq!(self.reply(), paused_reply(id, status));
    }
}

/// Sends `bytes` from a thread (the server may stop reading until its
/// replies are read); returns a handle that yields the write's result.
fn send_in_background(stream: &UnixStream, bytes: Vec<u8>) -> thread::JoinHandle<io::Result<()>> {
    let mut w = stream.try_clone().unwrap();
    thread::spawn(move || w.write_all(&bytes))
}

fn lines(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// Nesting: 1024 open containers are accepted, the 1025th is refused and
/// the closers left over are each a stray `]`; token count; total token
/// size of one message.  After each, the stream is in step: the next
/// request gets its own reply, nothing more, nothing less.
#[test]
fn parser_limits_hold_and_stream_stays_in_step() {
    let mut q = Qemu::start("parser", 1);
    let mut c = q.client(0);
    let base = q.rss();

    // Nesting depth: 1024 is the limit, as in QEMU.
    let mut msg = "[".repeat(1024) + &"]".repeat(1024) + "\n";
    msg += &status_req("n1");
    c.send(msg.as_bytes());
    assert_eq!(
        c.until_id("n1"),
        lines(&[E_NOT_OBJECT, &status_reply("n1")])
    );
    let mut msg = "[".repeat(1025) + &"]".repeat(1025) + "\n";
    msg += &status_req("n2");
    c.send(msg.as_bytes());
    let mut want = vec![E_NESTING.to_owned()];
    want.extend(std::iter::repeat_n(E_EXPECTING.to_owned(), 1025));
    want.push(status_reply("n2"));
    assert_eq!(c.until_id("n2"), want);

    // Token count: `[` and 2^20 pairs `1,` are 2^21 + 1 tokens; the last
    // comma is refused, then `1` and `]` are messages of their own.
    let mut msg = String::with_capacity(3 << 20);
    msg.push('[');
    for _ in 0..(1 << 20) {
        msg.push_str("1,");
    }
    msg.push_str("1]\n");
    msg += &status_req("c1");
    let w = send_in_background(&c.stream, msg.into_bytes());
    assert_eq!(
        c.until_id("c1"),
        lines(&[E_COUNT, E_NOT_OBJECT, E_EXPECTING, &status_reply("c1")])
    );
    w.join().unwrap().unwrap();

    // Total token size: 64 strings of 1 MiB in one list; the 64th takes
    // the message past 64 MiB and is refused, the `]` is left over.
    let s = format!("\"{}\"", "a".repeat((1 << 20) - 2));
    let mut msg = Vec::with_capacity(65 << 20);
    msg.push(b'[');
    for i in 0..64 {
        if i > 0 {
            msg.push(b',');
        }
        msg.extend_from_slice(s.as_bytes());
    }
    msg.extend_from_slice(b"]\n");
    msg.extend_from_slice(status_req("s1").as_bytes());
    let w = send_in_background(&c.stream, msg);
    assert_eq!(
        c.until_id("s1"),
        lines(&[E_SIZE, E_EXPECTING, &status_reply("s1")])
    );
    w.join().unwrap().unwrap();

    // One message may hold up to 64 MiB of tokens, as in QEMU: the 63 MiB
    // of strings parsed so far were held.
    q.assert_peak("parser limits", base, 128 * MIB);
}

/// A 100 MB string: cut at the 64 MiB token limit; the rest of it is lexed
/// (`@` is a lexical error, skipped in recovery up to the `}`); the next
/// request is answered.  Memory: the token limit, and little more.
#[test]
fn hundred_megabyte_string() {
    let mut q = Qemu::start("string", 1);
    let mut c = q.client(0);
    let base = q.rss();
    let mut msg = Vec::with_capacity(101 << 20);
    msg.extend_from_slice(b"{\"execute\": \"query-status\", \"id\": \"");
    msg.resize(msg.len() + 100_000_000, b'@');
    msg.extend_from_slice(b"\"}\n");
    msg.extend_from_slice(status_req("after").as_bytes());
    let w = send_in_background(&c.stream, msg);
    assert_eq!(
        c.until_id("after"),
        lines(&[
            E_SIZE,
            r#"{"error": {"class": "GenericError", "desc": "JSON parse error, stray '@'"}}"#,
            E_EXPECTING,
            &status_reply("after"),
        ])
    );
    w.join().unwrap().unwrap();
    // The lexer holds the token up to the limit (64 MiB), as QEMU does;
    // nothing else of the string is kept.
    q.assert_peak("100 MB string", base, 64 * MIB + 16 * MIB);
    // And the buffer is not kept once the token is gone.
    let rss = q.rss();
    assert!(
        rss < base + 16 * MIB,
        "resident memory stays high after the string: {} KiB (started at {} KiB)",
        rss >> 10,
        base >> 10
    );
}

/// One block of garbage that exercises the lexer's error recovery and
/// leaves the parser where it started (nothing pending): a lexical error
/// followed by a long run skipped in recovery, a long string, whitespace,
/// and short cases of every kind of error, plus one valid request.
fn garbage_block() -> Vec<u8> {
    let mut b = Vec::with_capacity(64 << 10);
    // Recovery: skipped up to the newline, one error for the whole run.
    b.push(b'@');
    let filler: &[u8] = b"lorem ipsum 0123456789 ~!@#$%^&*()-_=+;|/?.<> 'q' \"d\" \xc3\xa9 \x7f ";
    while b.len() < 40 << 10 {
        b.extend_from_slice(filler);
    }
    b.push(b'\n');
    // A long string: a top-level scalar.
    b.push(b'"');
    while b.len() < 56 << 10 {
        b.extend_from_slice(b"the quick brown fox \\n \\u00e9 \\\" ");
    }
    b.extend_from_slice(b"\"\n");
    // Whitespace.
    while b.len() < (60 << 10) {
        b.extend_from_slice(b" \t \r\n");
    }
    // Short errors of every kind.
    let cases: &[&[u8]] = &[
        b"{\"execute\": \"query-status\", \"id\": \"\\q\"}\n",
        b"01\n",
        b"{\"a\": True}\n",
        b"\xff\n",
        b"{\"a\" 1}\n",
        b"[1,]\n",
        b"{\"execute\": \"no-such-command\", \"id\": 7}\n",
        b"\"\\ud800\"\n",
        b"'tab\there'\n",
        b"\"\xc3\x28\"\n",
        b"]]\n",
        b"{\"execute\": \"qom-list\", \"arguments\": {\"path\": 1}}\n",
        b"nul\x00\n",
        b"{\"exec-oob\": \"query-yank\"}\n",
    ];
    for c in cases {
        b.extend_from_slice(c);
    }
    b.extend_from_slice(status_req("blk").as_bytes());
    while b.len() < 64 << 10 {
        b.push(b' ');
    }
    b.push(b'\n');
    b
}

/// What the server answers to one garbage block: QEMU 10.0.2's replies to
/// the same bytes (a byte 0xFF is echoed as U+FFFD, a NUL ends the text).
const GARBAGE_REPLIES: &[&str] = &[
    r#"{"error": {"class": "GenericError", "desc": "JSON parse error, stray '@'"}}"#,
    E_NOT_OBJECT,
    r#"{"error": {"class": "GenericError", "desc": "JSON parse error, invalid escape sequence in string"}}"#,
    r#"{"error": {"class": "GenericError", "desc": "JSON parse error, stray '01'"}}"#,
    r#"{"error": {"class": "GenericError", "desc": "JSON parse error, stray 'T'"}}"#,
    E_EXPECTING,
    r#"{"error": {"class": "GenericError", "desc": "JSON parse error, stray '\uFFFD'"}}"#,
    r#"{"error": {"class": "GenericError", "desc": "JSON parse error, missing : in object pair"}}"#,
    E_EXPECTING,
    r#"{"id": 7, "error": {"class": "CommandNotFound", "desc": "The command no-such-command has not been found"}}"#,
    r#"{"error": {"class": "GenericError", "desc": "JSON parse error, \\ud800 is not a valid Unicode character"}}"#,
    r#"{"error": {"class": "GenericError", "desc": "JSON parse error, stray ''tab\t'"}}"#,
    r#"{"error": {"class": "GenericError", "desc": "JSON parse error, invalid UTF-8 sequence in string"}}"#,
    E_EXPECTING,
    E_EXPECTING,
    r#"{"error": {"class": "GenericError", "desc": "Invalid parameter type for 'path', expected: string"}}"#,
    r#"{"error": {"class": "GenericError", "desc": "JSON parse error, invalid keyword 'nul'"}}"#,
    r#"{"error": {"class": "GenericError", "desc": "JSON parse error, stray ''"}}"#,
    r#"{"error": {"class": "GenericError", "desc": "QMP input member 'exec-oob' is unexpected"}}"#,
];

/// 1 GB of garbage, read by the client as it goes: every block gets the
/// same replies (so the stream stays in step), the request after it is
/// answered, memory stays flat.
#[test]
fn gigabyte_of_garbage() {
    const TOTAL: usize = 1 << 30;
    let mut q = Qemu::start("garbage", 2);
    let mut c = q.client(0);
    let base = q.rss();

    // The replies to one block, checked line by line.
    let block = garbage_block();
    {
        let mut p = qapi_runtime::json::StreamParser::new();
        p.feed(&block, &mut |_| {});
        assert!(p.is_idle(), "a block must leave the parser idle");
    }
    c.send(&block);
    let mut want = lines(GARBAGE_REPLIES);
    want.push(status_reply("blk"));
    let got = c.until_id("blk");
    assert_eq!(got, want, "replies to one garbage block");
    let block_reply_len: usize = got.iter().map(|l| l.len() + 2).sum();

    // The whole gigabyte, 16 blocks per write.
    let chunk: Vec<u8> = block.repeat(16);
    let writes = TOTAL / chunk.len();
    let blocks = writes * 16;
    let end_reply = format!("{}\r\n", status_reply("end"));
    let expected = blocks * block_reply_len + end_reply.len();

    let mut writer = c.stream.try_clone().unwrap();
    let sender = thread::spawn(move || -> io::Result<()> {
        for _ in 0..writes {
            writer.write_all(&chunk)?;
        }
        writer.write_all(status_req("end").as_bytes())
    });

    // Meanwhile another monitor keeps working.
    let done = Arc::new(AtomicBool::new(false));
    let other = {
        let mut o = q.client(1);
        let done = done.clone();
        thread::spawn(move || {
            let mut n = 0;
            while !done.load(Ordering::Relaxed) {
                let t = Instant::now();
                o.check_alive(&format!("o{n}"));
                assert!(
                    t.elapsed() < Duration::from_secs(2),
                    "the other monitor stalled"
                );
                n += 1;
                thread::sleep(Duration::from_millis(20));
            }
            n
        })
    };

    // Count the reply bytes; every block's replies are the same, so the
    // count must come out exactly.
    let t0 = Instant::now();
    let mut total = 0usize;
    let mut tail: Vec<u8> = Vec::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut peak_rss = 0;
    let mut sampled = Instant::now();
    while total < expected {
        let n = match c.reader.read(&mut buf) {
            Ok(0) => panic!("the server closed the connection after {total} bytes"),
            Ok(n) => n,
            Err(e) => panic!("reading replies after {total} of {expected} bytes: {e}"),
        };
        total += n;
        tail.extend_from_slice(&buf[..n]);
        if tail.len() > 4096 {
            tail.drain(..tail.len() - 4096);
        }
        if sampled.elapsed() > Duration::from_millis(200) {
            peak_rss = peak_rss.max(q.rss());
            sampled = Instant::now();
        }
    }
    let elapsed = t0.elapsed();
    sender.join().unwrap().expect("send the garbage");
    done.store(true, Ordering::Relaxed);
    let checks = other.join().unwrap();
    assert_eq!(total, expected, "reply bytes for {blocks} blocks");
    assert!(
        tail.ends_with(end_reply.as_bytes()),
        "the last reply: {}",
        show(&tail)
    );
    eprintln!(
        "1 GiB of garbage in {:.1} s ({blocks} blocks, {} MiB of replies, peak sampled RSS {} KiB, {checks} checks on the other monitor)",
        elapsed.as_secs_f64(),
        total >> 20,
        peak_rss >> 10
    );
    c.check_alive("after");
    q.assert_peak("1 GiB of garbage", base, 16 * MIB);
}

/// Pipelined requests from a client that does not read: the server stops
/// reading it once its replies back up, so what it accepts is bounded by
/// the socket buffers plus one read; then every reply arrives, in order.
#[test]
fn pipelined_requests_are_bounded() {
    let mut q = Qemu::start("pipeline", 2);
    let mut c = q.client(0);
    let mut other = q.client(1);
    let base = q.rss();

    let mut stream = c.stream.try_clone().unwrap();
    stream.set_nonblocking(true).unwrap();
    // Requests with ids 0, 1, 2, ...; `ends[i]` is where request `i` ends
    // in the stream.
    let mut ends: Vec<usize> = Vec::new();
    let mut generated = 0usize;
    let mut pending: Vec<u8> = Vec::new();
    let mut accepted = 0usize;
    let mut last_progress = Instant::now();
    let limit = 64 << 20;
    while accepted < limit && last_progress.elapsed() < Duration::from_millis(500) {
        while pending.len() < 64 << 10 {
            let r = format!("{{\"execute\":\"query-version\",\"id\":{}}}\n", ends.len());
            generated += r.len();
            ends.push(generated);
            pending.extend_from_slice(r.as_bytes());
        }
        match stream.write(&pending) {
            Ok(n) => {
                accepted += n;
                pending.drain(..n);
                last_progress = Instant::now();
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => {
                thread::sleep(Duration::from_millis(5));
            }
            Err(e) => panic!("send: {e}"),
        }
    }
    eprintln!("the server took {accepted} bytes of requests from a client that does not read");
    assert!(
        accepted < 8 << 20,
        "the server kept reading a client that does not read ({accepted} bytes)"
    );
    // The other monitor is not affected.
    other.check_alive("other");
    q.assert_peak("pipelined requests", base, 16 * MIB);

    // Finish the request cut in the middle (if any), then read: every
    // request is answered, in order.
    let complete = ends
        .iter()
        .position(|&e| e > accepted)
        .unwrap_or(ends.len());
    let rest = ends.get(complete).map_or(0, |&e| e - accepted);
    stream.set_nonblocking(false).unwrap();
    // From a thread: the server reads again only once replies are read.
    let sender = send_in_background(&stream, pending[..rest].to_vec());
    let answered = if rest > 0 { complete + 1 } else { complete };
    for want in 0..answered {
        let l = c.line();
        let tail = format!(", \"id\": {want}}}");
        assert!(l.ends_with(&tail), "reply {want} out of order: {l}");
    }
    sender
        .join()
        .unwrap()
        .expect("the rest of the request is sent");
    c.check_alive("after");
}

/// A client sends many requests with large replies (`query-qmp-schema`)
/// and never reads; then another monitor causes events (`stop`/`cont`),
/// which pile up for it: past the limit of pending events its connection
/// is closed.  Memory stays bounded; the other monitors work throughout
/// (one of them reads every event), and the stuck monitor's socket takes
/// a new client afterwards.
#[test]
fn client_that_never_reads() {
    use qapi_runtime::server::outbox::MAX_PENDING_EVENTS;

    let mut q = Qemu::start("noread", 3);
    let mut stuck = q.client(0);
    let mut driver = q.client(1);
    let mut watcher = q.client(2);
    let base = q.rss();

    // 500 schema requests (each reply is some 200 KB): far more than the
    // socket buffers hold.
    let req = b"{\"execute\": \"query-qmp-schema\"}\n".repeat(500);
    let _w = send_in_background(&stuck.stream, req);
    thread::sleep(Duration::from_millis(500));
    driver.check_alive("d0");
    q.assert_peak("unread large replies", base, 16 * MIB);

    // The watcher reads every event as it comes, until its own reply.
    let mut watcher_send = watcher.stream.try_clone().unwrap();
    let watch = thread::spawn(move || {
        let mut events = 0u64;
        loop {
            let l = watcher.line();
            if l.starts_with("{\"timestamp\"") {
                events += 1;
            } else {
                // `cont` then `stop`: the machine ends up paused.
                assert_eq!(l, paused_reply("w-end", "paused"));
                return events;
            }
        }
    });

    // Events until the stuck client is cut off: each `stop` or `cont`
    // gives every monitor one event of some 85 bytes.
    let pairs_needed = MAX_PENDING_EVENTS / 85 / 2 + 1000;
    let batch = 500;
    let mut pairs = 0;
    let mut peak_rss = 0;
    while pairs < pairs_needed {
        let req = b"{\"execute\": \"cont\"}\n{\"execute\": \"stop\"}\n".repeat(batch);
        driver.send(&req);
        let mut replies = 0;
        while replies < 2 * batch {
            let l = driver.line();
            if !l.starts_with("{\"timestamp\"") {
                assert_eq!(l, r#"{"return": {}}"#);
                replies += 1;
            }
        }
        pairs += batch;
        peak_rss = peak_rss.max(q.rss());
    }
    // The stuck client's connection has ended: what is left in its socket
    // is readable, then the stream ends.
    stuck
        .stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut sink = vec![0u8; 1 << 20];
    let mut got = 0usize;
    loop {
        match stuck.reader.read(&mut sink) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) => panic!("the stuck client was not cut off ({got} bytes read): {e}"),
        }
    }
    eprintln!(
        "{pairs} stop/cont pairs; the stuck client was cut off ({got} bytes were left to read); peak sampled RSS {} KiB",
        peak_rss >> 10
    );

    // The other monitors work; the watcher got every event.
    driver.check_status("d1", "paused");
    watcher_send
        .write_all(status_req("w-end").as_bytes())
        .unwrap();
    assert_eq!(
        watch.join().unwrap(),
        2 * pairs as u64,
        "events the watcher got"
    );
    q.assert_peak(
        "events for a client that does not read",
        base,
        16 * MIB + MAX_PENDING_EVENTS as u64,
    );
    // The monitor's socket serves the next client.
    let mut again = q.client(0);
    again.check_status("again", "paused");
}

/// Slowloris: one byte every few ms, never completing a request.  Another
/// monitor keeps answering promptly; memory stays flat.
#[test]
fn slowloris() {
    let mut q = Qemu::start("slowloris", 2);
    let mut slow = q.client(0);
    let mut other = q.client(1);
    let base = q.rss();
    let stop = Instant::now() + Duration::from_secs(3);
    let slow_thread = thread::spawn(move || {
        slow.send(b"{\"execute\": \"query-status\", \"arguments\": {\"x\": \"");
        let mut sent = 0;
        while Instant::now() < stop {
            slow.send(b"a");
            sent += 1;
            thread::sleep(Duration::from_millis(2));
        }
        (slow, sent)
    });
    let mut n = 0;
    let mut worst = Duration::ZERO;
    while Instant::now() < stop {
        let t = Instant::now();
        other.check_alive(&format!("o{n}"));
        worst = worst.max(t.elapsed());
        n += 1;
        thread::sleep(Duration::from_millis(10));
    }
    let (mut slow, sent) = slow_thread.join().unwrap();
    eprintln!("slowloris: {sent} bytes sent; {n} requests on the other monitor, slowest {worst:?}");
    assert!(
        worst < Duration::from_secs(1),
        "the other monitor stalled: {worst:?}"
    );
    q.assert_peak("slowloris", base, 4 * MIB);
    // The slow client's request still completes, as a request.
    slow.send(b"\"}, \"id\": \"slow\"}\n");
    assert_eq!(
        slow.reply(),
        r#"{"id": "slow", "error": {"class": "GenericError", "desc": "Parameter 'x' is unexpected"}}"#
    );
}

/// 10,000 connections opened and closed one after another on one socket
/// (some negotiating, some sending half a request), then 4 x 1,000 at the
/// same time on four more sockets.  Memory and threads come back.
#[test]
fn ten_thousand_connections() {
    let mut q = Qemu::start("conns", 5);
    // Warm up: one connection of each kind.
    {
        let mut c = q.client(0);
        c.check_alive("warm");
    }
    let base = q.rss();
    let threads = q.settled_threads();
    let t0 = Instant::now();
    for i in 0..10_000 {
        let mut c = Client::connect(q.socket(0));
        match i % 4 {
            0 => {}
            1 => c.negotiate(),
            2 => c.send(b"{\"execute\": \"qmp_capabilities\", \"argu"),
            _ => {
                c.negotiate();
                c.check_alive("x");
            }
        }
    }
    let sequential = t0.elapsed();
    let t1 = Instant::now();
    let handles: Vec<_> = (1..5)
        .map(|s| {
            let path = q.socket(s).to_path_buf();
            thread::spawn(move || {
                for i in 0..1000 {
                    let mut c = Client::connect(&path);
                    if i % 2 == 0 {
                        c.negotiate();
                    }
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let concurrent = t1.elapsed();
    eprintln!(
        "10,000 sequential connections in {:.1} s, 4 x 1,000 concurrent in {:.1} s",
        sequential.as_secs_f64(),
        concurrent.as_secs_f64()
    );
    let mut c = q.client(0);
    c.check_alive("end");
    drop(c);
    // Thread count back where it was (each connection's writer joined).
    assert_eq!(q.settled_threads(), threads, "threads left over");
    q.assert_peak("14,000 connections", base, 8 * MIB);
}

/// The QOM listings libvirt's probe sends, looped from several monitors at
/// once, each reply read: the peak stays bounded, and does not keep
/// growing after the first rounds (nothing accumulates per request).
#[test]
fn qom_listings_from_many_monitors_are_bounded() {
    const MONITORS: usize = 4;
    const ROUNDS: usize = 150;
    const REQUESTS: &[&str] = &[
        r#"{"execute": "qom-list-types", "arguments": {"abstract": true}}"#,
        r#"{"execute": "device-list-properties", "arguments": {"typename": "virtio-net-pci"}}"#,
        r#"{"execute": "device-list-properties", "arguments": {"typename": "no-such-device"}}"#,
        r#"{"execute": "qom-list-properties", "arguments": {"typename": "memory-backend-file"}}"#,
        r#"{"execute": "qom-list-properties", "arguments": {"typename": "max-x86_64-cpu"}}"#,
    ];
    let mut q = Qemu::start("qom-listings", MONITORS);
    let clients: Vec<Client> = (0..MONITORS).map(|i| q.client(i)).collect();
    let base = q.rss();
    let run = |clients: Vec<Client>, rounds: usize| -> Vec<Client> {
        let handles: Vec<_> = clients
            .into_iter()
            .map(|mut c| {
                thread::spawn(move || {
                    for _ in 0..rounds {
                        for r in REQUESTS {
                            c.send(format!("{r}\n").as_bytes());
                            let reply = c.reply();
                            assert!(
                                reply.starts_with("{\"return\": [")
                                    || reply.contains("\"DeviceNotFound\""),
                                "{r}: {}",
                                show(reply.as_bytes())
                            );
                        }
                    }
                    c
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("client thread"))
            .collect()
    };
    let clients = run(clients, 10);
    let warm = q.hwm();
    let mut clients = run(clients, ROUNDS);
    q.assert_peak("QOM listings, 4 monitors", base, 16 * MIB);
    let grown = q.hwm().saturating_sub(warm);
    eprintln!(
        "after the first rounds the peak grew by {} KiB",
        grown >> 10
    );
    assert!(
        grown < 4 * MIB,
        "the peak kept growing with the rounds: +{} KiB",
        grown >> 10
    );
    for (i, c) in clients.iter_mut().enumerate() {
        c.check_alive(&format!("m{i}"));
    }
}
