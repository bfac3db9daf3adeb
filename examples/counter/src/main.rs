//! `qapi-counter --socket PATH [--socket PATH ...] [--tcp ADDR ...] [--with-history]`
//!
//! Serves the counter on every socket given (each a monitor of its own, all
//! sharing one counter) until a client sends `quit`, then exits with the
//! status it asked for.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::ExitCode;

use qapi_example_counter::service;
use qapi_runtime::server::transport::bind_unix;

const USAGE: &str =
    "usage: qapi-counter --socket PATH [--socket PATH ...] [--tcp ADDR ...] [--with-history]";

struct Options {
    sockets: Vec<PathBuf>,
    tcp: Vec<String>,
    with_history: bool,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut o = Options {
        sockets: Vec::new(),
        tcp: Vec::new(),
        with_history: false,
    };
    while let Some(a) = args.next() {
        match a.as_str() {
            "--socket" => o
                .sockets
                .push(args.next().ok_or("--socket needs a path")?.into()),
            "--tcp" => o.tcp.push(args.next().ok_or("--tcp needs an address")?),
            "--with-history" => o.with_history = true,
            other => return Err(format!("unknown option '{other}'")),
        }
    }
    if o.sockets.is_empty() && o.tcp.is_empty() {
        return Err("no monitor: give --socket or --tcp".into());
    }
    Ok(o)
}

fn main() -> ExitCode {
    let opts = match parse(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("qapi-counter: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let server = match service::server(opts.with_history) {
        Ok(s) => s,
        Err(e) => return fail(&e.to_string()),
    };
    // Bind every socket first, so that a bad one is reported at once.
    let mut unix = Vec::new();
    for path in &opts.sockets {
        match bind_unix(path) {
            Ok(l) => unix.push(l),
            Err(e) => return fail(&format!("cannot listen on {}: {e}", path.display())),
        }
    }
    let mut tcp = Vec::new();
    for addr in &opts.tcp {
        match TcpListener::bind(addr) {
            Ok(l) => tcp.push(l),
            Err(e) => return fail(&format!("cannot listen on {addr}: {e}")),
        }
    }
    // One thread per monitor; each serves its clients one at a time.
    let mut monitors = Vec::new();
    for l in unix {
        let s = server.clone();
        monitors.push(std::thread::spawn(move || {
            s.serve_listener_with(l, None, None)
        }));
    }
    for l in tcp {
        let s = server.clone();
        monitors.push(std::thread::spawn(move || s.serve_tcp_listener(l)));
    }
    // Blocks until `quit`; then every serve call returns.
    let ended = server.wait();
    for m in monitors {
        match m.join() {
            Ok(Ok(())) => {}
            Ok(Err(e)) => eprintln!("qapi-counter: monitor: {e}"),
            Err(_) => eprintln!("qapi-counter: a monitor thread panicked"),
        }
    }
    ExitCode::from(u8::try_from(ended.status()).unwrap_or(1))
}

fn fail(msg: &str) -> ExitCode {
    eprintln!("qapi-counter: {msg}");
    ExitCode::FAILURE
}
