//! Run-time configuration: which QEMU binary we are.
//!
//! A [`Config`] is a target (with the `TARGET_*` and accelerator symbols
//! it defines), a build (its host/build symbols and package string) and a
//! `-compat` policy.  Every condition of the schema is evaluated against it.
//! The default build imitates Debian's QEMU 10.0.2 on an x86_64 host.

use std::collections::BTreeSet;
use std::fmt;

use crate::pred::{Pred, Sym, SymClass};

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
    /// The target's `TARGET_*` symbols: `TARGET_<ARCH>` and `TARGET_<BASE_ARCH>`.
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

/// A QEMU build: its host/build symbols and how it identifies itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Build {
    pub name: String,
    /// Defined host/build symbols (never `TARGET_*` or `CONFIG_KVM`).
    pub symbols: BTreeSet<&'static str>,
    /// The CPU family of the host the build imitates (decides `CONFIG_KVM`).
    pub host_cpu: &'static str,
    /// `package` of the greeting and `query-version`.
    pub package: String,
    pub version: (u32, u32, u32),
}

/// Debian's package string of QEMU 10.0.2 from bookworm-backports.
pub const DEBIAN_PACKAGE: &str = "Debian 1:10.0.2+ds-2+deb13u1~bpo12+1";

/// The host/build symbols of Debian's `qemu-system-*` 10.0.2 (amd64).
pub const DEBIAN_SYMBOLS: &[&str] = &[
    "CONFIG_AUDIO_ALSA",
    "CONFIG_AUDIO_JACK",
    "CONFIG_AUDIO_OSS",
    "CONFIG_AUDIO_PA",
    "CONFIG_AUDIO_PIPEWIRE",
    "CONFIG_AUDIO_SDL",
    "CONFIG_BRLAPI",
    "CONFIG_CURSES",
    "CONFIG_DBUS_DISPLAY",
    "CONFIG_EBPF",
    "CONFIG_FDT",
    "CONFIG_FUSE",
    "CONFIG_GTK",
    "CONFIG_LIBPMEM",
    "CONFIG_LINUX",
    "CONFIG_LINUX_IO_URING",
    "CONFIG_OPENGL",
    "CONFIG_PIXMAN",
    "CONFIG_POSIX",
    "CONFIG_REPLICATION",
    "CONFIG_SDL",
    "CONFIG_SECRET_KEYRING",
    "CONFIG_SPICE",
    "CONFIG_SPICE_PROTOCOL",
    "CONFIG_TCG",
    "CONFIG_TPM",
    "CONFIG_VDUSE_BLK_EXPORT",
    "CONFIG_VHOST_CRYPTO",
    "CONFIG_VHOST_USER_BLK_SERVER",
    "CONFIG_VNC",
    "CONFIG_ZSTD",
    "HAVE_CHARDEV_PARALLEL",
    "HAVE_CHARDEV_SERIAL",
    "HAVE_HOST_BLOCK_DEVICE",
    "HAVE_IPPROTO_MPTCP",
];

/// The host/build symbols of Debian's cut-down `qemu-system-x86_64-microvm`.
pub const DEBIAN_MICROVM_SYMBOLS: &[&str] = &[
    "CONFIG_FDT",
    "CONFIG_LINUX",
    "CONFIG_LINUX_IO_URING",
    "CONFIG_PIXMAN",
    "CONFIG_POSIX",
    "CONFIG_VHOST_CRYPTO",
    "CONFIG_VHOST_USER_BLK_SERVER",
    "CONFIG_VNC",
    "HAVE_CHARDEV_PARALLEL",
    "HAVE_CHARDEV_SERIAL",
    "HAVE_HOST_BLOCK_DEVICE",
    "HAVE_IPPROTO_MPTCP",
];

impl Build {
    /// Debian's QEMU 10.0.2 build for amd64.
    pub fn debian() -> Build {
        Build::from_symbols("debian", DEBIAN_SYMBOLS)
    }

    /// Debian's microvm build (`qemu-system-x86_64-microvm`).
    pub fn debian_microvm() -> Build {
        Build::from_symbols("debian-microvm", DEBIAN_MICROVM_SYMBOLS)
    }

