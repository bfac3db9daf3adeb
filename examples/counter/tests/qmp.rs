//! The `qapi-counter` binary driven over unix sockets by the Python client
//! `qemu.qmp` (every release `scripts/test.sh` installs) and by the typed
//! client `qapi-client`.

use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use qapi_client::Client;
use qapi_example_counter::schema::{
    self, Amount, CounterAction, CounterActionBranch, CounterAdd, CounterChanged, Preset,
};

/// The releases of `qemu.qmp` the tests drive the binary with.
const QEMU_QMP_RELEASES: [&str; 2] = ["0.0.6", "0.0.3"];

/// A running `qapi-counter`, killed if the test fails before it ends.
struct Counter {
    child: Option<Child>,
    dir: PathBuf,
}

impl Counter {
    fn start(name: &str, sockets: usize, with_history: bool) -> Counter {
        Counter::start_with_tcp(name, sockets, with_history, None)
    }

    fn start_with_tcp(
        name: &str,
        sockets: usize,
        with_history: bool,
        tcp: Option<SocketAddr>,
    ) -> Counter {
        let dir = std::env::temp_dir().join(format!("qapi-counter-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_qapi-counter"));
        for i in 0..sockets {
            cmd.arg("--socket").arg(dir.join(format!("qmp{i}.sock")));
        }
        if with_history {
            cmd.arg("--with-history");
        }
        if let Some(addr) = tcp {
            cmd.arg("--tcp").arg(addr.to_string());
        }
        let child = cmd
            .stdin(Stdio::null())
            .spawn()
            .expect("start qapi-counter");
        let c = Counter {
            child: Some(child),
            dir,
        };
        // Listening once every socket exists.
        let deadline = Instant::now() + Duration::from_secs(10);
        while !(0..sockets).all(|i| c.socket(i).exists()) {
            assert!(Instant::now() < deadline, "qapi-counter did not listen");
            std::thread::sleep(Duration::from_millis(10));
        }
        c
    }

    fn socket(&self, i: usize) -> PathBuf {
        self.dir.join(format!("qmp{i}.sock"))
    }

