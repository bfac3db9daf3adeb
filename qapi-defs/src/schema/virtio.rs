//! The QAPI module `virtio.json`.

use crate::prelude::*;

qapi::module!("virtio");

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct VirtioInfo {
    pub path: String,
    pub name: String,
}

#[qapi::command(features = [unstable])]
pub fn x_query_virtio() -> Result<Vec<VirtioInfo>>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct VhostStatus {
    pub n_mem_sections: i64,
    pub n_tmp_sections: i64,
    pub nvqs: u32,
    pub vq_index: i64,
    pub features: VirtioDeviceFeatures,
    pub acked_features: VirtioDeviceFeatures,
    pub backend_features: VirtioDeviceFeatures,
    pub protocol_features: VhostDeviceProtocols,
    pub max_queues: u64,
    pub backend_cap: u64,
    pub log_enabled: bool,
    pub log_size: u64,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct VirtioStatus {
    pub name: String,
    pub device_id: u16,
    pub vhost_started: bool,
    pub device_endian: String,
    pub guest_features: VirtioDeviceFeatures,
    pub host_features: VirtioDeviceFeatures,
    pub backend_features: VirtioDeviceFeatures,
    pub num_vqs: i64,
    pub status: VirtioDeviceStatus,
    pub isr: u8,
    pub queue_sel: u16,
    pub vm_running: bool,
    pub broken: bool,
    pub disabled: bool,
    pub use_started: bool,
    pub started: bool,
    pub start_on_kick: bool,
    pub disable_legacy_check: bool,
    pub bus_name: String,
    pub use_guest_notifier_mask: bool,
    pub vhost_dev: Option<VhostStatus>,
}

#[qapi::command(features = [unstable])]
pub fn x_query_virtio_status(path: String) -> Result<VirtioStatus>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct VirtioDeviceStatus {
    pub statuses: Vec<String>,
    pub unknown_statuses: Option<u8>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct VhostDeviceProtocols {
    pub protocols: Vec<String>,
    pub unknown_protocols: Option<u64>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct VirtioDeviceFeatures {
    pub transports: Vec<String>,
    pub dev_features: Option<Vec<String>>,
    pub unknown_dev_features: Option<u64>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct VirtQueueStatus {
    pub name: String,
    pub queue_index: u16,
    pub inuse: u32,
    pub vring_num: u32,
    pub vring_num_default: u32,
    pub vring_align: u32,
    pub vring_desc: u64,
    pub vring_avail: u64,
    pub vring_used: u64,
    pub last_avail_idx: Option<u16>,
    pub shadow_avail_idx: Option<u16>,
    pub used_idx: u16,
    pub signalled_used: u16,
    pub signalled_used_valid: bool,
}

#[qapi::command(features = [unstable])]
pub fn x_query_virtio_queue_status(path: String, queue: u16) -> Result<VirtQueueStatus>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct VirtVhostQueueStatus {
    pub name: String,
    pub kick: i64,
    pub call: i64,
    pub desc: u64,
    pub avail: u64,
    pub used: u64,
    pub num: i64,
    pub desc_phys: u64,
    pub desc_size: u32,
    pub avail_phys: u64,
    pub avail_size: u32,
    pub used_phys: u64,
    pub used_size: u32,
}

#[qapi::command(features = [unstable])]
pub fn x_query_virtio_vhost_queue_status(path: String, queue: u16) -> Result<VirtVhostQueueStatus>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct VirtioRingDesc {
    pub addr: u64,
    pub len: u32,
    pub flags: Vec<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct VirtioRingAvail {
    pub flags: u16,
    pub idx: u16,
    pub ring: u16,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct VirtioRingUsed {
    pub flags: u16,
    pub idx: u16,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct VirtioQueueElement {
    pub name: String,
    pub index: u32,
    pub descs: Vec<VirtioRingDesc>,
    pub avail: VirtioRingAvail,
    pub used: VirtioRingUsed,
}

#[qapi::command(features = [unstable])]
pub fn x_query_virtio_queue_element(
    path: String,
    queue: u16,
    index: Option<u16>,
) -> Result<VirtioQueueElement>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct IOThreadVirtQueueMapping {
    pub iothread: String,
    pub vqs: Option<Vec<u16>>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct DummyVirtioForceArrays {
    pub unused_iothread_vq_mapping: Vec<IOThreadVirtQueueMapping>,
}

#[qapi::enumeration]
pub enum GranuleMode {
    #[qapi(name = "4k")]
    V4k,
    #[qapi(name = "8k")]
    V8k,
    #[qapi(name = "16k")]
    V16k,
    #[qapi(name = "64k")]
    V64k,
    Host,
}

#[qapi::enumeration]
pub enum VMAppleVirtioBlkVariant {
    Unspecified,
    Root,
    Aux,
}
