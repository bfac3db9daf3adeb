//! `qmp` against Debian's real QEMU 10.0.2: `--check` finds no difference
//! on any of the 30 binaries; a command prints its reply; arguments are
//! refused client-side with the message the server itself gives.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use qapi_test_support::{MACHINE_NONE, Monitored, TempDir, real_binary};

fn binaries() -> Vec<String> {
    let mut v: Vec<String> = qapi_defs::qemu::targets::TARGETS
        .iter()
        .map(|t| t.name.to_owned())
        .collect();
    v.push("x86_64-microvm".to_owned());
    v
}

/// A real emulator with a QMP socket; killed when dropped.
struct Emulator(Monitored);

impl Emulator {
    fn start(binary: &str) -> Emulator {
        let mut process = Monitored::start(&real_binary(binary), MACHINE_NONE);
        // The monitor serves one client: leave it to `qmp`.
        drop(process.take_stream());
        Emulator(process)
    }

    fn sock(&self) -> PathBuf {
        self.0.socket().to_path_buf()
    }
}

/// A child process killed when dropped (also when a test fails).
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Runs `qmp`.  QEMU's monitor serves one client at a time and may reset a
/// connection made while it is still closing the previous one: that case
/// (and only that) is retried.
fn qmp(sock: &Path, args: &[&str]) -> Output {
    let mut tries = 0;
    loop {
        let out = Command::new(env!("CARGO_BIN_EXE_qmp"))
            .arg(sock)
            .args(args)
            .output()
            .expect("qmp runs");
        let reset = String::from_utf8_lossy(&out.stderr).contains("Connection reset by peer");
        tries += 1;
        if !reset || tries == 10 {
            return out;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).trim_end().to_owned()
}

#[test]
fn check_finds_no_difference_on_every_target() {
    let names = binaries();
    let results: Vec<(String, Output)> = std::thread::scope(|s| {
        let chunks: Vec<Vec<String>> = names.chunks(8).map(|c| c.to_vec()).collect();
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .into_iter()
                        .map(|b| {
                            let emu = Emulator::start(&b);
                            let out = qmp(&emu.sock(), &["--check"]);
                            (b, out)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("thread"))
            .collect()
    });
    let mut bad = Vec::new();
    for (b, out) in &results {
        let stdout = text(&out.stdout);
        eprintln!("qemu-system-{b}: {stdout}");
        if !out.status.success() || !stdout.ends_with("no difference") {
            bad.push(format!("{b}: {stdout}\n{}", text(&out.stderr)));
        }
    }
    assert_eq!(results.len(), 30);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn commands_and_client_side_argument_checks() {
    let emu = Emulator::start("x86_64");
    let out = qmp(&emu.sock(), &["query-status"]);
    assert!(out.status.success());
    assert_eq!(
        text(&out.stdout),
        r#"{"return": {"status": "prelaunch", "running": false}}"#
    );

    let out = qmp(&emu.sock(), &["qom-get", "path=/machine", "property=type"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), r#"{"return": "none-machine"}"#);

    // Refused before sending, with the server's own message: the server
    // gives the same one when the request reaches it.
    for (args, msg) in [
        (
            &["query-cpu-model-expansion", "type=ful", "model.name=qemu64"][..],
            "Parameter 'type' does not accept value 'ful'",
        ),
        (&["query-status", "x=1"][..], "Parameter 'x' is unexpected"),
        (
            &["no-such-command"][..],
            "The command no-such-command has not been found",
        ),
    ] {
        let out = qmp(&emu.sock(), args);
        assert!(!out.status.success());
        assert_eq!(text(&out.stderr), format!("qmp: {msg}"), "{args:?}");
    }

    // An error reply from the server is printed as QMP prints it.
    let out = qmp(&emu.sock(), &["qom-get", "path=/nowhere", "property=type"]);
    assert!(!out.status.success());
    assert_eq!(
        text(&out.stdout),
        r#"{"error": {"class": "DeviceNotFound", "desc": "Device '/nowhere' not found"}}"#
    );
}

#[test]
fn events_stream_from_a_second_monitor() {
    let dir = TempDir::new("qmp-cli-events");
    let (a, b) = (dir.path().join("a.sock"), dir.path().join("b.sock"));
    let mut cmd = Command::new(real_binary("x86_64"));
    cmd.args(MACHINE_NONE);
    for s in [&a, &b] {
        cmd.arg("-qmp")
            .arg(format!("unix:{},server=on,wait=off", s.display()));
    }
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let emu = KillOnDrop(child);
    let deadline = Instant::now() + Duration::from_secs(20);
    while !(a.exists() && b.exists()) {
        assert!(Instant::now() < deadline, "no sockets");
        std::thread::sleep(Duration::from_millis(10));
    }
    let mut events = Command::new(env!("CARGO_BIN_EXE_qmp"))
        .arg(&a)
        .arg("--events")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    // Events go to negotiated monitors only, and when `qmp --events` has
    // negotiated cannot be seen from outside: cause events until one shows.
    let mut out = String::new();
    let stdout = events.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(20);
    while out.is_empty() {
        assert!(Instant::now() < deadline, "no event");
        assert!(qmp(&b, &["cont"]).status.success());
        assert!(qmp(&b, &["stop"]).status.success());
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(200)) {
            out = line;
        }
    }
    let _ = events.kill();
    let _ = events.wait();
    // Printed as QEMU writes events (QDict order).
    assert!(out.starts_with(r#"{"timestamp": {"seconds": "#), "{out}");
    assert!(
        out.ends_with(r#"}, "event": "RESUME", "data": {}}"#),
        "{out}"
    );
    drop(emu);
}
