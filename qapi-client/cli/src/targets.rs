//! The one place that knows QEMU's products: which configurations a
//! server of a given `query-target` arch can be (Debian's builds).

use qapi_defs::qemu::{self, targets::BUILD_VARIANTS};
use qapi_runtime::Config;

/// The configurations a server reporting `arch` may have: the target of
/// the default build, then build variants of that target.
pub fn candidates(arch: &str) -> Vec<(String, Config)> {
    let mut out = Vec::new();
    if let Some(c) = qemu::config(arch) {
        out.push((arch.to_owned(), c.into()));
    }
    for (name, target, _) in BUILD_VARIANTS {
        if *target == arch
            && let Some(c) = qemu::config(name)
        {
            out.push(((*name).to_owned(), c.into()));
        }
    }
    out
}
