//! `qdev.json`, `qom.json`'s `object-del` and `virtio.json`: looking up a
//! device, a user-created object or a virtio device by id or path in a
//! tree that has none of them.

use qapi_defs::{
    device_del, device_sync_config, object_del, x_query_virtio, x_query_virtio_queue_element,
    x_query_virtio_queue_status, x_query_virtio_status, x_query_virtio_vhost_queue_status,
};
use qapi_runtime::{Error, ErrorClass, Handlers};

use crate::machine::NoneMachine;

pub fn register(h: &mut Handlers<NoneMachine>) {
    h.add::<device_del>(|m, a| Err(find_device_state(m, &a.id, ErrorClass::DeviceNotFound)));
    h.add::<device_sync_config>(|m, a| Err(find_device_state(m, &a.id, ErrorClass::GenericError)));
    // user_creatable_del: /objects holds nothing.
    h.add::<object_del>(|_, a| Err(Error::generic(format!("object '{}' not found", a.id))));
    // qmp_find_virtio_device: no realized virtio device (or, without
    // virtio in the target, the stubs).
    h.add::<x_query_virtio>(|m, _| Err(virtio(m, "No virtio devices found".to_owned())));
    h.add::<x_query_virtio_status>(|m, a| {
        Err(virtio(
            m,
            format!("Path {} is not a realized VirtIODevice", a.path),
        ))
    });
    h.add::<x_query_virtio_queue_status>(|m, a| {
        Err(virtio(m, format!("Path {} is not a VirtIODevice", a.path)))
    });
    h.add::<x_query_virtio_vhost_queue_status>(|m, a| {
        Err(virtio(m, format!("Path {} is not a VirtIODevice", a.path)))
    });
    h.add::<x_query_virtio_queue_element>(|m, a| {
        Err(virtio(m, format!("Path {} is not a VirtIO device", a.path)))
    });
}

fn virtio(m: &NoneMachine, msg: String) -> Error {
    if m.target().virtio {
        Error::generic(msg)
    } else {
        Error::generic("Virtio is disabled")
    }
}

/// `find_device_state`: an absolute path, or an id under
/// `/machine/peripheral` (empty components count for nothing, so `""`
/// names the container itself); the empty machine has objects but no
/// device.
fn find_device_state(m: &NoneMachine, id: &str, class: ErrorClass) -> Error {
    let path = if id.starts_with('/') {
        id.to_owned()
    } else {
        format!("/machine/peripheral/{id}")
    };
    if matches!(m.qom.resolve(&path), Ok(Some(_))) {
        return Error::generic(format!("{id} is not a device"));
    }
    Error::new(class, format!("Device '{id}' not found"))
}
