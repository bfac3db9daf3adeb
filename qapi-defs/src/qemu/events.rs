//! The events QEMU rate-limits (`monitor_qapi_event_conf` in
//! `monitor/monitor.c`), for the runtime's event sink.

use qapi_runtime::server::events::Throttled;

/// Events QEMU limits to one per second, and the data member that tells
/// instances apart (`qapi_event_throttle_hash`).
pub static THROTTLED: &[Throttled] = &[
    Throttled::new("RTC_CHANGE", None),
    Throttled::new("BLOCK_IO_ERROR", Some("qom-path")),
    Throttled::new("WATCHDOG", None),
    Throttled::new("BALLOON_CHANGE", None),
    Throttled::new("QUORUM_REPORT_BAD", Some("node-name")),
    Throttled::new("QUORUM_FAILURE", None),
    Throttled::new("VSERPORT_CHANGE", Some("id")),
    Throttled::new("MEMORY_DEVICE_SIZE_CHANGE", Some("qom-path")),
    Throttled::new("HV_BALLOON_STATUS_REPORT", None),
];
