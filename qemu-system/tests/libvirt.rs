//! libvirt itself as the client: `virsh domcapabilities` (embedded driver,
//! no daemon) probes Debian's real `qemu-system-<target>` and ours, and the
//! XML must be identical once the emulator path is masked.  On a mismatch
//! the test prints the XML diff and the first QMP reply that differed,
//! read from libvirt's debug logs.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{TempDir, binary, diff_lines, parallel};

/// The 26 arches libvirt lists as guests of Debian's system targets, and
/// the target serving each.
const ARCHES: &[(&str, &str)] = &[
    ("x86_64", "x86_64"),
    ("i686", "i386"),
    ("aarch64", "aarch64"),
    ("armv6l", "arm"),
    ("armv7l", "arm"),
    ("s390x", "s390x"),
    ("ppc", "ppc"),
    ("ppc64", "ppc64"),
    ("ppc64le", "ppc64"),
    ("riscv32", "riscv32"),
    ("riscv64", "riscv64"),
    ("loongarch64", "loongarch64"),
    ("mips", "mips"),
    ("mipsel", "mipsel"),
    ("mips64", "mips64"),
    ("mips64el", "mips64el"),
    ("alpha", "alpha"),
    ("m68k", "m68k"),
    ("microblaze", "microblaze"),
    ("microblazeel", "microblazeel"),
    ("sh4", "sh4"),
    ("sh4eb", "sh4eb"),
    ("sparc", "sparc"),
    ("sparc64", "sparc64"),
    ("xtensa", "xtensa"),
    ("xtensaeb", "xtensaeb"),
];

struct Probe {
    xml: String,
    /// (request, reply) in the order libvirt sent them.
    exchanges: Vec<(String, String)>,
}

/// A directory user libvirt-qemu can read (libvirt starts QEMU as it).
fn readable_dir(path: &Path) -> PathBuf {
    std::fs::create_dir_all(path).unwrap_or_else(|e| panic!("mkdir {}: {e}", path.display()));
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
        .unwrap_or_else(|e| panic!("chmod {}: {e}", path.display()));
    path.to_owned()
}

/// Our binary in `bin` (a folder libvirt-qemu can read), linked there as
/// `qemu-system-<target>` for each of `targets`.
fn install_ours<'a>(bin: &Path, targets: impl IntoIterator<Item = &'a str>) {
    let program = bin.join("qemu-system");
    std::fs::copy(binary(), &program).unwrap_or_else(|e| panic!("copy binary: {e}"));
    std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755))
        .unwrap_or_else(|e| panic!("chmod: {e}"));
    for target in targets {
        let link = bin.join(format!("qemu-system-{target}"));
        if !link.exists() {
            std::os::unix::fs::symlink(&program, &link)
                .unwrap_or_else(|e| panic!("symlink {}: {e}", link.display()));
        }
    }
}

fn domcapabilities(dir: &Path, tag: &str, emulator: &Path, arch: &str, virttype: &str) -> Probe {
    let root = readable_dir(&dir.join(format!("root-{tag}")));
    let log = dir.join(format!("{tag}.log"));
    let out = Command::new("virsh")
        .arg("-c")
        .arg(format!("qemu:///embed?root={}", root.display()))
        .args(["domcapabilities", "--emulatorbin"])
        .arg(emulator)
        .args(["--arch", arch, "--virttype", virttype])
        .env("LIBVIRT_LOG_FILTERS", "1:qemu 1:json 1:monitor 3:*")
        .env("LIBVIRT_LOG_OUTPUTS", format!("1:file:{}", log.display()))
        .output()
        .unwrap_or_else(|e| panic!("virsh (install libvirt-clients): {e}"));
    assert!(
        out.status.success(),
        "virsh domcapabilities {arch} with {}: {}\n{}",
        emulator.display(),
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&log).unwrap_or_default();
    Probe {
        xml: mask_path(&String::from_utf8_lossy(&out.stdout)),
        exchanges: exchanges(&text),
    }
}

