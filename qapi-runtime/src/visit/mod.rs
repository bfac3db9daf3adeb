//! QEMU's visitors over descriptors: input checking and output shaping.

pub mod input;
pub mod leftover;
pub mod output;

use crate::config::{CompatPolicy, InputPolicy};
use crate::desc::Special;
use crate::error::{Error, ErrorClass};

/// `compat_policy_input_ok()`: rejects deprecated (then unstable) input
/// when the policy says so.  `crash` aborts the process on purpose, as
/// QEMU's does: it is a testing aid that makes any use of such input fatal.
pub fn policy_input_ok(
    special: Special,
    policy: &CompatPolicy,
    class: ErrorClass,
    kind: &str,
    name: &str,
) -> Result<(), Error> {
    let check = |on: bool, p: InputPolicy, adjective: &str| -> Result<(), Error> {
        if !on {
            return Ok(());
        }
        match p {
            InputPolicy::Accept => Ok(()),
            InputPolicy::Reject => Err(Error::new(
                class,
                format!("{adjective} {kind} {name} disabled by policy"),
            )),
            InputPolicy::Crash => std::process::abort(),
        }
    };
    check(special.deprecated, policy.deprecated_input, "Deprecated")?;
    check(special.unstable, policy.unstable_input, "Unstable")
}
