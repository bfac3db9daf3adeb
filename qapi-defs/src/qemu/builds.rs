//! QEMU builds: the host/build symbols of Debian's QEMU 10.0.2 packages.

use std::collections::BTreeSet;

use qapi_runtime::config::declared;
use qapi_runtime::pred::SymClass;

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
    ) -> Result<Build, String> {
        let mut set = BTreeSet::new();
        for s in list {
            match declared(s) {
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