/// The emulator's path is the one line that names it.
fn mask_path(xml: &str) -> String {
    xml.lines()
        .map(|l| {
            if l.trim_start().starts_with("<path>") {
                "  <path>EMULATOR</path>"
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every QMP request libvirt sent and the reply it got, from the log.
fn exchanges(log: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut pending: Option<String> = None;
    for line in log.lines() {
        if let Some(rest) = line.split_once("QEMU_MONITOR_SEND_MSG: ").map(|x| x.1) {
            let msg = rest.split_once(" msg=").map_or(rest, |x| x.1);
            let msg = msg.rsplit_once(" fd=").map_or(msg, |x| x.0);
            pending = Some(msg.trim_end().to_owned());
        } else if let Some(rest) = line.split_once("QEMU_MONITOR_RECV_REPLY: ").map(|x| x.1) {
            let reply = rest.split_once(" reply=").map_or(rest, |x| x.1);
            out.push((pending.take().unwrap_or_default(), reply.to_owned()));
        }
    }
    out
}

fn first_difference(real: &Probe, ours: &Probe) -> String {
    for ((req, a), (_, b)) in real.exchanges.iter().zip(&ours.exchanges) {
        if a != b {
            let at = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
            let from = at.saturating_sub(80);
            let show = |s: &str| s.get(from..(at + 200).min(s.len())).unwrap_or(s).to_owned();
            return format!(
                "first differing reply, to {req} (byte {at}):\n  real: ...{}\n  ours: ...{}",
                show(a),
                show(b)
            );
        }
    }
    format!(
        "replies agree; real sent {} commands, ours {}",
        real.exchanges.len(),
        ours.exchanges.len()
    )
}

#[test]
fn domcapabilities_identical() {
    let dir = TempDir::new("libvirt");
    let base = readable_dir(dir.path());
    let bin = readable_dir(&base.join("bin"));
    // One copy libvirt-qemu can read, linked under each target's name.
    install_ours(&bin, ARCHES.iter().map(|(_, t)| *t));
    // Every arch under TCG; the x86 ones under the host's KVM too (the
    // host CPU model, Hyper-V and KVM features come from it).
    let jobs: Vec<(&str, &str, &str)> = ARCHES
        .iter()
        .map(|(arch, target)| (*arch, *target, "qemu"))
        .chain([("x86_64", "x86_64", "kvm"), ("i686", "i386", "kvm")])
        .collect();
    let results = parallel(jobs, 2, |(arch, target, virttype)| {
        let ours = bin.join(format!("qemu-system-{target}"));
        let work = readable_dir(&base.join(format!("{arch}-{virttype}")));
        let real_bin = PathBuf::from(format!("/usr/bin/qemu-system-{target}"));
        let real = domcapabilities(&work, "real", &real_bin, arch, virttype);
        let ours = domcapabilities(&work, "ours", &ours, arch, virttype);
        let same = real
            .exchanges
            .iter()
            .zip(&ours.exchanges)
            .filter(|(a, b)| a.1 == b.1)
            .count();
        println!(
            "{arch} ({virttype}): {} XML lines; {same} of {} QMP replies byte-identical",
            real.xml.lines().count(),
            real.exchanges.len()
        );
        if real.xml == ours.xml {
            return None;
        }
        let lines = |s: &str| s.lines().map(|l| l.as_bytes().to_vec()).collect::<Vec<_>>();
        let only_diff: String = diff_lines(&lines(&real.xml), &lines(&ours.xml))
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.starts_with("    same"))
            .collect::<Vec<_>>()
            .join("\n");
        Some(format!(
            "{arch} ({virttype}): domcapabilities differ\n{only_diff}\n{}",
            first_difference(&real, &ours)
        ))
    });
    let failures: Vec<String> = results.into_iter().flatten().collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// `virsh capabilities` with our links first on PATH lists the same guests
/// (arches, machines, features) as with the real binaries alone, every
/// one of them served by ours.
#[test]
fn capabilities_same_guests() {
    let dir = TempDir::new("libvirt-caps");
    let base = readable_dir(dir.path());
    let bin = readable_dir(&base.join("bin"));
    // libvirt looks for ppc64le's own name first (a Debian alias).
    install_ours(&bin, ARCHES.iter().map(|(_, t)| *t).chain(["ppc64le"]));
    let path = std::env::var("PATH").unwrap_or_default();
    let runs = parallel(
        vec![
            ("real", path.clone()),
            ("ours", format!("{}:{path}", bin.display())),
        ],
        2,
        |(tag, path)| {
            let root = readable_dir(&base.join(format!("root-{tag}")));
            let out = Command::new("virsh")
                .arg("-c")
                .arg(format!("qemu:///embed?root={}", root.display()))
                .arg("capabilities")
                .env("PATH", path)
                .output()
                .unwrap_or_else(|e| panic!("virsh (install libvirt-clients): {e}"));
            assert!(
                out.status.success(),
                "virsh capabilities ({tag}): {}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8_lossy(&out.stdout).into_owned()
        },
    );
    let (real, ours) = (&runs[0], &runs[1]);
    let emulators: Vec<&str> = ours
        .lines()
        .filter_map(|l| l.trim().strip_prefix("<emulator>"))
        .collect();
    let guests = ours.matches("<guest>").count();
    println!(
        "virsh capabilities: {guests} guests with ours, {} with the real binaries",
        real.matches("<guest>").count()
    );
    assert_eq!(guests, ARCHES.len(), "guests with ours:\n{ours}");
    for e in &emulators {
        assert!(
            e.starts_with(&*bin.to_string_lossy()),
            "a guest not served by ours: {e}"
        );
    }
    // The host's UUID is made up per embedded root; emulator paths differ.
    let mask = |xml: &str| {
        xml.lines()
            .map(|l| {
                let t = l.trim_start();
                if t.starts_with("<uuid>") || t.starts_with("<emulator>") {
                    "MASKED".as_bytes().to_vec()
                } else {
                    l.as_bytes().to_vec()
                }
            })
            .collect::<Vec<_>>()
    };
    if let Some(d) = diff_lines(&mask(real), &mask(ours)) {
        let only: Vec<&str> = d.lines().filter(|l| !l.starts_with("    same")).collect();
        panic!("virsh capabilities differ:\n{}", only.join("\n"));
    }
}
