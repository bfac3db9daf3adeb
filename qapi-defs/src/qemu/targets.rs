//! QEMU 10.0's system targets, Debian's alias names and build variants.

/// A QEMU system target (`configs/targets/<name>-softmmu.mak`).
#[derive(Debug, PartialEq, Eq)]
pub struct Target {
    /// The binary suffix (`qemu-system-<name>`), also what `query-target` reports.
    pub name: &'static str,
    /// `TARGET_ARCH` of the target's `.mak` file.
    pub arch: &'static str,
    /// `TARGET_BASE_ARCH`, where the `.mak` file sets one.
    pub base_arch: Option<&'static str>,
    /// The host architecture families whose KVM can run this target.
    pub kvm_hosts: &'static [&'static str],
}

impl Target {
    /// The target's `TARGET_*` symbol names: `TARGET_<ARCH>` and `TARGET_<BASE_ARCH>`.
    pub fn target_symbols(&self) -> Vec<String> {
        let mut v = vec![format!("TARGET_{}", self.arch.to_ascii_uppercase())];
        if let Some(b) = self.base_arch {
            v.push(format!("TARGET_{}", b.to_ascii_uppercase()));
        }
        v
    }

    /// Every name a binary can have: targets, aliases, build variants.
    pub fn names() -> Vec<&'static str> {
        let mut v: Vec<&'static str> = TARGETS.iter().map(|t| t.name).collect();
        v.extend(ALIASES.iter().map(|(a, _)| *a));
        v.extend(BUILD_VARIANTS.iter().map(|(n, _, _)| *n));
        v.sort_unstable();
        v
    }

    /// Looks a target up by binary suffix or Debian alias.
    pub fn find(name: &str) -> Option<&'static Target> {
        let name = ALIASES
            .iter()
            .find(|(alias, _)| *alias == name)
            .map_or(name, |(_, real)| real);
        TARGETS.iter().find(|t| t.name == name)
    }
}

const NONE: &[&str] = &[];

macro_rules! target {
    ($name:literal, $arch:literal, $base:expr, $kvm:expr) => {
        Target {
            name: $name,
            arch: $arch,
            base_arch: $base,
            kvm_hosts: $kvm,
        }
    };
}

/// Every system target of QEMU 10.0 (`configs/targets/*-softmmu.mak`).
///
/// `kvm_hosts` follows `meson.build`'s `kvm_targets`: a target gets
/// `CONFIG_KVM` when the build host's CPU (meson's `cpu`) is listed.
pub static TARGETS: &[Target] = &[
    target!("aarch64", "aarch64", Some("arm"), &["aarch64"]),
    target!("alpha", "alpha", None, NONE),
    target!("arm", "arm", None, NONE),
    target!("avr", "avr", None, NONE),
    target!("hppa", "hppa", None, NONE),
    target!("i386", "i386", None, &["x86", "x86_64"]),
    target!(
        "loongarch64",
        "loongarch64",
        Some("loongarch"),
        &["loongarch64"]
    ),
    target!("m68k", "m68k", None, NONE),
    target!("microblaze", "microblaze", None, NONE),
    target!("microblazeel", "microblaze", None, NONE),
    target!("mips", "mips", None, &["mips", "mips64"]),
    target!("mips64", "mips64", Some("mips"), &["mips64"]),
    target!("mips64el", "mips64", Some("mips"), &["mips64"]),
    target!("mipsel", "mips", None, &["mips", "mips64"]),
    target!("or1k", "openrisc", None, NONE),
    target!("ppc", "ppc", None, &["ppc", "ppc64"]),
    target!("ppc64", "ppc64", Some("ppc"), &["ppc64"]),
    target!("riscv32", "riscv32", Some("riscv"), &["riscv32"]),
    target!("riscv64", "riscv64", Some("riscv"), &["riscv64"]),
    target!("rx", "rx", None, NONE),
    target!("s390x", "s390x", None, &["s390x"]),
    target!("sh4", "sh4", None, NONE),
    target!("sh4eb", "sh4", None, NONE),
    target!("sparc", "sparc", None, NONE),
    target!("sparc64", "sparc64", Some("sparc"), NONE),
    target!("tricore", "tricore", None, NONE),
    target!("x86_64", "x86_64", Some("i386"), &["x86_64"]),
    target!("xtensa", "xtensa", None, NONE),
    target!("xtensaeb", "xtensa", None, NONE),
];

/// Debian's alternative binary names (symlinks to another target's binary).
pub static ALIASES: &[(&str, &str)] = &[
    ("amd64", "x86_64"),
    ("arm64", "aarch64"),
    ("armel", "arm"),
    ("armhf", "arm"),
    ("loong64", "loongarch64"),
    ("powerpc", "ppc"),
    ("ppc64el", "ppc64"),
    ("ppc64le", "ppc64"),
];

/// Binaries that are a known target built differently (Debian's
/// `qemu-system-x86_64-microvm` is x86_64 from the `debian-microvm` build).
pub static BUILD_VARIANTS: &[(&str, &str, &str)] =
    &[("x86_64-microvm", "x86_64", "debian-microvm")];
