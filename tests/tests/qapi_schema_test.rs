//! QEMU's positive generator test schema (`qapi-schema-test.json` and its
//! sub-modules), ported in the crate `qapi-schema-test`:
//!
//! - the dump of our descriptors against QEMU's `qapi-schema-test.out`;
//! - introspection against what QEMU's own generator computes for two
//!   symbol sets (`tests/data/`, see its README);
//! - wire round trips of values of every kind, and QEMU's error messages
//!   for bad input.

use std::fmt::Debug;
use std::path::PathBuf;

use ::qapi_schema_test as port;
use port::*;
use qapi_runtime as qapi;
use qapi_runtime::introspect::Schema;
use qapi_runtime::visit::input::check_value;
use qapi_runtime::{Config, Identity, QapiType, Registry, Value};
use serde::Serialize;
use serde::de::DeserializeOwned;

// ---------------------------------------------------------------------------
// Helpers

/// QEMU's test schema and its expected outputs (`../shared/reference/qapi-tests-10.0`).
fn reference_dir() -> PathBuf {
    qapi_tests::shared_dir()
        .join("reference")
        .join("qapi-tests-10.0")
}

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn registry() -> &'static Registry {
    port::registry().expect("registry of the ported schema")
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The first difference between two lists of lines, with context.
fn line_diff(got: &[String], want: &[String]) -> Option<String> {
    let first = (0..got.len().max(want.len())).find(|&i| got.get(i) != want.get(i))?;
    let lo = first.saturating_sub(3);
    let show = |v: &[String]| -> String {
        (lo..(first + 4).min(v.len()))
            .map(|i| {
                let mark = if i == first { '>' } else { ' ' };
                format!("{mark}{:5} | {}\n", i + 1, v[i])
            })
            .collect()
    };
    let differing = (0..got.len().max(want.len()))
        .filter(|&i| got.get(i) != want.get(i))
        .count();
    Some(format!(
        "{differing} differing line(s) ({} lines, want {}); first at line {}:\n--- want\n{}+++ got\n{}",
        got.len(),
        want.len(),
        first + 1,
        show(want),
        show(got)
    ))
}

fn lines(s: &str) -> Vec<String> {
    s.lines().map(str::to_owned).collect()
}

// ---------------------------------------------------------------------------
// The dump (QEMU's test-qapi.py) against qapi-schema-test.out

#[test]
fn dump_matches_qemu_out() {
    let ours = qapi::dump::dump(registry(), &port::INCLUDES);
    let want = lines(&read(reference_dir().join("qapi-schema-test.out")));
    let got = lines(&ours);
    if let Some(d) = line_diff(&got, &want) {
        panic!("dump differs from qapi-schema-test.out: {d}");
    }
}

/// Without the include directives (which descriptors do not hold), the
/// dump loses exactly the `include` lines: array placement across modules
/// happens to be the same for this schema.
#[test]
fn dump_without_includes_only_lacks_include_lines() {
    let ours = qapi::dump::dump(registry(), &[]);
    let want: Vec<String> = lines(&read(reference_dir().join("qapi-schema-test.out")))
        .into_iter()
        .filter(|l| !l.starts_with("include "))
        .collect();
    let got = lines(&ours);
    if let Some(d) = line_diff(&got, &want) {
        panic!("dump without includes differs: {d}");
    }
}

#[test]
fn registry_holds_exactly_the_ported_modules() {
    let reg = registry();
    let modules: Vec<&str> = {
        let mut v: Vec<&str> = reg.entities().iter().map(|e| e.module.name).collect();
        v.dedup();
        v
    };
    assert_eq!(
        modules,
        [
            "qapi-schema-test.json",
            "include/sub-module.json",
            "sub-sub-module.json"
        ]
    );
    // 98 definitions in qapi-schema-test.json, 1 + 1 in the sub-modules.
    let count = |m: &str| reg.entities().iter().filter(|e| e.module.name == m).count();
    assert_eq!(
        (
            count("qapi-schema-test.json"),
            count("include/sub-module.json"),
            count("sub-sub-module.json")
        ),
        (98, 1, 1)
    );
    let metas = |meta: &str| reg.entities().iter().filter(|e| e.meta() == meta).count();
    assert_eq!(
        ["enum", "struct", "union", "alternate", "command", "event"].map(metas),
        [8 + 1, 35 + 1, 8, 11, 23, 13]
    );
}

// ---------------------------------------------------------------------------
// Introspection against QEMU's generator

fn config(defined: &[&str]) -> Config {
    Config::new(Identity::default())
        .with_defined(defined.iter().copied())
        .expect("declared symbols")
}

