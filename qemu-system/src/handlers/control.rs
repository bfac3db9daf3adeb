//! `control.json` and `run-state.json`: version, run state, quit.

use qapi_defs::{
    Shutdown, ShutdownCause, StatusInfo, VersionInfo, VersionTriple, cont, query_status,
    query_version, quit, stop, x_exit_preconfig,
};
use qapi_runtime::{Error, Handlers};

use crate::machine::{NoneMachine, Phase};

pub fn register(h: &mut Handlers<NoneMachine>) {
    h.add::<query_version>(|m, _| {
        let (major, minor, micro) = m.config.build.version;
        Ok(VersionInfo {
            qemu: VersionTriple {
                major: major.into(),
                minor: minor.into(),
                micro: micro.into(),
            },
            package: m.config.build.package.clone(),
        })
    });
    h.add::<query_status>(|m, _| {
        Ok(StatusInfo {
            running: m.is_running(),
            status: m.run_state,
        })
    });
    h.add::<stop>(|m, _| {
        m.vm_stop();
        Ok(())
    });
    h.add::<cont>(|m, _| {
        m.vm_start();
        Ok(())
    });
    h.add::<quit>(|m, _| {
        m.events().emit(&Shutdown {
            guest: false,
            reason: ShutdownCause::HostQmpQuit,
        });
        m.exit = Some(0);
        Ok(())
    });
    h.add::<x_exit_preconfig>(|m, _| {
        if m.phase != Phase::Preconfig {
            return Err(Error::generic(
                "The command is permitted only before machine initialization",
            ));
        }
        m.phase = Phase::Ready;
        if m.autostart {
            m.vm_start();
        }
        Ok(())
    });
}
