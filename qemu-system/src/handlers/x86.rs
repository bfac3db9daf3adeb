//! `misc-target.json` on x86: SEV and SGX as a machine without them
//! answers, or their stubs where the build lacks them.

use qapi_defs::{
    SevGuestInfo, SevInfo, SevInfoBranch, SevState, query_sev, query_sev_capabilities,
    query_sev_launch_measure, query_sgx, query_sgx_capabilities, sev_inject_launch_secret,
};
use qapi_runtime::{Error, Handlers};

use crate::diag::strerror;
use crate::machine::NoneMachine;

const NO_SEV: &str = "SEV is not available in this QEMU";
const NO_SGX: &str = "SGX support is not compiled in";

pub fn register(h: &mut Handlers<NoneMachine>) {
    // sev_get_info of a guest that is not a SEV guest: zeroes.
    h.add::<query_sev>(|m, _| {
        if !m.target().sev {
            return Err(Error::generic(NO_SEV));
        }
        Ok(SevInfo {
            enabled: false,
            api_major: 0,
            api_minor: 0,
            build_id: 0,
            state: SevState::Uninit,
            sev_type: SevInfoBranch::Sev(SevGuestInfo {
                policy: 0,
                handle: 0,
            }),
        })
    });
    h.add::<query_sev_launch_measure>(|m, _| {
        Err(Error::generic(if m.target().sev {
            "SEV launch measurement is not available"
        } else {
            NO_SEV
        }))
    });
    // sev_get_capabilities: KVM first, then the KVM_MEMORY_ENCRYPT_OP
    // probe, which fails on a host without SEV (the imitated host).
    h.add::<query_sev_capabilities>(|m, _| {
        Err(Error::generic(if !m.target().sev {
            NO_SEV
        } else if !m.kvm_enabled() {
            "KVM not enabled"
        } else {
            "SEV is not enabled in KVM"
        }))
    });
    h.add::<sev_inject_launch_secret>(|m, _| {
        Err(Error::generic(if m.target().sev {
            "SEV not enabled for guest"
        } else {
            NO_SEV
        }))
    });
    h.add::<query_sgx>(|m, _| {
        Err(Error::generic(if m.target().sgx {
            "SGX is only supported on PC machines"
        } else {
            NO_SGX
        }))
    });
    // sgx_get_capabilities opens the host's vEPC device first.
    h.add::<query_sgx_capabilities>(|m, _| {
        if !m.target().sgx {
            return Err(Error::generic(NO_SGX));
        }
        const VEPC: &str = "/dev/sgx_vepc";
        match std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(VEPC)
        {
            Err(e) => Err(Error::generic(format!(
                "Could not open '{VEPC}': {}",
                strerror(&e)
            ))),
            // The host's SGX CPUID leaves are not modelled.
            Ok(_) => Err(Error::generic(
                "The command query-sgx-capabilities is not implemented by this emulator",
            )),
        }
    });
}
