//! What a configuration compiles out never reaches the wire: members, enum
//! values and union branches whose `if` is false are absent from command
//! replies and events, as QEMU's C types never hold them.

use qapi_runtime as qapi;
use qapi_runtime::server::{EventSink, Machine, Server};
use qapi_runtime::{Config, Handlers, Identity};

qapi::module!("conditional-output");
qapi::protocol!();
qapi::program!(pub OUTPUT, modules = ["conditional-output"]);

mod syms {
    qapi_runtime::symbols! {
        build OUT_GREEN;
        build OUT_EXTRA;
        build OUT_WIDE;
    }
}

#[qapi::enumeration]
pub enum Color {
    Red,
    #[qapi(if = crate::syms::OUT_GREEN)]
    Green,
}

#[qapi::structure]
#[derive(Debug, Clone)]
pub struct Paint {
    pub color: Color,
    pub colors: Vec<Color>,
    pub tint: Option<Color>,
    #[qapi(if = crate::syms::OUT_EXTRA)]
    pub extra: Option<i64>,
    #[qapi(if = crate::syms::OUT_EXTRA)]
    pub count: i64,
}

#[qapi::enumeration]
pub enum ShapeKind {
    Circle,
    #[qapi(if = crate::syms::OUT_WIDE)]
    Wide,
}

#[qapi::structure]
#[derive(Debug, Clone)]
pub struct Circle {
    pub radius: i64,
}

#[qapi::structure]
#[derive(Debug, Clone)]
pub struct Wide {
    pub width: i64,
}

#[qapi::union]
#[derive(Debug, Clone)]
pub struct Shape {
    pub name: String,
    #[qapi(discriminator)]
    pub kind: ShapeBranch,
}

#[qapi::branches(tag = ShapeKind)]
#[derive(Debug, Clone)]
pub enum ShapeBranch {
    Circle(Circle),
    #[qapi(if = crate::syms::OUT_WIDE)]
    Wide(Wide),
}

#[qapi::structure]
#[derive(Debug, Clone)]
pub struct Drawing {
    pub shapes: Vec<Shape>,
    pub main: Option<Shape>,
}

#[qapi::command]
pub fn get_paint() -> qapi::Result<Paint>;

#[qapi::command]
pub fn get_drawing() -> qapi::Result<Drawing>;

#[qapi::command]
pub fn emit_all() -> qapi::Result<()>;

#[qapi::event]
#[derive(Debug, Clone)]
pub struct Painted {
    pub paint: Paint,
    pub shape: Option<Shape>,
}

#[qapi::event]
#[derive(Debug, Clone)]
pub struct Shaped {
    pub shape: Shape,
}

fn paint() -> Paint {
    Paint {
        color: Color::Red,
        colors: vec![Color::Red, Color::Green, Color::Red],
        tint: Some(Color::Green),
        extra: Some(5),
        count: 3,
    }
}

fn circle() -> Shape {
    Shape {
        name: "c".into(),
        kind: ShapeBranch::Circle(Circle { radius: 1 }),
    }
}

fn wide() -> Shape {
    Shape {
        name: "w".into(),
        kind: ShapeBranch::Wide(Wide { width: 2 }),
    }
}

struct State {
    events: EventSink,
}

impl Machine for State {}

/// The one place that builds a configuration: the test schema's program
/// with some of its own symbols defined.
fn config(defined: &[&str]) -> Config {
    Config::new(Identity::new((1, 0, 0), "conditional-output"))
        .with_program(&OUTPUT)
        .with_defined(defined.iter().copied())
        .expect("declared symbols")
}

fn server(defined: &[&str]) -> Server<State> {
    let mut h = Handlers::new();
    h.add::<get_paint>(|_, _| Ok(paint()));
    h.add::<get_drawing>(|_, _| {
        Ok(Drawing {
            shapes: vec![circle(), wide(), circle()],
            main: Some(wide()),
        })
    });
    h.add::<emit_all>(|s: &mut State, _| {
        s.events.emit(&Painted {
            paint: paint(),
            shape: Some(wide()),
        });
        s.events.emit(&Shaped { shape: wide() });
        s.events.emit(&Shaped { shape: circle() });
        Ok(())
    });
    Server::new(config(defined), h, |events| State { events }).expect("server")
}

