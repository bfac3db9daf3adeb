//! `-display help` (`qemu_display_help`, ui/console.c).

use std::fmt::Write as _;

use qapi_defs::DisplayType;
use qapi_defs::qemu::QemuConfig;
use qapi_runtime::QapiType;

/// `-display help` (`qemu_display_help`): `none`, then the display types
/// after it in `DisplayType` whose condition holds for this build.
pub fn displays(cfg: &QemuConfig) -> String {
    let values = DisplayType::TYPE
        .entity()
        .and_then(|e| e.as_enum())
        .map_or(&[][..], |e| e.values);
    let mut out = String::from("Available display backend types:\nnone\n");
    for v in values
        .iter()
        .skip_while(|v| v.name != "none")
        .skip(1)
        .filter(|v| cfg.eval(v.cond))
    {
        let _ = writeln!(out, "{}", v.name);
    }
    out.push_str(
        "\nSome display backends support suboptions, which can be set with\n   \
         -display backend,option=value,option=value...\nFor a short list of the suboptions \
         for each display, see the top-level -help output; more detail is in the \
         documentation.\n",
    );
    out
}
