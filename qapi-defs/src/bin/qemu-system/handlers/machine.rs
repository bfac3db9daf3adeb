//! `machine.json`: target, UUID, KVM, CPUs.

use qapi_defs::{
    KvmInfo, NameInfo, SysEmuTarget, TargetInfo, UuidInfo, query_cpus_fast, query_kvm, query_name, query_target,
    query_uuid, query_yank,
};
use qapi_runtime::{Error, Handlers, QapiEnum};

use crate::machine::NoneMachine;

pub fn register(h: &mut Handlers<NoneMachine>) {
    h.add::<query_target>(|m, _| {
        let arch = SysEmuTarget::from_name(m.config.target.name)
            .ok_or_else(|| Error::generic("this target is not a SysEmuTarget"))?;
        Ok(TargetInfo { arch })
    });
    h.add::<query_name>(|_, _| Ok(NameInfo { name: None }));
    h.add::<query_uuid>(|_, _| {
        Ok(UuidInfo {
            uuid: "00000000-0000-0000-0000-000000000000".to_owned(),
        })
    });
    h.add::<query_kvm>(|m, _| {
        let present = m.kvm_present();
        Ok(KvmInfo {
            enabled: present && m.accel == "kvm",
            present,
        })
    });
    // `-machine none` has no CPUs and nothing to yank.
    h.add::<query_cpus_fast>(|_, _| Ok(Vec::new()));
    h.add::<query_yank>(|_, _| Ok(Vec::new()));
}
