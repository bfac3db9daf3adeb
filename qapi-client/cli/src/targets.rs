//! The one place that knows QEMU's products: which configurations a
//! server of a given `query-target` arch can be (Debian's builds).

use qapi_runtime::Config;
use qapi_runtime::config::BUILD_VARIANTS;

/// The configurations a server reporting `arch` may have: the target of
/// the default build, then build variants of that target.
pub fn candidates(arch: &str) -> Vec<(String, Config)> {
    let mut out = Vec::new();
    if let Some(c) = Config::debian(arch) {
        out.push((arch.to_owned(), c));
    }
    for (name, target, _) in BUILD_VARIANTS {
        if *target == arch
            && let Some(c) = Config::debian(name)
        {
            out.push(((*name).to_owned(), c));
        }
    }
    out
}