fn text(v: &Value) -> String {
    String::from_utf8(qapi::json::to_vec(v)).expect("UTF-8")
}

fn check_introspection(file: &str, defined: &[&str]) {
    let expected: Vec<Value> = serde_json::from_str(&read(data_dir().join(file)))
        .unwrap_or_else(|e| panic!("{file}: {e}"));
    // Both sides written by the QEMU writer, so key order is QDict order.
    let want: Vec<String> = expected.iter().map(text).collect();
    let got: Vec<String> = Schema::compute(registry())
        .resolve(&config(defined))
        .iter()
        .map(text)
        .collect();
    if let Some(d) = line_diff(&got, &want) {
        panic!("introspection differs from {file} (entry = line): {d}");
    }
}

#[test]
fn introspection_all_symbols_defined() {
    check_introspection(
        "qapi-schema-test.introspect.all-defined.json",
        port::syms::ALL,
    );
}

#[test]
fn introspection_no_symbol_defined() {
    check_introspection("qapi-schema-test.introspect.none-defined.json", &[]);
}

// ---------------------------------------------------------------------------
// Round trips

/// The value with every object's members sorted by name: the wire text is
/// in QDict order, so its members parse back in another order.
fn canonical(v: &Value) -> Value {
    match v {
        Value::Dict(d) => {
            let mut entries: Vec<(&str, &Value)> = d.iter().collect();
            entries.sort_by_key(|(k, _)| *k);
            let mut out = qapi::Dict::new();
            for (k, v) in entries {
                out.insert(k, canonical(v));
            }
            Value::Dict(out)
        }
        Value::List(l) => Value::List(l.iter().map(canonical).collect()),
        other => other.clone(),
    }
}

/// `v` -> `to_value` -> QEMU's JSON text (checked) -> serde_json -> `Value`
/// -> `from_value` -> `v`; and serde directly, both ways.
#[track_caller]
fn round_trip<T>(v: &T, wire: &str)
where
    T: QapiType + PartialEq + Debug + Serialize + DeserializeOwned,
{
    let value = v.to_value();
    assert_eq!(text(&value), wire, "wire text of {v:?}");
    let parsed: Value = serde_json::from_str(wire).expect("our text parses");
    assert_eq!(canonical(&parsed), canonical(&value), "parsed wire text");
    let back = T::from_value(parsed).expect("from_value");
    assert_eq!(&back, v, "from_value(to_value(v))");

    // serde on the type itself (through Value, with the input checks).
    let s = serde_json::to_string(v).expect("serialize");
    let via_serde: Value = serde_json::from_str(&s).expect("serde text parses");
    assert_eq!(
        via_serde, value,
        "serde_json::to_string gives the same value"
    );
    let back: T = serde_json::from_str(&s).expect("deserialize serde text");
    assert_eq!(&back, v, "serde round trip");
    let back: T = serde_json::from_str(wire).expect("deserialize wire text");
    assert_eq!(&back, v, "deserialize QEMU's text");
}

/// The same for types without `PartialEq`/`Debug` (the argument structs
/// the command macro generates): compared through their values.
#[track_caller]
fn round_trip_by_value<T>(v: &T, wire: &str)
where
    T: QapiType + Serialize + DeserializeOwned,
{
    let value = v.to_value();
    assert_eq!(text(&value), wire);
    let parsed: Value = serde_json::from_str(wire).expect("our text parses");
    assert_eq!(canonical(&parsed), canonical(&value));
    let back = T::from_value(parsed).expect("from_value");
    assert_eq!(back.to_value(), value, "members come back in wire order");
    let s = serde_json::to_string(v).expect("serialize");
    let back: T = serde_json::from_str(&s).expect("deserialize serde text");
    assert_eq!(back.to_value(), value);
}

fn udz(integer: i64) -> UserDefZero {
    UserDefZero { integer }
}

fn udo(integer: i64, string: &str, enum1: Option<EnumOne>) -> UserDefOne {
    UserDefOne {
        base: udz(integer),
        string: string.to_owned(),
        enum1,
    }
}

#[test]
fn struct_with_builtins() {
    round_trip(
        &TestStruct {
            integer: -42,
            boolean: true,
            string: "héllo \"w\"\n".to_owned(),
        },
        r#"{"integer": -42, "boolean": true, "string": "h\u00E9llo \"w\"\n"}"#,
    );
}

#[test]
fn empty_structs() {
    round_trip(&Empty1 {}, "{}");
    round_trip(&Empty2 { base: Empty1 {} }, "{}");
}

