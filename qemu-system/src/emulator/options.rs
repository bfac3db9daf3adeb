//! Command-line option groups (`query-command-line-options`).

use qapi_runtime::pred::Cond;

/// A `QemuOptsList` and its parameters as QEMU lists them.
pub struct OptionGroup {
    /// Where QEMU lists the group (groups of other targets interleave).
    pub position: u32,
    pub option: &'static str,
    pub params: &'static [OptionParam],
    pub cond: Cond,
}

pub struct OptionParam {
    pub name: &'static str,
    pub ty: &'static str,
    pub help: Option<&'static str>,
    pub default: Option<&'static str>,
}
