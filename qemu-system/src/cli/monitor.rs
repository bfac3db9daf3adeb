//! Monitors (`qemu_create_late_backends`): `-mon` and `-qmp`, each on a
//! created chardev; this emulator has QMP monitors only.

use qapi_runtime::QapiEnum;

use super::{ChardevSpec, CliError, Reporter, keyval, unsupported};

/// A monitor as `-mon`/`-qmp` declared it.
pub(super) struct MonOpts {
    pub loc: String,
    pub items: Vec<(String, String)>,
}

/// The chardev of each monitor, in creation order.
pub(super) fn create_monitors(
    r: &Reporter,
    mons: &[MonOpts],
    chardevs: &[ChardevSpec],
) -> Result<Vec<String>, CliError> {
    let mut monitors = Vec::new();
    let mut in_use: Vec<String> = Vec::new();
    for m in mons {
        let get = |k: &str| {
            m.items
                .iter()
                .rev()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        };
        let mode = get("mode").unwrap_or("readline");
        if !qapi_defs::MonitorMode::VARIANTS
            .iter()
            .any(|v| v.as_str() == mode)
        {
            return Err(r.at(
                &m.loc,
                format!("Parameter 'mode' does not accept value '{mode}'"),
            ));
        }
        let Some(chardev) = get("chardev") else {
            return Err(r.at(&m.loc, "Parameter 'chardev' is missing"));
        };
        if !chardevs.iter().any(|c| c.id == chardev) {
            return Err(r.at(&m.loc, format!("chardev \"{chardev}\" not found")));
        }
        if in_use.iter().any(|c| c == chardev) {
            return Err(r.at(&m.loc, format!("chardev '{chardev}' is already in use")));
        }
        if mode != "control" {
            return Err(unsupported(r, &m.loc, "the human monitor (mode=readline)"));
        }
        if get("pretty").and_then(keyval::parse_bool) == Some(true) {
            return Err(unsupported(r, &m.loc, "pretty-printed QMP"));
        }
        in_use.push(chardev.to_owned());
        monitors.push(chardev.to_owned());
    }
    Ok(monitors)
}
