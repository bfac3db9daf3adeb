//! The configuration the command line runs: the target (from the program
//! name or `-target`) and the build (`-build-config`, `-build-package`).

use qapi_defs::qemu::{self, QemuConfig, Target};
use qapi_runtime::config::CompatPolicy;

use super::lookup::OwnOptions;
use super::{CliError, Reporter};

pub(super) fn configuration(r: &Reporter, own: OwnOptions) -> Result<QemuConfig, CliError> {
    let OwnOptions {
        target,
        build_config,
        package,
    } = own;
    let Some((target_name, target_loc)) = target else {
        return Err(r.plain(
            "no target: run as qemu-system-<target> (e.g. qemu-system-x86_64) or pass -target <target>",
        ));
    };
    let mut config = qemu::config(&target_name).ok_or_else(|| {
        let msg = format!(
            "unknown target '{target_name}'; known targets: {}",
            Target::names().join(", ")
        );
        match &target_loc {
            Some(loc) => r.at(loc, msg),
            None => r.plain(msg),
        }
    })?;
    if let Some((list, loc)) = &build_config {
        let names = list.split(',').filter(|s| !s.is_empty());
        let build = config
            .build
            .clone()
            .with_symbols(names)
            .map_err(|m| r.at(loc, m))?;
        config = QemuConfig::new(config.target, build, CompatPolicy::default())
            .map_err(|e| r.at(loc, e.to_string()))?;
    }
    if let Some(p) = package {
        let mut build = config.build.clone();
        build.package = p;
        config = QemuConfig::new(config.target, build, CompatPolicy::default())
            .map_err(|e| r.plain(e.to_string()))?;
    }
    Ok(config)
}
