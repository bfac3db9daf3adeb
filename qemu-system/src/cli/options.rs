//! QEMU 10.0's command-line options (`qemu-options.hx`): name, whether it
//! takes an argument, and the targets that have it.  This emulator's own
//! options (`-target`, `-build-config`, `-build-package`) are added.

/// `QEMU_ARCH_*` masks, as target symbols.
#[derive(Clone, Copy)]
pub enum Arch {
    All,
    /// Any of these `TARGET_*` symbols.
    Only(&'static [&'static str]),
}

pub struct Opt {
    pub name: &'static str,
    pub has_arg: bool,
    pub arch: Arch,
    /// A build symbol the option needs (`#ifdef` around its `DEF`).
    pub cond: Option<&'static str>,
}

const fn o(name: &'static str, has_arg: bool) -> Opt {
    Opt {
        name,
        has_arg,
        arch: Arch::All,
        cond: None,
    }
}

const fn arch(name: &'static str, has_arg: bool, targets: &'static [&'static str]) -> Opt {
    Opt {
        name,
        has_arg,
        arch: Arch::Only(targets),
        cond: None,
    }
}

const fn cond(name: &'static str, has_arg: bool, sym: &'static str) -> Opt {
    Opt {
        name,
        has_arg,
        arch: Arch::All,
        cond: Some(sym),
    }
}

const I386: &[&str] = &["TARGET_I386"];
const KVM_ARCHES: &[&str] = &[
    "TARGET_ARM",
    "TARGET_I386",
    "TARGET_MIPS",
    "TARGET_PPC",
    "TARGET_RISCV",
    "TARGET_S390X",
];
const XEN_ARCHES: &[&str] = &["TARGET_ARM", "TARGET_I386"];
const SEMIHOSTING: &[&str] = &[
    "TARGET_ARM",
    "TARGET_M68K",
    "TARGET_XTENSA",
    "TARGET_MIPS",
    "TARGET_RISCV",
];

pub static OPTIONS: &[Opt] = &[
    o("help", false),
    o("version", false),
    o("machine", true),
    o("M", true),
    o("cpu", true),
    o("accel", true),
    o("smp", true),
    o("numa", true),
    o("add-fd", true),
    o("set", true),
    o("global", true),
    o("boot", true),
    o("m", true),
    o("mem-path", true),
    o("mem-prealloc", false),
    o("k", true),
    o("audio", true),
    o("audiodev", true),
    o("device", true),
    o("name", true),
    o("uuid", true),
    o("fda", true),
    o("fdb", true),
    o("hda", true),
    o("hdb", true),
    o("hdc", true),
    o("hdd", true),
    o("cdrom", true),
    o("blockdev", true),
    o("drive", true),
    o("mtdblock", true),
    o("sd", true),
    o("snapshot", false),
    o("fsdev", true),
    o("virtfs", true),
    o("iscsi", true),
    o("usb", false),
    o("usbdevice", true),
    o("display", true),
    o("nographic", false),
    cond("spice", true, "CONFIG_SPICE"),
    o("vga", true),
    o("full-screen", false),
    arch("g", true, &["TARGET_PPC", "TARGET_SPARC", "TARGET_M68K"]),
    cond("vnc", true, "CONFIG_VNC"),
    arch("win2k-hack", false, I386),
    arch("no-fd-bootchk", false, I386),
    arch("acpitable", true, I386),
    arch(
        "smbios",
        true,
        &[
            "TARGET_I386",
            "TARGET_ARM",
            "TARGET_LOONGARCH64",
            "TARGET_RISCV",
        ],
    ),
    o("netdev", true),
    o("nic", true),
    o("net", true),
    o("chardev", true),
    cond("tpmdev", true, "CONFIG_TPM"),
    o("bios", true),
    o("pflash", true),
    o("kernel", true),
    o("shim", true),
    o("append", true),
    o("initrd", true),
    o("dtb", true),
    o("compat", true),
    o("fw_cfg", true),
    o("serial", true),
    o("parallel", true),
    o("monitor", true),
    o("qmp", true),
    o("qmp-pretty", true),
    o("mon", true),
    o("debugcon", true),
    o("pidfile", true),
    o("preconfig", false),
    o("S", false),
    o("overcommit", true),
    o("gdb", true),
    o("s", false),
    o("d", true),
    o("D", true),
    o("dfilter", true),
    o("seed", true),
    o("L", true),
    arch("enable-kvm", false, KVM_ARCHES),
    arch("xen-domid", true, XEN_ARCHES),
    arch("xen-attach", false, XEN_ARCHES),
    arch("xen-domid-restrict", false, XEN_ARCHES),
    o("no-reboot", false),
    o("no-shutdown", false),
    o("action", true),
    o("loadvm", true),
    o("daemonize", false),
    o("option-rom", true),
    o("rtc", true),
    o("icount", true),
    o("watchdog-action", true),
    o("echr", true),
    o("incoming", true),
    o("only-migratable", false),
    o("nodefaults", false),
    arch("prom-env", true, &["TARGET_PPC", "TARGET_SPARC"]),
    arch("semihosting", false, SEMIHOSTING),
    arch("semihosting-config", true, SEMIHOSTING),
    arch("old-param", false, &["TARGET_ARM"]),
    o("sandbox", true),
    o("readconfig", true),
    o("no-user-config", false),
    o("trace", true),
    o("plugin", true),
    o("qtest", true),
    o("qtest-log", true),
    cond("run-with", true, "CONFIG_POSIX"),
    o("msg", true),
    o("dump-vmstate", true),
    o("enable-sync-profile", false),
    cond("perfmap", false, "CONFIG_TCG"),
    cond("jitdump", false, "CONFIG_TCG"),
    o("object", true),
    // This emulator's own options.
    o("target", true),
    o("build-config", true),
    o("build-package", true),
];

/// Looks an option up by name (without dashes).
pub fn find(name: &str, defined: &dyn Fn(&str) -> bool) -> Option<&'static Opt> {
    OPTIONS
        .iter()
        .find(|o| o.name == name && o.cond.is_none_or(defined))
}
