//! The imitated builds and targets against `symbols.json`: the condition
//! symbols that make QEMU 10.0's schema produce each real binary's replies.

use std::collections::BTreeSet;

use qapi_defs::qemu::{self, Build};
use qapi_tests::captures_dir;
use serde_json::Value;

fn symbols() -> Value {
    let path = captures_dir().join("symbols.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("symbols.json")
}

fn names(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|s| s.as_str().expect("string").to_owned())
        .collect()
}

#[test]
fn builds_match() {
    let s = symbols();
    for (name, b) in s["builds"].as_object().expect("builds") {
        let build = Build::named(name).unwrap_or_else(|| panic!("build '{name}' unknown"));
        let ours: BTreeSet<String> = build.symbols.iter().map(|s| s.to_string()).collect();
        assert_eq!(
            ours,
            names(&b["defined"]),
            "defined symbols of build {name}"
        );
        let undefined = names(&b["undefined"]);
        assert!(
            ours.is_disjoint(&undefined),
            "build {name} defines an undefined symbol"
        );
        assert_eq!(
            build.package,
            s["package"].as_str().unwrap(),
            "package of {name}"
        );
        let v = &s["version"];
        assert_eq!(
            build.version,
            (
                v["major"].as_u64().unwrap() as u32,
                v["minor"].as_u64().unwrap() as u32,
                v["micro"].as_u64().unwrap() as u32
            )
        );
    }
    assert_eq!(s["default_build"], "debian");
}

#[test]
fn every_target_defines_its_symbols() {
    let s = symbols();
    let targets = s["targets"].as_object().expect("targets");
    assert!(
        targets.len() >= 30,
        "symbols.json lists {} targets",
        targets.len()
    );
    for (name, t) in targets {
        let cfg = qemu::config(name).unwrap_or_else(|| panic!("target '{name}' unknown"));
        let build = t["build"].as_str().unwrap();
        assert_eq!(cfg.build.name, build, "build of {name}");
        let mut want = names(&t["target_symbols"]);
        want.extend(names(&s["builds"][build]["defined"]));
        let got: BTreeSet<String> = cfg.defined().map(str::to_owned).collect();
        assert_eq!(got, want, "symbols of {name}");
    }
}

#[test]
fn debian_aliases_resolve() {
    for (alias, real) in [
        ("amd64", "x86_64"),
        ("arm64", "aarch64"),
        ("armhf", "arm"),
        ("armel", "arm"),
        ("loong64", "loongarch64"),
        ("powerpc", "ppc"),
        ("ppc64el", "ppc64"),
        ("ppc64le", "ppc64"),
    ] {
        assert_eq!(qemu::config(alias).unwrap().target.name, real);
    }
}
