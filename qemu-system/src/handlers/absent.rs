//! Commands naming something an empty machine does not have: a job, a
//! block job, a block node or export, a dirty bitmap's node, a chardev,
//! a net client.  QEMU looks the name up before anything else and fails
//! the same way whatever the other arguments are.

use qapi_defs::{
    block_commit, block_dirty_bitmap_add, block_dirty_bitmap_clear, block_dirty_bitmap_disable,
    block_dirty_bitmap_enable, block_dirty_bitmap_merge, block_dirty_bitmap_remove,
    block_export_add, block_export_del, block_job_cancel, block_job_change, block_job_complete,
    block_job_dismiss, block_job_finalize, block_job_pause, block_job_resume, block_job_set_speed,
    block_latency_histogram_set, block_resize, block_set_io_throttle, block_set_write_threshold,
    block_stream, blockdev_backup, blockdev_change_medium, blockdev_close_tray, blockdev_del,
    blockdev_insert_medium, blockdev_mirror, blockdev_open_tray, blockdev_remove_medium,
    blockdev_snapshot, blockdev_snapshot_delete_internal_sync, blockdev_snapshot_internal_sync,
    blockdev_snapshot_sync, change_backing_file, chardev_remove, chardev_send_break, drive_backup,
    drive_mirror, job_cancel, job_complete, job_dismiss, job_finalize, job_pause, job_resume,
    nbd_server_add, nbd_server_remove, netdev_del, ringbuf_read, ringbuf_write, set_link,
    x_blockdev_amend, x_blockdev_change, x_blockdev_set_iothread,
    x_debug_block_dirty_bitmap_sha256,
};
use qapi_runtime::{Error, ErrorClass, Handlers};

use crate::machine::NoneMachine;

/// `find_job_locked` (`job-qmp.c`).
fn no_job() -> Error {
    Error::generic("Job not found")
}

/// `find_block_job_locked` (`blockjob.c` via `blockdev.c`).
fn no_block_job(id: &str) -> Error {
    Error::new(
        ErrorClass::DeviceNotActive,
        format!("Block job '{id}' not found"),
    )
}

/// `bdrv_lookup_bs` with an error pointer.
fn no_device_nor_node(device: Option<&str>, node: Option<&str>) -> Error {
    Error::generic(format!(
        "Cannot find device='{}' nor node-name='{}'",
        device.unwrap_or(""),
        node.unwrap_or("")
    ))
}

/// `block_dirty_bitmap_lookup`: the node first.
fn no_bitmap_node(node: &str) -> Error {
    Error::generic(format!("Node '{node}' not found"))
}

/// `bdrv_find_node` in `blockdev-del` and `x-blockdev-set-iothread`.
fn no_node_name(node: &str) -> Error {
    Error::generic(format!("Failed to find node with node-name='{node}'"))
}

/// `blk_exp_find` in `block-export-del`.
fn no_export(id: &str) -> Error {
    Error::generic(format!("Export '{id}' is not found"))
}

/// No net client: `qemu_find_netdev` and `qemu_find_net_clients_except`.
fn no_net_client(name: &str) -> Error {
    Error::device_not_found(format!("Device '{name}' not found"))
}

