//! `qmp`: a command-line QMP client.
//!
//! ```text
//! qmp SOCKET COMMAND [key=value ...]   run a command, print the reply as JSON
//! qmp SOCKET --events                  print events as they come
//! qmp SOCKET --check                   compare the server's schema with the definitions
//! ```
//!
//! SOCKET is a unix socket path, `unix:PATH` or `tcp:HOST:PORT`.
//! Arguments are checked against QEMU 10.0's definitions for the server's
//! target before anything is sent, with QEMU's own error messages.

mod args;
mod targets;

use std::process::ExitCode;

use qapi_client::{Client, Options, QmpError, schema};
use qapi_runtime::introspect::{Schema, query_qmp_schema};
use qapi_runtime::visit::input::check_arguments;
use qapi_runtime::{Config, Dict, Registry, Value};

use qapi_defs as _;

const USAGE: &str = "usage: qmp SOCKET COMMAND [key=value ...]
       qmp SOCKET --events
       qmp SOCKET --check
SOCKET: a unix socket path, unix:PATH or tcp:HOST:PORT";

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    if argv.len() < 2 || argv.iter().any(|a| a == "--help" || a == "-h") {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    match run(&argv[0], &argv[1], &argv[2..]) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("qmp: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Writes a line to stdout; a closed stdout (`qmp ... | head`) ends quietly.
fn say(line: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if writeln!(out, "{line}").and_then(|()| out.flush()).is_err() {
        std::process::exit(0);
    }
}

fn connect(socket: &str) -> Result<Client, QmpError> {
    let opts = Options::default();
    if let Some(addr) = socket.strip_prefix("tcp:") {
        Client::connect_tcp(addr, opts)
    } else {
        Client::connect_unix(socket.strip_prefix("unix:").unwrap_or(socket), opts)
    }
}

fn run(socket: &str, what: &str, rest: &[String]) -> Result<ExitCode, String> {
    let mut client = connect(socket).map_err(|e| e.to_string())?;
    match what {
        "--events" => events(&mut client),
        "--check" => check(&mut client),
        cmd => command(&mut client, cmd, rest),
    }
}

/// The expected `query-qmp-schema` of each configuration the server may
/// have, and the differences from the server's; the closest first.
fn compare(client: &mut Client) -> Result<Vec<(String, Vec<String>)>, String> {
    let info = client.server_info().map_err(|e| e.to_string())?;
    let reg = Registry::of(&qapi_defs::QEMU_SYSTEM).map_err(|e| e.to_string())?;
    let computed = Schema::compute(reg);
    let mut out: Vec<(String, Vec<String>)> = targets::candidates(&info.arch)
        .into_iter()
        .map(|(name, cfg)| {
            let ours = match query_qmp_schema(&computed, &cfg) {
                Value::List(l) => l,
                _ => Vec::new(),
            };
            (name, schema::diff(&ours, &info.schema))
        })
        .collect();
    if out.is_empty() {
        return Err(format!("the definitions know no target '{}'", info.arch));
    }
    out.sort_by_key(|(_, d)| d.len());
    Ok(out)
}

fn check(client: &mut Client) -> Result<ExitCode, String> {
    let best = compare(client)?.swap_remove(0);
    let (name, diffs) = best;
    let entries = client
        .server_info()
        .map_err(|e| e.to_string())?
        .schema
        .len();
    if diffs.is_empty() {
        say(&format!("{name}: {entries} entries, no difference"));
        return Ok(ExitCode::SUCCESS);
    }
    say(&format!("{name}: {} differences", diffs.len()));
    for d in &diffs {
        say(d);
    }
    Ok(ExitCode::FAILURE)
}

/// The configuration the server matches best.
fn config_of(client: &mut Client) -> Result<Config, String> {
    let (name, _) = compare(client)?.swap_remove(0);
    let arch = client
        .server_info()
        .map_err(|e| e.to_string())?
        .arch
        .clone();
    targets::candidates(&arch)
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| c)
        .ok_or_else(|| format!("no configuration for '{arch}'"))
}

fn command(client: &mut Client, name: &str, words: &[String]) -> Result<ExitCode, String> {
    let args = args::parse(words)?;
    let cfg = config_of(client)?;
    let reg = Registry::of(&qapi_defs::QEMU_SYSTEM).map_err(|e| e.to_string())?;
    let desc = reg
        .get(name)
        .filter(|e| cfg.eval(e.cond))
        .and_then(|e| e.as_command())
        .ok_or_else(|| format!("The command {name} has not been found"))?;
    check_arguments(desc.args, args.clone(), Some(&cfg)).map_err(|e| e.desc)?;
    let expect = desc.success_response;
    let id = client
        .send(name, Some(args), false, expect)
        .map_err(|e| e.to_string())?;
    if !expect {
        return Ok(ExitCode::SUCCESS);
    }
    let reply = client.wait(id).map_err(|e| e.to_string())?;
    let (key, v, code) = match reply {
        Ok(v) => ("return", v, ExitCode::SUCCESS),
        Err(e) => {
            let mut d = Dict::new();
            d.push_unique("class", e.class);
            d.push_unique("desc", e.desc);
            ("error", Value::Dict(d), ExitCode::FAILURE)
        }
    };
    let mut d = Dict::new();
    d.push_unique(key, v);
    say(&Value::Dict(d).to_string());
    Ok(code)
}

fn events(client: &mut Client) -> Result<ExitCode, String> {
    loop {
        match client.next_event(None) {
            Ok(Some(e)) => {
                let mut ts = Dict::new();
                ts.push_unique("seconds", e.timestamp.seconds);
                ts.push_unique("microseconds", e.timestamp.microseconds);
                let mut d = Dict::new();
                d.push_unique("event", e.name);
                d.push_unique("data", e.data);
                d.push_unique("timestamp", ts);
                say(&Value::Dict(d).to_string());
            }
            Ok(None) => {}
            Err(QmpError::Io(e)) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                return Ok(ExitCode::SUCCESS);
            }
            Err(e) => return Err(e.to_string()),
        }
    }
}
