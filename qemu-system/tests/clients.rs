//! Real QMP clients, unmodified, against the binary on a unix socket: the
//! Python package `qemu.qmp` (its async client and its `qmp-shell`), and
//! the Rust `qapi` crate's client (feature `qmp`).
//!
//! Both `qemu.qmp` releases in use run: 0.0.6 (the current one) and 0.0.3.
//! Each lives in its own folder, `target/python/qemu.qmp-<version>`, which
//! `scripts/test.sh` fills (`pip install --target`); a test that finds it
//! empty installs it there itself.

mod common;

use std::io::Write;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The qemu.qmp releases the tests drive: the current one first.
const QEMU_QMP_RELEASES: &[&str] = &["0.0.6", "0.0.3"];

/// The binary serving one unix-socket monitor; killed on drop.
struct Qemu {
    child: Child,
    socket: PathBuf,
}

impl Qemu {
    fn start(name: &str) -> Qemu {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("clients-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let socket = dir.join("qmp.sock");
        let _ = std::fs::remove_file(&socket);
        let child = common::unix_monitors(std::slice::from_ref(&socket))
            .stdin(Stdio::null())
            .spawn()
            .expect("start qemu-system");
        let deadline = Instant::now() + Duration::from_secs(10);
        while UnixStream::connect(&socket).is_err() {
            assert!(
                Instant::now() < deadline,
                "the monitor socket never came up"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        // That probe connection was the socket's one client; it is closed,
        // so the next client is served.
        Qemu { child, socket }
    }
}

impl Drop for Qemu {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.socket);
    }
}

/// `python3` with `qemu.qmp` `release` on its path.
fn python(release: &str) -> Command {
    qapi_test_support::python_with_qemu_qmp(release)
}

/// The Python client: negotiate, query, and an error with its class.
const PY_CLIENT: &str = r#"
import asyncio, json, sys
from qemu.qmp import QMPClient, ExecuteError

async def main(path):
    qmp = QMPClient('test')
    await qmp.connect(path)
    out = {}
    out['greeting'] = qmp.greeting._raw['QMP']['version']['qemu']
    out['version'] = await qmp.execute('query-version')
    out['commands'] = [c['name'] for c in await qmp.execute('query-commands')]
    out['schema_entries'] = len(await qmp.execute('query-qmp-schema'))
    out['status'] = await qmp.execute('query-status')
    try:
        await qmp.execute('qom-list', {'path': '/nope'})
    except ExecuteError as e:
        out['error'] = [e.error_class, e.error.error.desc]
    try:
        await qmp.execute('no-such-command')
    except ExecuteError as e:
        out['not_found'] = e.error_class
    await qmp.disconnect()
    print(json.dumps(out))

asyncio.run(main(sys.argv[1]))
"#;

#[test]
fn python_qemu_qmp() {
    for release in QEMU_QMP_RELEASES {
        python_client(release);
    }
}

fn python_client(release: &str) {
    let qemu = Qemu::start(&format!("py-{release}"));
    let out = python(release)
        .args(["-c", PY_CLIENT])
        .arg(&qemu.socket)
        .output()
        .expect("run python");
    assert!(
        out.status.success(),
        "python client (qemu.qmp {release}) failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("client output");
    assert_eq!(
        v["greeting"],
        serde_json::json!({"major": 10, "minor": 0, "micro": 2})
    );
    assert_eq!(
        v["version"]["package"],
        "Debian 1:10.0.2+ds-2+deb13u1~bpo12+1"
    );
    let commands = v["commands"].as_array().unwrap();
    assert_eq!(commands.len(), 233);
    assert_eq!(commands[0], "device_add");
    assert!(commands.iter().any(|c| c == "query-sev"));
    assert_eq!(v["schema_entries"], 1172);
    assert_eq!(
        v["status"],
        serde_json::json!({"status": "prelaunch", "running": false})
    );
    assert_eq!(
        v["error"],
        serde_json::json!(["DeviceNotFound", "Device '/nope' not found"])
    );
    assert_eq!(v["not_found"], "CommandNotFound");
}

#[test]
fn python_qmp_shell_one_shot() {
    for release in QEMU_QMP_RELEASES {
        qmp_shell_one_shot(release);
    }
}

fn qmp_shell_one_shot(release: &str) {
    let qemu = Qemu::start(&format!("shell-{release}"));
    let mut child = python(release)
        .args(["-m", "qemu.qmp.qmp_shell"])
        .arg(&qemu.socket)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run qmp-shell");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"query-version\nqom-list path=/nope\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "qmp-shell (qemu.qmp {release}) failed: {text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("Connected to QEMU 10.0.2"), "{text}");
    assert!(
        text.contains(r#"{"return": {"qemu": {"micro": 2, "minor": 0, "major": 10}, "package": "Debian 1:10.0.2+ds-2+deb13u1~bpo12+1"}}"#),
        "{text}"
    );
    assert!(
        text.contains(
            r#"{"error": {"class": "DeviceNotFound", "desc": "Device '/nope' not found"}}"#
        ),
        "{text}"
    );
}

#[test]
fn rust_qapi_crate() {
    let qemu = Qemu::start("rust");
    let stream = UnixStream::connect(&qemu.socket).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut qmp = qapi_client::Qmp::from_stream(&stream);
    let greeting = qmp.handshake().expect("handshake");
    assert_eq!(greeting.version.qemu.major, 10);
    assert_eq!(greeting.version.qemu.micro, 2);
    let version = qmp
        .execute(&qapi_client::qmp::query_version {})
        .expect("query-version");
    assert_eq!(version.package, "Debian 1:10.0.2+ds-2+deb13u1~bpo12+1");
    let status = qmp
        .execute(&qapi_client::qmp::query_status {})
        .expect("query-status");
    assert!(!status.running);
    let err = qmp
        .execute(&qapi_client::qmp::qom_list {
            path: "/nope".into(),
        })
        .expect_err("no such path");
    match err {
        qapi_client::ExecuteError::Qapi(e) => {
            assert_eq!(e.class, qapi_client::ErrorClass::DeviceNotFound);
            assert_eq!(e.desc, "Device '/nope' not found");
        }
        other => panic!("unexpected error {other}"),
    }
}
