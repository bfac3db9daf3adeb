//! `ui.json`: the display of the command line, VNC and SPICE of the build
//! with no server started.

use qapi_defs::{
    DisplayOptions, DisplayOptionsBranch, SpiceInfo, SpiceQueryMouseMode, VncInfo,
    query_display_options, query_spice, query_vnc, query_vnc_servers,
};
use qapi_runtime::Handlers;

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
}
