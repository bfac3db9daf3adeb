//! `machine.json`, `misc.json`, `yank.json`: what the machine is.

use qapi_defs::{
    KvmInfo, NameInfo, SysEmuTarget, TargetInfo, UuidInfo, YankInstance, YankInstanceBranch,
    YankInstanceChardev, query_cpus_fast, query_kvm, query_name, query_target, query_uuid,
    query_yank,
};
use qapi_runtime::{Error, Handlers, QapiEnum};

use crate::machine::NoneMachine;

pub fn register(h: &mut Handlers<NoneMachine>) {
    h.add::<query_target>(|m, _| {
        let arch = SysEmuTarget::from_name(m.config.target.name)
            .ok_or_else(|| Error::generic("this target is not a SysEmuTarget"))?;
        Ok(TargetInfo { arch })
    });
    h.add::<query_name>(|m, _| {
        Ok(NameInfo {
            name: m.name.clone(),
        })
    });
    h.add::<query_uuid>(|m, _| {
        Ok(UuidInfo {
            uuid: m.uuid.clone(),
        })
    });
    h.add::<query_kvm>(|m, _| {
        let present = m.kvm_present();
        Ok(KvmInfo {
            enabled: present && m.kvm_enabled(),
            present,
        })
    });
    // `-machine none` has no CPUs.
    h.add::<query_cpus_fast>(|_, _| Ok(Vec::new()));
    // Socket chardevs register a yank instance each.
    h.add::<query_yank>(|m, _| {
        Ok(m.yank_chardevs
            .iter()
            .map(|id| YankInstance {
                r#type: YankInstanceBranch::Chardev(YankInstanceChardev { id: id.clone() }),
            })
            .collect())
    });
}
