//! Conditions (`if`) as constant trees over condition symbols, evaluated at
//! run time against a [`crate::Config`].
//!
//! QEMU turns `'if'` into `#if` and compiles the schema once per target; we
//! keep the condition as data and ask it per configuration.  The macros turn
//! `if = all(TARGET_S390X, CONFIG_KVM)` into
//! `Pred::All(&[Pred::Sym(sym::TARGET_S390X), Pred::Sym(sym::CONFIG_KVM)])`,
//! so a misspelt symbol is a compile error at the user's token.

use std::fmt;

/// A condition symbol such as `CONFIG_KVM` or `TARGET_I386`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sym {
    pub name: &'static str,
    pub class: SymClass,
}

/// Where QEMU defines a symbol, which decides who may set it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SymClass {
    /// Comes with the target (`config-target.h`: `TARGET_*`, `CONFIG_KVM`).
    Target,
    /// Comes with the build (`config-host.h`), the same for every target.
    Build,
}

impl Sym {
    pub const fn target(name: &'static str) -> Sym {
        Sym {
            name,
            class: SymClass::Target,
        }
    }
    pub const fn build(name: &'static str) -> Sym {
        Sym {
            name,
            class: SymClass::Build,
        }
    }
}

impl fmt::Debug for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

/// A QAPI condition: a symbol, or `all`/`any`/`not` of conditions.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Pred {
    Sym(Sym),
    Not(&'static Pred),
    All(&'static [Pred]),
    Any(&'static [Pred]),
}

impl Pred {
    /// Evaluates the condition, `defined` telling whether a symbol is set.
    pub fn eval(&self, defined: &dyn Fn(&Sym) -> bool) -> bool {
        match self {
            Pred::Sym(s) => defined(s),
            Pred::Not(p) => !p.eval(defined),
            Pred::All(ps) => ps.iter().all(|p| p.eval(defined)),
            Pred::Any(ps) => ps.iter().any(|p| p.eval(defined)),
        }
    }

    /// Calls `f` on every symbol the condition mentions.
    pub fn for_each_sym(&self, f: &mut dyn FnMut(&Sym)) {
        match self {
            Pred::Sym(s) => f(s),
            Pred::Not(p) => p.for_each_sym(f),
            Pred::All(ps) | Pred::Any(ps) => ps.iter().for_each(|p| p.for_each_sym(f)),
        }
    }

    fn fmt_c(&self, f: &mut fmt::Formatter<'_>, top: bool) -> fmt::Result {
        // QEMU's rendering (scripts/qapi/common.py): nested all/any are
        // parenthesised, the top level is not.
        match self {
            Pred::Sym(s) => write!(f, "defined({})", s.name),
            Pred::Not(p) => {
                f.write_str("!")?;
                p.fmt_c(f, false)
            }
            Pred::All(ps) | Pred::Any(ps) => {
                let op = if matches!(self, Pred::All(_)) {
                    " && "
                } else {
                    " || "
                };
                if !top {
                    f.write_str("(")?;
                }
                for (i, p) in ps.iter().enumerate() {
                    if i > 0 {
                        f.write_str(op)?;
                    }
                    p.fmt_c(f, false)?;
                }
                if !top {
                    f.write_str(")")?;
                }
                Ok(())
            }
        }
    }
}

/// Shows the condition as QEMU's generator would write it in C.
impl fmt::Display for Pred {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_c(f, true)
    }
}

impl fmt::Debug for Pred {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// An optional condition, as descriptors store it (`None`: always true).
pub type Cond = Option<&'static Pred>;

/// Declares condition symbols: a constant per symbol, usable in `if = ...`,
/// and an entry in the link-time symbol table (so `-build-config` knows it).
///
/// ```
/// pub mod my_syms {
///     qapi_runtime::symbols! {
///         /// Our own build switch.
///         build MY_FEATURE;
///     }
/// }
/// assert_eq!(my_syms::MY_FEATURE.name, "MY_FEATURE");
/// ```
#[macro_export]
macro_rules! symbols {
    ($($(#[$m:meta])* $class:ident $name:ident;)*) => {
        $(
            $(#[$m])*
            #[allow(non_upper_case_globals)]
            pub const $name: $crate::Sym = $crate::__sym_ctor!($class, stringify!($name));
            const _: () = {
                #[$crate::__private::linkme::distributed_slice($crate::registry::QAPI_SYMBOLS)]
                #[linkme(crate = $crate::__private::linkme)]
                static SYM: $crate::Sym = $name;
            };
        )*
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __sym_ctor {
    (target, $name:expr) => {
        $crate::Sym::target($name)
    };
    (build, $name:expr) => {
        $crate::Sym::build($name)
    };
}

/// The condition symbols QEMU 10.0 knows: every `TARGET_*` a system target
/// defines, the accelerator symbol the schema uses, and the 47 host/build
/// symbols its schema mentions.
pub mod sym {
    crate::symbols! {
        // Target symbols (configs/targets/*-softmmu.mak: TARGET_ARCH and
        // TARGET_BASE_ARCH, upper-cased).
        target TARGET_AARCH64;
        target TARGET_ALPHA;
        target TARGET_ARM;
        target TARGET_AVR;
        target TARGET_HPPA;
        target TARGET_I386;
        target TARGET_LOONGARCH;
        target TARGET_LOONGARCH64;
        target TARGET_M68K;
        target TARGET_MICROBLAZE;
        target TARGET_MIPS;
        target TARGET_MIPS64;
        target TARGET_OPENRISC;
        target TARGET_PPC;
        target TARGET_PPC64;
        target TARGET_RISCV;
        target TARGET_RISCV32;
        target TARGET_RISCV64;
        target TARGET_RX;
        target TARGET_S390X;
        target TARGET_SH4;
        target TARGET_SPARC;
        target TARGET_SPARC64;
        target TARGET_TRICORE;
        target TARGET_X86_64;
        target TARGET_XTENSA;
        // Per-target accelerator symbol (config-target.h).
        target CONFIG_KVM;
        // Host/build symbols (config-host.h).
        build CONFIG_AF_XDP;
        build CONFIG_AUDIO_ALSA;
        build CONFIG_AUDIO_COREAUDIO;
        build CONFIG_AUDIO_DSOUND;
        build CONFIG_AUDIO_JACK;
        build CONFIG_AUDIO_OSS;
        build CONFIG_AUDIO_PA;
        build CONFIG_AUDIO_PIPEWIRE;
        build CONFIG_AUDIO_SDL;
        build CONFIG_AUDIO_SNDIO;
        build CONFIG_BLKIO;
        build CONFIG_BLKIO_VHOST_VDPA_FD;
        build CONFIG_BRLAPI;
        build CONFIG_COCOA;
        build CONFIG_CURSES;
        build CONFIG_DBUS_DISPLAY;
        build CONFIG_EBPF;
        build CONFIG_FDT;
        build CONFIG_FUSE;
        build CONFIG_GTK;
        build CONFIG_LIBPMEM;
        build CONFIG_LINUX;
        build CONFIG_LINUX_IO_URING;
        build CONFIG_OPENGL;
        build CONFIG_PIXMAN;
        build CONFIG_POSIX;
        build CONFIG_QATZIP;
        build CONFIG_QPL;
        build CONFIG_REPLICATION;
        build CONFIG_SDL;
        build CONFIG_SECRET_KEYRING;
        build CONFIG_SPICE;
        build CONFIG_SPICE_PROTOCOL;
        build CONFIG_TCG;
        build CONFIG_TPM;
        build CONFIG_UADK;
        build CONFIG_VDUSE_BLK_EXPORT;
        build CONFIG_VHOST_CRYPTO;
        build CONFIG_VHOST_USER_BLK_SERVER;
        build CONFIG_VMNET;
        build CONFIG_VNC;
        build CONFIG_WIN32;
        build CONFIG_ZSTD;
        build HAVE_CHARDEV_PARALLEL;
        build HAVE_CHARDEV_SERIAL;
        build HAVE_HOST_BLOCK_DEVICE;
        build HAVE_IPPROTO_MPTCP;
    }
}

#[cfg(test)]
mod tests {
    use super::sym::*;
    use super::*;

    #[test]
    fn renders_like_qemu() {
        static P: Pred = Pred::All(&[
            Pred::Sym(TARGET_S390X),
            Pred::Any(&[Pred::Sym(CONFIG_KVM), Pred::Not(&Pred::Sym(CONFIG_TCG))]),
        ]);
        assert_eq!(
            P.to_string(),
            "defined(TARGET_S390X) && (defined(CONFIG_KVM) || !defined(CONFIG_TCG))"
        );
        assert!(P.eval(&|s| s.name == "TARGET_S390X"));
        assert!(!P.eval(&|s| s.name == "TARGET_S390X" || s.name == "CONFIG_TCG"));
    }
}
