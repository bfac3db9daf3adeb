//! The `-machine none` model: replies checked against what QEMU 10.0.2
//! answers (texts recorded from it), for migration parameters and
//! capabilities, the QOM tree, the human monitor, run states and `quit`.

mod common;

use std::time::Duration;

use common::{Qemu, TempDir, diff_lines, normalize_timestamps, show};

const T: Duration = Duration::from_secs(10);

/// Runs a session (capabilities negotiated) and checks each request's
/// reply lines (timestamps normalised; CR LF added).  The command line is
/// the captures' one plus `extra`, or exactly `extra` when it starts with
/// `-machine`.
fn session(extra: &[&str], exchanges: &[(&str, &[&str])]) -> Vec<String> {
    let dir = TempDir::new("model");
    let args: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
    let mut q = if extra.first() == Some(&"-machine") {
        Qemu::spawn(&dir.link("x86_64"), &args)
    } else {
        Qemu::capture_like(&dir, "x86_64", &args)
    };
    q.read_line(T).expect("greeting");
    q.send(b"{\"execute\":\"qmp_capabilities\"}\n");
    q.read_line(T).expect("capabilities");
    let mut failures = Vec::new();
    for (req, expected) in exchanges {
        q.send(format!("{req}\n").as_bytes());
        let got = q.collect(
            expected.len(),
            Duration::from_millis(20),
            Duration::from_millis(300),
            T,
        );
        let got: Vec<Vec<u8>> = got.lines.iter().map(|l| normalize_timestamps(l)).collect();
        let expected: Vec<Vec<u8>> = expected
            .iter()
            .map(|l| normalize_timestamps(format!("{l}\r\n").as_bytes()))
            .collect();
        if let Some(d) = diff_lines(&expected, &got) {
            failures.push(format!("sent {}\n{d}", show(req.as_bytes())));
        }
    }
    failures
}

fn check(extra: &[&str], exchanges: &[(&str, &[&str])]) {
    let f = session(extra, exchanges);
    assert!(f.is_empty(), "{}", f.join("\n"));
}

