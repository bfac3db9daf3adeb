//! Every argument-less `query-*` command, and a set of commands with
//! arguments that an empty machine always refuses, answered by Debian's
//! real `qemu-system-<target>` and by ours, started the same way
//! (`-machine none -nodefaults -display none -S -qmp unix:...`): the
//! replies must be identical bytes once the socket directory is masked.
//! A second test varies the command line (`-name`, `-uuid`, chardevs,
//! monitors) and compares what it changes.
//!
//! One process per binary serves all its commands; the 30 binaries run on
//! a few threads.  The queries still answered differently are listed in
//! [`KNOWN`] with the reason; they are reported, not asserted.  The counts
//! per binary go to stderr on every run.

mod common;

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{TempDir, binary, debian_binaries, parallel, show};
use serde_json::Value as Json;

const MACHINE_ARGS: &[&str] = &["-machine", "none", "-nodefaults", "-display", "none", "-S"];

/// Queries whose answers still differ, with the binaries concerned (empty:
/// all that have the command) and why.  They are sent and reported, but
/// not asserted; anything not listed here must be identical.
const KNOWN: &[(&str, &[&str], &str)] = &[];

/// Queries with optional arguments, and commands with arguments that an
/// empty machine refuses whatever the (valid) arguments: nothing of the
/// kind exists (see `handlers/absent.rs`).  Sent in this order, where the
/// target's schema has the command; a few cases per command try the
/// checks QEMU makes before the lookup.
const ARGUMENT_CASES: &[(&str, &str)] = &[
    // device_add takes the raw dictionary: driver, then bus, then the
    // machine's hotplug handler (-machine none has none).
    ("device_add", r#"{}"#),
    ("device_add", r#"{"id": "bad id"}"#),
    ("device_add", r#"{"driver": "nope"}"#),
    ("device_add", r#"{"driver": "nope", "x": 1}"#),
    ("device_add", r#"{"driver": "nope", "id": "1a"}"#),
    ("device_add", r#"{"driver": 1}"#),
    ("device_add", r#"{"driver": true}"#),
    ("device_add", r#"{"driver": ["virtio-net-pci"]}"#),
    ("device_add", r#"{"driver": {}}"#),
    ("device_add", r#"{"driver": "help"}"#),
    ("device_add", r#"{"driver": ""}"#),
    ("device_add", r#"{"driver": "device"}"#),
    ("device_add", r#"{"driver": "pci-device"}"#),
    ("device_add", r#"{"driver": "cpu"}"#),
    ("device_add", r#"{"driver": "object"}"#),
    ("device_add", r#"{"driver": "memory-backend-ram"}"#),
    ("device_add", r#"{"driver": "hotplug-handler"}"#),
    ("device_add", r#"{"driver": "none-machine"}"#),
    ("device_add", r#"{"driver": "ramfb"}"#),
    ("device_add", r#"{"driver": "virtio-net"}"#),
    ("device_add", r#"{"driver": "virtio-blk"}"#),
    ("device_add", r#"{"driver": "virtio-gpu-rutabaga"}"#),
    ("device_add", r#"{"driver": "virtio-iommu"}"#),
    ("device_add", r#"{"driver": "e1000-82540em"}"#),
    ("device_add", r#"{"driver": "ahci"}"#),
    ("device_add", r#"{"driver": "virtio-net-pci"}"#),
    ("device_add", r#"{"driver": "virtio-net-ccw"}"#),
    ("device_add", r#"{"driver": "virtio-net-device"}"#),
    ("device_add", r#"{"driver": "usb-tablet"}"#),
    ("device_add", r#"{"driver": "scsi-hd"}"#),
    ("device_add", r#"{"driver": "isa-serial"}"#),
    ("device_add", r#"{"driver": "pc-dimm"}"#),
    ("device_add", r#"{"driver": "nvdimm"}"#),
    ("device_add", r#"{"driver": "vmgenid"}"#),
    ("device_add", r#"{"driver": "vmcoreinfo"}"#),
    ("device_add", r#"{"driver": "pvpanic"}"#),
    ("device_add", r#"{"driver": "qemu64-x86_64-cpu"}"#),
    ("device_add", r#"{"driver": "max-x86_64-cpu"}"#),
    ("device_add", r#"{"driver": "cortex-a57-arm-cpu"}"#),
    ("device_add", r#"{"driver": "host-s390x-cpu"}"#),
    ("device_add", r#"{"driver": "rv64-riscv-cpu"}"#),
    ("device_add", r#"{"driver": "power9_v2.2-powerpc64-cpu"}"#),
    (
        "device_add",
        r#"{"driver": "virtio-net-pci", "bus": "pci.0"}"#,
    ),
    ("device_add", r#"{"driver": "virtio-net-pci", "bus": ""}"#),
    ("device_add", r#"{"driver": "virtio-net-pci", "bus": "/"}"#),
    (
        "device_add",
        r#"{"driver": "virtio-net-pci", "bus": "main-system-bus"}"#,
    ),
    (
        "device_add",
        r#"{"driver": "virtio-net-pci", "bus": "main-system-bus/"}"#,
    ),
    (
        "device_add",
        r#"{"driver": "virtio-net-pci", "bus": "main-system-bus/dev"}"#,
    ),
    (
        "device_add",
        r#"{"driver": "virtio-net-pci", "bus": "//x/y"}"#,
    ),
    ("device_add", r#"{"driver": "virtio-net-pci", "bus": 1}"#),
    (
        "device_add",
        r#"{"driver": "virtio-net-pci", "id": "net0", "mac": "52:54:00:12:34:56"}"#,
    ),
    ("device_add", r#"{"driver": "virtio-net-pci", "id": 5}"#),
    ("device_add", r#"{"driver": "nope", "bus": "nowhere"}"#),
    ("device_add", r#"{"driver": "ramfb", "bus": "nowhere"}"#),
    ("device_add", r#"{"driver": "device", "bus": "nowhere"}"#),
    (
        "device_add",
        r#"{"driver": "max-x86_64-cpu", "bus": "main-system-bus"}"#,
    ),
    ("device_add", r#"{"driver": "pc-dimm", "bus": "/"}"#),
    (
        "device_add",
        r#"{"driver": "pc-dimm", "id": "dimm0", "memdev": "m0", "unknown": 1}"#,
    ),
    ("device_add", r#"{"driver": "qxl"}"#),
    ("device_add", r#"{"driver": "virtio-gpu-gl-pci"}"#),
    // The QOM tree of an empty machine and the properties of its objects.
    ("qom-list", r#"{"path": "/"}"#),
    ("qom-list", r#"{"path": "/machine"}"#),
    ("qom-list", r#"{"path": "/machine/unattached"}"#),
    ("qom-list", r#"{"path": "/machine/peripheral"}"#),
    ("qom-list", r#"{"path": "/machine/peripheral-anon"}"#),
    ("qom-list", r#"{"path": "/machine/unattached/sysbus"}"#),
    ("qom-list", r#"{"path": "/machine/unattached/system[0]"}"#),
    ("qom-list", r#"{"path": "/machine/unattached/io[0]"}"#),
    ("qom-list", r#"{"path": "/objects"}"#),
    ("qom-list", r#"{"path": "/chardevs"}"#),
    ("qom-list", r#"{"path": "/nope"}"#),
    ("qom-get", r#"{"path": "/machine", "property": "type"}"#),
    ("qom-get", r#"{"path": "/machine", "property": "memory"}"#),
    ("qom-get", r#"{"path": "/machine", "property": "smp"}"#),
    ("qom-get", r#"{"path": "/machine", "property": "boot"}"#),
    ("qom-get", r#"{"path": "/machine", "property": "accel"}"#),
    ("qom-get", r#"{"path": "/machine", "property": "nope"}"#),
    (
        "qom-get",
        r#"{"path": "/machine/unattached/system[0]", "property": "size"}"#,
    ),
    (
        "qom-get",
        r#"{"path": "/machine/unattached/sysbus", "property": "type"}"#,
    ),
    ("qom-get", r#"{"path": "/objects", "property": "type"}"#),
    ("query-named-block-nodes", r#"{"flat": true}"#),
    ("query-named-block-nodes", r#"{"flat": false}"#),
    ("query-blockstats", r#"{"query-nodes": true}"#),
    ("query-blockstats", r#"{"query-nodes": false}"#),
    ("query-stats-schemas", r#"{"provider": "cryptodev"}"#),
    ("query-stats-schemas", r#"{"provider": "kvm"}"#),
    ("query-dirty-rate", r#"{"calc-time-unit": "millisecond"}"#),
    ("query-dirty-rate", r#"{"calc-time-unit": "second"}"#),
    ("query-rx-filter", r#"{"name": "net0"}"#),
    ("query-rx-filter", r#"{"name": ""}"#),
    (
        "query-stats",
        r#"{"target": "vm", "providers": [{"provider": "cryptodev"}]}"#,
    ),
    (
        "query-stats",
        r#"{"target": "vm", "providers": [{"provider": "kvm", "names": ["max_mmu_rmap_size", "nx_lpage_splits", "x"]}, {"provider": "kvm", "names": []}]}"#,
    ),
    ("query-stats", r#"{"target": "vcpu"}"#),
    (
        "query-stats",
        r#"{"target": "vcpu", "vcpus": ["/machine/x"]}"#,
    ),
    ("query-stats", r#"{"target": "cryptodev"}"#),
    (
        "query-stats",
        r#"{"target": "cryptodev", "providers": [{"provider": "cryptodev", "names": ["x"]}]}"#,
    ),
    ("job-pause", r#"{"id": "j"}"#),
    ("job-resume", r#"{"id": ""}"#),
    ("job-cancel", r#"{"id": "j"}"#),
    ("job-complete", r#"{"id": "j"}"#),
    ("job-dismiss", r#"{"id": "j"}"#),
    ("job-finalize", r#"{"id": "j"}"#),
    ("block-job-set-speed", r#"{"device": "d", "speed": -1}"#),
    ("block-job-set-speed", r#"{"device": "d", "speed": 0}"#),
    ("block-job-cancel", r#"{"device": "d", "force": true}"#),
    ("block-job-pause", r#"{"device": ""}"#),
    ("block-job-resume", r#"{"device": "d"}"#),
    ("block-job-complete", r#"{"device": "d"}"#),
    ("block-job-dismiss", r#"{"id": "d"}"#),
    ("block-job-finalize", r#"{"id": "d"}"#),
    (
        "block-job-change",
        r#"{"id": "d", "type": "mirror", "copy-mode": "write-blocking"}"#,
    ),
    ("block_resize", r#"{"size": 1}"#),
    ("block_resize", r#"{"device": "d", "size": -5}"#),
    ("block_resize", r#"{"node-name": "n", "size": 1}"#),
    (
        "block_resize",
        r#"{"device": "d", "node-name": "n", "size": 1}"#,
    ),
    ("block-dirty-bitmap-add", r#"{"node": "n", "name": ""}"#),
    (
        "block-dirty-bitmap-add",
        r#"{"node": "n", "name": "b", "granularity": 3}"#,
    ),
    (
        "block-dirty-bitmap-add",
        r#"{"node": "", "name": "b", "persistent": true}"#,
    ),
    ("block-dirty-bitmap-remove", r#"{"node": "n", "name": ""}"#),
    ("block-dirty-bitmap-clear", r#"{"node": "", "name": "b"}"#),
    ("block-dirty-bitmap-enable", r#"{"node": "n", "name": "b"}"#),
    (
        "block-dirty-bitmap-disable",
        r#"{"node": "n", "name": "b"}"#,
    ),
    (
        "block-dirty-bitmap-merge",
        r#"{"node": "n", "target": "t", "bitmaps": []}"#,
    ),
    (
        "block-dirty-bitmap-merge",
        r#"{"node": "n", "target": "t", "bitmaps": [{"node": "x", "name": "y"}]}"#,
    ),
    (
        "x-debug-block-dirty-bitmap-sha256",
        r#"{"node": "n", "name": "b"}"#,
    ),
    ("blockdev-del", r#"{"node-name": "n"}"#),
    ("blockdev-del", r#"{"node-name": ""}"#),
    (
        "x-blockdev-set-iothread",
        r#"{"node-name": "n", "iothread": null}"#,
    ),
    (
        "x-blockdev-set-iothread",
        r#"{"node-name": "n", "iothread": "io", "force": true}"#,
    ),
    (
        "block-set-write-threshold",
        r#"{"node-name": "n", "write-threshold": 0}"#,
    ),
    ("block-export-del", r#"{"id": "e"}"#),
    ("block-export-del", r#"{"id": "e", "mode": "hard"}"#),
    ("nbd-server-remove", r#"{"name": "e"}"#),
    ("nbd-server-remove", r#"{"name": "e", "mode": "safe"}"#),
    ("netdev_del", r#"{"id": "n"}"#),
    ("netdev_del", r#"{"id": ""}"#),
    ("set_link", r#"{"name": "n", "up": false}"#),
    ("chardev-send-break", r#"{"id": "c"}"#),
    ("chardev-send-break", r#"{"id": "compat_monitor0"}"#),
    ("chardev-remove", r#"{"id": "c"}"#),
    ("chardev-remove", r#"{"id": "compat_monitor0"}"#),
    ("ringbuf-write", r#"{"device": "c", "data": "x"}"#),
    (
        "ringbuf-write",
        r#"{"device": "compat_monitor0", "data": "x", "format": "base64"}"#,
    ),
    ("ringbuf-read", r#"{"device": "c", "size": -1}"#),
    (
        "ringbuf-read",
        r#"{"device": "compat_monitor0", "size": 0}"#,
    ),
    (
        "ringbuf-read",
        r#"{"device": "compat_monitor0", "size": 10, "format": "base64"}"#,
    ),
    ("blockdev-open-tray", r#"{}"#),
    ("blockdev-open-tray", r#"{"device": "d"}"#),
    ("blockdev-open-tray", r#"{"id": "i", "force": true}"#),
    ("blockdev-open-tray", r#"{"device": "d", "id": "i"}"#),
    ("blockdev-close-tray", r#"{}"#),
    ("blockdev-close-tray", r#"{"device": "d"}"#),
    ("blockdev-close-tray", r#"{"id": "i"}"#),
    ("blockdev-remove-medium", r#"{"id": "i"}"#),
    ("blockdev-insert-medium", r#"{"id": "i", "node-name": "n"}"#),
    ("blockdev-change-medium", r#"{"filename": "f"}"#),
    (
        "blockdev-change-medium",
        r#"{"device": "d", "filename": "f", "format": "raw"}"#,
    ),
    (
        "blockdev-change-medium",
        r#"{"id": "i", "filename": "f", "read-only-mode": "retain"}"#,
    ),
    (
        "blockdev-change-medium",
        r#"{"id": "i", "filename": "f", "format": "nosuch"}"#,
    ),
    (
        "block_set_io_throttle",
        r#"{"bps": 1, "bps_rd": 1, "bps_wr": 0, "iops": 0, "iops_rd": 0, "iops_wr": 0}"#,
    ),
    (
        "block_set_io_throttle",
        r#"{"device": "d", "bps": 1, "bps_rd": 1, "bps_wr": 0, "iops": 0, "iops_rd": 0, "iops_wr": 0}"#,
    ),
    (
        "block_set_io_throttle",
        r#"{"id": "i", "bps": -1, "bps_rd": 0, "bps_wr": 0, "iops": 0, "iops_rd": 0, "iops_wr": 0}"#,
    ),
    ("block-latency-histogram-set", r#"{"id": "i"}"#),
    (
        "block-latency-histogram-set",
        r#"{"id": "i", "boundaries": [10, 5]}"#,
    ),
    ("block-stream", r#"{"device": "d"}"#),
    (
        "block-stream",
        r#"{"device": "d", "job-id": "j", "speed": -1, "base": "b", "base-node": "bn"}"#,
    ),
    ("block-commit", r#"{"device": "d"}"#),
    (
        "block-commit",
        r#"{"device": "d", "job-id": "j", "speed": -1, "top": "t"}"#,
    ),
    (
        "drive-backup",
        r#"{"device": "d", "target": "t", "sync": "full"}"#,
    ),
    (
        "drive-backup",
        r#"{"device": "d", "target": "t", "sync": "incremental", "format": "nosuch", "speed": -1}"#,
    ),
    (
        "blockdev-backup",
        r#"{"device": "d", "target": "t", "sync": "full"}"#,
    ),
    (
        "blockdev-backup",
        r#"{"device": "d", "target": "t", "sync": "bitmap", "job-id": "j"}"#,
    ),
    (
        "drive-mirror",
        r#"{"device": "d", "target": "t", "sync": "full"}"#,
    ),
    (
        "drive-mirror",
        r#"{"device": "d", "target": "t", "sync": "full", "granularity": 3, "format": "raw", "mode": "existing"}"#,
    ),
    (
        "blockdev-mirror",
        r#"{"device": "d", "target": "t", "sync": "full"}"#,
    ),
    (
        "blockdev-mirror",
        r#"{"device": "d", "target": "t", "sync": "none", "granularity": 3}"#,
    ),
    (
        "change-backing-file",
        r#"{"device": "d", "image-node-name": "n", "backing-file": "b"}"#,
    ),
    ("nbd-server-add", r#"{"device": "d"}"#),
    (
        "nbd-server-add",
        r#"{"device": "d", "name": "n", "writable": true}"#,
    ),
    ("x-blockdev-change", r#"{"parent": "p"}"#),
    (
        "x-blockdev-change",
        r#"{"parent": "p", "child": "c", "node": "n"}"#,
    ),
    (
        "blockdev-snapshot-internal-sync",
        r#"{"device": "d", "name": "n"}"#,
    ),
    (
        "blockdev-snapshot-internal-sync",
        r#"{"device": "d", "name": ""}"#,
    ),
    (
        "blockdev-snapshot-delete-internal-sync",
        r#"{"device": "d"}"#,
    ),
    (
        "blockdev-snapshot-delete-internal-sync",
        r#"{"device": "d", "id": "i", "name": "n"}"#,
    ),
    ("blockdev-snapshot", r#"{"node": "n", "overlay": "o"}"#),
    ("blockdev-snapshot-sync", r#"{"snapshot-file": "f"}"#),
    (
        "blockdev-snapshot-sync",
        r#"{"device": "d", "snapshot-file": "f"}"#,
    ),
    (
        "blockdev-snapshot-sync",
        r#"{"node-name": "n", "snapshot-file": "f", "format": "nosuch", "mode": "existing"}"#,
    ),
    (
        "blockdev-snapshot-sync",
        r#"{"device": "d", "node-name": "n", "snapshot-file": "f", "snapshot-node-name": "s"}"#,
    ),
    (
        "block-export-add",
        r#"{"type": "nbd", "id": "e", "node-name": "n"}"#,
    ),
    (
        "block-export-add",
        r#"{"type": "nbd", "id": "e", "node-name": "n", "writable": true, "iothread": "x"}"#,
    ),
    (
        "x-blockdev-amend",
        r#"{"job-id": "j", "node-name": "n", "options": {"driver": "luks", "state": "active"}}"#,
    ),
    ("display-update", r#"{"type": "vnc"}"#),
    ("display-update", r#"{"type": "vnc", "addresses": []}"#),
    ("set_password", r#"{"protocol": "vnc", "password": "p"}"#),
    ("set_password", r#"{"protocol": "spice", "password": "p"}"#),
    (
        "set_password",
        r#"{"protocol": "vnc", "password": "p", "display": "d", "connected": "keep"}"#,
    ),
    ("expire_password", r#"{"protocol": "vnc", "time": "now"}"#),
    (
        "expire_password",
        r#"{"protocol": "spice", "time": "never"}"#,
    ),
    ("expire_password", r#"{"protocol": "vnc", "time": "+10"}"#),
    ("change-vnc-password", r#"{"password": "p"}"#),
    (
        "client_migrate_info",
        r#"{"protocol": "spice", "hostname": "h"}"#,
    ),
    (
        "client_migrate_info",
        r#"{"protocol": "vnc", "hostname": "h", "port": 1}"#,
    ),
    ("input-send-event", r#"{"events": []}"#),
    (
        "input-send-event",
        r#"{"events": [], "device": "d", "head": 1}"#,
    ),
    (
        "set_password",
        r#"{"protocol": "vnc", "password": "p", "connected": "fail"}"#,
    ),
    (
        "set_password",
        r#"{"protocol": "spice", "password": "p", "connected": "fail"}"#,
    ),
    ("expire_password", r#"{"protocol": "spice", "time": "bad"}"#),
    ("expire_password", r#"{"protocol": "vnc", "time": "-1"}"#),
    ("expire_password", r#"{"protocol": "vnc", "time": ""}"#),
    ("expire_password", r#"{"protocol": "vnc", "time": "+x"}"#),
    (
        "block-export-add",
        r#"{"type": "nbd", "id": "1bad", "node-name": "n"}"#,
    ),
    (
        "block-stream",
        r#"{"device": "d", "base": "b", "bottom": "x"}"#,
    ),
    (
        "block-stream",
        r#"{"device": "d", "base-node": "b", "bottom": "x"}"#,
    ),
    (
        "input-send-event",
        r#"{"events": [{"type": "key", "data": {"key": {"type": "number", "data": 1}, "down": true}}]}"#,
    ),
    ("balloon", r#"{"value": 1}"#),
    ("balloon", r#"{"value": -1}"#),
    ("device_del", r#"{"id": "d"}"#),
    ("device_del", r#"{"id": "/machine"}"#),
    ("device_del", r#"{"id": "/machine/unattached"}"#),
    ("device_del", r#"{"id": "/nosuch"}"#),
    ("device_del", r#"{"id": "peripheral"}"#),
    ("device_del", r#"{"id": "/chardevs/compat_monitor0"}"#),
    ("device_del", r#"{"id": ""}"#),
    ("device-sync-config", r#"{"id": "d"}"#),
    ("device-sync-config", r#"{"id": "/machine"}"#),
    ("object-del", r#"{"id": "o"}"#),
    ("object-del", r#"{"id": "/objects"}"#),
    ("x-query-virtio", r#"{}"#),
    ("x-query-virtio-status", r#"{"path": "/machine"}"#),
    (
        "x-query-virtio-queue-status",
        r#"{"path": "p", "queue": 0}"#,
    ),
    (
        "x-query-virtio-vhost-queue-status",
        r#"{"path": "p", "queue": 1}"#,
    ),
    (
        "x-query-virtio-queue-element",
        r#"{"path": "p", "queue": 1, "index": 2}"#,
    ),
    ("closefd", r#"{"fdname": "f"}"#),
    ("remove-fd", r#"{"fdset-id": 1}"#),
    ("remove-fd", r#"{"fdset-id": -3, "fd": 7}"#),
    (
        "add_client",
        r#"{"protocol": "vnc", "fdname": "f", "skipauth": true}"#,
    ),
    ("add_client", r#"{"protocol": "nosuch", "fdname": "f"}"#),
    ("replay-break", r#"{"icount": 1}"#),
    ("replay-delete-break", r#"{}"#),
    ("replay-seek", r#"{"icount": -1}"#),
    ("set-vcpu-dirty-limit", r#"{"dirty-rate": 1}"#),
    (
        "set-vcpu-dirty-limit",
        r#"{"dirty-rate": 1, "cpu-index": 99}"#,
    ),
    ("cancel-vcpu-dirty-limit", r#"{}"#),
    ("cancel-vcpu-dirty-limit", r#"{"cpu-index": 99}"#),
    (
        "sev-inject-launch-secret",
        r#"{"packet-header": "h", "secret": "s"}"#,
    ),
    ("xen-event-inject", r#"{"port": 1}"#),
    (
        "set-numa-node",
        r#"{"type": "dist", "src": 0, "dst": 1, "val": 10}"#,
    ),
    ("yank", r#"{"instances": []}"#),
    ("yank", r#"{"instances": [{"type": "migration"}]}"#),
    (
        "yank",
        r#"{"instances": [{"type": "block-node", "node-name": "n"}]}"#,
    ),
    (
        "yank",
        r#"{"instances": [{"type": "chardev", "id": "nosuch"}]}"#,
    ),
    (
        "yank",
        r#"{"instances": [{"type": "chardev", "id": "compat_monitor0"}, {"type": "migration"}]}"#,
    ),
    ("device_del", r#"{"id": "a/b"}"#),
    ("device_del", r#"{"id": "//machine//unattached/"}"#),
    ("device_del", r#"{"id": "/machine/peripheral-anon"}"#),
    ("device-sync-config", r#"{"id": ""}"#),
    (
        "memsave",
        r#"{"val": 0, "size": 1, "filename": "/nonexistent/m"}"#,
    ),
    (
        "memsave",
        r#"{"val": 0, "size": 1, "filename": "/nonexistent/m", "cpu-index": 0}"#,
    ),
    ("dumpdtb", r#"{"filename": "/nonexistent/d"}"#),
    ("screendump", r#"{"filename": "/nonexistent/s"}"#),
    ("screendump", r#"{"filename": "/nonexistent/s", "head": 1}"#),
    (
        "screendump",
        r#"{"filename": "/nonexistent/s", "device": "/machine", "format": "png"}"#,
    ),
    ("migrate-recover", r#"{"uri": "tcp:127.0.0.1:0"}"#),
    (
        "cxl-inject-general-media-event",
        r#"{"path": "/machine", "log": "fatal", "flags": 1, "dpa": 1, "descriptor": 1, "type": 1, "transaction-type": 1}"#,
    ),
    (
        "cxl-inject-general-media-event",
        r#"{"path": "nosuch", "log": "fatal", "flags": 1, "dpa": 1, "descriptor": 1, "type": 1, "transaction-type": 1}"#,
    ),
    (
        "cxl-inject-dram-event",
        r#"{"path": "p", "log": "fatal", "flags": 1, "dpa": 1, "descriptor": 1, "type": 1, "transaction-type": 1}"#,
    ),
    (
        "cxl-inject-memory-module-event",
        r#"{"path": "/machine", "log": "fatal", "flags": 1, "type": 1, "health-status": 1, "media-status": 1, "additional-status": 1, "life-used": 1, "temperature": 1, "dirty-shutdown-count": 1, "corrected-volatile-error-count": 1, "corrected-persistent-error-count": 1}"#,
    ),
    (
        "cxl-inject-poison",
        r#"{"path": "p", "start": 0, "length": 64}"#,
    ),
    (
        "cxl-inject-poison",
        r#"{"path": "/machine", "start": 1, "length": 64}"#,
    ),
    (
        "cxl-inject-poison",
        r#"{"path": "p", "start": 1, "length": 3}"#,
    ),
    (
        "cxl-inject-poison",
        r#"{"path": "unattached", "start": 64, "length": 128}"#,
    ),
    (
        "cxl-inject-uncorrectable-errors",
        r#"{"path": "/machine", "errors": []}"#,
    ),
    (
        "cxl-inject-correctable-error",
        r#"{"path": "p", "type": "cache-data-ecc"}"#,
    ),
    (
        "cxl-add-dynamic-capacity",
        r#"{"path": "p", "host-id": 0, "selection-policy": "free", "region": 0, "extents": []}"#,
    ),
    (
        "cxl-add-dynamic-capacity",
        r#"{"path": "/machine", "host-id": 0, "selection-policy": "prescriptive", "region": 0, "extents": []}"#,
    ),
    (
        "cxl-release-dynamic-capacity",
        r#"{"path": "p", "host-id": 0, "removal-policy": "tag-based", "region": 0, "extents": []}"#,
    ),
    (
        "cxl-release-dynamic-capacity",
        r#"{"path": "p", "host-id": 0, "removal-policy": "prescriptive", "region": 0, "extents": [{"offset": 0, "len": 1}]}"#,
    ),
    ("qom-list", r#"{"path": "/"}"#),
    ("qom-list", r#"{"path": "/dr-connector"}"#),
    ("qom-list", r#"{"path": "/machine"}"#),
    ("qom-list", r#"{"path": "/machine/unattached"}"#),
    ("qom-list", r#"{"path": "/chardevs/compat_monitor0"}"#),
    (
        "qom-get",
        r#"{"path": "/chardevs/compat_monitor0", "property": "addr"}"#,
    ),
    ("qom-get", r#"{"path": "dr-connector", "property": "type"}"#),
    (
        "qom-set",
        r#"{"path": "/machine", "property": "nosuch", "value": 1}"#,
    ),
    (
        "qom-set",
        r#"{"path": "unattached", "property": "nosuch", "value": 1}"#,
    ),
    (
        "qom-set",
        r#"{"path": "/nosuch", "property": "x", "value": 1}"#,
    ),
    (
        "qom-set",
        r#"{"path": "/machine", "property": "type", "value": "x"}"#,
    ),
    (
        "qom-set",
        r#"{"path": "/machine", "property": "unattached", "value": "x"}"#,
    ),
    (
        "qom-set",
        r#"{"path": "/", "property": "machine", "value": 1}"#,
    ),
    (
        "qom-set",
        r#"{"path": "", "property": "machine", "value": 1}"#,
    ),
    (
        "qom-set",
        r#"{"path": "/chardevs/compat_monitor0", "property": "type", "value": "x"}"#,
    ),
    (
        "announce-self",
        r#"{"initial": -1, "max": 0, "rounds": -5, "step": 0}"#,
    ),
    (
        "announce-self",
        r#"{"initial": 1, "max": 1, "rounds": 1, "step": 1, "interfaces": ["x"], "id": "y"}"#,
    ),
    ("send-key", r#"{"keys": []}"#),
    (
        "send-key",
        r#"{"keys": [{"type": "qcode", "data": "a"}], "hold-time": -1}"#,
    ),
    ("send-key", r#"{"keys": [{"type": "number", "data": -1}]}"#),
    ("display-reload", r#"{"type": "vnc", "tls-certs": true}"#),
    ("display-reload", r#"{"type": "vnc"}"#),
    ("watchdog-set-action", r#"{"action": "none"}"#),
    (
        "set-action",
        r#"{"shutdown": "pause", "reboot": "reset", "watchdog": "debug", "panic": "exit-failure"}"#,
    ),
    ("set-action", r#"{}"#),
    // Argument-less commands other than queries, then the postcopy
    // capability and the command it unlocks (kept last: it changes state).
    ("nbd-server-stop", r#"{}"#),
    ("x-colo-lost-heartbeat", r#"{}"#),
    ("migrate_cancel", r#"{}"#),
    ("migrate", r#"{}"#),
    ("migrate", r#"{"channels": []}"#),
    ("migrate-incoming", r#"{}"#),
    ("migrate-incoming", r#"{"uri": "tcp:127.0.0.1:0"}"#),
    ("migrate-continue", r#"{"state": "none"}"#),
    ("migrate-continue", r#"{"state": "active"}"#),
    ("xen-colo-do-checkpoint", r#"{}"#),
    ("system_wakeup", r#"{}"#),
    ("inject-nmi", r#"{}"#),
    ("x-query-irq", r#"{}"#),
    ("x-query-jit", r#"{}"#),
    ("x-query-numa", r#"{}"#),
    ("x-query-opcount", r#"{}"#),
    ("x-query-ramblock", r#"{}"#),
    ("x-query-roms", r#"{}"#),
    ("x-query-usb", r#"{}"#),
    ("x-query-interrupt-controllers", r#"{}"#),
    ("x-debug-query-block-graph", r#"{}"#),
    ("xen-event-list", r#"{}"#),
    ("migrate-start-postcopy", r#"{}"#),
    (
        "migrate-set-capabilities",
        r#"{"capabilities": [{"capability": "postcopy-ram", "state": true}]}"#,
    ),
    ("migrate-start-postcopy", r#"{}"#),
    // Last, as they change the state: a type lookup or qom-list-types
    // loads modules, which add the spice option group and chardev types.
    ("query-command-line-options", r#"{"option": "spice"}"#),
    ("device-list-properties", r#"{"typename": "qxl"}"#),
    ("query-command-line-options", r#"{"option": "spice"}"#),
    ("qom-list-types", r#"{"implements": "no-such-type"}"#),
    ("query-chardev-backends", r#"{}"#),
    ("query-command-line-options", r#"{}"#),
];

const REPLY_TIMEOUT: Duration = Duration::from_secs(20);

/// A QMP monitor of one running emulator; the process is killed on drop.
struct Monitor {
    child: Child,
    reader: BufReader<UnixStream>,
    writer: UnixStream,
    /// The emulator's own directory (its sockets), masked in replies.
    dir: String,
}

impl Monitor {
    /// Starts `program` with the machine's options, `extra` (where `{DIR}`
    /// stands for `dir`) and a QMP monitor on `dir/qmp.sock` last.
    fn start(program: &Path, pre: &[&str], dir: &Path, extra: &[&str]) -> Result<Monitor, String> {
        std::fs::create_dir_all(dir).map_err(|e| format!("mkdir {}: {e}", dir.display()))?;
        let socket = dir.join("qmp.sock");
        let shown = dir.display().to_string();
        let mut child = Command::new(program)
            .args(pre)
            .args(MACHINE_ARGS)
            .args(extra.iter().map(|a| a.replace("{DIR}", &shown)))
            .arg("-qmp")
            .arg(format!("unix:{},server=on,wait=off", socket.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", program.display()))?;
        let start = Instant::now();
        let stream = loop {
            match UnixStream::connect(&socket) {
                Ok(s) => break s,
                Err(e) if start.elapsed() > REPLY_TIMEOUT => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(format!("{}: cannot connect: {e}", program.display()));
                }
                Err(_) => std::thread::sleep(Duration::from_millis(10)),
            }
        };
        stream
            .set_read_timeout(Some(REPLY_TIMEOUT))
            .map_err(|e| e.to_string())?;
        let writer = stream.try_clone().map_err(|e| e.to_string())?;
        let mut m = Monitor {
            child,
            reader: BufReader::new(stream),
            writer,
            dir: shown,
        };
        // Each start-up line is checked, so that a glitch shows what was
        // read instead of shifting every later reply by one.
        let greeting = m.line()?;
        if !greeting.starts_with(b"{\"QMP\"") {
            return Err(format!(
                "{}: expected the greeting, read {}",
                program.display(),
                String::from_utf8_lossy(&greeting).trim_end()
            ));
        }
        let caps = m.execute(r#"{"execute": "qmp_capabilities"}"#)?;
        if !caps.starts_with(b"{\"return\": {}}") {
            return Err(format!(
                "{}: qmp_capabilities answered {}",
                program.display(),
                String::from_utf8_lossy(&caps).trim_end()
            ));
        }
        Ok(m)
    }

    /// One line of output, without events.
    fn line(&mut self) -> Result<Vec<u8>, String> {
        loop {
            let mut buf = Vec::new();
            match self.reader.read_until(b'\n', &mut buf) {
                Ok(0) => return Err("connection closed".to_owned()),
                Ok(_) if buf.starts_with(b"{\"timestamp\"") => continue,
                Ok(_) => return Ok(buf),
                Err(e) => return Err(format!("no reply: {e}")),
            }
        }
    }

    /// Sends a request; its reply with the socket path masked.
    fn execute(&mut self, request: &str) -> Result<Vec<u8>, String> {
        self.writer
            .write_all(format!("{request}\n").as_bytes())
            .map_err(|e| format!("send: {e}"))?;
        let reply = self.line()?;
        Ok(mask(&reply, &self.dir))
    }
}

impl Drop for Monitor {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn mask(reply: &[u8], dir: &str) -> Vec<u8> {
    String::from_utf8_lossy(reply)
        .replace(dir, "DIR")
        .into_bytes()
}

/// The `query-*` commands whose arguments are all optional, in schema
/// order, from the real binary's `query-qmp-schema`.
fn argumentless_queries(schema: &Json) -> Vec<String> {
    let Some(entities) = schema["return"].as_array() else {
        return Vec::new();
    };
    let by_name = |n: &str| entities.iter().find(|e| e["name"] == n);
    entities
        .iter()
        .filter(|e| e["meta-type"] == "command")
        .filter_map(|e| {
            let name = e["name"].as_str()?;
            let args = by_name(e["arg-type"].as_str()?)?;
            let mandatory = args["members"]
                .as_array()
                .is_some_and(|m| m.iter().any(|m| m.get("default").is_none()));
            (name.starts_with("query-") && !mandatory).then(|| name.to_owned())
        })
        .collect()
}

fn known(binary: &str, command: &str) -> Option<&'static str> {
    KNOWN
        .iter()
        .find(|(c, bins, _)| *c == command && (bins.is_empty() || bins.contains(&binary)))
        .map(|(_, _, why)| *why)
}

/// The outcome on one binary.
#[derive(Default)]
struct Report {
    binary: String,
    queries: usize,
    identical: usize,
    cases: usize,
    cases_identical: usize,
    /// Known differences seen (command).
    known_differing: Vec<String>,
    /// Listed as known but identical now.
    known_identical: Vec<String>,
    /// Unexpected differences: readable diffs.
    failures: Vec<String>,
}

fn diff(request: &str, real: &[u8], ours: &[u8]) -> String {
    let at = real.iter().zip(ours).take_while(|(a, b)| a == b).count();
    let mut s = String::new();
    let _ = writeln!(s, "  {request}");
    let _ = writeln!(s, "    real {}", show(real));
    let _ = writeln!(s, "    ours {}", show(ours));
    let from = at.saturating_sub(40);
    let _ = writeln!(
        s,
        "    first difference at byte {at}: real ...{} / ours ...{}",
        show(&real[from.min(real.len())..real.len().min(at + 40)]),
        show(&ours[from.min(ours.len())..ours.len().min(at + 40)])
    );
    s
}

fn sweep(name: &str) -> Report {
    let mut r = Report {
        binary: name.to_owned(),
        ..Report::default()
    };
    let dir = TempDir::new(&format!("real-queries-{name}"));
    let real_bin = PathBuf::from(format!("/usr/bin/qemu-system-{name}"));
    // A start-up that goes wrong is reported and tried once more: the
    // sweep is about the replies, and a real binary loaded by the other
    // binaries' sweeps has once answered its start-up out of step.
    let start = |attempt: &str| {
        let real = Monitor::start(
            &real_bin,
            &[],
            &dir.path().join(format!("real{attempt}")),
            &[],
        )?;
        let ours = Monitor::start(
            &binary(),
            &["-target", name],
            &dir.path().join(format!("ours{attempt}")),
            &[],
        )?;
        Ok::<_, String>((real, ours))
    };
    let started = start("").or_else(|e| {
        eprintln!("{name}: start-up went wrong, tried again: {e}");
        start("-again")
    });
    let (mut real, mut ours) = match started {
        Ok(p) => p,
        Err(e) => {
            r.failures.push(format!("  cannot run: {e}"));
            return r;
        }
    };
    let schema = match real.execute(r#"{"execute": "query-qmp-schema"}"#) {
        Ok(s) => serde_json::from_slice::<Json>(&s).unwrap_or(Json::Null),
        Err(e) => {
            r.failures.push(format!("  query-qmp-schema: {e}"));
            return r;
        }
    };
    // Without the schema nothing would be compared: a failure, not a pass.
    if !schema["return"].is_array() {
        r.failures.push(format!(
            "  query-qmp-schema: no schema in the real binary's reply: {:.200}",
            schema.to_string()
        ));
        return r;
    }
    let queries = argumentless_queries(&schema);
    let has = |c: &str| {
        schema["return"].as_array().is_some_and(|a| {
            a.iter()
                .any(|e| e["meta-type"] == "command" && e["name"] == c)
        })
    };
    let mut requests: Vec<(String, String, bool)> = queries
        .iter()
        .map(|q| (q.clone(), format!(r#"{{"execute": "{q}"}}"#), false))
        .collect();
    requests.extend(ARGUMENT_CASES.iter().filter(|(c, _)| has(c)).map(|(c, a)| {
        (
            (*c).to_owned(),
            format!(r#"{{"execute": "{c}", "arguments": {a}}}"#),
            true,
        )
    }));
    for (command, request, with_args) in requests {
        let replies = real
            .execute(&request)
            .and_then(|a| ours.execute(&request).map(|b| (a, b)));
        let (a, b) = match replies {
            Ok(p) => p,
            Err(e) => {
                r.failures.push(format!("  {request}: {e}"));
                return r;
            }
        };
        let same = a == b;
        if with_args {
            r.cases += 1;
            r.cases_identical += usize::from(same);
        } else {
            r.queries += 1;
            r.identical += usize::from(same);
        }
        match (same, known(name, &command)) {
            (true, Some(_)) if !with_args => r.known_identical.push(command),
            (true, _) => {}
            (false, Some(_)) if !r.known_differing.contains(&command) => {
                r.known_differing.push(command)
            }
            (false, Some(_)) => {}
            (false, None) => r.failures.push(diff(&request, &a, &b)),
        }
    }
    r
}

#[test]
fn real_binaries_answer_the_same() {
    let reports = parallel(debian_binaries(), 4, sweep);
    let mut out = String::new();
    let (mut q, mut qi, mut c, mut ci) = (0, 0, 0, 0);
    let mut failed = false;
    for r in &reports {
        q += r.queries;
        qi += r.identical;
        c += r.cases;
        ci += r.cases_identical;
        let _ = writeln!(
            out,
            "{:16} queries {:3}/{:3} identical, argument cases {:2}/{:2}; known differences: {}",
            r.binary,
            r.identical,
            r.queries,
            r.cases_identical,
            r.cases,
            if r.known_differing.is_empty() {
                "none".to_owned()
            } else {
                r.known_differing.join(", ")
            }
        );
        if !r.known_identical.is_empty() {
            let _ = writeln!(
                out,
                "    now identical, remove from KNOWN: {}",
                r.known_identical.join(", ")
            );
        }
        if !r.failures.is_empty() {
            failed = true;
            let _ = writeln!(out, "    DIFFERENT:");
            for f in &r.failures {
                out.push_str(f);
            }
        }
    }
    let _ = writeln!(
        out,
        "all: queries {qi}/{q} identical, argument cases {ci}/{c} identical"
    );
    for (command, bins, why) in KNOWN {
        let on = if bins.is_empty() {
            "all".to_owned()
        } else {
            bins.join(" ")
        };
        let _ = writeln!(out, "known: {command} ({on}): {why}");
    }
    // Straight to stderr, past libtest's capture: the counts are part of
    // every run's output.
    let _ = std::io::stderr().write_all(out.as_bytes());
    assert!(!failed, "replies differ from the real binaries:\n{out}");
}

/// Command lines whose options change what the queries report.
const COMMAND_LINES: &[&[&str]] = &[
    &[
        "-name",
        "guest=vm1,process=p,debug-threads=on",
        "-uuid",
        "6B29FC40-CA47-1067-B31D-00DD010662DA",
        "-chardev",
        "socket,id=extra,path={DIR}/extra.sock,server=on,wait=off",
        "-mon",
        "chardev=extra,mode=control",
        "-chardev",
        "socket,id=lonely,path={DIR}/lonely.sock,server=on,wait=off",
        "-qmp",
        "unix:{DIR}/second.sock,server=on,wait=off",
    ],
    &[
        "-name",
        "plain",
        "-qmp",
        "unix:{DIR}/a.sock,server=on,wait=off",
    ],
];

/// What the command lines above decide.
const STATE_REQUESTS: &[&str] = &[
    r#"{"execute": "query-chardev"}"#,
    r#"{"execute": "query-name"}"#,
    r#"{"execute": "query-uuid"}"#,
    r#"{"execute": "query-yank"}"#,
    r#"{"execute": "query-status"}"#,
    r#"{"execute": "query-display-options"}"#,
    r#"{"execute": "query-iothreads"}"#,
    r#"{"execute": "human-monitor-command", "arguments": {"command-line": "info uuid"}}"#,
    r#"{"execute": "human-monitor-command", "arguments": {"command-line": "info name"}}"#,
    r#"{"execute": "chardev-remove", "arguments": {"id": "extra"}}"#,
    r#"{"execute": "ringbuf-read", "arguments": {"device": "lonely", "size": 1}}"#,
    r#"{"execute": "yank", "arguments": {"instances": [{"type": "chardev", "id": "nosuch"}]}}"#,
];

#[test]
fn command_line_state_as_real() {
    let jobs: Vec<(&str, &[&str])> = ["x86_64", "aarch64", "x86_64-microvm"]
        .iter()
        .flat_map(|t| COMMAND_LINES.iter().map(move |c| (*t, *c)))
        .collect();
    let results = parallel(jobs, 4, |(name, extra)| {
        let dir = TempDir::new(&format!("real-state-{name}"));
        let real_bin = PathBuf::from(format!("/usr/bin/qemu-system-{name}"));
        let mut out = Vec::new();
        let started =
            Monitor::start(&real_bin, &[], &dir.path().join("real"), extra).and_then(|real| {
                Monitor::start(
                    &binary(),
                    &["-target", name],
                    &dir.path().join("ours"),
                    extra,
                )
                .map(|ours| (real, ours))
            });
        let (mut real, mut ours) = match started {
            Ok(p) => p,
            Err(e) => return vec![format!("{name} {extra:?}: {e}")],
        };
        for req in STATE_REQUESTS {
            match (real.execute(req), ours.execute(req)) {
                (Ok(a), Ok(b)) if a == b => {}
                (Ok(a), Ok(b)) => out.push(format!("{name} {extra:?}\n{}", diff(req, &a, &b))),
                (a, b) => out.push(format!("{name} {req}: real {a:?}, ours {b:?}")),
            }
        }
        out
    });
    let failures: Vec<String> = results.into_iter().flatten().collect();
    assert!(
        failures.is_empty(),
        "replies differ from the real binaries:\n{}",
        failures.join("\n")
    );
}

/// The commands that walk the type table; `qom-list-types` loads every
/// module first, which grows the table of some binaries (loongarch64,
/// sparc64) and so changes the order they walk it in.
const TABLE_WALKS: &[&str] = &[
    "query-machines",
    "query-chardev-backends",
    "query-cpu-definitions",
    "query-command-line-options",
];

/// Each table walk before and after `qom-list-types` (and that command
/// itself in between) gives the real binary's reply, on every binary.
#[test]
fn type_table_walks_before_and_after_modules_load() {
    let results = parallel(debian_binaries(), 4, |name| {
        let dir = TempDir::new(&format!("real-walks-{name}"));
        let real_bin = PathBuf::from(format!("/usr/bin/qemu-system-{name}"));
        let started =
            Monitor::start(&real_bin, &[], &dir.path().join("real"), &[]).and_then(|real| {
                Monitor::start(&binary(), &["-target", name], &dir.path().join("ours"), &[])
                    .map(|ours| (real, ours))
            });
        let (mut real, mut ours) = match started {
            Ok(p) => p,
            Err(e) => return vec![format!("{name}: {e}")],
        };
        let walk = |state: &'static str| TABLE_WALKS.iter().map(move |c| (*c, state));
        let requests = walk("before")
            .chain([("qom-list-types", "")])
            .chain(walk("after"));
        let mut out = Vec::new();
        for (command, state) in requests {
            let req = format!(r#"{{"execute": "{command}"}}"#);
            match (real.execute(&req), ours.execute(&req)) {
                (Ok(a), Ok(b)) if a == b => {}
                // Listed in KNOWN: reported by the sweep.
                (Ok(_), Ok(_)) if known(name, command).is_some() => {}
                (Ok(a), Ok(b)) => out.push(format!("{name} {state}:\n{}", diff(&req, &a, &b))),
                (a, b) => out.push(format!("{name} {req}: real {a:?}, ours {b:?}")),
            }
        }
        out
    });
    let failures: Vec<String> = results.into_iter().flatten().collect();
    assert!(
        failures.is_empty(),
        "replies differ from the real binaries:\n{}",
        failures.join("\n")
    );
}
