//! `ui.json`: the display of the command line, VNC and SPICE of the build
//! with no server started.

use qapi_defs::{
    DisplayOptions, DisplayOptionsBranch, ExpirePasswordOptionsBranch, SetPasswordAction,
    SetPasswordOptionsBranch, SpiceInfo, SpiceQueryMouseMode, VncInfo, change_vnc_password,
    client_migrate_info, display_update, expire_password, input_send_event, query_display_options,
    query_spice, query_vnc, query_vnc_servers, screendump, set_password,
};
use qapi_runtime::{Error, ErrorClass, Handlers, QapiBranches, QapiEnum};

use crate::machine::NoneMachine;

pub fn register(h: &mut Handlers<NoneMachine>) {
    // The command line accepts `-display none` (or `-nographic`) only.
    h.add::<query_display_options>(|_, _| {
        Ok(DisplayOptions {
            r#type: DisplayOptionsBranch::None,
            full_screen: None,
            window_close: None,
            show_cursor: None,
            gl: None,
        })
    });
    h.add::<query_vnc>(|_, _| {
        Ok(VncInfo {
            enabled: false,
            host: None,
            family: None,
            service: None,
            auth: None,
            clients: None,
        })
    });
    h.add::<query_vnc_servers>(|_, _| Ok(Vec::new()));
    // SPICE not initialised: the module's stub zero-fills the answer.
    h.add::<query_spice>(|_, _| {
        Ok(SpiceInfo {
            enabled: false,
            migrated: false,
            host: None,
            port: None,
            tls_port: None,
            auth: None,
            compiled_version: None,
            mouse_mode: SpiceQueryMouseMode::Client,
            channels: None,
        })
    });

    // No VNC server was started (-display none) and SPICE is not in use.
    h.add::<set_password>(|_, a| match a.protocol {
        SetPasswordOptionsBranch::Spice => Err(spice_not_in_use()),
        SetPasswordOptionsBranch::Vnc(_) => {
            if a.connected.is_some_and(|c| c != SetPasswordAction::Keep) {
                return Err(Error::generic(
                    "parameter 'connected' must be 'keep' when 'protocol' is 'vnc'",
                ));
            }
            Err(Error::generic("Could not set password"))
        }
    });
    // The time is parsed before the protocol is looked at.
    h.add::<expire_password>(|_, a| {
        let t = a.time.as_str();
        let valid = match t {
            "now" | "never" => true,
            _ => parse_u64(t.strip_prefix('+').unwrap_or(t)).is_some(),
        };
        if !valid {
            return Err(Error::generic(format!(
                "Parameter 'time' doesn't take value '{t}'"
            )));
        }
        match a.protocol {
            ExpirePasswordOptionsBranch::Spice => Err(spice_not_in_use()),
            ExpirePasswordOptionsBranch::Vnc(_) => {
                Err(Error::generic("Could not set password expire time"))
            }
        }
    });
    // No console: a named device is never found (and no device is one).
    h.add::<screendump>(|_, a| match a.device {
        Some(d) => Err(Error::device_not_found(format!("Device '{d}' not found"))),
        None if a.head.is_some() => Err(Error::generic(
            "'head' must be specified together with 'device'",
        )),
        None => Err(Error::generic(
            "There is no console to take a screendump from",
        )),
    });
    h.add::<change_vnc_password>(|_, _| Err(Error::generic("Could not set password")));
    h.add::<display_update>(|_, _| Err(Error::generic("Can not find vnc display")));
    h.add::<client_migrate_info>(|_, a| {
        if a.protocol == "spice" {
            return Err(spice_not_in_use());
        }
        Err(Error::generic("Parameter 'protocol' expects 'spice'"))
    });
    // qmp_input_send_event: the console's device, the run state, then a
    // handler for each event (an empty machine has none).
    h.add::<input_send_event>(|m, a| {
        if let Some(d) = a.device {
            return Err(Error::device_not_found(format!("Device '{d}' not found")));
        }
        if !m.is_running() {
            return Err(Error::generic("VM not running"));
        }
        match a.events.first() {
            None => Ok(()),
            Some(e) => Err(Error::generic(format!(
                "Input handler not found for event type {}",
                e.r#type.tag().as_str()
            ))),
        }
    });
}

/// `qemu_using_spice`.
fn spice_not_in_use() -> Error {
    Error::new(ErrorClass::DeviceNotActive, "SPICE is not in use")
}

/// `qemu_strtou64(s, NULL, 10, ...)`: optional leading white space and
/// sign, then decimal digits to the end; a minus sign wraps; overflow fails.
fn parse_u64(s: &str) -> Option<u64> {
    let s = s.trim_start_matches([' ', '\t', '\n', '\x0b', '\x0c', '\r']);
    let (neg, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let v: u64 = digits.parse().ok()?;
    Some(if neg { v.wrapping_neg() } else { v })
}
