//! `qemu-system`: QEMU's QMP interface for every target, chosen at run time.
//!
//! Run it as `qemu-system-<target>` (a link or copy with that name) or
//! with `-target <target>`.  It serves QMP exactly as Debian's QEMU 10.0.2
//! started with `-machine none` does.

#![forbid(unsafe_code)]

mod cli;
mod daemon;
mod signals;

use std::io::Write;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use qapi_defs as _;
use qapi_runtime::server::transport::bind_unix;
use qapi_runtime::server::{Ended, Server};

use qemu_system::diag::{eprint_quiet, strerror};
use qemu_system::handlers;
use qemu_system::machine::{MachineOptions, NoneMachine};
use qemu_system::qom::ChardevInfo;

use crate::cli::{Backend, Outcome};

fn main() {
    let mut args = std::env::args_os();
    let argv0 = args
        .next()
        .map(|a| a.to_string_lossy().into_owned())
        .unwrap_or_default();
    let program = Path::new(&argv0)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| "qemu-system".to_owned());
    let rest: Vec<String> = args.map(|a| a.to_string_lossy().into_owned()).collect();
    // One binary, two programs: run as `qemu-storage-daemon` it reads
    // the daemon's command line and serves the daemon's schema.
    let parsed = if program == cli::storage_daemon::PROGRAM {
        cli::storage_daemon::parse(&argv0, &rest)
    } else {
        cli::parse(&program, &rest)
    };
    let opts = match parsed {
        Ok(Outcome::Run(o)) => o,
        Ok(Outcome::Exit {
            stdout,
            stderr,
            code,
        }) => {
            let mut out = std::io::stdout();
            let _ = out.write_all(stdout.as_bytes()).and_then(|()| out.flush());
            let mut err = std::io::stderr();
            let _ = err.write_all(stderr.as_bytes()).and_then(|()| err.flush());
            std::process::exit(code)
        }
        Err(e) => fail(&e.0),
    };
    // -daemonize: the parent re-runs itself detached and waits for the
    // child to be ready; only the child gets past this point.
    let ready = if opts.daemonize || daemon::is_child() {
        match daemon::daemonize(&rest) {
            daemon::Role::Child(r) => Some(r),
            daemon::Role::Parent(code) => std::process::exit(code),
        }
    } else {
        None
    };
    for w in &opts.warnings {
        eprint_quiet(w);
    }

    if let Some(p) = &opts.pidfile
        && let Err(e) = write_pidfile(p)
    {
        fail(&format!(
            "{program}: cannot create PID file: Could not create '{}': {}\n",
            p.display(),
            strerror(&e)
        ));
    }

    // Chardevs: bind the sockets (and wait for the first client where
    // asked), as QEMU creates its backends before the monitors.
    let mut infos = Vec::new();
    let mut listeners: Vec<(String, UnixListener, Option<UnixStream>, Arc<AtomicBool>)> =
        Vec::new();
    let mut socket_files: Vec<PathBuf> = Vec::new();
    for c in &opts.chardevs {
        let connected = Arc::new(AtomicBool::new(false));
        let socket = match &c.backend {
            Backend::Stdio => None,
            Backend::UnixServer { path, wait } => {
                let listener = match bind_unix(path) {
                    Ok(l) => l,
                    Err(e) => fail(&format!(
                        "{program}: {}: Failed to bind socket to {}: {}\n",
                        c.loc,
                        path.display(),
                        strerror(&e)
                    )),
                };
                socket_files.push(path.clone());
                let first = if *wait {
                    eprint_quiet(&format!(
                        "{program}: {}: info: QEMU waiting for connection on: disconnected:unix:{},server=on\n",
                        c.loc,
                        path.display()
                    ));
                    listener.accept().ok().map(|(s, _)| s)
                } else {
                    None
                };
                listeners.push((c.id.clone(), listener, first, connected.clone()));
                Some(path.display().to_string())
            }
        };
        infos.push(ChardevInfo {
            id: c.id.clone(),
            socket,
            connected,
            frontend: opts.monitors.contains(&c.id),
        });
    }

    let config = opts.config.clone();
    let machine_opts = MachineOptions {
        autostart: opts.autostart,
        preconfig: opts.preconfig,
        accel: opts.accel.clone(),
        name: opts.name.clone(),
        uuid: opts.uuid.clone(),
        chardevs: infos,
        machine_props: opts.machine_props.clone(),
    };
    let server = match Server::new(config.runtime().clone(), handlers::all(), |events| {
        NoneMachine::new(config, events, machine_opts)
    }) {
        Ok(s) => s,
        Err(e) => fail(&format!("{program}: {e}\n")),
    };
    server
        .events()
        .set_throttled(qapi_defs::qemu::events::THROTTLED);

    // Signal handlers before any monitor greets a client (as QEMU sets them
    // up before its main loop), so that a client that saw the greeting
    // never finds the default action of SIGTERM, SIGINT or SIGHUP.
    let signals = signals::watch();

    // Monitors, then everything else a chardev without monitor needs.
    for c in &opts.chardevs {
        let monitored = opts.monitors.iter().any(|m| m == &c.id);
        match &c.backend {
            Backend::Stdio if monitored => {
                let server = server.clone();
                std::thread::spawn(move || {
                    let _ = server.serve_stdio();
                });
            }
            Backend::Stdio => {}
            Backend::UnixServer { .. } => {
                let Some(pos) = listeners.iter().position(|(id, ..)| id == &c.id) else {
                    continue;
                };
                let (_, listener, first, connected) = listeners.swap_remove(pos);
                let server = server.clone();
                std::thread::spawn(move || {
                    if monitored {
                        let _ = server.serve_listener_with(listener, first, Some(connected));
                    } else {
                        daemon::sink(listener, first, connected);
                    }
                });
            }
        }
    }

    if let Some(r) = ready {
        r.signal();
    }
    // Like QEMU, keep running when monitors close; `quit` or a
    // termination signal ends the server, and the process with it.
    if let Some(signals) = signals {
        let (server, program) = (server.clone(), program.clone());
        std::thread::spawn(move || signals::wait_for_termination(signals, &server, &program));
    }
    let ended = server.wait();
    if ended == Ended::Abort {
        // `-compat ...=crash`: QEMU aborts on purpose.
        std::process::abort();
    }
    // QEMU's clean-ups: the PID file, socket files.
    if let Some(p) = &opts.pidfile {
        let _ = std::fs::remove_file(p);
    }
    for f in socket_files {
        let _ = std::fs::remove_file(f);
    }
    std::process::exit(ended.status())
}

/// QEMU writes its PID followed by a newline.
fn write_pidfile(p: &Path) -> std::io::Result<()> {
    let mut f = std::fs::File::create(p)?;
    writeln!(f, "{}", std::process::id())
}

fn fail(msg: &str) -> ! {
    eprint_quiet(msg);
    std::process::exit(1)
}
