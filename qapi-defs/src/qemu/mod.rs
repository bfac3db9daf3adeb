//! What QEMU's schema needs beyond its definitions to make a program: the
//! targets and builds a binary can be ([`targets`], [`builds`]), the events
//! QEMU rate-limits ([`events`]), and [`QemuConfig`], which turns a target
//! and a build into the runtime's [`Config`].

pub mod builds;
pub mod events;
pub mod targets;

use std::fmt;
use std::ops::{Deref, DerefMut};

use qapi_runtime::config::{CompatPolicy, Config, ConfigError, Identity};

pub use builds::Build;
pub use targets::Target;

/// A `qemu-system-<target>` binary: its target and build, and the runtime
/// configuration they make (every `if` of the schema is evaluated against
/// it).  Dereferences to that [`Config`], so a program keeps this one value
/// and hands `&config` wherever the runtime wants a `&Config`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QemuConfig {
    pub target: &'static Target,
    pub build: Build,
    config: Config,
}

impl QemuConfig {
    /// The configuration of `target` built as `build`: the build's symbols,
    /// the target's `TARGET_*` symbols, and `CONFIG_KVM` when the imitated
    /// host can run the target with KVM.
    pub fn new(
        target: &'static Target,
        build: Build,
        compat: CompatPolicy,
    ) -> Result<QemuConfig, ConfigError> {
        let mut names: Vec<String> = build.symbols.iter().map(|s| s.to_string()).collect();
        names.extend(target.target_symbols());
        if target.kvm_hosts.contains(&build.host_cpu) {
            names.push("CONFIG_KVM".to_owned());
        }
        let identity = Identity::new(build.version, build.package.clone());
        let config = Config::new(identity)
            .with_defined(names.iter().map(String::as_str))?
            .with_compat(compat)
            .with_program(&crate::QEMU_SYSTEM);
        Ok(QemuConfig {
            target,
            build,
            config,
        })
    }

    /// Debian's `qemu-storage-daemon` of the same build: QEMU's tools see
    /// the build's symbols only (no target, no accelerator).  `target`
    /// stays for the machine model that answers its commands.
    pub fn storage_daemon(
        target: &'static Target,
        build: Build,
        compat: CompatPolicy,
    ) -> Result<QemuConfig, ConfigError> {
        let identity = Identity::new(build.version, build.package.clone());
        let config = Config::new(identity)
            .with_defined(build.symbols.iter().copied())?
            .with_compat(compat)
            .with_program(&crate::QEMU_STORAGE_DAEMON);
        Ok(QemuConfig {
            target,
            build,
            config,
        })
    }

    /// The runtime configuration.
    pub fn runtime(&self) -> &Config {
        &self.config
    }
}

impl From<QemuConfig> for Config {
    fn from(c: QemuConfig) -> Config {
        c.config
    }
}

impl Deref for QemuConfig {
    type Target = Config;
    fn deref(&self) -> &Config {
        &self.config
    }
}

impl DerefMut for QemuConfig {
    fn deref_mut(&mut self) -> &mut Config {
        &mut self.config
    }
}

impl fmt::Display for QemuConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} build)", self.target.name, self.build.name)
    }
}

/// The configuration of Debian's `qemu-storage-daemon` 10.0.2.
pub fn storage_daemon_config() -> Option<QemuConfig> {
    QemuConfig::storage_daemon(
        Target::find("x86_64")?,
        Build::debian(),
        CompatPolicy::default(),
    )
    .ok()
}

/// The configuration of Debian's `qemu-system-<name>`: a target (or
/// alias) of the default build, or a build variant; default policy.
pub fn config(name: &str) -> Option<QemuConfig> {
    let (target, build) = match targets::BUILD_VARIANTS.iter().find(|(n, _, _)| *n == name) {
        Some((_, target, build)) => (Target::find(target)?, Build::named(build)?),
        None => (Target::find(name)?, Build::debian()),
    };
    QemuConfig::new(target, build, CompatPolicy::default()).ok()
}
