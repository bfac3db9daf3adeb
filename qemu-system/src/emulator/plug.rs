//! How `device_add` takes a device type (`qdev_get_device_class` and the
//! bus lookup of `qdev_device_add_from_qdict`, system/qdev-monitor.c), and
//! QEMU's driver aliases.

use super::data::plug::DEVICE_PLUG;

/// What a device type's class says about plugging it in by hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plug {
    /// `!user_creatable || !hotpluggable` once the machine is ready.
    NotUserPluggable,
    /// A sysbus device: the machine must allow it as a dynamic one.
    Sysbus,
    /// Goes on a bus of this type (`DeviceClass.bus_type`).
    Bus(&'static str),
    /// No bus: the machine's hotplug handler must take it.
    BusLess,
    /// No bus, and its own hotplug check refuses.
    NoHotplug,
}

/// How `device_add` takes the (non-abstract) device type `name`.
pub fn plug_of(name: &str) -> Option<Plug> {
    DEVICE_PLUG
        .binary_search_by(|(n, _)| n.as_bytes().cmp(name.as_bytes()))
        .ok()
        .map(|i| DEVICE_PLUG[i].1)
}

/// `QEMU_ARCH_VIRTIO_PCI`, `_CCW`, `_MMIO`: the default virtio transport
/// (10.0's PCI mask includes OpenRISC, as the real or1k binary shows).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Transport {
    Pci,
    Ccw,
    Mmio,
}

fn transport(target: &str) -> Option<Transport> {
    match target {
        "alpha" | "arm" | "aarch64" | "hppa" | "i386" | "x86_64" | "mips" | "mipsel" | "mips64"
        | "mips64el" | "ppc" | "ppc64" | "riscv32" | "riscv64" | "sh4" | "sh4eb" | "sparc"
        | "sparc64" | "xtensa" | "xtensaeb" | "loongarch64" | "or1k" => Some(Transport::Pci),
        "s390x" => Some(Transport::Ccw),
        "m68k" => Some(Transport::Mmio),
        _ => None,
    }
}

/// `qdev_alias_table`: (typename, alias, transport it needs).
const ALIASES: &[(&str, &str, Option<Transport>)] = {
    use Transport::{Ccw, Mmio, Pci};
    &[
        ("AC97", "ac97", None),
        ("e1000", "e1000-82540em", None),
        ("ES1370", "es1370", None),
        ("ich9-ahci", "ahci", None),
        ("lsi53c895a", "lsi", None),
        ("virtio-9p-device", "virtio-9p", Some(Mmio)),
        ("virtio-9p-ccw", "virtio-9p", Some(Ccw)),
        ("virtio-9p-pci", "virtio-9p", Some(Pci)),
        ("virtio-balloon-device", "virtio-balloon", Some(Mmio)),
        ("virtio-balloon-ccw", "virtio-balloon", Some(Ccw)),
        ("virtio-balloon-pci", "virtio-balloon", Some(Pci)),
        ("virtio-blk-device", "virtio-blk", Some(Mmio)),
        ("virtio-blk-ccw", "virtio-blk", Some(Ccw)),
        ("virtio-blk-pci", "virtio-blk", Some(Pci)),
        ("virtio-gpu-device", "virtio-gpu", Some(Mmio)),
        ("virtio-gpu-ccw", "virtio-gpu", Some(Ccw)),
        ("virtio-gpu-pci", "virtio-gpu", Some(Pci)),
        ("virtio-gpu-gl-device", "virtio-gpu-gl", Some(Mmio)),
        ("virtio-gpu-gl-pci", "virtio-gpu-gl", Some(Pci)),
        (
            "virtio-gpu-rutabaga-device",
            "virtio-gpu-rutabaga",
            Some(Mmio),
        ),
        ("virtio-gpu-rutabaga-pci", "virtio-gpu-rutabaga", Some(Pci)),
        ("virtio-input-host-device", "virtio-input-host", Some(Mmio)),
        ("virtio-input-host-ccw", "virtio-input-host", Some(Ccw)),
        ("virtio-input-host-pci", "virtio-input-host", Some(Pci)),
        ("virtio-iommu-pci", "virtio-iommu", Some(Pci)),
        ("virtio-keyboard-device", "virtio-keyboard", Some(Mmio)),
        ("virtio-keyboard-ccw", "virtio-keyboard", Some(Ccw)),
        ("virtio-keyboard-pci", "virtio-keyboard", Some(Pci)),
        ("virtio-mouse-device", "virtio-mouse", Some(Mmio)),
        ("virtio-mouse-ccw", "virtio-mouse", Some(Ccw)),
        ("virtio-mouse-pci", "virtio-mouse", Some(Pci)),
        ("virtio-net-device", "virtio-net", Some(Mmio)),
        ("virtio-net-ccw", "virtio-net", Some(Ccw)),
        ("virtio-net-pci", "virtio-net", Some(Pci)),
        ("virtio-rng-device", "virtio-rng", Some(Mmio)),
        ("virtio-rng-ccw", "virtio-rng", Some(Ccw)),
        ("virtio-rng-pci", "virtio-rng", Some(Pci)),
        ("virtio-scsi-device", "virtio-scsi", Some(Mmio)),
        ("virtio-scsi-ccw", "virtio-scsi", Some(Ccw)),
        ("virtio-scsi-pci", "virtio-scsi", Some(Pci)),
        ("virtio-serial-device", "virtio-serial", Some(Mmio)),
        ("virtio-serial-ccw", "virtio-serial", Some(Ccw)),
        ("virtio-serial-pci", "virtio-serial", Some(Pci)),
        ("virtio-tablet-device", "virtio-tablet", Some(Mmio)),
        ("virtio-tablet-ccw", "virtio-tablet", Some(Ccw)),
        ("virtio-tablet-pci", "virtio-tablet", Some(Pci)),
    ]
};

/// `find_typename_by_alias` on `target`.
pub fn typename_by_alias(target: &str, alias: &str) -> Option<&'static str> {
    let here = transport(target);
    ALIASES
        .iter()
        .filter(|(_, _, t)| t.is_none() || *t == here)
        .find(|(_, a, _)| *a == alias)
        .map(|(t, _, _)| *t)
}
