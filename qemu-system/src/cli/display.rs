//! The display (`qemu_init_displays`): only `none` is modelled.

use qapi_defs::DisplayType;
use qapi_runtime::{QapiEnum, Value};

use super::{CliError, Reporter, unsupported};

/// Checks the last `-display` (option and value).
pub(super) fn check_display(
    r: &Reporter,
    display: Option<(String, Value)>,
) -> Result<(), CliError> {
    if let Some((loc, v)) = display {
        let ty = v
            .as_dict()
            .and_then(|d| d.get("type"))
            .and_then(Value::as_str)
            .unwrap_or("none")
            .to_owned();
        let gl = v
            .as_dict()
            .and_then(|d| d.get("gl"))
            .and_then(Value::as_str)
            .unwrap_or("off");
        if ty == "none" {
            if gl != "off" {
                return Err(r.plain("OpenGL is not supported by display backend 'none'"));
            }
        } else if DisplayType::from_name(&ty).is_some() {
            return Err(unsupported(r, &loc, &format!("the display '{ty}'")));
        }
    }
    Ok(())
}
