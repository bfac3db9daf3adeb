//! `misc.json`'s file descriptors: this emulator receives none (no
//! SCM_RIGHTS), so no named descriptor and no fd set exists.

use qapi_defs::{add_client, closefd, remove_fd};
use qapi_runtime::{Error, Handlers};

use crate::machine::NoneMachine;

pub fn register(h: &mut Handlers<NoneMachine>) {
    h.add::<closefd>(|_, a| {
        Err(Error::generic(format!(
            "File descriptor named '{}' not found",
            a.fdname
        )))
    });
    h.add::<remove_fd>(|_, a| {
        let name = match a.fd {
            Some(fd) => format!("fdset-id:{}, fd:{fd}", a.fdset_id),
            None => format!("fdset-id:{}", a.fdset_id),
        };
        Err(Error::generic(format!(
            "File descriptor named '{name}' not found"
        )))
    });
    // qmp_add_client takes the descriptor before it looks at the protocol.
    h.add::<add_client>(|_, a| {
        Err(Error::generic(format!(
            "File descriptor named '{}' has not been found",
            a.fdname
        )))
    });
}
