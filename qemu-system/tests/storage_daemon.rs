//! The binary run as `qemu-storage-daemon` against Debian's real one
//! (`/usr/bin/qemu-storage-daemon` 10.0.2, package qemu-utils): `--version`
//! and `-V`, its messages for bad monitor options, and over a unix-socket
//! monitor (`--chardev socket,...,server=on,wait=off --monitor chardev=X`)
//! the greeting, `query-qmp-schema`, `query-commands` and
//! `query-version`, byte for byte.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{TempDir, binary, show};

const REAL: &str = "/usr/bin/qemu-storage-daemon";
const T: Duration = Duration::from_secs(20);

/// Our binary under the daemon's name.
fn ours(dir: &TempDir) -> PathBuf {
    let link = dir.path().join("qemu-storage-daemon");
    if !link.exists() {
        std::os::unix::fs::symlink(binary(), &link).expect("symlink");
    }
    link
}

/// Runs to completion: exit code, stdout, stderr (argv[0] replaced by
/// `ARGV0`, as getopt prints it).
fn run(program: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let deadline = Instant::now() + T;
    while child.try_wait().ok().flatten().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{} {args:?} did not exit", program.display());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = child.wait_with_output().expect("output");
    let argv0 = program.display().to_string();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).replace(&argv0, "ARGV0"),
    )
}

#[test]
fn command_line_like_the_real_daemon() {
    let dir = TempDir::new("qsd-cli");
    let ours = ours(&dir);
    let sock = dir.path().join("m.sock");
    let chardev = format!("socket,path={},server=on,wait=off,id=m", sock.display());
    let cases: Vec<Vec<&str>> = vec![
        vec!["--version"],
        vec!["-V"],
        vec!["foo"],
        vec!["--chardev"],
        vec!["--bogus"],
        vec!["--monitor", "chardev=x"],
        vec!["--chardev", &chardev, "--monitor", "m,mode=readline"],
        vec!["--chardev", &chardev, "--monitor", "m", "--monitor", "m"],
        vec!["--chardev", &chardev, "--monitor", "chardev=m,bogus=1"],
    ];
    let mut failures = Vec::new();
    for args in &cases {
        let want = run(Path::new(REAL), args);
        let got = run(&ours, args);
        if got != want {
            failures.push(format!("{args:?}:\n  real: {want:?}\n  ours: {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

struct Daemon(Child);

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The greeting and replies of a daemon started with a socket monitor.
fn replies(program: &Path, sock: &Path, commands: &[&str]) -> Vec<Vec<u8>> {
    let chardev = format!("socket,path={},server=on,wait=off,id=m", sock.display());
    let _daemon = Daemon(
        Command::new(program)
            .args(["--chardev", &chardev, "--monitor", "chardev=m"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{}: {e}", program.display())),
    );
    let deadline = Instant::now() + T;
    let stream = loop {
        match UnixStream::connect(sock) {
            Ok(s) => break s,
            Err(e) if Instant::now() > deadline => panic!("{}: {e}", program.display()),
            Err(_) => std::thread::sleep(Duration::from_millis(20)),
        }
    };
    stream.set_read_timeout(Some(T)).expect("timeout");
    let mut w = stream.try_clone().expect("clone");
    let mut r = BufReader::new(stream);
    let mut out = Vec::new();
    let mut line = Vec::new();
    r.read_until(b'\n', &mut line).expect("greeting");
    out.push(std::mem::take(&mut line));
    for c in commands {
        w.write_all(format!("{{\"execute\": \"{c}\"}}\n").as_bytes())
            .expect("send");
        r.read_until(b'\n', &mut line).expect("reply");
        out.push(std::mem::take(&mut line));
    }
    out
}

#[test]
fn monitor_replies_like_the_real_daemon() {
    let commands = [
        "qmp_capabilities",
        "query-qmp-schema",
        "query-commands",
        "query-version",
    ];
    let dir = TempDir::new("qsd-qmp");
    let want = replies(Path::new(REAL), &dir.path().join("real.sock"), &commands);
    let got = replies(&ours(&dir), &dir.path().join("ours.sock"), &commands);
    let names = ["greeting"].into_iter().chain(commands);
    let failures: Vec<String> = names
        .zip(got.iter().zip(&want))
        .filter(|(_, (g, w))| g != w)
        .map(|(n, (g, w))| format!("{n}:\n  real: {}\n  ours: {}", show(w), show(g)))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
