//! The input visitor's tolerant mode (`read_value`), what a client reads
//! replies with: unknown members and enum values are left out and
//! reported, conditional members may be absent; the strict mode, what a
//! server checks requests with, still rejects them.

use qapi_runtime as qapi;
use qapi_runtime::json::{Parsed, StreamParser};
use qapi_runtime::visit::input::{UnknownKind, check_value, read_value};
use qapi_runtime::{QapiType, Value};

qapi::module!("tolerant-read");
qapi::program!(pub TOLERANT, modules = ["tolerant-read"]);

mod syms {
    qapi_runtime::symbols! {
        build TOL_EXTRA;
    }
}

#[qapi::enumeration]
pub enum Mood {
    Calm,
    Busy,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct Inner {
    pub mood: Mood,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub name: String,
    pub mood: Option<Mood>,
    pub moods: Vec<Mood>,
    pub inners: Vec<Inner>,
    pub inner: Option<Inner>,
    #[qapi(if = crate::syms::TOL_EXTRA)]
    pub extra: i64,
}

fn json(s: &str) -> Value {
    let mut got = Vec::new();
    StreamParser::new().feed(s.as_bytes(), &mut |p| got.push(p));
    match got.pop() {
        Some(Parsed::Value(v)) => v,
        p => panic!("{p:?}"),
    }
}

#[test]
fn unknown_members_and_values_are_left_out_and_reported() {
    let v = json(
        r#"{"name": "n", "mood": "sleepy", "moods": ["calm", "sleepy", "busy"],
            "inners": [{"mood": "calm", "new": 1}, {"mood": "sleepy"}],
            "inner": {"mood": "sleepy"}, "added": true}"#,
    );
    assert!(
        check_value(Report::TYPE, v.clone(), None).is_err(),
        "strict"
    );
    let (read, unknown) = read_value(Report::TYPE, v).unwrap();
    let r = Report::from_value(read).unwrap();
    assert_eq!(
        r,
        Report {
            name: "n".into(),
            mood: None,
            moods: vec![Mood::Calm, Mood::Busy],
            inners: vec![Inner { mood: Mood::Calm }],
            inner: None,
            extra: 0,
        }
    );
    let got: Vec<(&str, UnknownKind)> = unknown.iter().map(|u| (u.path.as_str(), u.kind)).collect();
    assert_eq!(
        got,
        [
            ("mood", UnknownKind::EnumValue),
            ("moods[1]", UnknownKind::EnumValue),
            ("inners[0].new", UnknownKind::Member),
            ("inners[1].mood", UnknownKind::EnumValue),
            ("inner.mood", UnknownKind::EnumValue),
            ("added", UnknownKind::Member),
        ]
    );
}

#[test]
fn unknown_value_where_nothing_can_be_left_out_is_an_error() {
    let e = read_value(Inner::TYPE, json(r#"{"mood": "sleepy"}"#)).unwrap_err();
    assert_eq!(e.desc, r#"Unknown value "sleepy" at 'mood'"#);
    // Wrong JSON types are errors in both modes.
    assert!(
        read_value(
            Report::TYPE,
            json(r#"{"name": 1, "moods": [], "inners": []}"#)
        )
        .is_err()
    );
}
