//! `run-state.json`'s actions, `net.json`'s `announce-self`, `ui.json`'s
//! `send-key` and `display-reload`: accepted as QEMU accepts them on an
//! empty machine.

use qapi_defs::{
    DisplayReloadOptionsBranch, announce_self, display_reload, send_key, set_action,
    watchdog_set_action,
};
use qapi_runtime::{Error, Handlers};

use crate::machine::NoneMachine;

pub fn register(h: &mut Handlers<NoneMachine>) {
    h.add::<set_action>(|m, a| {
        let act = &mut m.actions;
        if let Some(r) = a.reboot {
            act.reboot = r;
        }
        if let Some(p) = a.panic {
            act.panic = p;
        }
        if let Some(w) = a.watchdog {
            act.watchdog = w;
        }
        if let Some(s) = a.shutdown {
            act.shutdown = s;
        }
        Ok(())
    });
    h.add::<watchdog_set_action>(|m, a| {
        m.actions.watchdog = a.action;
        Ok(())
    });
    // No NIC to announce: the announcement timer runs for nothing.
    h.add::<announce_self>(|_, _| Ok(()));
    // No keyboard: the key events find no handler and are dropped.
    h.add::<send_key>(|_, _| Ok(()));
    // Only reloading the certificates needs a VNC display.
    h.add::<display_reload>(|_, a| match a.r#type {
        DisplayReloadOptionsBranch::Vnc(v) if v.tls_certs == Some(true) => {
            Err(Error::generic("Can not find vnc display"))
        }
        DisplayReloadOptionsBranch::Vnc(_) => Ok(()),
    });
}