    /// Waits for the process to end by itself (after `quit`).
    fn wait(mut self) -> ExitStatus {
        let mut child = self.child.take().expect("running");
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(s) = child.try_wait().expect("wait") {
                return s;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                panic!("qapi-counter did not end after quit");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Counter {
    fn drop(&mut self) {
        if let Some(c) = &mut self.child {
            let _ = c.kill();
            let _ = c.wait();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// `python3` with `qemu.qmp` `release` on its path.
fn python(release: &str) -> Command {
    qapi_test_support::python_with_qemu_qmp(release)
}

/// Every command, its errors and the event, over two monitors; then what
/// the schema shows of the conditional parts; then `quit`.  Prints one
/// JSON object of what it saw.
const PY_SESSION: &str = r#"
import asyncio, json, sys
from qemu.qmp import QMPClient, ExecuteError

async def error(qmp, cmd, args=None):
    try:
        await qmp.execute(cmd, args)
    except ExecuteError as e:
        return [e.error_class, e.error.error.desc]
    return None

async def main(first, second):
    a, b = QMPClient('a'), QMPClient('b')
    await a.connect(first)
    await b.connect(second)
    out = {'greeting': a.greeting._raw['QMP']}
    out['add'] = await a.execute('counter-add', {'amount': 5})
    ev = await asyncio.wait_for(b.events.get(), 5)
    out['event'] = {'event': ev['event'], 'data': ev['data']}
    out['event_has_timestamp'] = sorted(ev['timestamp'])
    out['preset'] = await b.execute('counter-add', {'amount': 'ten'})
    out['apply_add'] = await a.execute('counter-apply', {'op': 'add', 'amount': 'hundred'})
    out['query'] = await b.execute('query-counter')
    out['apply_reset'] = await a.execute('counter-apply', {'op': 'reset'})
    out['reset'] = await b.execute('counter-reset')
    out['errors'] = [
        await error(a, 'counter-add', {'amount': True}),
        await error(a, 'counter-add', {'amount': 'two'}),
        await error(a, 'counter-add'),
        await error(a, 'counter-add', {'amount': 1, 'by': 2}),
        await error(a, 'counter-apply', {'op': 'double'}),
        await error(a, 'counter-nothing'),
    ]
    out['history'] = await error(a, 'query-counter-history')
    if out['history'] is None:
        out['history'] = await a.execute('query-counter-history')
    out['commands'] = sorted(c['name'] for c in await a.execute('query-commands'))
    schema = await a.execute('query-qmp-schema')
    by_name = {e['name']: e for e in schema}
    ret = by_name['query-counter']['ret-type']
    out['value_members'] = [m['name'] for m in by_name[ret]['members']]
    out['events'] = [e['name'] for e in schema if e['meta-type'] == 'event']
    await b.disconnect()
    try:
        await a.execute('quit', {'status': 3})
    except Exception:
        pass  # the server may hang up before the reply is read
    try:
        await a.disconnect()
    except EOFError:
        pass
    print(json.dumps(out))

asyncio.run(main(sys.argv[1], sys.argv[2]))
"#;

fn py_session(release: &str, with_history: bool) {
    let name = format!("py-{release}-{with_history}");
    let counter = Counter::start(&name, 2, with_history);
    let out = python(release)
        .args(["-c", PY_SESSION])
        .arg(counter.socket(0))
        .arg(counter.socket(1))
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "qemu.qmp {release}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let seen: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON out");
    let v = |value: i64, history: &[i64]| {
        if with_history {
            serde_json::json!({"value": value, "history": history})
        } else {
            serde_json::json!({"value": value})
        }
    };
    let errors = [
        (
            "GenericError",
            "Invalid parameter type for 'amount', expected: Amount",
        ),
        (
            "GenericError",
            "Parameter 'amount' does not accept value 'two'",
        ),
        ("GenericError", "Parameter 'amount' is missing"),
        ("GenericError", "Parameter 'by' is unexpected"),
        (
            "GenericError",
            "Parameter 'op' does not accept value 'double'",
        ),
        (
            "CommandNotFound",
            "The command counter-nothing has not been found",
        ),
    ];
    let mut commands = vec![
        "counter-add",
        "counter-apply",
        "counter-reset",
        "qmp_capabilities",
        "query-commands",
        "query-counter",
        "query-qmp-schema",
        "quit",
    ];
    if with_history {
        commands.push("query-counter-history");
        commands.sort_unstable();
    }
    let expected = serde_json::json!({
        "greeting": {
            "version": {"qemu": {"micro": 0, "minor": 1, "major": 0}, "package": "qapi-example-counter"},
            "capabilities": ["oob"],
        },
        "add": v(5, &[0]),
        "event": {"event": "COUNTER_CHANGED", "data": {"previous": 0, "value": 5}},
        "event_has_timestamp": ["microseconds", "seconds"],
        "preset": v(15, &[0, 5]),
        "apply_add": v(115, &[0, 5, 15]),
        "query": v(115, &[0, 5, 15]),
        "apply_reset": v(0, &[0, 5, 15, 115]),
        "reset": v(0, &[0, 5, 15, 115, 0]),
        "errors": errors,
        "history": if with_history {
            serde_json::json!({"values": [0, 5, 15, 115, 0]})
        } else {
            serde_json::json!(["CommandNotFound", "The command query-counter-history has not been found"])
        },
        "commands": commands,
        "value_members": if with_history { vec!["value", "history"] } else { vec!["value"] },
        "events": ["COUNTER_CHANGED"],
    });
    assert_eq!(
        seen, expected,
        "qemu.qmp {release}, with_history={with_history}:\n seen:     {}\n expected: {}",
        seen, expected
    );
    assert_eq!(counter.wait().code(), Some(3), "the status quit asked for");
}

#[test]
fn qemu_qmp_drives_the_counter() {
    for release in QEMU_QMP_RELEASES {
        py_session(release, false);
    }
}

#[test]
fn qemu_qmp_sees_the_conditional_parts_when_the_symbol_is_defined() {
    for release in QEMU_QMP_RELEASES {
        py_session(release, true);
    }
}

/// A free TCP port on the loopback (the binary binds it right after).
fn free_tcp_addr() -> SocketAddr {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind");
    l.local_addr().expect("addr")
}

#[test]
fn the_typed_client_drives_the_counter() {
    let addr = free_tcp_addr();
    let counter = Counter::start_with_tcp("typed", 1, false, Some(addr));
    let mut c = Client::connect_unix(counter.socket(0), Default::default()).expect("connect");
    // A second monitor, on TCP, sharing the counter.
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut tcp = loop {
        match Client::connect_tcp(addr, Default::default()) {
            Ok(t) => break t,
            Err(e) => {
                assert!(Instant::now() < deadline, "no TCP monitor: {e}");
                std::thread::sleep(Duration::from_millis(10));
            }
        }
    };
    let v = c
        .execute::<schema::counter_add>(schema::CounterAddArgs {
            amount: Amount::Preset(Preset::Ten),
        })
        .expect("counter-add");
    assert_eq!(v.value, 10);
    // Compiled out: never on the wire, so the client reads none.
    assert_eq!(v.history, None);
    let event = c
        .next_event(Some(Duration::from_secs(5)))
        .expect("read")
        .expect("an event");
    let changed = event
        .decode::<CounterChanged>()
        .expect("a COUNTER_CHANGED")
        .expect("its data");
    assert_eq!((changed.previous, changed.value), (0, 10));
    let on_tcp = tcp
        .next_event(Some(Duration::from_secs(5)))
        .expect("read on TCP")
        .expect("the event on the TCP monitor too");
    assert!(on_tcp.is::<CounterChanged>());
    let v = c
        .execute::<schema::counter_apply>(CounterAction {
            op: CounterActionBranch::Add(CounterAdd {
                amount: Amount::Number(-4),
            }),
        })
        .expect("counter-apply");
    assert_eq!(v.value, 6);
    // A handler's own error, with its class.
    let err = c
        .execute::<schema::counter_add>(schema::CounterAddArgs {
            amount: Amount::Number(i64::MAX),
        })
        .expect_err("an overflow");
    assert_eq!(
        err.to_string(),
        "GenericError: counter overflow adding 9223372036854775807"
    );
    let err = c
        .execute::<schema::quit>(schema::QuitArgs { status: Some(300) })
        .expect_err("a status out of range");
    assert_eq!(err.class(), Some("GenericError"));
    assert_eq!(
        err.to_string(),
        "GenericError: Parameter 'status' expects a value in 0..255, not 300"
    );
    tcp.execute::<schema::query_counter>(qapi_runtime::Empty)
        .map(|v| assert_eq!(v.value, 6))
        .expect("query-counter on TCP");
    c.execute::<schema::quit>(schema::QuitArgs { status: None })
        .expect("quit");
    assert_eq!(counter.wait().code(), Some(0));
}
