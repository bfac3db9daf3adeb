//! QEMU's visitors over descriptors: input checking and output shaping.

pub mod input;
pub mod leftover;
pub mod output;

use crate::config::{CompatPolicy, InputPolicy};
use crate::desc::Special;
use crate::error::{Error, ErrorClass};

/// `compat_policy_input_ok()`: rejects deprecated (then unstable) input
/// when the policy says so.  `crash` gives a fatal error: the server
/// aborts the process on purpose, as QEMU's does (a testing aid that makes
/// any use of such input fatal), once earlier replies are written.
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
            InputPolicy::Crash => Err(Error::crash(format!(
                "{adjective} {kind} {name}: policy 'crash'"
            ))),
        }
    };
    check(special.deprecated, policy.deprecated_input, "Deprecated")?;
    check(special.unstable, policy.unstable_input, "Unstable")
}
