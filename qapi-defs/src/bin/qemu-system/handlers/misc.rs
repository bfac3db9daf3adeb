//! `misc.json` and `block.json`: the human monitor, eject.

use qapi_defs::{eject, human_monitor_command};
use qapi_runtime::{Error, Handlers};

use crate::machine::NoneMachine;

pub fn register(h: &mut Handlers<NoneMachine>) {
    h.add::<human_monitor_command>(|m, args| {
        let line = args.command_line.trim();
        let word = line.split_whitespace().next().unwrap_or("");
        Ok(match (word, line) {
            ("info", "info version") => {
                let (a, b, c) = m.config.build.version;
                format!("{a}.{b}.{c}{}\r\n", m.config.build.package)
            }
            ("", _) => String::new(),
            _ => format!("unknown command: '{word}'\r\n"),
        })
    });
    h.add::<eject>(|_, args| {
        let dev = args.device.or(args.id).unwrap_or_default();
        Err(Error::device_not_found(format!("Device '{dev}' not found")))
    });
}
