//! The emulator facts through QMP, against every real binary: the replies
//! of `qom-list-types`, `device-list-properties`, `qom-list-properties`,
//! `query-machines`, `query-cpu-definitions`, `query-cpu-model-expansion`
//! (every model, static and full), `query-tpm-*`,
//! `query-command-line-options` and `query-gic-capabilities`, with their
//! arguments and errors, must be byte-identical on all 29 targets; and
//! `device-list-properties` of every device type of all 30 binaries.

mod common;

use std::path::PathBuf;
use std::time::Duration;

use common::{CAPTURE_ARGS, Qemu, TempDir, debian_binaries, parallel, show, targets};

/// The types libvirt asks about, and a few that fail each check.
const DEVICES: &[&str] = &[
    "virtio-blk-pci",
    "virtio-net-pci",
    "virtio-scsi-pci",
    "virtio-net-ccw",
    "vfio-pci",
    "scsi-hd",
    "ide-hd",
    "PIIX4_PM",
    "usb-redir",
    "usb-storage",
    "kvm-pit",
    "VGA",
    "qxl",
    "virtio-gpu-pci",
    "ICH9-LPC",
    "virtio-balloon-ccw",
    "intel-iommu",
    "nvdimm",
    "pcie-root-port",
    "spapr-pci-host-bridge",
    "nope",
    "device",
    "memory-backend-file",
];
const OBJECTS: &[&str] = &[
    "memory-backend-file",
    "memory-backend-memfd",
    "none-machine",
    "max-x86_64-cpu",
    "max-arm-cpu",
    "nope",
    "user-creatable",
];

const T: Duration = Duration::from_secs(20);

struct Session(Qemu);

