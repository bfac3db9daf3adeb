//! Real QMP clients, unmodified, against the binary on a unix socket: the
//! Python package `qemu.qmp` (its async client and its `qmp-shell`), and
//! the Rust `qapi` crate's client (feature `qmp`).
//!
//! `qemu.qmp` is installed by `.ci/run`; on a machine without it the test
//! installs it into a virtual environment under Cargo's temporary folder.

mod common;

use std::io::Write;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The qemu.qmp release the tests use.
const QEMU_QMP: &str = "qemu.qmp==0.0.3";

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

/// A Python interpreter that can import `qemu.qmp`, installing it into a
/// virtual environment if the system one cannot.
fn python() -> PathBuf {
    let importable = |py: &Path| {
        Command::new(py)
            .args(["-c", "import qemu.qmp"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    let system = PathBuf::from("python3");
    if importable(&system) {
        return system;
    }
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("qmp-venv");
    let py = venv.join("bin").join("python3");
    if !importable(&py) {
        let ok = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .status()
            .is_ok_and(|s| s.success())
            && Command::new(&py)
                .args(["-m", "pip", "install", "--quiet", QEMU_QMP])
                .status()
                .is_ok_and(|s| s.success());
        assert!(
            ok && importable(&py),
            "cannot install {QEMU_QMP}: run .ci/run, or pip install {QEMU_QMP}"
        );
    }
    py
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
    let qemu = Qemu::start("py");
    let out = Command::new(python())
        .args(["-c", PY_CLIENT])
        .arg(&qemu.socket)
        .output()
        .expect("run python");
    assert!(
        out.status.success(),
        "python client failed: {}",
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
    let qemu = Qemu::start("shell");
    let py = python();
    let mut child = Command::new(&py)
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
        "qmp-shell failed: {text}{}",
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