    /// The named builds this program knows.
    pub fn named(name: &str) -> Option<Build> {
        match name {
            "debian" => Some(Build::debian()),
            "debian-microvm" => Some(Build::debian_microvm()),
            _ => None,
        }
    }

    fn from_symbols(name: &str, syms: &[&'static str]) -> Build {
        Build {
            name: name.to_owned(),
            symbols: syms.iter().copied().collect(),
            host_cpu: "x86_64",
            package: DEBIAN_PACKAGE.to_owned(),
            version: (10, 0, 2),
        }
    }

    /// Replaces the build symbols with `list` (`-build-config`), checking
    /// each against the declared symbols.
    pub fn with_symbols<'a>(
        mut self,
        list: impl IntoIterator<Item = &'a str>,
        known: impl Fn(&str) -> Option<Sym>,
    ) -> Result<Build, String> {
        let mut set = BTreeSet::new();
        for s in list {
            match known(s) {
                None => return Err(format!("unknown build symbol '{s}'")),
                Some(sym) if sym.class == SymClass::Target => {
                    return Err(format!(
                        "'{s}' comes with the target and cannot be set with -build-config"
                    ));
                }
                Some(sym) => {
                    set.insert(sym.name);
                }
            }
        }
        self.symbols = set;
        Ok(self)
    }
}

/// `-compat deprecated-input=...`: what to do with deprecated/unstable input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum InputPolicy {
    #[default]
    Accept,
    Reject,
    /// Abort the process, as QEMU does (a testing aid).
    Crash,
}

/// `-compat deprecated-output=...`: whether deprecated/unstable output is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum OutputPolicy {
    #[default]
    Accept,
    Hide,
}

/// QEMU's `CompatPolicy` (`qapi/compat.json`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct CompatPolicy {
    pub deprecated_input: InputPolicy,
    pub deprecated_output: OutputPolicy,
    pub unstable_input: InputPolicy,
    pub unstable_output: OutputPolicy,
}

/// Everything the schema's conditions and the compat rules depend on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub target: &'static Target,
    pub build: Build,
    pub compat: CompatPolicy,
    /// All defined symbols: the build's, the target's, and `CONFIG_KVM` when
    /// the imitated host can run the target with KVM.
    defined: BTreeSet<String>,
}

impl Config {
    pub fn new(target: &'static Target, build: Build, compat: CompatPolicy) -> Config {
        let mut defined: BTreeSet<String> = build.symbols.iter().map(|s| s.to_string()).collect();
        defined.extend(target.target_symbols());
        if target.kvm_hosts.contains(&build.host_cpu) {
            defined.insert("CONFIG_KVM".to_owned());
        }
        Config {
            target,
            build,
            compat,
            defined,
        }
    }

    /// The configuration of Debian's `qemu-system-<name>`: a target (or
    /// alias) of the default build, or a build variant; default policy.
    pub fn debian(name: &str) -> Option<Config> {
        if let Some((_, target, build)) = BUILD_VARIANTS.iter().find(|(n, _, _)| *n == name) {
            return Some(Config::new(
                Target::find(target)?,
                Build::named(build)?,
                CompatPolicy::default(),
            ));
        }
        Some(Config::new(
            Target::find(name)?,
            Build::debian(),
            CompatPolicy::default(),
        ))
    }

    /// Defines more symbols (for schemas that declare their own).
    pub fn with_defined<'a>(mut self, syms: impl IntoIterator<Item = &'a str>) -> Config {
        self.defined.extend(syms.into_iter().map(str::to_owned));
        self
    }

    pub fn is_defined(&self, sym: &Sym) -> bool {
        self.defined.contains(sym.name)
    }

    /// Every defined symbol, sorted.
    pub fn defined(&self) -> impl Iterator<Item = &str> {
        self.defined.iter().map(String::as_str)
    }

    /// Evaluates a condition (`None` is always true).
    pub fn eval(&self, cond: Option<&Pred>) -> bool {
        cond.is_none_or(|p| p.eval(&|s| self.is_defined(s)))
    }
}

impl fmt::Display for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} build)", self.target.name, self.build.name)
    }
}