#[test]
fn struct_with_base_and_optional_members() {
    round_trip(
        &udo(7, "s", Some(EnumOne::Value3)),
        r#"{"integer": 7, "enum1": "value3", "string": "s"}"#,
    );
    round_trip(&udo(0, "", None), r#"{"integer": 0, "string": ""}"#);
    round_trip(
        &UserDefUnionBase {
            base: udz(1),
            string: "b".to_owned(),
            enum1: EnumOne::Value4,
        },
        r#"{"integer": 1, "enum1": "value4", "string": "b"}"#,
    );
}

#[test]
fn nested_structs() {
    let dd = |n| UserDefTwoDictDict {
        userdef: udo(n, "u", None),
        string: "dd".to_owned(),
    };
    round_trip(
        &UserDefTwo {
            string0: "zero".to_owned(),
            dict1: UserDefTwoDict {
                string1: "one".to_owned(),
                dict2: dd(2),
                dict3: Some(dd(3)),
            },
        },
        r#"{"string0": "zero", "dict1": {"dict3": {"string": "dd", "userdef": {"integer": 3, "string": "u"}}, "dict2": {"string": "dd", "userdef": {"integer": 2, "string": "u"}}, "string1": "one"}}"#,
    );
    round_trip(
        &UserDefTwoDict {
            string1: "one".to_owned(),
            dict2: dd(2),
            dict3: None,
        },
        r#"{"dict2": {"string": "dd", "userdef": {"integer": 2, "string": "u"}}, "string1": "one"}"#,
    );
}

fn empty_array_struct() -> ArrayStruct {
    ArrayStruct {
        integer: vec![],
        s8: vec![],
        s16: vec![],
        s32: vec![],
        s64: vec![],
        u8: vec![],
        u16: vec![],
        u32: vec![],
        u64: vec![],
        number: vec![],
        boolean: vec![],
        string: vec![],
        sz: None,
        any: None,
        user: None,
    }
}

#[test]
fn every_builtin_in_arrays() {
    round_trip(
        &ArrayStruct {
            integer: vec![i64::MIN, -1, 0, i64::MAX],
            s8: vec![i8::MIN, i8::MAX],
            s16: vec![i16::MIN, i16::MAX],
            s32: vec![i32::MIN, i32::MAX],
            s64: vec![i64::MIN, i64::MAX],
            u8: vec![0, u8::MAX],
            u16: vec![u16::MAX],
            u32: vec![u32::MAX],
            u64: vec![0, u64::MAX],
            number: vec![1.5, -0.25, 0.1, 1e300],
            boolean: vec![true, false],
            string: vec!["a".to_owned(), String::new()],
            sz: Some(vec![u64::MAX, 4096]),
            any: Some(vec![
                Value::Null,
                Value::from(1i64),
                Value::from("two"),
                Value::List(vec![Value::Bool(true)]),
                {
                    let mut d = qapi::Dict::new();
                    d.insert("k", Value::from(3.5f64));
                    Value::Dict(d)
                },
            ]),
            user: Some(vec![Status::Good, Status::Bad, Status::Ugly]),
        },
        concat!(
            r#"{"s16": [-32768, 32767], "integer": [-9223372036854775808, -1, 0, 9223372036854775807], "#,
            r#""sz": [18446744073709551615, 4096], "boolean": [true, false], "u8": [0, 255], "#,
            r#""any": [null, 1, "two", [true], {"k": 3.5}], "string": ["a", ""], "#,
            r#""s32": [-2147483648, 2147483647], "u16": [65535], "#,
            r#""s64": [-9223372036854775808, 9223372036854775807], "#,
            r#""number": [1.5, -0.25, 0.10000000000000001, 1.0000000000000001e+300], "#,
            r#""s8": [-128, 127], "u32": [4294967295], "u64": [0, 18446744073709551615], "#,
            r#""user": ["good", "bad", "ugly"]}"#
        ),
    );
    // Optional arrays absent, empty arrays present.
    round_trip(
        &empty_array_struct(),
        concat!(
            r#"{"s16": [], "integer": [], "boolean": [], "u8": [], "string": [], "s32": [], "#,
            r#""u16": [], "s64": [], "number": [], "s8": [], "u32": [], "u64": []}"#
        ),
    );
    // A double with an integral value is written like an integer (%.17g)
    // and parses back as one; `number` accepts it as the same double.
    let v = ArrayStruct {
        number: vec![2.0, -0.0],
        ..empty_array_struct()
    };
    let wire = text(&v.to_value());
    assert!(wire.contains(r#""number": [2, -0]"#), "{wire}");
    let parsed: Value = serde_json::from_str(&wire).unwrap();
    assert_eq!(ArrayStruct::from_value(parsed).unwrap(), v);
    assert_eq!(serde_json::from_str::<ArrayStruct>(&wire).unwrap(), v);
    round_trip(
        &UserDefOptions {
            i64: Some(vec![3, -5]),
            u64: Some(vec![2]),
            u16: Some(vec![1, 7]),
            i64x: Some(-1),
            u64x: None,
        },
        r#"{"i64": [3, -5], "u16": [1, 7], "i64x": -1, "u64": [2]}"#,
    );
    round_trip(
        &ForceArrays {
            unused1: vec![udo(1, "a", None)],
            unused2: vec![],
            unused3: vec![TestStruct {
                integer: 1,
                boolean: false,
                string: "t".to_owned(),
            }],
        },
        r#"{"unused2": [], "unused3": [{"integer": 1, "boolean": false, "string": "t"}], "unused1": [{"integer": 1, "string": "a"}]}"#,
    );
    round_trip(
        &SecondArrayRef {
            s: vec![Status::Ugly],
        },
        r#"{"s": ["ugly"]}"#,
    );
}

#[test]
fn enums() {
    round_trip(
        &NestedEnumsOne {
            enum1: EnumOne::Value1,
            enum2: None,
            enum3: EnumOne::Value3,
            enum4: Some(EnumOne::Value4),
        },
        r#"{"enum4": "value4", "enum3": "value3", "enum1": "value1"}"#,
    );
    round_trip(&QEnumTwo::Value2, r#""value2""#);
    round_trip(&TestUnionEnumA::ValueA1, r#""value-a1""#);
    round_trip(&FeatureEnum1::Drei, r#""drei""#);
    // A renamed (downstream) value.
    round_trip(&OrgQemuXEnum::OrgQemuXValue, r#""__org.qemu_x-value""#);
    assert_eq!(
        <OrgQemuXEnum as qapi::QapiEnum>::NAMES,
        ["__org.qemu_x-value"]
    );
    // The empty enum has no value at all.
    assert!(<MyEnum as qapi::QapiEnum>::NAMES.is_empty());
    assert_eq!(
        serde_json::from_str::<MyEnum>(r#""x""#)
            .unwrap_err()
            .to_string(),
        "Parameter 'null' does not accept value 'x'"
    );
}

#[test]
fn renamed_members() {
    // 'a_b' (member-name exception) and 'a-b' have the same C name but
    // live in different branches of UserDefFlatUnion.
    round_trip(
        &UserDefA {
            boolean: true,
            a_b: Some(3),
        },
        r#"{"boolean": true, "a_b": 3}"#,
    );
    round_trip(
        &UserDefB {
            intb: 4,
            a_b: Some(false),
        },
        r#"{"a-b": false, "intb": 4}"#,
    );
    round_trip(
        &OrgQemuXStruct {
            base: OrgQemuXBase {
                org_qemu_x_member1: OrgQemuXEnum::OrgQemuXValue,
            },
            org_qemu_x_member2: "m2".to_owned(),
            wchar_t: Some(9),
        },
        r#"{"wchar-t": 9, "__org.qemu_x-member2": "m2", "__org.qemu_x-member1": "__org.qemu_x-value"}"#,
    );
}

fn flat_union(branch: UserDefFlatUnionBranch) -> UserDefFlatUnion {
    UserDefFlatUnion {
        integer: 1,
        string: "s".to_owned(),
        enum1: branch,
    }
}

#[test]
fn flat_union_with_named_base() {
    round_trip(
        &flat_union(UserDefFlatUnionBranch::Value1(UserDefA {
            boolean: true,
            a_b: None,
        })),
        r#"{"integer": 1, "boolean": true, "enum1": "value1", "string": "s"}"#,
    );
    round_trip(
        &flat_union(UserDefFlatUnionBranch::Value2(UserDefB {
            intb: 2,
            a_b: Some(true),
        })),
        r#"{"integer": 1, "enum1": "value2", "string": "s", "a-b": true, "intb": 2}"#,
    );
    round_trip(
        &flat_union(UserDefFlatUnionBranch::Value3(UserDefB {
            intb: 3,
            a_b: None,
        })),
        r#"{"integer": 1, "enum1": "value3", "string": "s", "intb": 3}"#,
    );
    // 'value4' has no branch: the implicit empty one.
    round_trip(
        &flat_union(UserDefFlatUnionBranch::Value4),
        r#"{"integer": 1, "enum1": "value4", "string": "s"}"#,
    );
}

#[test]
fn flat_union_with_inline_base() {
    round_trip(
        &UserDefFlatUnion2 {
            integer: Some(5),
            string: "x".to_owned(),
            enum1: UserDefFlatUnion2Branch::Value1(UserDefC {
                string1: "c1".to_owned(),
                string2: "c2".to_owned(),
            }),
        },
        r#"{"integer": 5, "string2": "c2", "enum1": "value1", "string": "x", "string1": "c1"}"#,
    );
    round_trip(
        &UserDefFlatUnion2 {
            integer: None,
            string: "x".to_owned(),
            enum1: UserDefFlatUnion2Branch::Value2(UserDefB { intb: 0, a_b: None }),
        },
        r#"{"enum1": "value2", "string": "x", "intb": 0}"#,
    );
    // Every branch implicit.
    round_trip(
        &Union {
            r#type: UnionBranch::Value2,
        },
        r#"{"type": "value2"}"#,
    );
    round_trip(
        &FeatureUnion1 {
            tag: FeatureUnion1Branch::Eins(FeatureStruct1 { foo: 1 }),
        },
        r#"{"tag": "eins", "foo": 1}"#,
    );
    round_trip(
        &FeatureUnion1 {
            tag: FeatureUnion1Branch::Drei,
        },
        r#"{"tag": "drei"}"#,
    );
}

#[test]
fn union_in_union() {
    round_trip(
        &TestUnionInUnion {
            r#type: TestUnionInUnionBranch::ValueA(TestUnionTypeA {
                type_a: TestUnionTypeABranch::ValueA2(TestUnionTypeA2 {
                    integer: 1,
                    size: 2,
                }),
            }),
        },
        r#"{"integer": 1, "type-a": "value-a2", "size": 2, "type": "value-a"}"#,
    );
    round_trip(
        &TestUnionInUnion {
            r#type: TestUnionInUnionBranch::ValueA(TestUnionTypeA {
                type_a: TestUnionTypeABranch::ValueA1(TestUnionTypeA1 {
                    integer: 1,
                    name: "n".to_owned(),
                }),
            }),
        },
        r#"{"name": "n", "integer": 1, "type-a": "value-a1", "type": "value-a"}"#,
    );
    round_trip(
        &TestUnionInUnion {
            r#type: TestUnionInUnionBranch::ValueB(TestUnionTypeB {
                integer: 3,
                onoff: false,
            }),
        },
        r#"{"integer": 3, "onoff": false, "type": "value-b"}"#,
    );
    // A downstream union whose branch holds an array of the union itself.
    let leaf = OrgQemuXUnion {
        org_qemu_x_member1: OrgQemuXUnionBranch::OrgQemuXValue(OrgQemuXStruct2 { array: vec![] }),
    };
    round_trip(
        &OrgQemuXUnion {
            org_qemu_x_member1: OrgQemuXUnionBranch::OrgQemuXValue(OrgQemuXStruct2 {
                array: vec![leaf],
            }),
        },
        r#"{"array": [{"array": [], "__org.qemu_x-member1": "__org.qemu_x-value"}], "__org.qemu_x-member1": "__org.qemu_x-value"}"#,
    );
}

#[test]
fn alternates_of_every_branch_kind() {
    // Object (a flat union), enum, int and null branches.
    round_trip(
        &UserDefAlternate::Udfu(flat_union(UserDefFlatUnionBranch::Value4)),
        r#"{"integer": 1, "enum1": "value4", "string": "s"}"#,
    );
    round_trip(&UserDefAlternate::E(EnumOne::Value2), r#""value2""#);
    round_trip(&UserDefAlternate::I(-3), "-3");
    round_trip(&UserDefAlternate::N(()), "null");
    round_trip(
        &WrapAlternate {
            alt: UserDefAlternate::N(()),
        },
        r#"{"alt": null}"#,
    );
    round_trip(
        &WrapAlternate {
            alt: UserDefAlternate::I(1),
        },
        r#"{"alt": 1}"#,
    );
    // bool, number, list and str branches.
    round_trip(&AltEnumBool::B(false), "false");
    round_trip(&AltEnumBool::E(EnumOne::Value1), r#""value1""#);
    round_trip(&AltEnumNum::N(0.5), "0.5");
    round_trip(&AltEnumNum::E(EnumOne::Value1), r#""value1""#);
    round_trip(&AltNumEnum::N(-2.5), "-2.5");
    round_trip(&AltNumEnum::E(EnumOne::Value4), r#""value4""#);
    round_trip(&AltEnumInt::I(i64::MAX), "9223372036854775807");
    round_trip(&AltListInt::L(vec![1, 2, 3]), "[1, 2, 3]");
    round_trip(&AltListInt::I(4), "4");
    round_trip(&AltStrObj::S("str".to_owned()), r#""str""#);
    round_trip(
        &AltStrObj::O(TestStruct {
            integer: 1,
            boolean: true,
            string: "o".to_owned(),
        }),
        r#"{"integer": 1, "boolean": true, "string": "o"}"#,
    );
    // Downstream names and a single branch.
    round_trip(&OrgQemuXAlt1::OrgQemuXBranch("b".to_owned()), r#""b""#);
    round_trip(
        &OrgQemuXAlt::OrgQemuXBranch(OrgQemuXBase {
            org_qemu_x_member1: OrgQemuXEnum::OrgQemuXValue,
        }),
        r#"{"__org.qemu_x-member1": "__org.qemu_x-value"}"#,
    );
    round_trip(
        &FeatureAlternate1::Eins(FeatureStruct1 { foo: 2 }),
        r#"{"foo": 2}"#,
    );
    // An integer is a valid 'number': it comes back as a double.
    assert_eq!(
        serde_json::from_str::<AltEnumNum>("3").unwrap(),
        AltEnumNum::N(3.0)
    );
}

#[test]
fn conditional_definitions_without_configuration() {
    // Plain serde has no configuration: every condition holds.
    round_trip(
        &TestIfStruct {
            foo: 1,
            bar: 2,
            baz: Some("z".to_owned()),
        },
        r#"{"baz": "z", "bar": 2, "foo": 1}"#,
    );
    round_trip(
        &TestIfUnion {
            r#type: TestIfUnionBranch::Bar(udz(5)),
        },
        r#"{"integer": 5, "type": "bar"}"#,
    );
    round_trip(&TestIfAlternate::Foo(1), "1");
    round_trip(&TestIfEnum::Bar, r#""bar""#);
}

#[test]
fn implicit_argument_and_event_types() {
    round_trip_by_value(
        &UserDefCmd2Args {
            ud1a: udo(1, "a", None),
            ud1b: Some(udo(2, "b", Some(EnumOne::Value2))),
        },
        r#"{"ud1b": {"integer": 2, "enum1": "value2", "string": "b"}, "ud1a": {"integer": 1, "string": "a"}}"#,
    );
    round_trip_by_value(
        &GuestSyncArgs {
            arg: Value::List(vec![Value::Null]),
        },
        r#"{"arg": [null]}"#,
    );
    round_trip(
        &EventC {
            a: None,
            b: None,
            c: "c".to_owned(),
        },
        r#"{"c": "c"}"#,
    );
    let data = qapi::Event::data(&EventD {
        a: EventStructOne {
            struct1: udo(1, "s1", None),
            string: "s".to_owned(),
            enum2: None,
        },
        b: "b".to_owned(),
        c: None,
        enum3: Some(EnumOne::Value1),
    });
    assert_eq!(
        data.as_ref().map(text).as_deref(),
        Some(
            r#"{"enum3": "value1", "a": {"struct1": {"integer": 1, "string": "s1"}, "string": "s"}, "b": "b"}"#
        )
    );
    assert_eq!(qapi::Event::data(&EventA), None);
    assert_eq!(qapi::Event::data(&EventB {}), None);
    assert_eq!(
        qapi::Event::data(&EventE(udz(1)))
            .as_ref()
            .map(text)
            .as_deref(),
        Some(r#"{"integer": 1}"#)
    );
}

// ---------------------------------------------------------------------------
// Bad input: QEMU's messages (qobject-input-visitor.c), from check_value

#[track_caller]
fn rejects<T: DeserializeOwned + Debug>(input: &str, message: &str) {
    match serde_json::from_str::<T>(input) {
        Ok(v) => panic!("{input} was accepted as {v:?}"),
        Err(e) => assert_eq!(e.to_string(), message, "input {input}"),
    }
}

const TS: &str = r#""integer": 1, "boolean": true, "string": "s""#;

#[test]
fn missing_members() {
    rejects::<TestStruct>(
        r#"{"boolean": true, "string": "s"}"#,
        "Parameter 'integer' is missing",
    );
    rejects::<UserDefOne>(r#"{"integer": 1}"#, "Parameter 'string' is missing");
    // The discriminator, then a member of the selected branch.
    rejects::<UserDefFlatUnion>(
        r#"{"integer": 1, "string": "s"}"#,
        "Parameter 'enum1' is missing",
    );
    rejects::<UserDefFlatUnion>(
        r#"{"integer": 1, "string": "s", "enum1": "value1"}"#,
        "Parameter 'boolean' is missing",
    );
    rejects::<UserDefTwo>(
        r#"{"string0": "z", "dict1": {"string1": "o", "dict2": {"string": "d"}}}"#,
        "Parameter 'dict1.dict2.userdef' is missing",
    );
}

#[test]
fn wrong_types() {
    rejects::<TestStruct>(
        r#"{"integer": 1, "boolean": true, "string": 5}"#,
        "Invalid parameter type for 'string', expected: string",
    );
    rejects::<TestStruct>(
        r#"{"integer": 1, "boolean": "yes", "string": "s"}"#,
        "Invalid parameter type for 'boolean', expected: boolean",
    );
    rejects::<TestStruct>(
        r#"{"integer": 1.0, "boolean": true, "string": "s"}"#,
        "Invalid parameter type for 'integer', expected: integer",
    );
    rejects::<TestStruct>(
        "[1]",
        "Invalid parameter type for '<anonymous>', expected: object",
    );
    rejects::<UserDefTwo>(
        r#"{"string0": "z", "dict1": {"string1": "o", "dict2": {"string": "d", "userdef": {"integer": "1", "string": "u"}}}}"#,
        "Invalid parameter type for 'dict1.dict2.userdef.integer', expected: integer",
    );
    rejects::<ForceArrays>(
        r#"{"unused1": {}, "unused2": [], "unused3": []}"#,
        "Invalid parameter type for 'unused1', expected: array",
    );
    rejects::<ForceArrays>(
        &format!(r#"{{"unused1": [], "unused2": [], "unused3": [{{{TS}}}, 7]}}"#),
        "Invalid parameter type for 'unused3[1]', expected: object",
    );
    rejects::<SecondArrayRef>(
        r#"{"s": ["good", 1]}"#,
        "Invalid parameter type for 's[1]', expected: string",
    );
    rejects::<WrapAlternate>(
        r#"{"alt": "value9"}"#,
        "Parameter 'alt' does not accept value 'value9'",
    );
}

fn array_struct_with(member: &str, value: &str) -> String {
    let mut members: Vec<String> = [
        "integer", "s8", "s16", "s32", "s64", "u8", "u16", "u32", "u64", "number", "boolean",
        "string",
    ]
    .iter()
    .map(|m| format!(r#""{m}": []"#))
    .collect();
    for m in members.iter_mut() {
        if m.starts_with(&format!(r#""{member}""#)) {
            *m = format!(r#""{member}": {value}"#);
        }
    }
    format!("{{{}}}", members.join(", "))
}

#[test]
fn integer_ranges_and_numbers() {
    let bad = |member: &str, value: &str, message: &str| {
        rejects::<ArrayStruct>(&array_struct_with(member, value), message)
    };
    // Out of range for the narrow types: QEMU names list elements 'null'.
    bad("s8", "[1, 128]", "Parameter 'null' expects int8_t");
    bad("s16", "[-32769]", "Parameter 'null' expects int16_t");
    bad("s32", "[2147483648]", "Parameter 'null' expects int32_t");
    bad("u8", "[256]", "Parameter 'null' expects uint8_t");
    bad("u8", "[-1]", "Parameter 'null' expects uint8_t");
    bad("u16", "[65536]", "Parameter 'null' expects uint16_t");
    bad("u32", "[4294967296]", "Parameter 'null' expects uint32_t");
    // Not an integer.
    bad(
        "integer",
        r#"[1, "2"]"#,
        "Invalid parameter type for 'integer[1]', expected: integer",
    );
    bad(
        "s64",
        "[9223372036854775808]",
        "Invalid parameter type for 's64[0]', expected: integer",
    );
    bad("u64", "[1.5]", "Parameter 'u64[0]' expects uint64");
    bad("u16", r#"["1"]"#, "Parameter 'u16[0]' expects uint64");
    bad(
        "number",
        r#"["1.5"]"#,
        "Invalid parameter type for 'number[0]', expected: number",
    );
    bad(
        "boolean",
        "[0]",
        "Invalid parameter type for 'boolean[0]', expected: boolean",
    );
    bad(
        "string",
        "[null]",
        "Invalid parameter type for 'string[0]', expected: string",
    );

    // uint64 accepts negative integers, wrapping them; number accepts
    // integers.
    let v: ArrayStruct = serde_json::from_str(&array_struct_with("u64", "[-1]")).unwrap();
    assert_eq!(v.u64, [u64::MAX]);
    let v: ArrayStruct = serde_json::from_str(&array_struct_with("number", "[1, -7]")).unwrap();
    assert_eq!(v.number, [1.0, -7.0]);
    rejects::<UserDefOptions>(r#"{"u64x": "x"}"#, "Parameter 'u64x' expects uint64");
}

#[test]
fn enum_values() {
    rejects::<NestedEnumsOne>(
        r#"{"enum1": "value9", "enum3": "value1"}"#,
        "Parameter 'enum1' does not accept value 'value9'",
    );
    rejects::<NestedEnumsOne>(
        r#"{"enum1": 1, "enum3": "value1"}"#,
        "Invalid parameter type for 'enum1', expected: string",
    );
    rejects::<ArrayStruct>(
        &array_struct_with("integer", r#"[], "user": ["good", "fine"]"#),
        "Parameter 'null' does not accept value 'fine'",
    );
    rejects::<EnumOne>(
        r#""Value1""#,
        "Parameter 'null' does not accept value 'Value1'",
    );
    rejects::<UserDefFlatUnion>(
        r#"{"integer": 1, "string": "s", "enum1": "value5"}"#,
        "Parameter 'enum1' does not accept value 'value5'",
    );
}

#[test]
fn unexpected_members() {
    rejects::<TestStruct>(
        &format!(r#"{{{TS}, "bogus": 1}}"#),
        "Parameter 'bogus' is unexpected",
    );
    rejects::<Empty2>(r#"{"x": null}"#, "Parameter 'x' is unexpected");
    // A member of another branch.
    rejects::<UserDefFlatUnion>(
        r#"{"integer": 1, "string": "s", "enum1": "value1", "boolean": true, "intb": 1}"#,
        "Parameter 'intb' is unexpected",
    );
    // The implicit empty branch has no members.
    rejects::<UserDefFlatUnion>(
        r#"{"integer": 1, "string": "s", "enum1": "value4", "boolean": true}"#,
        "Parameter 'boolean' is unexpected",
    );
    rejects::<UserDefTwo>(
        r#"{"string0": "z", "dict1": {"string1": "o", "x": 1, "dict2": {"string": "d", "userdef": {"integer": 1, "string": "u"}}}}"#,
        "Parameter 'dict1.x' is unexpected",
    );
}

#[test]
fn alternate_mismatch() {
    rejects::<WrapAlternate>(
        r#"{"alt": [1]}"#,
        "Invalid parameter type for 'alt', expected: UserDefAlternate",
    );
    rejects::<UserDefAlternate>(
        "true",
        "Invalid parameter type for 'null', expected: UserDefAlternate",
    );
    rejects::<AltEnumInt>(
        "1.5",
        "Invalid parameter type for '<anonymous>', expected: integer",
    );
    rejects::<AltStrObj>(
        "[]",
        "Invalid parameter type for 'null', expected: AltStrObj",
    );
    rejects::<OrgQemuXAlt>(
        r#""s""#,
        "Invalid parameter type for 'null', expected: __org.qemu_x-Alt",
    );
    // The selected branch is checked as that type.
    rejects::<WrapAlternate>(
        r#"{"alt": {"integer": 1}}"#,
        "Parameter 'alt.string' is missing",
    );
}

#[test]
fn conditions_with_a_configuration() {
    let all = config(port::syms::ALL);
    // The types exist, their conditional members, values and branches do not.
    let members_off = config(&["TEST_IF_STRUCT", "TEST_IF_UNION", "TEST_IF_ALT"]);
    let check = |ty: &'static qapi::desc::TypeRef, json: &str, cfg: &Config| {
        let v: Value = serde_json::from_str(json).unwrap();
        check_value(ty, v, Some(cfg))
            .map(|v| text(&v))
            .map_err(|e| e.to_string())
    };
    let s = r#"{"foo": 1, "bar": 2}"#;
    assert_eq!(
        check(TestIfStruct::TYPE, s, &all),
        Ok(r#"{"bar": 2, "foo": 1}"#.to_owned())
    );
    // Where TEST_IF_STRUCT_MEMBER is undefined, 'bar' does not exist.
    assert_eq!(
        check(TestIfStruct::TYPE, s, &members_off),
        Err("Parameter 'bar' is unexpected".to_owned())
    );
    let v: TestIfStruct = TestIfStruct::from_value(
        check_value(
            TestIfStruct::TYPE,
            serde_json::from_str(r#"{"foo": 1}"#).unwrap(),
            Some(&members_off),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(
        v,
        TestIfStruct {
            foo: 1,
            bar: 0,
            baz: None
        }
    );
    // Enum value and union branch under TEST_IF_ENUM_MEMBER.
    let u = r#"{"type": "bar", "integer": 1}"#;
    assert!(check(TestIfUnion::TYPE, u, &all).is_ok());
    assert_eq!(
        check(TestIfUnion::TYPE, u, &members_off),
        Err("Parameter 'type' does not accept value 'bar'".to_owned())
    );
    // Alternate branch under TEST_IF_ALT_MEMBER.
    let a = format!("{{{TS}}}");
    assert!(check(TestIfAlternate::TYPE, &a, &all).is_ok());
    assert_eq!(
        check(TestIfAlternate::TYPE, &a, &members_off),
        Err("Invalid parameter type for 'null', expected: TestIfAlternate".to_owned())
    );
}
