//! What a target and build decide about an empty machine beyond the
//! schema's conditions: the Kconfig devices and optional libraries that
//! QEMU compiles in or leaves to stubs.  The one place of the model that
//! reads the target and build; every handler asks [`Facts`].

use qapi_defs::qemu::QemuConfig;
use qapi_defs::sym;

/// The target's and build's answers, computed once per configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    /// `CONFIG_MEM_DEVICE` (memory hotplug): `query-memory-size-summary`
    /// reports `plugged-memory` (the stub's size is -1: omitted).
    pub mem_device: bool,
    /// `win_dump_available()`: Windows dumps exist for `TARGET_X86_64`.
    pub win_dump: bool,
    /// `CONFIG_LZO` and `CONFIG_SNAPPY`: Debian builds without both.
    pub dump_lzo: bool,
    pub dump_snappy: bool,
    /// `CONFIG_HV_BALLOON`: the Hyper-V balloon of x86's full builds.
    pub hv_balloon: bool,
    /// Record/replay needs TCG (`replay` stubs otherwise).
    pub replay: bool,
    /// `CONFIG_SEV` and `CONFIG_SGX`: x86 in a build with the PC devices.
    pub sev: bool,
    pub sgx: bool,
    /// `CONFIG_VIRTIO`: some board of the target has a virtio transport
    /// (without, `hw/virtio` is the stubs: "Virtio is disabled").
    pub virtio: bool,
    /// `CONFIG_USB`: some board of the target has USB (without, the
    /// stubs answer "Support for USB devices not built-in").
    pub usb: bool,
    /// `CONFIG_CXL_MEM_DEVICE`: CXL type 3 devices (the ARM and PC
    /// boards of full builds); otherwise the stubs refuse every command.
    pub cxl: bool,
    /// `TARGET_PPC64`: the sPAPR code creates `/dr-connector` (its
    /// dynamic-reconfiguration connectors' container) at start-up, even
    /// for `-machine none`.
    pub drc_container: bool,
}

impl Facts {
    pub fn of(cfg: &QemuConfig) -> Facts {
        let has = |s: qapi_runtime::Sym| cfg.is_defined(&s);
        // Targets whose boards have neither virtio nor USB.
        let small = has(sym::TARGET_AVR)
            || has(sym::TARGET_MICROBLAZE)
            || has(sym::TARGET_RX)
            || has(sym::TARGET_TRICORE)
            || (has(sym::TARGET_SPARC) && !has(sym::TARGET_SPARC64));
        // Debian's microvm build is configured --without-default-devices
        // with microvm's own device list (no PC devices, no TCG).
        let full_devices = cfg.build.name != "debian-microvm";
        let x86 = has(sym::TARGET_I386);
        Facts {
            mem_device: has(sym::TARGET_ARM)
                || x86
                || has(sym::TARGET_LOONGARCH64)
                || has(sym::TARGET_PPC64)
                || has(sym::TARGET_S390X),
            win_dump: has(sym::TARGET_X86_64),
            dump_lzo: false,
            dump_snappy: false,
            hv_balloon: x86 && full_devices,
            replay: has(sym::CONFIG_TCG),
            sev: x86 && full_devices,
            sgx: x86 && full_devices,
            virtio: !small,
            usb: !small && !has(sym::TARGET_M68K),
            cxl: (has(sym::TARGET_ARM) || x86) && full_devices,
            drc_container: has(sym::TARGET_PPC64),
        }
    }
}