/// Runs `execute` on a fresh monitor; returns every message after the
/// negotiation reply, parsed, with timestamps removed.
fn run(defined: &[&str], execute: &str) -> Vec<serde_json::Value> {
    let s = server(defined);
    let mut session = s.session(false);
    session.feed(br#"{"execute": "qmp_capabilities"}"#);
    let _ = session.outbox().take();
    let req = format!(r#"{{"execute": "{execute}"}}"#);
    let out = session.exchange(req.as_bytes());
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            if let Some(o) = v.as_object_mut() {
                o.remove("timestamp");
            }
            v
        })
        .collect()
}

const ALL: &[&str] = &["OUT_GREEN", "OUT_EXTRA", "OUT_WIDE"];

#[test]
fn reply_members_and_enum_values() {
    use serde_json::json;
    assert_eq!(
        run(&[], "get-paint"),
        [json!({"return": {"color": "red", "colors": ["red", "red"]}})]
    );
    assert_eq!(
        run(&["OUT_GREEN"], "get-paint"),
        [json!({"return": {"color": "red", "colors": ["red", "green", "red"], "tint": "green"}})]
    );
    assert_eq!(
        run(ALL, "get-paint"),
        [
            json!({"return": {"color": "red", "colors": ["red", "green", "red"], "tint": "green", "extra": 5, "count": 3}})
        ]
    );
}

#[test]
fn reply_union_branches() {
    use serde_json::json;
    let c = json!({"name": "c", "kind": "circle", "radius": 1});
    let w = json!({"name": "w", "kind": "wide", "width": 2});
    assert_eq!(
        run(&[], "get-drawing"),
        [json!({"return": {"shapes": [c, c]}})]
    );
    assert_eq!(
        run(&["OUT_WIDE"], "get-drawing"),
        [json!({"return": {"shapes": [c, w, c], "main": w}})]
    );
}

#[test]
fn events() {
    use serde_json::json;
    let c = json!({"name": "c", "kind": "circle", "radius": 1});
    let w = json!({"name": "w", "kind": "wide", "width": 2});
    assert_eq!(
        run(&[], "emit-all"),
        [
            json!({"event": "PAINTED", "data": {"paint": {"color": "red", "colors": ["red", "red"]}}}),
            // SHAPED with the compiled-out branch cannot exist: not sent.
            json!({"event": "SHAPED", "data": {"shape": c}}),
            json!({"return": {}}),
        ]
    );
    assert_eq!(
        run(ALL, "emit-all"),
        [
            json!({"event": "PAINTED", "data": {"paint": {"color": "red", "colors": ["red", "green", "red"], "tint": "green", "extra": 5, "count": 3}, "shape": w}}),
            json!({"event": "SHAPED", "data": {"shape": w}}),
            json!({"event": "SHAPED", "data": {"shape": c}}),
            json!({"return": {}}),
        ]
    );
}

#[test]
fn replies_without_conditions_are_not_reshaped() {
    let cfg = config(ALL);
    let plan = qapi::visit::output::ShapingPlan::new(
        [
            ("paint", <Paint as qapi::QapiType>::TYPE),
            ("drawing", <Drawing as qapi::QapiType>::TYPE),
            ("circle", <Circle as qapi::QapiType>::TYPE),
        ],
        &cfg,
    );
    assert!(!plan.needs("paint") && !plan.needs("drawing") && !plan.needs("circle"));
    let plan = qapi::visit::output::ShapingPlan::new(
        [
            ("paint", <Paint as qapi::QapiType>::TYPE),
            ("circle", <Circle as qapi::QapiType>::TYPE),
        ],
        &config(&[]),
    );
    assert!(plan.needs("paint") && !plan.needs("circle"));
}
