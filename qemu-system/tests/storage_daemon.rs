//! The binary run as `qemu-storage-daemon` against Debian's real one
//! (`/usr/bin/qemu-storage-daemon` 10.0.2, package qemu-utils): `--version`
//! and `-V`, its messages for bad monitor options, and over a unix-socket
//! monitor (`--chardev socket,...,server=on,wait=off --monitor chardev=X`)
//! the greeting, `query-qmp-schema`, `query-commands` and
//! `query-version`, byte for byte; and every case of the error corpus
//! (`qmp-errors.jsonl`: envelope, JSON syntax, arguments...) sent to both
//! over a stdio monitor, with the same replies.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{
    Qemu, SILENCE, TempDir, base64_decode, binary, diff_lines, parallel, read_reference, show,
};

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
        vec!["-h"],
        vec!["--help"],
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

/// The lines a daemon with a stdio monitor writes for `send`: its
/// greeting, then (after negotiating if asked) every reply until output
/// is silent.
fn stdio_session(program: &Path, negotiate: bool, send: &[u8]) -> Result<Vec<Vec<u8>>, String> {
    let args: Vec<String> = ["--chardev", "stdio,id=m", "--monitor", "chardev=m"]
        .map(String::from)
        .to_vec();
    let mut q = Qemu::spawn(program, &args);
    let mut lines = vec![q.read_line(T).ok_or_else(|| {
        format!(
            "{}: no greeting; stderr: {}",
            program.display(),
            show(&q.stderr())
        )
    })?];
    if negotiate {
        q.send(b"{\"execute\":\"qmp_capabilities\"}\n");
        lines.push(
            q.read_line(T)
                .ok_or_else(|| format!("{}: no reply to qmp_capabilities", program.display()))?,
        );
    }
    q.send(send);
    // The probe shows whether the monitor is still alive afterwards.
    q.send(b"{\"execute\":\"query-version\",\"id\":\"alive\"}\n");
    let got = q.collect(usize::MAX, SILENCE, SILENCE, Duration::from_secs(10));
    lines.extend(got.lines);
    if !got.partial.is_empty() {
        lines.push(got.partial);
    }
    Ok(lines)
}

#[test]
fn error_corpus_like_the_real_daemon() {
    let corpus = String::from_utf8(read_reference("qmp-errors.jsonl")).expect("UTF-8");
    let cases: Vec<serde_json::Value> = corpus
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("corpus line"))
        .collect();
    let total = cases.len();
    let dir = TempDir::new("qsd-errors");
    let ours = ours(&dir);
    let results = parallel(cases, 2, |case| {
        let name = case["name"].as_str().unwrap_or("?").to_owned();
        let send = base64_decode(case["send_b64"].as_str().unwrap_or(""));
        let negotiate = case["phase"] == "negotiated";
        let real = stdio_session(Path::new(REAL), negotiate, &send)?;
        let mine = stdio_session(&ours, negotiate, &send)?;
        match diff_lines(&real, &mine) {
            None => Ok(()),
            Some(d) => Err(format!("case {name} (sent {}):\n{d}", show(&send))),
        }
    });
    let failures: Vec<String> = results.into_iter().filter_map(Result::err).collect();
    eprintln!(
        "qemu-storage-daemon: {} of {total} error-corpus cases identical",
        total - failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