#[test]
fn migration_parameters() {
    check(
        &[],
        &[
            (
                r#"{"execute":"query-migrate-parameters"}"#,
                &[
                    r#"{"return": {"cpu-throttle-tailslow": false, "xbzrle-cache-size": 67108864, "cpu-throttle-initial": 20, "announce-max": 550, "direct-io": false, "avail-switchover-bandwidth": 0, "zero-page-detection": "multifd", "multifd-qatzip-level": 1, "multifd-channels": 2, "mode": "normal", "multifd-zstd-level": 1, "announce-initial": 50, "downtime-limit": 300, "tls-authz": "", "vcpu-dirty-limit": 1, "multifd-compression": "none", "announce-rounds": 5, "announce-step": 100, "tls-creds": "", "x-vcpu-dirty-limit-period": 1000, "multifd-zlib-level": 1, "max-cpu-throttle": 99, "max-postcopy-bandwidth": 0, "tls-hostname": "", "throttle-trigger-threshold": 50, "max-bandwidth": 134217728, "x-checkpoint-delay": 20000, "cpu-throttle-increment": 10}}"#,
                ],
            ),
            (
                r#"{"execute":"migrate-set-parameters","arguments":{"cpu-throttle-initial":0}}"#,
                &[
                    r#"{"error": {"class": "GenericError", "desc": "Parameter 'cpu_throttle_initial' expects an integer in the range of 1 to 99"}}"#,
                ],
            ),
            (
                r#"{"execute":"migrate-set-parameters","arguments":{"downtime-limit":2000001}}"#,
                &[
                    r#"{"error": {"class": "GenericError", "desc": "Parameter 'downtime_limit' expects an integer in the range of 0 to (2000 * 1000) ms"}}"#,
                ],
            ),
            (
                r#"{"execute":"migrate-set-parameters","arguments":{"xbzrle-cache-size":1000}}"#,
                &[
                    r#"{"error": {"class": "GenericError", "desc": "Parameter 'xbzrle_cache_size' expects a power of two no less than the target page size"}}"#,
                ],
            ),
            (
                r#"{"execute":"migrate-set-parameters","arguments":{"block-bitmap-mapping":[{"node-name":"n","alias":"1a","bitmaps":[]}]}}"#,
                &[
                    r#"{"error": {"class": "GenericError", "desc": "Invalid mapping given for block-bitmap-mapping: The node alias '1a' is not well-formed"}}"#,
                ],
            ),
            (
                r#"{"execute":"migrate-set-parameters","arguments":{"tls-creds":"abc","tls-authz":null,"max-bandwidth":-1,"xbzrle-cache-size":8192,"block-bitmap-mapping":[{"node-name":"n","alias":"a","bitmaps":[{"name":"b","alias":"c","transform":{}}]}],"multifd-compression":"zstd","mode":"cpr-reboot"}}"#,
                &[r#"{"return": {}}"#],
            ),
            (
                r#"{"execute":"query-migrate-parameters"}"#,
                &[
                    r#"{"return": {"cpu-throttle-tailslow": false, "xbzrle-cache-size": 8192, "cpu-throttle-initial": 20, "announce-max": 550, "block-bitmap-mapping": [{"bitmaps": [{"name": "b", "transform": {}, "alias": "c"}], "node-name": "n", "alias": "a"}], "direct-io": false, "avail-switchover-bandwidth": 0, "zero-page-detection": "multifd", "multifd-qatzip-level": 1, "multifd-channels": 2, "mode": "cpr-reboot", "multifd-zstd-level": 1, "announce-initial": 50, "downtime-limit": 300, "tls-authz": "", "vcpu-dirty-limit": 1, "multifd-compression": "zstd", "announce-rounds": 5, "announce-step": 100, "tls-creds": "abc", "x-vcpu-dirty-limit-period": 1000, "multifd-zlib-level": 1, "max-cpu-throttle": 99, "max-postcopy-bandwidth": 0, "tls-hostname": "", "throttle-trigger-threshold": 50, "max-bandwidth": 18446744073709551615, "x-checkpoint-delay": 20000, "cpu-throttle-increment": 10}}"#,
                ],
            ),
        ],
    );
}

#[test]
fn migration_capabilities() {
    check(
        &[],
        &[
            (
                r#"{"execute":"migrate-set-capabilities","arguments":{"capabilities":[{"capability":"dirty-limit","state":true}]}}"#,
                &[
                    r#"{"error": {"class": "GenericError", "desc": "dirty-limit requires KVM with accelerator property 'dirty-ring-size' set"}}"#,
                ],
            ),
            (
                r#"{"execute":"migrate-set-capabilities","arguments":{"capabilities":[{"capability":"zero-blocks","state":true},{"capability":"background-snapshot","state":true}]}}"#,
                &[r#"{"return": {}}"#],
            ),
            (
                r#"{"execute":"migrate-set-capabilities","arguments":{"capabilities":[{"capability":"zero-copy-send","state":true}]}}"#,
                &[
                    r#"{"error": {"class": "GenericError", "desc": "Background-snapshot is not compatible with zero-copy-send"}}"#,
                ],
            ),
            (
                r#"{"execute":"query-migrate-capabilities"}"#,
                &[
                    r#"{"return": [{"state": false, "capability": "xbzrle"}, {"state": false, "capability": "rdma-pin-all"}, {"state": false, "capability": "auto-converge"}, {"state": true, "capability": "zero-blocks"}, {"state": false, "capability": "events"}, {"state": false, "capability": "postcopy-ram"}, {"state": false, "capability": "x-colo"}, {"state": false, "capability": "release-ram"}, {"state": false, "capability": "return-path"}, {"state": false, "capability": "pause-before-switchover"}, {"state": false, "capability": "multifd"}, {"state": false, "capability": "dirty-bitmaps"}, {"state": false, "capability": "postcopy-blocktime"}, {"state": false, "capability": "late-block-activate"}, {"state": false, "capability": "x-ignore-shared"}, {"state": false, "capability": "validate-uuid"}, {"state": true, "capability": "background-snapshot"}, {"state": false, "capability": "zero-copy-send"}, {"state": false, "capability": "postcopy-preempt"}, {"state": false, "capability": "switchover-ack"}, {"state": false, "capability": "dirty-limit"}, {"state": false, "capability": "mapped-ram"}]}"#,
                ],
            ),
        ],
    );
}

#[test]
fn qom_tree() {
    check(
        &[],
        &[
            (
                r#"{"execute":"qom-list","arguments":{"path":"/"}}"#,
                &[
                    r#"{"return": [{"name": "type", "type": "string"}, {"name": "backend", "type": "child<container>"}, {"name": "machine", "type": "child<none-machine>"}, {"name": "objects", "type": "child<container>"}, {"name": "chardevs", "type": "child<container>"}]}"#,
                ],
            ),
            (
                r#"{"execute":"qom-list","arguments":{"path":"/machine"}}"#,
                &[
                    r#"{"return": [{"name": "type", "type": "string"}, {"name": "kernel", "type": "string"}, {"name": "dt-compatible", "type": "string"}, {"name": "boot", "type": "BootConfiguration"}, {"name": "memory", "type": "MemorySizeConfiguration"}, {"name": "initrd", "type": "string"}, {"name": "confidential-guest-support", "type": "link<confidential-guest-support>"}, {"name": "aux-ram-share", "type": "bool"}, {"name": "graphics", "type": "bool"}, {"name": "usb", "type": "bool"}, {"name": "firmware", "type": "string"}, {"name": "memory-encryption", "type": "string"}, {"name": "dump-guest-core", "type": "bool"}, {"name": "smp", "type": "SMPConfiguration"}, {"name": "shim", "type": "string"}, {"name": "smp-cache", "type": "SmpCachePropertiesWrapper"}, {"name": "dumpdtb", "type": "string"}, {"name": "phandle-start", "type": "int"}, {"name": "memory-backend", "type": "link<memory-backend>"}, {"name": "mem-merge", "type": "bool"}, {"name": "dtb", "type": "string"}, {"name": "append", "type": "string"}, {"name": "suppress-vmdesc", "type": "bool"}, {"name": "peripheral-anon", "type": "child<container>"}, {"name": "peripheral", "type": "child<container>"}, {"name": "unattached", "type": "child<container>"}]}"#,
                ],
            ),
            (
                r#"{"execute":"qom-list","arguments":{"path":"unattached"}}"#,
                &[
                    r#"{"return": [{"name": "type", "type": "string"}, {"name": "io[0]", "type": "child<memory-region>"}, {"name": "system[0]", "type": "child<memory-region>"}, {"name": "sysbus", "type": "child<System>"}]}"#,
                ],
            ),
            (
                r#"{"execute":"qom-list","arguments":{"path":""}}"#,
                &[r#"{"error": {"class": "GenericError", "desc": "Path '' is ambiguous"}}"#],
            ),
            (
                r#"{"execute":"qom-list","arguments":{"path":"/nope"}}"#,
                &[r#"{"error": {"class": "DeviceNotFound", "desc": "Device '/nope' not found"}}"#],
            ),
            (
                r#"{"execute":"qom-get","arguments":{"path":"/machine","property":"type"}}"#,
                &[r#"{"return": "none-machine"}"#],
            ),
            (
                r#"{"execute":"qom-get","arguments":{"path":"/machine","property":"smp"}}"#,
                &[
                    r#"{"return": {"modules": 1, "cpus": 1, "maxcpus": 1, "books": 1, "threads": 1, "cores": 1, "dies": 1, "sockets": 1, "clusters": 1, "drawers": 1}}"#,
                ],
            ),
            (
                r#"{"execute":"qom-get","arguments":{"path":"/machine","property":"nope"}}"#,
                &[
                    r#"{"error": {"class": "GenericError", "desc": "Property 'none-machine.nope' not found"}}"#,
                ],
            ),
            (
                r#"{"execute":"qom-get","arguments":{"path":"/machine/unattached/system[0]","property":"size"}}"#,
                &[r#"{"return": 18446744073709551615}"#],
            ),
            (
                r#"{"execute":"qom-get","arguments":{"path":"","property":"type"}}"#,
                &[r#"{"error": {"class": "DeviceNotFound", "desc": "Device '' not found"}}"#],
            ),
        ],
    );
}

#[test]
fn human_monitor() {
    let hmp = |line: &str| {
        format!(r#"{{"execute":"human-monitor-command","arguments":{{"command-line":"{line}"}}}}"#)
    };
    let cases = [
        (hmp("info version"), r#"{"return": "10.0.2Debian 1:10.0.2+ds-2+deb13u1~bpo12+1\r\n"}"#),
        (hmp("info status"), r#"{"return": "VM status: paused (prelaunch)\r\n"}"#),
        (hmp("  foo"), r#"{"return": "unknown command: '  foo'\r\n"}"#),
        (hmp("info foo"), r#"{"return": "unknown command: 'info foo'\r\n"}"#),
        (
            hmp("info  version  x"),
            r#"{"return": "version: extraneous characters at the end of line\r\nTry \"help info  version\" for more information\r\n"}"#,
        ),
        (
            hmp("q x"),
            r#"{"return": "quit|q: extraneous characters at the end of line\r\nTry \"help q\" for more information\r\n"}"#,
        ),
        (hmp("eject -f foo"), r#"{"return": "Error: Device 'foo' not found\r\n"}"#),
        (hmp("info kvm"), r#"{"return": "kvm support: disabled\r\n"}"#),
        (hmp(""), r#"{"return": ""}"#),
        (
            r#"{"execute":"human-monitor-command","arguments":{"command-line":"info version","cpu-index":0}}"#.to_owned(),
            r#"{"error": {"class": "GenericError", "desc": "Parameter 'cpu-index' expects a CPU number"}}"#,
        ),
    ];
    let exchanges: Vec<(&str, Vec<&str>)> =
        cases.iter().map(|(r, e)| (r.as_str(), vec![*e])).collect();
    let exchanges: Vec<(&str, &[&str])> =
        exchanges.iter().map(|(r, e)| (*r, e.as_slice())).collect();
    check(&[], &exchanges);
    // `c` resumes, with the event before the (empty) output.
    check(
        &[],
        &[(
            &hmp("c"),
            &[
                r#"{"timestamp": {"seconds": 1, "microseconds": 1}, "event": "RESUME"}"#,
                r#"{"return": ""}"#,
            ],
        )],
    );
}

/// `--preconfig` without `-S`: `x-exit-preconfig` starts the machine.
#[test]
fn preconfig_autostart() {
    check(
        &[
            "-machine",
            "none",
            "-nodefaults",
            "-display",
            "none",
            "--preconfig",
            "-qmp",
            "stdio",
        ],
        &[
            (
                r#"{"execute":"query-status"}"#,
                &[r#"{"return": {"status": "prelaunch", "running": false}}"#],
            ),
            (
                r#"{"execute":"query-kvm"}"#,
                &[
                    r#"{"error": {"class": "GenericError", "desc": "The command 'query-kvm' is permitted only after machine initialization has completed"}}"#,
                ],
            ),
            (
                r#"{"execute":"x-exit-preconfig"}"#,
                &[
                    r#"{"timestamp": {"seconds": 1, "microseconds": 1}, "event": "RESUME"}"#,
                    r#"{"return": {}}"#,
                ],
            ),
            (
                r#"{"execute":"query-status"}"#,
                &[r#"{"return": {"status": "running", "running": true}}"#],
            ),
        ],
    );
}

#[test]
fn eject_and_run_states() {
    check(
        &[],
        &[
            (
                r#"{"execute":"eject","arguments":{"device":"a","id":"b"}}"#,
                &[
                    r#"{"error": {"class": "GenericError", "desc": "Need exactly one of 'device' and 'id'"}}"#,
                ],
            ),
            (
                r#"{"execute":"eject"}"#,
                &[
                    r#"{"error": {"class": "GenericError", "desc": "Need exactly one of 'device' and 'id'"}}"#,
                ],
            ),
            (r#"{"execute":"stop"}"#, &[r#"{"return": {}}"#]),
            (
                r#"{"execute":"cont"}"#,
                &[
                    r#"{"timestamp": {"seconds": 1, "microseconds": 1}, "event": "RESUME"}"#,
                    r#"{"return": {}}"#,
                ],
            ),
            (r#"{"execute":"cont"}"#, &[r#"{"return": {}}"#]),
            (
                r#"{"execute":"stop"}"#,
                &[
                    r#"{"timestamp": {"seconds": 1, "microseconds": 1}, "event": "STOP"}"#,
                    r#"{"return": {}}"#,
                ],
            ),
            (
                r#"{"execute":"query-status"}"#,
                &[r#"{"return": {"status": "paused", "running": false}}"#],
            ),
            // Nothing after `quit` is read.
            (
                "{\"execute\":\"quit\"}\n{\"execute\":\"query-status\"}",
                &[
                    r#"{"timestamp": {"seconds": 1, "microseconds": 1}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}"#,
                    r#"{"return": {}}"#,
                ],
            ),
        ],
    );
}
