//! What `qmp --check` reports for a server of another version: entries by
//! name, numbered types by a path from a command or event.

use qapi_client::schema::diff;
use qapi_runtime::introspect::{Schema, query_qmp_schema};
use qapi_runtime::{Config, Registry, Value};

fn ours() -> Vec<Value> {
    let reg = Registry::of(&qapi_defs::QEMU_SYSTEM).unwrap();
    // The one place naming a product configuration.
    let cfg = Config::from(qapi_defs::qemu::config("x86_64").unwrap());
    match query_qmp_schema(&Schema::compute(reg), &cfg) {
        Value::List(l) => l,
        v => panic!("{v:?}"),
    }
}

fn name(e: &Value) -> &str {
    e.as_dict().unwrap().get("name").unwrap().as_str().unwrap()
}

#[test]
fn same_schema_no_difference() {
    let o = ours();
    assert!(diff(&o, &o).is_empty());
}

#[test]
fn another_version_is_reported_by_name() {
    let o = ours();
    let mut theirs = o.clone();
    // A command gone, a command added, an enum value added.
    theirs.retain(|e| name(e) != "query-uuid");
    let mut added = qapi_runtime::Dict::new();
    added.push_unique("name", "query-something-new");
    added.push_unique("meta-type", "command");
    added.push_unique("arg-type", "0");
    added.push_unique("ret-type", "0");
    theirs.push(Value::Dict(added));
    let status_ret = theirs
        .iter()
        .find(|e| name(e) == "query-status")
        .and_then(|e| e.as_dict()?.get("ret-type")?.as_str().map(str::to_owned))
        .unwrap();
    let status_enum = theirs
        .iter()
        .find(|e| name(e) == status_ret)
        .and_then(|e| {
            let Value::List(ms) = e.as_dict()?.get("members")? else {
                return None;
            };
            ms.iter()
                .find(|m| m.as_dict().unwrap().get("name") == Some(&Value::from("status")))
                .and_then(|m| m.as_dict()?.get("type")?.as_str().map(str::to_owned))
        })
        .unwrap();
    for e in theirs.iter_mut() {
        if name(e) == status_enum
            && let Value::Dict(d) = e
            && let Some(Value::List(values)) = d.get_mut("values")
        {
            values.push(Value::from("new-state"));
        }
    }
    let d = diff(&o, &theirs);
    assert_eq!(d.len(), 3, "{d:#?}");
    assert_eq!(d[0..1], ["only in the definitions: query-uuid".to_owned()]);
    assert!(
        d[1].starts_with(&format!("differs: {status_enum} (query-status.ret.status)")),
        "{}",
        d[1]
    );
    assert!(d[1].contains("new-state"));
    assert!(
        d[2].starts_with("only on the server: query-something-new"),
        "{}",
        d[2]
    );
}
