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
//! Besides the whole probe, the table splits it with libvirt's debug log:
//! the emulator's share (exec to monitor connection, first QMP command to
//! last reply) and the stop wait (libvirt's SIGTERM until it sees the
//! process gone: the daemonized emulator exits at once, but stays a zombie
//! until PID 1 reaps it, and libvirt polls for that).  The rest is
//! libvirt's own work.  The log costs both sides the same.
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

/// Where one probe's time went, from libvirt's debug log: per emulator
/// process libvirt starts (two on a KVM host), the time from exec to the
/// monitor connection, the QMP exchange (first command to last reply) and
/// the wait after libvirt's SIGTERM until it saw the process gone.
#[derive(Clone, Copy, Default)]
struct Probe {
    whole: Duration,
    startup: Duration,
    qmp: Duration,
    stop: Duration,
}

impl Probe {
    /// The emulator's own share: startup and the QMP exchange.
    fn emulator(&self) -> Duration {
        self.startup + self.qmp
    }
}

/// Milliseconds since midnight of a log line
/// (`2026-12-02 00:59:53.645+0000: ...`).
fn stamp(line: &str) -> Option<f64> {
    let t = line.get(11..23)?;
    let (h, rest) = t.split_once(':')?;
    let (m, s) = rest.split_once(':')?;
    Some(
        (h.parse::<f64>().ok()? * 60.0 + m.parse::<f64>().ok()?) * 60_000.0
            + s.parse::<f64>().ok()? * 1e3,
    )
}

/// The thread of a log line (`... +0000: 19677: debug : ...`).
fn thread(line: &str) -> Option<&str> {
    line.get(30..)?.split(':').next().map(str::trim)
}

/// The phases of every emulator process in a libvirt debug log.  The stop
/// wait ends at the next line of the thread that sent the signal (other
/// threads log meanwhile).
fn phases(log: &str) -> Option<(Duration, Duration, Duration)> {
    let ms = |a: f64, b: f64| Duration::from_secs_f64(((b - a) / 1e3).max(0.0));
    let (mut startup, mut qmp, mut stop) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let (mut launch, mut first_send, mut last_reply) = (None, None, None);
    let mut killed: Option<(f64, String)> = None;
    let mut seen = 0;
    for line in log.lines() {
        let Some(t) = stamp(line) else { continue };
        if let Some((k, tid)) = &killed
            && thread(line) == Some(tid.as_str())
        {
            stop += ms(*k, t);
            killed = None;
        }
        if line.contains("qemuProcessQMPLaunch") {
            launch = Some(t);
        } else if line.contains("QEMU_MONITOR_NEW") {
            startup += ms(launch.take()?, t);
        } else if line.contains("QEMU_MONITOR_SEND_MSG") {
            first_send.get_or_insert(t);
        } else if line.contains("QEMU_MONITOR_RECV_REPLY") {
            last_reply = Some(t);
        } else if line.contains("Killing QMP caps process") {
            qmp += ms(first_send.take()?, last_reply.take()?);
            killed = Some((t, thread(line)?.to_owned()));
            seen += 1;
        }
    }
    (seen > 0).then_some((startup, qmp, stop))
}

/// One probe in a fresh libvirt root: where its time went, or what failed.
fn probe(emulator: &Path, target: &str) -> Result<Probe, String> {
    let root = Scratch::new("root");
    let log = root.0.join("libvirt.log");
    let t0 = Instant::now();
    let out = Command::new("virsh")
        .arg("-c")
        .arg(format!("qemu:///embed?root={}", root.0.display()))
        .args(["domcapabilities", "--emulatorbin"])
        .arg(emulator)
        .args(["--arch", libvirt_arch(target), "--virttype", "qemu"])
        .env(
            "LIBVIRT_LOG_FILTERS",
            "1:qemu.qemu_process 1:qemu.qemu_capabilities 2:qemu.qemu_monitor \
             2:qemu.qemu_monitor_json 4:*",
        )
        .env("LIBVIRT_LOG_OUTPUTS", format!("1:file:{}", log.display()))
        .output()
        .map_err(|e| format!("cannot run virsh: {e}"))?;
    let whole = t0.elapsed();
    if !out.status.success() {
        // libvirt's own reason, without its log prefix, else all of stderr.
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(err
            .lines()
            .find_map(|l| l.split_once("virQEMUCapsLogProbeFailure:").map(|(_, r)| r))
            .map_or_else(|| err.trim().to_owned(), |r| r.trim().to_owned()));
    }
    let text = std::fs::read_to_string(&log).map_err(|e| format!("libvirt's log: {e}"))?;
    let (startup, qmp, stop) = phases(&text).ok_or("libvirt's log shows no emulator process")?;
    Ok(Probe {
        whole,
        startup,
        qmp,
        stop,
    })
}

/// The sample with the median whole time.
fn median(samples: usize, emulator: &Path, target: &str) -> Result<Probe, String> {
    let mut v = (0..samples)
        .map(|_| probe(emulator, target))
        .collect::<Result<Vec<_>, _>>()?;
    v.sort_unstable_by_key(|p| p.whole);
    Ok(v[v.len() / 2])
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1e3)
}

fn ratio(real: Duration, ours: Duration) -> String {
    format!("{:.1}x", real.as_secs_f64() / ours.as_secs_f64().max(1e-6))
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
    println!(
        "| target | whole probe: QEMU / ours | emulator's share (startup + QMP): QEMU / ours | \
         stop wait: QEMU / ours |"
    );
    println!("|---|---|---|---|");
    for t in &targets {
        let ours = bin.0.join(format!("qemu-system-{t}"));
        std::fs::copy(&ours_built, &ours).expect("copy our binary");
        std::fs::set_permissions(&ours, std::fs::Permissions::from_mode(0o755))
            .expect("chmod our binary");
        let real = median(samples, Path::new(&format!("/usr/bin/qemu-system-{t}")), t);
        let mine = median(samples, &ours, t);
        match (&real, &mine) {
            (Ok(r), Ok(m)) => println!(
                "| {t} | {} / {} ({} faster) | {} + {} / {} + {} ({} faster) | {} / {} |",
                ms(r.whole),
                ms(m.whole),
                ratio(r.whole, m.whole),
                ms(r.startup),
                ms(r.qmp),
                ms(m.startup),
                ms(m.qmp),
                ratio(r.emulator(), m.emulator()),
                ms(r.stop),
                ms(m.stop),
            ),
            _ => {
                for (who, r) in [("QEMU", &real), ("ours", &mine)] {
                    if let Err(e) = r {
                        println!("| {t} | {who} fails: {e} | | |");
                    }
                }
            }
        }
    }
}
