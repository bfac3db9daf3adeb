//! `qemu-system`: QEMU's QMP interface for every target, chosen at run time.
//!
//! Run it as `qemu-system-<target>` (a link or copy with that name) or
//! with `-target <target>`.  It serves QMP exactly as Debian's QEMU 10.0.2
//! started with `-machine none` does.

mod cli;
mod handlers;
mod machine;

use std::io::Write;
use std::path::Path;

use qapi_defs as _;
use qapi_runtime::server::Server;

use crate::cli::MonitorSpec;
use crate::machine::NoneMachine;

fn main() {
    let mut args = std::env::args();
    let argv0 = args.next().unwrap_or_else(|| "qemu-system".to_owned());
    let program = Path::new(&argv0)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| argv0.clone());
    let rest: Vec<String> = args.collect();
    let opts = match cli::parse(&program, &rest) {
        Ok(o) => o,
        Err(e) => fail(&e.render(&program)),
    };
    let start_paused = opts.start_paused;
    let preconfig = opts.preconfig;
    let accel = opts.accel.clone();
    let server = match Server::new(opts.config.clone(), handlers::all(), |events| {
        NoneMachine::new(opts.config.clone(), events, start_paused, preconfig, accel)
    }) {
        Ok(s) => s,
        Err(e) => fail(&format!("{program}: {e}")),
    };
    if let Some(p) = &opts.pidfile {
        let written = std::fs::File::create(p).and_then(|mut f| writeln!(f, "{}", std::process::id()));
        if let Err(e) = written {
            fail(&format!("{program}: cannot create PID file: {e}"));
        }
    }
    let mut threads = Vec::new();
    for spec in opts.monitors {
        let server = server.clone();
        match spec {
            MonitorSpec::Stdio => threads.push(std::thread::spawn(move || {
                let _ = server.serve_stdio();
            })),
            MonitorSpec::Unix(path) => {
                let listener = match qapi_runtime::server::transport::bind_unix(&path) {
                    Ok(l) => l,
                    Err(e) => fail(&format!(
                        "{program}: -qmp unix:{}: Failed to bind socket to {}: {e}",
                        path.display(),
                        path.display()
                    )),
                };
                threads.push(std::thread::spawn(move || {
                    let _ = server.serve_listener(listener);
                }));
            }
        }
    }
    // Like QEMU, keep running when monitors close; `quit` exits.
    loop {
        std::thread::park();
    }
}

fn fail(msg: &str) -> ! {
    eprintln!("{msg}");
    std::process::exit(1)
}
