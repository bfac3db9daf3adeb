//! The QAPI module `qdev.json`.

use crate::prelude::*;

qapi::module!("qdev");

#[qapi::command]
pub fn device_list_properties(typename: String) -> Result<Vec<ObjectPropertyInfo>>;

#[qapi::command(name = "device_add", features = [json_cli, json_cli_hotplug], gen = false, pragma(command_name_exception))]
pub fn device_add(driver: String, bus: Option<String>, id: Option<String>) -> Result<()>;

#[qapi::command(name = "device_del", pragma(command_name_exception))]
pub fn device_del(id: String) -> Result<()>;

#[qapi::event]
pub struct DeviceDeleted {
    pub device: Option<String>,
    pub path: String,
}

#[qapi::event]
pub struct DeviceUnplugGuestError {
    pub device: Option<String>,
    pub path: String,
}

#[qapi::command(features = [unstable])]
pub fn device_sync_config(id: String) -> Result<()>;
