//! The emulator facts through QMP, against every real binary: the replies
//! of `qom-list-types`, `device-list-properties`, `qom-list-properties`,
//! `query-machines`, `query-cpu-definitions`, `query-cpu-model-expansion`
//! (every model, static and full), `query-tpm-*`,
//! `query-command-line-options` and `query-gic-capabilities`, with their
//! arguments and errors, must be byte-identical on all 29 targets.

mod common;

use std::path::PathBuf;
use std::time::Duration;

use common::{CAPTURE_ARGS, Qemu, TempDir, parallel, show, targets};

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
    let names = |reply: &[u8], key: &str| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_slice(reply).unwrap_or_default();
        v["return"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e[key].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    for m in names(&real.ask(r#"{"execute":"query-machines"}"#), "name") {
        v.push(format!(
            r#"{{"execute":"qom-list-properties","arguments":{{"typename":"{m}-machine"}}}}"#
        ));
    }
    for c in names(&real.ask(r#"{"execute":"query-cpu-definitions"}"#), "name") {
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
