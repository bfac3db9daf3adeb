//! Termination signals, as QEMU handles them: SIGTERM, SIGINT and SIGHUP
//! end the process after reporting who sent the signal and emitting
//! `SHUTDOWN` with reason `host-signal` (`system/runstate.c`).

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::SignalsInfo;
use signal_hook::iterator::exfiltrator::WithOrigin;

use qapi_defs::{Shutdown, ShutdownCause};
use qapi_runtime::server::Server;

use qemu_system::machine::NoneMachine;

/// Installs the handlers of the termination signals; `None` if they
/// cannot be watched (the process then runs until `quit`).
pub fn watch() -> Option<SignalsInfo<WithOrigin>> {
    SignalsInfo::<WithOrigin>::new([SIGTERM, SIGINT, SIGHUP]).ok()
}

/// Waits for a termination signal, then shuts down like QEMU: the server
/// ends with status 0 (the program exits when `Server::wait` returns).
pub fn wait_for_termination(
    mut signals: SignalsInfo<WithOrigin>,
    server: &Server<NoneMachine>,
    program: &str,
) {
    if let Some(info) = signals.forever().next() {
        // qemu_kill_report: a signal from the terminal has no sender.
        let msg = match info.process.map(|p| p.pid).filter(|&pid| pid != 0) {
            Some(pid) => format!(
                "{program}: terminating on signal {} from pid {pid} ({})\n",
                info.signal,
                process_name(pid)
            ),
            None => format!("{program}: terminated by signal {}\n", info.signal),
        };
        qemu_system::diag::eprint_quiet(&msg);
        server.with_state(|m| {
            m.events.emit(&Shutdown {
                guest: false,
                reason: ShutdownCause::HostSignal,
            })
        });
        server.stop_handle().exit(0);
    }
}

/// `qemu_get_pid_name`: the first word of `/proc/<pid>/cmdline`.
fn process_name(pid: i32) -> String {
    std::fs::read(format!("/proc/{pid}/cmdline"))
        .ok()
        .and_then(|c| {
            c.split(|&b| b == 0)
                .next()
                .map(|s| String::from_utf8_lossy(s).into_owned())
        })
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "<unknown process>".to_owned())
}
