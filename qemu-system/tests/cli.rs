//! The command line: targets from the program name or `-target`, QEMU's
//! messages for bad options (texts taken from QEMU 10.0.2), `-version`,
//! `-build-config`/`-build-package`, `-daemonize` with `-pidfile`, unix
//! socket monitors (`-qmp unix:`, `-chardev` + `-mon`).

mod common;

use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{CAPTURE_ARGS, Qemu, TempDir, binary, show};

const T: Duration = Duration::from_secs(10);

fn args(extra: &[&str]) -> Vec<String> {
    CAPTURE_ARGS
        .iter()
        .chain(extra)
        .map(|s| s.to_string())
        .collect()
}

/// Runs to completion (stdin closed); exit code, stdout, stderr.
fn run(program: &std::path::Path, args: &[String]) -> (Option<i32>, String, String) {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let deadline = Instant::now() + T;
    loop {
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{} {args:?} did not exit", program.display());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = child.wait_with_output().expect("output");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Options that must fail with exactly QEMU's message.
#[test]
fn option_errors() {
    let dir = TempDir::new("cli");
    let prog = dir.link("x86_64");
    let cases: &[(&[&str], &str)] = &[
        (&["-foo"], "qemu-system-x86_64: -foo: invalid option\n"),
        (&["--foo"], "qemu-system-x86_64: --foo: invalid option\n"),
        (
            &["-qmp"],
            "qemu-system-x86_64: -qmp: requires an argument\n",
        ),
        (
            &["-qmp", "bogus"],
            "qemu-system-x86_64: -qmp bogus: 'bogus' is not a valid char driver\nqemu-system-x86_64: -qmp bogus: parse error: bogus\n",
        ),
        (
            &["-qmp", "unix:/nonexistent/x.sock,server=on,wait=off"],
            "qemu-system-x86_64: -qmp unix:/nonexistent/x.sock,server=on,wait=off: Failed to bind socket to /nonexistent/x.sock: No such file or directory\n",
        ),
        (
            &["-machine", "bogus"],
            "qemu-system-x86_64: unsupported machine type: \"bogus\"\nUse -machine help to list supported machines\n",
        ),
        (
            &["-machine", "none,accel=bogus"],
            "qemu-system-x86_64: invalid accelerator bogus\n",
        ),
        (
            &["-machine", "none,foo=bar"],
            "qemu-system-x86_64: Property 'none-machine.foo' not found\n",
        ),
        (
            &["-machine", "none,usb"],
            "qemu-system-x86_64: -machine none,usb: Expected '=' after parameter 'usb'\n",
        ),
        (
            &["-machine", "none,dump-guest-core=maybe"],
            "qemu-system-x86_64: Parameter 'dump-guest-core' expects 'on' or 'off'\n",
        ),
        (
            &["-accel", "bogus"],
            "qemu-system-x86_64: -accel bogus: invalid accelerator bogus\n",
        ),
        (
            &["-accel", "kvm,foo=bar"],
            "qemu-system-x86_64: -accel kvm,foo=bar: Property 'kvm-accel.foo' not found\n",
        ),
        (
            &["-accel", "tcg", "-machine", "none,accel=tcg"],
            "qemu-system-x86_64: The -accel and \"-machine accel=\" options are incompatible\n",
        ),
        (
            &["-display", "bogus"],
            "qemu-system-x86_64: -display bogus: Parameter 'type' does not accept value 'bogus'\n",
        ),
        (
            &["-display", "none,foo=bar"],
            "qemu-system-x86_64: -display none,foo=bar: Parameter 'foo' is unexpected\n",
        ),
        (
            &["-compat", "deprecated-input=foo"],
            "qemu-system-x86_64: -compat deprecated-input=foo: Parameter 'deprecated-input' does not accept value 'foo'\n",
        ),
        (
            &["-compat", "unstable-output=hide,foo=1,bar=2"],
            "qemu-system-x86_64: -compat unstable-output=hide,foo=1,bar=2: Parameter 'bar' is unexpected\n",
        ),
        (
            &["-compat", "deprecated-input"],
            "qemu-system-x86_64: -compat deprecated-input: Expected '=' after parameter 'deprecated-input'\n",
        ),
        (
            &["-chardev", "socket,path=/tmp/y.sock"],
            "qemu-system-x86_64: -chardev socket,path=/tmp/y.sock: chardev: no id specified\n",
        ),
        (
            &["-chardev", "bogus,id=c"],
            "qemu-system-x86_64: -chardev bogus,id=c: 'bogus' is not a valid char driver name\n",
        ),
        (
            &["-chardev", "socket,id=1c,path=/tmp/s,server=on,wait=off"],
            "qemu-system-x86_64: -chardev socket,id=1c,path=/tmp/s,server=on,wait=off: Parameter 'id' expects an identifier\nIdentifiers consist of letters, digits, '-', '.', '_', starting with a letter.\n",
        ),
        (
            &["-mon", "chardev=nope,mode=control"],
            "qemu-system-x86_64: -mon chardev=nope,mode=control: chardev \"nope\" not found\n",
        ),
        (
            &["-mon", "mode=control"],
            "qemu-system-x86_64: -mon mode=control: Parameter 'chardev' is missing\n",
        ),
        (
            &["-daemonize", "-qmp", "stdio"],
            "qemu-system-x86_64: -qmp stdio: cannot use stdio with -daemonize\n",
        ),
        (
            &["-qmp", "stdio", "-qmp", "stdio"],
            "qemu-system-x86_64: -qmp stdio: cannot use stdio by multiple character devices\n",
        ),
        (
            &["-pidfile", "/nonexistent/x.pid"],
            "qemu-system-x86_64: cannot create PID file: Could not create '/nonexistent/x.pid': No such file or directory\n",
        ),
        (
            &["-g", "800x600"],
            "qemu-system-x86_64: -g 800x600: Option not supported for this target\n",
        ),
        (
            &["-build-config", "CONFIG_BOGUS"],
            "qemu-system-x86_64: -build-config CONFIG_BOGUS: unknown build symbol 'CONFIG_BOGUS'\n",
        ),
    ];
    let mut failures = Vec::new();
    for (extra, expected) in cases {
        let (code, _, err) = run(&prog, &args(extra));
        if code != Some(1) || err != *expected {
            failures.push(format!(
                "{extra:?}: expected status 1 and {}\n    got status {code:?} and {}",
                show(expected.as_bytes()),
                show(err.as_bytes())
            ));
        }
    }
    let (code, _, err) = run(&prog, &args(&["-build-config", "TARGET_I386"]));
    if code != Some(1) || !err.starts_with("qemu-system-x86_64: -build-config TARGET_I386: ") {
        failures.push(format!(
            "TARGET_* in -build-config not refused: {code:?} {err}"
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn version_and_no_target() {
    let dir = TempDir::new("cli");
    let (code, out, _) = run(&dir.link("x86_64"), &["-version".to_owned()]);
    assert_eq!(code, Some(0));
    assert_eq!(
        out,
        "QEMU emulator version 10.0.2 (Debian 1:10.0.2+ds-2+deb13u1~bpo12+1)\nCopyright (c) 2003-2025 Fabrice Bellard and the QEMU Project developers\n"
    );
    // Run under its own name, without -target: a clear error.
    let (code, _, err) = run(&binary(), &args(&[]));
    assert_eq!(code, Some(1));
    assert!(err.contains("no target"), "{err}");
}

fn query(q: &mut Qemu, req: &str) -> String {
    q.send(format!("{req}\n").as_bytes());
    String::from_utf8_lossy(&q.read_line(T).unwrap_or_default()).into_owned()
}

fn negotiate(q: &mut Qemu) {
    q.read_line(T).expect("greeting");
    assert_eq!(
        query(q, r#"{"execute":"qmp_capabilities"}"#),
        "{\"return\": {}}\r\n"
    );
}

/// Debian's aliases and the microvm build, from the program name; and
/// `-target` wins over the program name.
#[test]
fn targets_and_aliases() {
    let dir = TempDir::new("cli");
    let cases = [
        ("amd64", "x86_64", true),
        ("arm64", "aarch64", false),
        ("armhf", "arm", false),
        ("armel", "arm", false),
        ("loong64", "loongarch64", false),
        ("powerpc", "ppc", false),
        ("ppc64el", "ppc64", false),
        ("ppc64le", "ppc64", false),
        ("x86_64-microvm", "x86_64", true),
        ("sparc64", "sparc64", false),
    ];
    for (name, arch, kvm) in cases {
        let mut q = Qemu::capture_like(&dir, name, &[]);
        negotiate(&mut q);
        assert_eq!(
            query(&mut q, r#"{"execute":"query-target"}"#),
            format!("{{\"return\": {{\"arch\": \"{arch}\"}}}}\r\n"),
            "{name}"
        );
        let kvm_reply = query(&mut q, r#"{"execute":"query-kvm"}"#);
        assert!(
            kvm_reply.contains(&format!("\"present\": {kvm}")),
            "{name}: {kvm_reply}"
        );
    }
    let mut extra = vec!["-target".to_owned(), "s390x".to_owned()];
    extra.extend(args(&[]));
    let mut q = Qemu::spawn(&dir.link("x86_64"), &extra);
    negotiate(&mut q);
    assert_eq!(
        query(&mut q, r#"{"execute":"query-target"}"#),
        "{\"return\": {\"arch\": \"s390x\"}}\r\n"
    );
}

#[test]
fn build_package_and_config() {
    let dir = TempDir::new("cli");
    let mut q = Qemu::capture_like(
        &dir,
        "x86_64",
        &["-build-package".to_owned(), "custom".to_owned()],
    );
    let greeting = String::from_utf8_lossy(&q.read_line(T).unwrap_or_default()).into_owned();
    assert!(greeting.contains("\"package\": \"custom\""), "{greeting}");
    // No build symbols at all: no TCG, so KVM is the default accelerator.
    let mut q = Qemu::capture_like(&dir, "x86_64", &["-build-config".to_owned(), String::new()]);
    negotiate(&mut q);
    assert_eq!(
        query(&mut q, r#"{"execute":"query-kvm"}"#),
        "{\"return\": {\"enabled\": true, \"present\": true}}\r\n"
    );
    let commands = query(&mut q, r#"{"execute":"query-commands"}"#);
    assert!(
        !commands.contains("\"query-spice\""),
        "no CONFIG_SPICE: {}",
        show(commands.as_bytes())
    );
}

/// Reads from a unix socket until `want` has been seen or time is up.
fn read_until(s: &mut UnixStream, want: &str) -> String {
    let deadline = Instant::now() + T;
    let mut got = Vec::new();
    let mut buf = [0u8; 65536];
    let _ = s.set_read_timeout(Some(Duration::from_millis(100)));
    while Instant::now() < deadline && !String::from_utf8_lossy(&got).contains(want) {
        match s.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(_) => {}
        }
    }
    String::from_utf8_lossy(&got).into_owned()
}

/// Kills a daemon by PID when the test ends, whatever happens.
struct KillPid(Option<u32>);

impl Drop for KillPid {
    fn drop(&mut self) {
        if let Some(pid) = self.0 {
            let _ = Command::new("kill").arg(pid.to_string()).status();
        }
    }
}

/// `-daemonize -pidfile` with two socket monitors (`-qmp unix:` and
/// `-chardev socket` + `-mon`): the parent exits 0 once the daemon is
/// ready; both monitors work and see each other's events; `quit` removes
/// the PID file and the sockets.
#[test]
fn daemon_with_socket_monitors() {
    let dir = TempDir::new("daemon");
    let a = dir.path().join("a.sock");
    let b = dir.path().join("b.sock");
    let pidfile = dir.path().join("q.pid");
    let extra: Vec<String> = vec![
        "-daemonize".into(),
        "-pidfile".into(),
        pidfile.display().to_string(),
        "-qmp".into(),
        format!("unix:{},server=on,wait=off", a.display()),
        "-chardev".into(),
        format!("socket,id=cm,path={},server=on,wait=off", b.display()),
        "-mon".into(),
        "chardev=cm,mode=control".into(),
    ];
    let mut full: Vec<String> = ["-machine", "none", "-nodefaults", "-display", "none", "-S"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    full.extend(extra);
    let (code, out, err) = run(&dir.link("x86_64"), &full);
    assert_eq!((code, out.as_str(), err.as_str()), (Some(0), "", ""));
    let pid_text = std::fs::read_to_string(&pidfile).expect("PID file");
    let _guard = KillPid(pid_text.trim().parse().ok());
    assert!(pid_text.ends_with('\n'));
    let mut sa = UnixStream::connect(&a).expect("connect a");
    let mut sb = UnixStream::connect(&b).expect("connect b");
    assert!(read_until(&mut sa, "\r\n").starts_with("{\"QMP\""));
    assert!(read_until(&mut sb, "\r\n").starts_with("{\"QMP\""));
    for s in [&mut sa, &mut sb] {
        s.write_all(b"{\"execute\":\"qmp_capabilities\"}\n")
            .unwrap();
        assert_eq!(read_until(s, "\r\n"), "{\"return\": {}}\r\n");
    }
    sa.write_all(b"{\"execute\":\"query-yank\"}\n").unwrap();
    assert_eq!(
        read_until(&mut sa, "\r\n"),
        "{\"return\": [{\"type\": \"chardev\", \"id\": \"compat_monitor0\"}, {\"type\": \"chardev\", \"id\": \"cm\"}]}\r\n"
    );
    sa.write_all(b"{\"execute\":\"cont\"}\n").unwrap();
    assert!(read_until(&mut sa, "{\"return\": {}}\r\n").contains("\"RESUME\""));
    assert!(read_until(&mut sb, "\r\n").contains("\"event\": \"RESUME\""));
    sb.write_all(b"{\"execute\":\"quit\"}\n").unwrap();
    let bye = read_until(&mut sb, "{\"return\": {}}\r\n");
    assert!(bye.contains("\"SHUTDOWN\""), "{bye}");
    let deadline = Instant::now() + T;
    while pidfile.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        !pidfile.exists() && !a.exists() && !b.exists(),
        "clean-up at quit"
    );
}

/// `-compat deprecated-input=crash` aborts at the first deprecated
/// command, after writing every earlier reply.
#[test]
fn compat_crash_aborts() {
    let dir = TempDir::new("cli");
    let mut q = Qemu::capture_like(
        &dir,
        "x86_64",
        &["-compat".into(), "deprecated-input=crash".into()],
    );
    q.read_line(T).expect("greeting");
    q.send(b"{\"execute\":\"qmp_capabilities\"}\n{\"execute\":\"query-status\"}\n{\"execute\":\"query-migrationthreads\"}\n{\"execute\":\"query-status\"}\n");
    let got = q.collect(2, Duration::from_millis(300), Duration::from_millis(300), T);
    assert_eq!(got.lines.len(), 2, "{:?}", got.lines);
    assert_eq!(q.wait_exit(T), Some(None), "killed by SIGABRT");
}
