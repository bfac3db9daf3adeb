//! libvirt's capability probe of one emulator binary, Debian's real QEMU
//! 10.0.2 and ours side by side in the same run
//! (`cargo bench -p qemu-system --bench libvirt_probe`).
//!
//! The probe is what libvirt pays for every binary it finds: it starts the
//! emulator with `-machine none`, asks it some 50 QMP questions and writes
//! the domain capabilities.  Each sample is one
//! `virsh -c qemu:///embed?root=DIR domcapabilities` in a fresh `DIR`, so
//! libvirt's capability cache never answers.  libvirt runs the emulator
//! as user libvirt-qemu, so our binary is copied into a folder that user
//! can read, under the name `qemu-system-<target>`.
//!
//! Arguments after `--`: the targets to probe (default x86_64 aarch64
//! s390x).  `PROBE_SAMPLES` sets the samples per binary (default 5).

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// libvirt's name of a target's architecture.
fn libvirt_arch(target: &str) -> &str {
    match target {
        "i386" => "i686",
        "arm" => "armv7l",
        other => other,
    }
}

/// A folder removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(tag: &str) -> Scratch {
        let p = std::env::temp_dir().join(format!("qapi-probe-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("create scratch folder");
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755))
            .expect("chmod scratch folder");
        Scratch(p)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// One probe in a fresh libvirt root: its duration, or what failed.
fn probe(emulator: &Path, target: &str) -> Result<Duration, String> {
    let root = Scratch::new("root");
    let t0 = Instant::now();
    let out = Command::new("virsh")
        .arg("-c")
        .arg(format!("qemu:///embed?root={}", root.0.display()))
        .args(["domcapabilities", "--emulatorbin"])
        .arg(emulator)
        .args(["--arch", libvirt_arch(target), "--virttype", "qemu"])
        .output()
        .map_err(|e| format!("cannot run virsh: {e}"))?;
    let took = t0.elapsed();
    if out.status.success() {
        Ok(took)
    } else {
        // libvirt's own reason, without its log prefix, else all of stderr.
        let err = String::from_utf8_lossy(&out.stderr);
        Err(err
            .lines()
            .find_map(|l| l.split_once("virQEMUCapsLogProbeFailure:").map(|(_, r)| r))
            .map_or_else(|| err.trim().to_owned(), |r| r.trim().to_owned()))
    }
}

fn median(samples: usize, emulator: &Path, target: &str) -> Result<Duration, String> {
    let mut v = (0..samples)
        .map(|_| probe(emulator, target))
        .collect::<Result<Vec<_>, _>>()?;
    v.sort_unstable();
    Ok(v[v.len() / 2])
}

fn ms(d: &Result<Duration, String>) -> String {
    match d {
        Ok(d) => format!("{:.0} ms", d.as_secs_f64() * 1e3),
        Err(_) => "fails".to_owned(),
    }
}

fn main() {
    let targets: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let targets = if targets.is_empty() {
        vec!["x86_64".into(), "aarch64".into(), "s390x".into()]
    } else {
        targets
    };
    let samples: usize = std::env::var("PROBE_SAMPLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5)
        .max(1);

    let bin = Scratch::new("bin");
    let ours_built = PathBuf::from(env!("CARGO_BIN_EXE_qemu-system"));
    println!("| target | QEMU 10.0.2 | qemu-system (ours) | ours vs QEMU | goal |");
    println!("|---|---|---|---|---|");
    for t in &targets {
        let ours = bin.0.join(format!("qemu-system-{t}"));
        std::fs::copy(&ours_built, &ours).expect("copy our binary");
        std::fs::set_permissions(&ours, std::fs::Permissions::from_mode(0o755))
            .expect("chmod our binary");
        let real = median(samples, Path::new(&format!("/usr/bin/qemu-system-{t}")), t);
        let mine = median(samples, &ours, t);
        let ratio = match (&real, &mine) {
            (Ok(r), Ok(m)) => format!("{:.1}x faster", r.as_secs_f64() / m.as_secs_f64()),
            _ => "-".to_owned(),
        };
        println!("| {t} | {} | {} | {ratio} | >= 10x |", ms(&real), ms(&mine));
        for (who, r) in [("QEMU", &real), ("ours", &mine)] {
            if let Err(e) = r {
                println!("  {t}, {who}: {e}");
            }
        }
    }
}
