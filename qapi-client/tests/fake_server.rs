//! The client against a scripted server: what a QEMU newer than the
//! definitions may send (members and enum values added), events between
//! replies, replies out of order, out-of-band execution, error replies, and
//! broken streams.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixListener;
use std::path::PathBuf;
use std::thread::JoinHandle;
use std::time::Duration;

use qapi_client::{Client, Options, QmpError};
use qapi_defs::schema::{machine, migration, run_state};
use qapi_runtime::visit::input::UnknownKind;
use qapi_runtime::{Dict, Empty, Value};

const GREETING: &str = r#"{"QMP": {"version": {"qemu": {"micro": 0, "minor": 1, "major": 10}, "package": "v10.1.0"}, "capabilities": ["oob"]}}"#;

/// A server on a fresh socket that answers each request line with the
/// lines `script` gives (`ID` stands for the request's id), and closes
/// when `script` returns `None` or a line is `CLOSE`.
fn server(
    tag: &str,
    script: impl Fn(&str, &Dict) -> Option<Vec<String>> + Send + 'static,
) -> (PathBuf, JoinHandle<()>) {
    let dir = std::env::temp_dir().join(format!("qapi-client-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("qmp.sock");
    let listener = UnixListener::bind(&path).unwrap();
    let h = std::thread::spawn(move || {
        let (s, _) = listener.accept().unwrap();
        let mut w = s.try_clone().unwrap();
        writeln!(w, "{GREETING}").unwrap();
        for line in BufReader::new(s).lines() {
            let Ok(line) = line else { break };
            let mut got = Vec::new();
            qapi_runtime::json::StreamParser::new().feed(line.as_bytes(), &mut |p| got.push(p));
            let Some(qapi_runtime::json::Parsed::Value(Value::Dict(req))) = got.pop() else {
                break;
            };
            let name = req
                .get("execute")
                .or_else(|| req.get("exec-oob"))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            let id = req.get("id").map(|v| v.to_string()).unwrap_or_default();
            let Some(lines) = script(&name, &req) else {
                break;
            };
            for l in lines {
                if l == "CLOSE" {
                    return;
                }
                if w.write_all(format!("{}\n", l.replace("ID", &id)).as_bytes())
                    .is_err()
                {
                    return;
                }
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    });
    (path, h)
}

fn ok_caps(name: &str) -> Option<Vec<String>> {
    (name == "qmp_capabilities").then(|| vec![r#"{"return": {}, "id": ID}"#.to_owned()])
}

#[test]
fn newer_server_members_and_values_are_tolerated() {
    let (path, h) = server("newer", |name, _| {
        ok_caps(name).or_else(|| match name {
            "query-status" => Some(vec![
                r#"{"event": "STOP", "timestamp": {"seconds": 1, "microseconds": 2}}"#.into(),
                r#"{"return": {"status": "paused", "running": false, "future": [1]}, "id": ID}"#
                    .into(),
                r#"{"event": "NEW_EVENT", "data": {"x": 1}, "timestamp": {"seconds": 3, "microseconds": 4}}"#
                    .into(),
            ]),
            "query-cpus-fast" => Some(vec![
                r#"{"return": [{"cpu-index": 0, "qom-path": "/a", "thread-id": 7, "target": "x86_64"}, {"cpu-index": 1, "qom-path": "/b", "thread-id": 8, "target": "newarch"}], "id": ID}"#
                    .into(),
            ]),
            _ => None,
        })
    });
    let mut c = Client::connect_unix(&path, Options::default()).unwrap();
    assert_eq!(c.greeting().version, (10, 1, 0));
    let st = c
        .execute_full::<run_state::query_status>(Empty {}, false)
        .unwrap();
    assert_eq!(st.value.status, run_state::RunState::Paused);
    assert_eq!(st.unknown.len(), 1);
    assert_eq!(st.unknown[0].path, "future");
    assert_eq!(st.unknown[0].kind, UnknownKind::Member);

    let cpus = c
        .execute_full::<machine::query_cpus_fast>(Empty {}, false)
        .unwrap();
    assert_eq!(
        cpus.value.len(),
        1,
        "the CPU of an unknown target is left out"
    );
    assert_eq!(cpus.value[0].cpu_index, 0);
    assert!(
        cpus.unknown
            .iter()
            .any(|u| u.kind == UnknownKind::EnumValue && u.value == Value::from("newarch")),
        "{:?}",
        cpus.unknown
    );

    // The events that came between the replies, in order, with timestamps.
    let e1 = c.next_event(Some(Duration::ZERO)).unwrap().unwrap();
    assert!(e1.decode::<run_state::Stop>().unwrap().is_ok());
    assert_eq!((e1.timestamp.seconds, e1.timestamp.microseconds), (1, 2));
    let e2 = c.next_event(Some(Duration::ZERO)).unwrap().unwrap();
    assert_eq!(e2.name, "NEW_EVENT");
    assert!(e2.decode::<run_state::Stop>().is_none());
    assert!(
        c.next_event(Some(Duration::from_millis(10)))
            .unwrap()
            .is_none()
    );
    drop(c);
    h.join().unwrap();
}

#[test]
fn error_replies_and_oob_overtaking() {
    let (path, h) = server("oob", |name, req| {
        let oob = req.contains_key("exec-oob");
        ok_caps(name).or_else(|| match (name, oob) {
            // The in-band reply waits: the out-of-band one overtakes it.
            ("query-status", false) => Some(vec![]),
            ("migrate-pause", true) => Some(vec![
                r#"{"error": {"class": "GenericError", "desc": "migrate-pause is currently only supported during postcopy-active or postcopy-recover state"}, "id": ID}"#.into(),
                r#"{"return": {"status": "running", "running": true}, "id": 2}"#.into(),
            ]),
            _ => None,
        })
    });
    let mut c = Client::connect_unix(&path, Options { oob: true }).unwrap();
    assert!(c.oob_enabled());
    // qmp_capabilities was request 1, so this is 2.
    let first = c.send("query-status", None, false, true).unwrap();
    assert_eq!(first, 2);
    match c.execute_oob::<migration::migrate_pause>(Empty {}) {
        Err(QmpError::Reply(e)) => {
            assert_eq!(e.class, "GenericError");
            assert!(e.desc.starts_with("migrate-pause is currently"));
        }
        r => panic!("{r:?}"),
    }
    let v = c.wait(first).unwrap().unwrap();
    assert_eq!(
        v.as_dict().unwrap().get("status"),
        Some(&Value::from("running"))
    );
    // Not negotiated: refused before sending.
    drop(c);
    h.join().unwrap();
}

#[test]
fn replies_by_id_while_pipelining() {
    let (path, h) = server("pipeline", |name, _| {
        ok_caps(name).or_else(|| match name {
            "query-status" => Some(vec![
                r#"{"return": {"status": "running", "running": true}, "id": ID}"#.into(),
            ]),
            _ => None,
        })
    });
    let mut c = Client::connect_unix(&path, Options::default()).unwrap();
    assert!(matches!(
        c.execute_oob::<migration::migrate_pause>(Empty {}),
        Err(QmpError::Request(_))
    ));
    let ids: Vec<_> = (0..50)
        .map(|_| c.send("query-status", None, false, true).unwrap())
        .collect();
    for id in ids.into_iter().rev() {
        let v = c.wait(id).unwrap().unwrap();
        assert_eq!(
            v.as_dict().unwrap().get("running"),
            Some(&Value::Bool(true))
        );
    }
    drop(c);
    h.join().unwrap();
}

#[test]
fn broken_streams_are_errors() {
    for (tag, reply) in [
        ("garbage", r#"{"return": }"#),
        ("unknown", r#"{"hello": 1}"#),
        ("wrongid", r#"{"return": {}, "id": 99}"#),
        (
            "badtype",
            r#"{"return": {"status": 1, "running": true}, "id": ID}"#,
        ),
        ("partial", r#"{"return": {"status""#),
        (
            "required",
            r#"{"return": {"status": "new-state", "running": true}, "id": ID}"#,
        ),
    ] {
        let (path, h) = server(tag, move |name, _| {
            ok_caps(name).or_else(|| {
                (name == "query-status").then(|| vec![reply.to_owned(), "CLOSE".to_owned()])
            })
        });
        let mut c = Client::connect_unix(&path, Options::default()).unwrap();
        let r = c.execute::<run_state::query_status>(Empty {});
        assert!(r.is_err(), "{tag}: {r:?}");
        drop(c);
        h.join().unwrap();
    }
}