pub fn register(h: &mut Handlers<NoneMachine>) {
    h.add::<job_pause>(|_, _| Err(no_job()));
    h.add::<job_resume>(|_, _| Err(no_job()));
    h.add::<job_cancel>(|_, _| Err(no_job()));
    h.add::<job_complete>(|_, _| Err(no_job()));
    h.add::<job_dismiss>(|_, _| Err(no_job()));
    h.add::<job_finalize>(|_, _| Err(no_job()));

    h.add::<block_job_set_speed>(|_, a| Err(no_block_job(&a.device)));
    h.add::<block_job_cancel>(|_, a| Err(no_block_job(&a.device)));
    h.add::<block_job_pause>(|_, a| Err(no_block_job(&a.device)));
    h.add::<block_job_resume>(|_, a| Err(no_block_job(&a.device)));
    h.add::<block_job_complete>(|_, a| Err(no_block_job(&a.device)));
    h.add::<block_job_dismiss>(|_, a| Err(no_block_job(&a.id)));
    h.add::<block_job_finalize>(|_, a| Err(no_block_job(&a.id)));
    h.add::<block_job_change>(|_, a| Err(no_block_job(&a.id)));

    h.add::<block_resize>(|_, a| {
        Err(no_device_nor_node(
            a.device.as_deref(),
            a.node_name.as_deref(),
        ))
    });
    // block_dirty_bitmap_add checks the name before the lookup.
    h.add::<block_dirty_bitmap_add>(|_, a| {
        if a.name.is_empty() {
            return Err(Error::generic("Bitmap name cannot be empty"));
        }
        Err(no_device_nor_node(Some(&a.node), Some(&a.node)))
    });
    h.add::<block_dirty_bitmap_remove>(|_, a| Err(no_bitmap_node(&a.node)));
    h.add::<block_dirty_bitmap_clear>(|_, a| Err(no_bitmap_node(&a.node)));
    h.add::<block_dirty_bitmap_enable>(|_, a| Err(no_bitmap_node(&a.node)));
    h.add::<block_dirty_bitmap_disable>(|_, a| Err(no_bitmap_node(&a.node)));
    h.add::<block_dirty_bitmap_merge>(|_, a| Err(no_bitmap_node(&a.node)));
    h.add::<x_debug_block_dirty_bitmap_sha256>(|_, a| Err(no_bitmap_node(&a.node)));
    h.add::<blockdev_del>(|_, a| Err(no_node_name(&a.node_name)));
    h.add::<x_blockdev_set_iothread>(|_, a| Err(no_node_name(&a.node_name)));
    h.add::<block_set_write_threshold>(|_, a| {
        Err(Error::generic(format!(
            "Device '{}' not found",
            a.node_name
        )))
    });
    h.add::<block_export_del>(|_, a| Err(no_export(&a.id)));
    h.add::<nbd_server_remove>(|_, a| Err(no_export(&a.name)));

    // qmp_get_blk / blk_by_name / find_device_state: no drive and no
    // device exist.
    h.add::<blockdev_open_tray>(|_, a| Err(no_blk(a.device, a.id)));
    h.add::<blockdev_close_tray>(|_, a| Err(no_blk(a.device, a.id)));
    h.add::<blockdev_change_medium>(|_, a| Err(no_blk(a.device, a.id)));
    h.add::<block_set_io_throttle>(|_, a| Err(no_blk(a.device, a.id)));
    h.add::<blockdev_remove_medium>(|_, a| Err(no_device(&a.id)));
    h.add::<blockdev_insert_medium>(|_, a| Err(no_device(&a.id)));
    h.add::<block_latency_histogram_set>(|_, a| Err(no_device(&a.id)));
    h.add::<block_commit>(|_, a| Err(no_device(&a.device)));
    // qmp_block_stream checks its exclusive options, then the device.
    h.add::<block_stream>(|_, a| {
        let pairs = [
            (
                a.base.is_some() && a.base_node.is_some(),
                "'base' and 'base-node'",
            ),
            (
                a.base.is_some() && a.bottom.is_some(),
                "'base' and 'bottom'",
            ),
            (
                a.bottom.is_some() && a.base_node.is_some(),
                "'bottom' and 'base-node'",
            ),
        ];
        if let Some((_, what)) = pairs.iter().find(|(both, _)| *both) {
            return Err(Error::generic(format!(
                "{what} cannot be specified at the same time"
            )));
        }
        Err(no_device_nor_node(Some(&a.device), Some(&a.device)))
    });
    // The root node lookups (bdrv_lookup_bs(device, device)).
    h.add::<drive_backup>(|_, a| Err(root(&a.base.device)));
    h.add::<blockdev_backup>(|_, a| Err(root(&a.base.device)));
    h.add::<drive_mirror>(|_, a| Err(root(&a.device)));
    h.add::<blockdev_mirror>(|_, a| Err(root(&a.device)));
    h.add::<change_backing_file>(|_, a| Err(root(&a.device)));
    h.add::<nbd_server_add>(|_, a| Err(root(&a.device)));
    h.add::<x_blockdev_change>(|_, a| Err(root(&a.parent)));
    h.add::<blockdev_snapshot_internal_sync>(|_, a| Err(root(&a.device)));
    h.add::<blockdev_snapshot_delete_internal_sync>(|_, a| Err(root(&a.device)));
    h.add::<blockdev_snapshot>(|_, a| Err(root(&a.node)));
    h.add::<blockdev_snapshot_sync>(|_, a| {
        Err(no_device_nor_node(
            a.device.as_deref(),
            a.node_name.as_deref(),
        ))
    });
    h.add::<x_blockdev_amend>(|_, a| Err(no_device_nor_node(None, Some(&a.node_name))));
    // blk_exp_add: the id's form, then the node.
    h.add::<block_export_add>(|_, a| {
        if !id_wellformed(&a.id) {
            return Err(Error::generic("Invalid block export id"));
        }
        Err(no_device_nor_node(None, Some(&a.node_name)))
    });

    h.add::<netdev_del>(|_, a| Err(no_net_client(&a.id)));
    h.add::<set_link>(|_, a| Err(no_net_client(&a.name)));

    // Chardevs exist (the monitors'); none is a ring buffer, and every
    // one has a frontend.
    h.add::<chardev_send_break>(|m, a| {
        if m.chardevs.iter().any(|c| c.id == a.id) {
            return Ok(());
        }
        Err(Error::generic(format!("Chardev '{}' not found", a.id)))
    });
    h.add::<chardev_remove>(|m, a| match m.chardevs.iter().find(|c| c.id == a.id) {
        None => Err(Error::generic(format!("Chardev '{}' not found", a.id))),
        Some(c) if c.frontend => Err(Error::generic(format!("Chardev '{}' is busy", a.id))),
        Some(_) => Err(Error::generic(
            "The command chardev-remove is not implemented by this emulator",
        )),
    });
    h.add::<ringbuf_write>(|m, a| Err(not_ringbuf(m, &a.device)));
    h.add::<ringbuf_read>(|m, a| Err(not_ringbuf(m, &a.device)));
}

/// `qmp_get_blk`: exactly one of the two names, then the lookup fails.
fn no_blk(device: Option<String>, id: Option<String>) -> Error {
    match (device, id) {
        (Some(name), None) | (None, Some(name)) => no_device(&name),
        _ => Error::generic("Need exactly one of 'device' and 'id'"),
    }
}

/// A drive or device looked up by name.
fn no_device(name: &str) -> Error {
    Error::device_not_found(format!("Device '{name}' not found"))
}

/// `bdrv_lookup_bs(name, name)` (`qmp_get_root_bs`).
fn root(name: &str) -> Error {
    no_device_nor_node(Some(name), Some(name))
}

/// `id_wellformed` (`util/id.c`): a letter, then letters, digits, `-._`.
pub fn id_wellformed(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
}

/// `qmp_ringbuf_write`/`_read`: the lookup, then the backend's type.
fn not_ringbuf(m: &NoneMachine, device: &str) -> Error {
    if m.chardevs.iter().any(|c| c.id == device) {
        Error::generic(format!("{device} is not a ringbuf device"))
    } else {
        Error::generic(format!("Device '{device}' not found"))
    }
}
