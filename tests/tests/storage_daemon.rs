//! The same definitions as a second program: QEMU's `qemu-storage-daemon`
//! includes a subset of the modules in another order, so its schema is
//! numbered its own way.  The greeting, `query-qmp-schema` and
//! `query-commands` of the storage-daemon program, computed in-process,
//! against Debian's real `/usr/bin/qemu-storage-daemon` 10.0.2, byte for
//! byte.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use qapi_runtime::Handlers;
use qapi_runtime::server::{Machine, Server};
use qapi_tests::describe_difference;

const REAL: &str = "/usr/bin/qemu-storage-daemon";
const COMMANDS: [&str; 3] = ["qmp_capabilities", "query-qmp-schema", "query-commands"];

/// The greeting and the replies to [`COMMANDS`] of the real daemon.
fn real_replies() -> Vec<Vec<u8>> {
    let dir = std::env::temp_dir().join(format!("qapi-qsd-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let sock = dir.join("qmp.sock");
    let mut child = Command::new(REAL)
        .arg("--chardev")
        .arg(format!(
            "socket,path={},server=on,wait=off,id=m",
            sock.display()
        ))
        .args(["--monitor", "chardev=m"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{REAL}: {e} (install qemu-utils, see .ci/run)"));
    let deadline = Instant::now() + Duration::from_secs(10);
    let stream = loop {
        match UnixStream::connect(&sock) {
            Ok(s) => break s,
            Err(e) if Instant::now() > deadline => panic!("{REAL} did not listen: {e}"),
            Err(_) => std::thread::sleep(Duration::from_millis(20)),
        }
    };
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .expect("timeout");
    let mut r = BufReader::new(stream.try_clone().expect("clone"));
    let mut w = stream;
    let mut out = Vec::new();
    let mut line = Vec::new();
    r.read_until(b'\n', &mut line).expect("greeting");
    out.push(std::mem::take(&mut line));
    for c in COMMANDS {
        w.write_all(format!("{{\"execute\":\"{c}\"}}\n").as_bytes())
            .expect("send");
        r.read_until(b'\n', &mut line).expect("reply");
        out.push(std::mem::take(&mut line));
    }
    let _ = w.write_all(b"{\"execute\":\"quit\"}\n");
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&dir);
    out
}

struct Idle;
impl Machine for Idle {}

#[test]
fn storage_daemon_program_matches_the_real_one() {
    let config = qapi_defs::qemu::storage_daemon_config().expect("config");
    let server = Server::new(config, Handlers::new(), |_| Idle).expect("server");
    let mut s = server.session(true);
    s.greet();
    let mut ours = vec![s.exchange(b"")];
    for c in COMMANDS {
        ours.push(s.exchange(format!("{{\"execute\":\"{c}\"}}\n").as_bytes()));
    }
    let want = real_replies();
    let names = ["greeting"].into_iter().chain(COMMANDS);
    let failures: Vec<String> = names
        .zip(ours.iter().zip(&want))
        .filter(|(_, (got, want))| got != want)
        .map(|(n, (got, want))| format!("{n}: {}", describe_difference(got, want)))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
