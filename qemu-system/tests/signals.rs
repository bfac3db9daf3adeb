//! Termination signals end the process as they end QEMU: a report on
//! stderr naming the sender, `SHUTDOWN` with reason `host-signal` to every
//! negotiated monitor, exit status 0.

mod common;

use std::process::Command;
use std::time::Duration;

use common::{Qemu, TempDir, normalize_timestamps};

fn terminate_with(signal: &str, number: u32) {
    let dir = TempDir::new(&format!("signal-{signal}"));
    let mut q = Qemu::capture_like(&dir, "x86_64", &[]);
    q.read_line(Duration::from_secs(10)).expect("greeting");
    q.send(b"{\"execute\":\"qmp_capabilities\"}\n");
    assert_eq!(
        q.read_line(Duration::from_secs(10)).expect("reply"),
        b"{\"return\": {}}\r\n"
    );
    let mut kill = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(q.id().to_string())
        .spawn()
        .expect("run kill");
    let kill_pid = kill.id();
    assert!(kill.wait().expect("wait for kill").success());
    let event = q
        .read_line(Duration::from_secs(10))
        .expect("SHUTDOWN event");
    assert_eq!(
        normalize_timestamps(&event),
        normalize_timestamps(
            b"{\"timestamp\": {\"seconds\": 0, \"microseconds\": 0}, \"event\": \"SHUTDOWN\", \"data\": {\"guest\": false, \"reason\": \"host-signal\"}}\r\n"
        )
    );
    assert_eq!(
        q.wait_exit(Duration::from_secs(10)),
        Some(Some(0)),
        "exit status"
    );
    let stderr = String::from_utf8_lossy(&q.stderr_to_end(Duration::from_secs(10))).into_owned();
    let prefix =
        format!("qemu-system-x86_64: terminating on signal {number} from pid {kill_pid} (");
    assert!(
        stderr.starts_with(&prefix) && stderr.ends_with(")\n"),
        "stderr: {stderr:?}"
    );
}

#[test]
fn sigterm() {
    terminate_with("TERM", 15);
}

#[test]
fn sigint() {
    terminate_with("INT", 2);
}

#[test]
fn sighup() {
    terminate_with("HUP", 1);
}
