//! Command-line option groups (`query-command-line-options`).

use qapi_runtime::pred::Cond;

/// A `QemuOptsList` and its parameters as QEMU lists them.
pub struct OptionGroup {
    /// Where QEMU lists the group (groups of other targets interleave).
    pub position: u32,
    pub option: &'static str,
    pub params: &'static [OptionParam],
    /// `Some(state)`: the group has these parameters only while
    /// `module_load_qom_all` has (`true`) or has not (`false`) run; the
    /// machine group lists the machine classes' properties in the type
    /// table's order, which loading the modules can change.
    pub modules_loaded: Option<bool>,
    pub cond: Cond,
}

pub struct OptionParam {
    pub name: &'static str,
    pub ty: &'static str,
    pub help: Option<&'static str>,
    pub default: Option<&'static str>,
}
