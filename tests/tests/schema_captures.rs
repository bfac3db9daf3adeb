//! qapi-defs against real QEMU, computed in-process: for every capture
//! folder of `../shared/reference/qemu-10.0.2`, the `query-qmp-schema` and
//! `query-commands` replies of the binary that folder was captured from,
//! byte for byte (CR LF included), and the `-compat deprecated-output=hide`
//! variant where a capture of it exists.

use qapi_runtime::config::OutputPolicy;
use qapi_runtime::server::{Machine, Server};
use qapi_runtime::{Config, Handlers};
use qapi_tests::{capture_targets, captures_dir, describe_difference};

struct Idle;
impl Machine for Idle {}

/// The reply the server sends for `command`, without an id.
fn reply(cfg: Config, command: &str) -> Vec<u8> {
    let server = Server::new(cfg, Handlers::new(), |_| Idle).expect("server");
    let mut s = server.session(true);
    s.exchange(b"{\"execute\":\"qmp_capabilities\"}\n");
    s.exchange(format!("{{\"execute\":\"{command}\"}}\n").as_bytes())
}

fn check(target: &str, file: &str, cfg: Config, command: &str) -> Option<String> {
    let path = captures_dir().join(target).join(file);
    let want = std::fs::read(&path).ok()?;
    let got = reply(cfg, command);
    (got != want).then(|| format!("{target}/{file}: {}", describe_difference(&got, &want)))
}

fn config(target: &str) -> Config {
    qapi_defs::qemu::config(target)
        .map(Config::from)
        .unwrap_or_else(|| panic!("capture folder '{target}' is no known binary"))
}

#[test]
fn every_capture_matches() {
    let targets = capture_targets();
    assert!(!targets.is_empty(), "no capture folders found");
    let mut failures = Vec::new();
    let mut checked = 0;
    for t in &targets {
        for (file, command) in [
            ("query-qmp-schema.json", "query-qmp-schema"),
            ("query-commands.json", "query-commands"),
        ] {
            checked += 1;
            failures.extend(check(t, file, config(t), command));
        }
        let mut hide = config(t);
        hide.compat.deprecated_output = OutputPolicy::Hide;
        failures.extend(check(
            t,
            "query-qmp-schema.deprecated-output-hide.json",
            hide,
            "query-qmp-schema",
        ));
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} replies differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