impl Session {
    fn start(program: PathBuf) -> Session {
        let args: Vec<String> = CAPTURE_ARGS.iter().map(|s| s.to_string()).collect();
        let mut s = Session(Qemu::spawn(&program, &args));
        let _greeting = s.0.read_line(T);
        s.ask(r#"{"execute":"qmp_capabilities"}"#);
        s
    }

    /// The reply to `req` (events skipped).
    fn ask(&mut self, req: &str) -> Vec<u8> {
        self.0.send(format!("{req}\n").as_bytes());
        loop {
            match self.0.read_line(T) {
                Some(l) if l.starts_with(b"{\"timestamp\"") => continue,
                Some(l) => return l,
                None => return b"(no reply)".to_vec(),
            }
        }
    }
}

fn requests(real: &mut Session) -> Vec<String> {
    let mut v: Vec<String> = [
        r#"{"execute":"qom-list-types"}"#,
        r#"{"execute":"qom-list-types","arguments":{"abstract":true}}"#,
        r#"{"execute":"qom-list-types","arguments":{"implements":"device"}}"#,
        r#"{"execute":"qom-list-types","arguments":{"implements":"machine","abstract":true}}"#,
        r#"{"execute":"qom-list-types","arguments":{"implements":"hotplug-handler"}}"#,
        r#"{"execute":"qom-list-types","arguments":{"implements":"nope"}}"#,
        r#"{"execute":"query-machines"}"#,
        r#"{"execute":"query-machines","arguments":{"compat-props":true}}"#,
        r#"{"execute":"query-cpu-definitions"}"#,
        r#"{"execute":"query-tpm-models"}"#,
        r#"{"execute":"query-tpm-types"}"#,
        r#"{"execute":"query-command-line-options"}"#,
        r#"{"execute":"query-command-line-options","arguments":{"option":"drive"}}"#,
        r#"{"execute":"query-command-line-options","arguments":{"option":"nope"}}"#,
        r#"{"execute":"query-gic-capabilities"}"#,
        r#"{"execute":"query-cpu-model-expansion","arguments":{"type":"full","model":{"name":"nope"}}}"#,
        r#"{"execute":"query-cpu-model-expansion","arguments":{"type":"static","model":{"name":"host"}}}"#,
        r#"{"execute":"query-cpu-model-expansion","arguments":{"type":"full","model":{"name":"max","props":{"migratable":false}}}}"#,
        r#"{"execute":"query-cpu-model-expansion","arguments":{"type":"full","model":{"name":"max","props":{"nope":true}}}}"#,
        r#"{"execute":"query-cpu-model-expansion","arguments":{"type":"full","model":{"name":"max","props":5}}}"#,
        r#"{"execute":"query-cpu-model-expansion","arguments":{"type":"full","model":{"name":"max","props":{"migratable":1}}}}"#,
        r#"{"execute":"query-cpu-model-expansion","arguments":{"type":"full","model":{"name":"max","props":{"pmu":1}}}}"#,
        r#"{"execute":"query-cpu-model-expansion","arguments":{"type":"full","model":{"name":"max","props":{"pmu":true}}}}"#,
        r#"{"execute":"query-cpu-model-expansion","arguments":{"type":"static","model":{"name":"max","props":{"pmu":false}}}}"#,
        // x86: spellings, levels and level-func7 follow the props.
        r#"{"execute":"query-cpu-model-expansion","arguments":{"type":"full","model":{"name":"base","props":{"sse4.1":true,"min-level":13,"lahf-lm":true,"min-xlevel":2147483656,"fsrs":true}}}}"#,
        r#"{"execute":"query-cpu-model-expansion","arguments":{"type":"full","model":{"name":"qemu64","props":{"sse4_2":true,"xd":false}}}}"#,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for d in DEVICES {
        v.push(format!(
            r#"{{"execute":"device-list-properties","arguments":{{"typename":"{d}"}}}}"#
        ));
    }
    for o in OBJECTS {
        v.push(format!(
            r#"{{"execute":"qom-list-properties","arguments":{{"typename":"{o}"}}}}"#
        ));
    }
    // Every machine's type, and every CPU model expanded both ways.
    for m in return_names(&real.ask(r#"{"execute":"query-machines"}"#), "name") {
        v.push(format!(
            r#"{{"execute":"qom-list-properties","arguments":{{"typename":"{m}-machine"}}}}"#
        ));
    }
    for c in return_names(&real.ask(r#"{"execute":"query-cpu-definitions"}"#), "name") {
        for kind in ["static", "full"] {
            v.push(format!(
                r#"{{"execute":"query-cpu-model-expansion","arguments":{{"type":"{kind}","model":{{"name":"{c}"}}}}}}"#
            ));
        }
    }
    v
}

#[test]
fn replies_identical_on_every_target() {
    let dir = TempDir::new("facts");
    for t in targets() {
        dir.link(t);
    }
    let results = parallel(targets(), 2, |target| {
        let mut real = Session::start(PathBuf::from(format!("/usr/bin/qemu-system-{target}")));
        let mut ours = Session::start(dir.link(target));
        let reqs = requests(&mut real);
        let mut same = 0;
        let mut first = None;
        for r in &reqs {
            let (a, b) = (real.ask(r), ours.ask(r));
            if a == b {
                same += 1;
            } else if first.is_none() {
                let at = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
                let from = at.saturating_sub(100);
                first = Some(format!(
                    "{target}: {r}\n  real: ...{}\n  ours: ...{}",
                    show(&a[from.min(a.len())..(at + 200).min(a.len())]),
                    show(&b[from.min(b.len())..(at + 200).min(b.len())])
                ));
            }
        }
        println!("{target}: {same} of {} replies identical", reqs.len());
        first
    });
    let failures: Vec<String> = results.into_iter().flatten().collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The `key` member of each element of a reply's `return` array.
fn return_names(reply: &[u8], key: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_slice(reply).unwrap_or_default();
    v["return"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|e| e[key].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Whether a property list holds a bus QEMU named by its per-process
/// counter (`child<...>` named `NAME.N`): a second listing in the same
/// process numbers it higher.
fn names_a_counted_bus(reply: &[u8]) -> bool {
    let v: serde_json::Value = serde_json::from_slice(reply).unwrap_or_default();
    v["return"].as_array().is_some_and(|a| {
        a.iter().any(|p| {
            let (name, ty) = (p["name"].as_str(), p["type"].as_str());
            ty.is_some_and(|t| t.starts_with("child<"))
                && name
                    .and_then(|n| n.rsplit_once('.'))
                    .is_some_and(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        })
    })
}

/// The first difference of `real` and `ours`, around where it starts.
fn first_difference(what: &str, real: &[u8], ours: &[u8]) -> String {
    let at = real.iter().zip(ours).take_while(|(x, y)| x == y).count();
    let from = at.saturating_sub(100);
    format!(
        "{what}\n  real: ...{}\n  ours: ...{}",
        show(&real[from.min(real.len())..(at + 200).min(real.len())]),
        show(&ours[from.min(ours.len())..(at + 200).min(ours.len())])
    )
}

/// `device-list-properties` of every device type the real binary lists
/// (`qom-list-types implements=device`), on all 30 binaries, in one
/// session per binary: replies byte-identical.  A type whose list names a
/// counted bus is compared in fresh sessions (ours answers as a fresh
/// process does; see docs/emulator-facts.md).
#[test]
fn device_properties_identical_for_every_device() {
    let dir = TempDir::new("device-props");
    for b in debian_binaries() {
        dir.link(b);
    }
    let real_path = |b: &str| PathBuf::from(format!("/usr/bin/qemu-system-{b}"));
    let ask = |ty: &str| {
        format!(r#"{{"execute":"device-list-properties","arguments":{{"typename":"{ty}"}}}}"#)
    };
    let results = parallel(debian_binaries(), 2, |binary| {
        let mut real = Session::start(real_path(binary));
        let mut ours = Session::start(dir.link(binary));
        let list = r#"{"execute":"qom-list-types","arguments":{"implements":"device"}}"#;
        let mut types = return_names(&real.ask(list), "name");
        types.sort();
        let mut failures = Vec::new();
        let (mut same, mut fresh) = (0, 0);
        for ty in &types {
            let (a, b) = (real.ask(&ask(ty)), ours.ask(&ask(ty)));
            let (a, b) = if names_a_counted_bus(&a) {
                fresh += 1;
                let mut real = Session::start(real_path(binary));
                let mut ours = Session::start(dir.link(binary));
                (real.ask(&ask(ty)), ours.ask(&ask(ty)))
            } else {
                (a, b)
            };
            if a == b {
                same += 1;
            } else {
                failures.push(first_difference(&format!("{binary}: {ty}"), &a, &b));
            }
        }
        eprintln!(
            "{binary}: {same} of {} device types' property lists identical ({fresh} asked in fresh sessions)",
            types.len()
        );
        assert!(!types.is_empty(), "{binary}: no device types listed");
        failures
    });
    let failures: Vec<String> = results.into_iter().flatten().collect();
    assert!(
        failures.is_empty(),
        "{} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
