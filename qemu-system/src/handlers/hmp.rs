//! `human-monitor-command`: the small human monitor of [`crate::hmp`].

use qapi_defs::{Shutdown, ShutdownCause, human_monitor_command};
use qapi_runtime::{Error, Handlers};

use crate::hmp::{self, Parsed};
use crate::machine::NoneMachine;
use crate::migration;

pub fn register(h: &mut Handlers<NoneMachine>) {
    h.add::<human_monitor_command>(|m, args| {
        // monitor_set_cpu: `-machine none` has no CPU to select.
        if args.cpu_index.is_some() {
            return Err(Error::generic("Parameter 'cpu-index' expects a CPU number"));
        }
        run(m, &args.command_line).map(|out| hmp::crlf(&out))
    });
}

/// Runs one command line; its output (LF line ends).
fn run(m: &mut NoneMachine, line: &str) -> Result<String, Error> {
    let (name, entry, shown, args) = match hmp::parse(&m.config, line) {
        Parsed::Empty => return Ok(String::new()),
        Parsed::Output(s) => return Ok(s),
        Parsed::Command {
            name,
            entry,
            shown,
            args,
        } => (name, entry, shown, args),
    };
    let no_args = |out: String| -> String {
        if args.is_empty() {
            out
        } else {
            hmp::extraneous(entry, shown)
        }
    };
    Ok(match name.as_str() {
        "info version" => {
            let (a, b, c) = m.config.build.version;
            no_args(format!("{a}.{b}.{c}{}\n", m.config.build.package))
        }
        "info status" => {
            let mut s = format!(
                "VM status: {}",
                if m.is_running() { "running" } else { "paused" }
            );
            if !m.is_running() && m.run_state != qapi_defs::RunState::Paused {
                s.push_str(&format!(
                    " ({})",
                    qapi_runtime::QapiEnum::as_str(&m.run_state)
                ));
            }
            s.push('\n');
            no_args(s)
        }
        "info name" => no_args(
            m.name
                .as_ref()
                .map(|n| format!("{n}\n"))
                .unwrap_or_default(),
        ),
        "info uuid" => no_args(format!("{}\n", m.uuid)),
        "info kvm" => no_args(
            match (m.kvm_present(), m.kvm_enabled()) {
                (false, _) => "kvm support: not compiled\n",
                (true, true) => "kvm support: enabled\n",
                (true, false) => "kvm support: disabled\n",
            }
            .to_owned(),
        ),
        // No CPUs: nothing to list.
        "info cpus" => no_args(String::new()),
        "info migrate_capabilities" => no_args(migration::hmp_capabilities(
            &m.migration.query_capabilities(),
        )),
        "info migrate_parameters" => {
            no_args(migration::hmp_parameters(&m.migration.query_parameters()))
        }
        "stop" => {
            if args.is_empty() {
                m.vm_stop();
            }
            no_args(String::new())
        }
        "cont" => {
            if args.is_empty() {
                m.vm_start();
            }
            no_args(String::new())
        }
        "quit" => {
            if args.is_empty() {
                m.events().emit(&Shutdown {
                    guest: false,
                    reason: ShutdownCause::HostQmpQuit,
                });
                m.exit = Some(0);
            }
            no_args(String::new())
        }
        "eject" => eject(args, shown),
        _ => return Err(hmp::not_implemented(shown)),
    })
}

/// `eject [-f] device`: no block device exists.
fn eject(args: &str, shown: &str) -> String {
    let mut rest = args;
    if let Some(r) = rest.strip_prefix("-f") {
        rest = r;
    }
    match hmp::get_str(rest) {
        None => format!(
            "eject: block device name expected\n{}",
            hmp::try_help(shown)
        ),
        Some((_, tail)) if !tail.trim().is_empty() => hmp::extraneous("eject", shown),
        Some((d, _)) => format!("Error: Device '{d}' not found\n"),
    }
}
