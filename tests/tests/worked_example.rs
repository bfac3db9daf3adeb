//! The worked example of the reference notes (§3.7): a small schema whose
//! introspection was worked out by hand from QEMU's algorithm, for two
//! configurations.

use qapi_runtime as qapi;
use qapi_runtime::introspect::Schema;
use qapi_runtime::{Config, Identity, Registry};

qapi::module!("example");
qapi::program!(EXAMPLE, modules = ["example"]);

mod syms {
    qapi_runtime::symbols! {
        target TARGET_FOO;
        build HAVE_GREEN;
    }
}

#[qapi::enumeration]
pub enum Color {
    Red,
    #[qapi(if = syms::HAVE_GREEN)]
    Green,
}

#[qapi::structure]
pub struct Point {
    pub x: i16,
    pub y: Option<u8>,
    pub c: Color,
}

#[qapi::command]
pub fn get_points(#[qapi(builtin = size)] limit: Option<u64>) -> qapi::Result<Vec<Point>>;

#[qapi::event]
pub struct Ping;

#[qapi::command(if = syms::TARGET_FOO, allow_oob)]
pub fn frob() -> qapi::Result<Thing>;

#[qapi::structure(features = [shiny])]
pub struct Thing {
    pub name: String,
    pub tags: Vec<String>,
    pub v: IntOrPoint,
}

#[qapi::alternate]
pub enum IntOrPoint {
    N(i32),
    P(Point),
}

fn lines(cfg: &Config) -> Vec<String> {
    let reg = Registry::global().expect("registry");
    Schema::compute(reg)
        .resolve(cfg)
        .iter()
        .map(|v| String::from_utf8(qapi::json::to_vec(v)).unwrap())
        .collect()
}

fn config(defined: &[&str]) -> Config {
    Config::new(Identity::default())
        .with_defined(defined.iter().copied())
        .expect("declared symbols")
}

const EXPECTED: &[&str] = &[
    r#"{"name": "get-points", "ret-type": "[1]", "meta-type": "command", "arg-type": "0"}"#,
    r#"{"name": "PING", "meta-type": "event", "arg-type": "2"}"#,
    r#"{"name": "frob", "ret-type": "3", "allow-oob": true, "meta-type": "command", "arg-type": "2"}"#,
    r#"{"name": "0", "members": [{"name": "limit", "default": null, "type": "int"}], "meta-type": "object"}"#,
    r#"{"name": "[1]", "element-type": "1", "meta-type": "array"}"#,
    r#"{"name": "1", "members": [{"name": "x", "type": "int"}, {"name": "y", "default": null, "type": "int"}, {"name": "c", "type": "4"}], "meta-type": "object"}"#,
    r#"{"name": "2", "members": [], "meta-type": "object"}"#,
    r#"{"name": "3", "members": [{"name": "name", "type": "str"}, {"name": "tags", "type": "[str]"}, {"name": "v", "type": "5"}], "meta-type": "object", "features": ["shiny"]}"#,
    r#"{"name": "int", "json-type": "int", "meta-type": "builtin"}"#,
    r#"{"name": "4", "members": [{"name": "red"}, {"name": "green"}], "meta-type": "enum", "values": ["red", "green"]}"#,
    r#"{"name": "str", "json-type": "string", "meta-type": "builtin"}"#,
    r#"{"name": "[str]", "element-type": "str", "meta-type": "array"}"#,
    r#"{"name": "5", "members": [{"type": "int"}, {"type": "1"}], "meta-type": "alternate"}"#,
];

#[test]
fn all_conditions_true() {
    assert_eq!(lines(&config(&["TARGET_FOO", "HAVE_GREEN"])), EXPECTED);
}

#[test]
fn conditions_false_leave_gaps_and_orphans() {
    let expected: Vec<String> = EXPECTED
        .iter()
        .filter(|l| !l.contains(r#""name": "frob""#))
        .map(|l| {
            l.replace(
                r#"[{"name": "red"}, {"name": "green"}], "meta-type": "enum", "values": ["red", "green"]"#,
                r#"[{"name": "red"}], "meta-type": "enum", "values": ["red"]"#,
            )
        })
        .collect();
    assert_eq!(lines(&config(&[])), expected);
}
