//! The background activities an empty machine has not started
//! (`migration.json`, `dump.json`, `replay.json`, `stats.json`):
//! migration, dirty-rate measurement, COLO, dumps, record/replay, and the
//! statistics providers of the build.

use qapi_defs::{
    COLOExitReason, COLOMode, COLOStatus, DirtyRateInfo, DirtyRateMeasureMode, DirtyRateStatus,
    DumpGuestMemoryCapability, DumpGuestMemoryFormat, DumpQueryResult, DumpStatus,
    MigrationCapability, MigrationInfo, MigrationStatus, ReplayInfo, ReplayMode, ReplicationStatus,
    Stats, StatsFilterBranch, StatsProvider, StatsResult, StatsSchema, StatsSchemaValue,
    StatsTarget, StatsType, StatsUnit, StatsValue, TimeUnit, cancel_vcpu_dirty_limit, migrate,
    migrate_cancel, migrate_continue, migrate_incoming, migrate_recover, migrate_start_postcopy,
    query_colo_status, query_dirty_rate, query_dump, query_dump_guest_memory_capability,
    query_migrate, query_migrationthreads, query_replay, query_stats, query_stats_schemas,
    query_vcpu_dirty_limit, query_xen_replication_status, replay_break, replay_delete_break,
    replay_seek, set_vcpu_dirty_limit, x_colo_lost_heartbeat, xen_colo_do_checkpoint,
};
use qapi_runtime::{Error, Handlers, QapiEnum};

use crate::kvm::{self, stats};
use crate::machine::NoneMachine;

pub fn register(h: &mut Handlers<NoneMachine>) {
    // MIGRATION_STATUS_NONE fills in nothing, and -machine none has no
    // migration blocker.
    h.add::<query_migrate>(|_, _| Ok(empty_migration_info()));
    h.add::<query_migrationthreads>(|_, _| Ok(Vec::new()));
    // Nothing to cancel; continuing is allowed from the current state only.
    h.add::<migrate_cancel>(|_, _| Ok(()));
    h.add::<migrate_continue>(|_, a| {
        if a.state == MigrationStatus::None {
            return Ok(());
        }
        Err(Error::generic("Migration not in expected state: none"))
    });
    h.add::<migrate_start_postcopy>(|m, _| {
        let postcopy = m
            .migration
            .query_capabilities()
            .iter()
            .any(|c| c.capability == MigrationCapability::PostcopyRam && c.state);
        Err(Error::generic(if postcopy {
            "Postcopy must be started after migration has been started"
        } else {
            "Enable postcopy with migrate_set_capability before the start of migration"
        }))
    });
    // Starting an outgoing migration is not modelled; its argument check is.
    h.add::<migrate>(|_, a| {
        if a.uri.is_none() && a.channels.as_ref().is_none_or(Vec::is_empty) {
            return Err(Error::generic("need either 'uri' or 'channels' argument"));
        }
        Err(Error::generic(
            "The command migrate is not implemented by this emulator",
        ))
    });
    // The command line never has -incoming (defer).
    h.add::<migrate_incoming>(|_, _| {
        Err(Error::generic(
            "'-incoming' was not specified on the command line",
        ))
    });
    h.add::<migrate_recover>(|_, _| {
        Err(Error::generic(
            "Migrate recover can only be run when postcopy is paused.",
        ))
    });
    h.add::<x_colo_lost_heartbeat>(|_, _| Err(Error::generic("VM is not in COLO mode")));
    // No replication state registered: a checkpoint of nothing.
    h.add::<xen_colo_do_checkpoint>(|_, _| Ok(()));
    // The dirty-rate state before any calc-dirty-rate (zeroed statics).
    h.add::<query_dirty_rate>(|_, args| {
        Ok(DirtyRateInfo {
            dirty_rate: None,
            status: DirtyRateStatus::Unstarted,
            start_time: 0,
            calc_time: 0,
            calc_time_unit: args.calc_time_unit.unwrap_or(TimeUnit::Second),
            sample_pages: 0,
            mode: DirtyRateMeasureMode::PageSampling,
            vcpu_dirty_rate: None,
        })
    });
    // Dirty limits need a dirty ring: none are set.
    h.add::<query_vcpu_dirty_limit>(|_, _| Ok(Vec::new()));
    h.add::<query_colo_status>(|_, _| {
        Ok(COLOStatus {
            mode: COLOMode::None,
            last_mode: COLOMode::None,
            reason: COLOExitReason::None,
        })
    });
    h.add::<query_xen_replication_status>(|_, _| {
        Ok(ReplicationStatus {
            error: false,
            desc: None,
        })
    });
    h.add::<query_dump>(|_, _| {
        Ok(DumpQueryResult {
            status: DumpStatus::None,
            completed: 0,
            total: 0,
        })
    });
    h.add::<query_dump_guest_memory_capability>(|m, _| {
        let t = m.target();
        let formats = DumpGuestMemoryFormat::VARIANTS
            .iter()
            .copied()
            .filter(|f| match f {
                DumpGuestMemoryFormat::KdumpLzo | DumpGuestMemoryFormat::KdumpRawLzo => t.dump_lzo,
                DumpGuestMemoryFormat::KdumpSnappy | DumpGuestMemoryFormat::KdumpRawSnappy => {
                    t.dump_snappy
                }
                DumpGuestMemoryFormat::WinDmp => t.win_dump,
                _ => true,
            })
            .collect();
        Ok(DumpGuestMemoryCapability { formats })
    });
    h.add::<query_replay>(|m, _| {
        if !m.target().replay {
            return Err(Error::command_not_found("replay support not available"));
        }
        Ok(ReplayInfo {
            mode: ReplayMode::None,
            filename: None,
            icount: 0,
        })
    });
    // Not recording or replaying (or no replay in the build).
    h.add::<replay_break>(|m, _| {
        replay_error(m, "setting the breakpoint is allowed only in play mode")
    });
    h.add::<replay_delete_break>(|m, _| {
        replay_error(m, "replay breakpoints are allowed only in play mode")
    });
    h.add::<replay_seek>(|m, _| replay_error(m, "replay must be enabled to seek"));
    // Dirty limits need KVM's dirty ring, which is never set up here.
    h.add::<set_vcpu_dirty_limit>(|_, _| {
        Err(Error::generic(
            "dirty page limit feature requires KVM with accelerator property 'dirty-ring-size' set'",
        ))
    });
    h.add::<cancel_vcpu_dirty_limit>(|_, _| Ok(()));
    // No cryptodev object and no vCPU: only KVM's VM statistics, read
    // from the host kernel when KVM is the accelerator.
    h.add::<query_stats>(|m, a| {
        let Some(kvm) = kvm_stats(m) else {
            return Ok(Vec::new());
        };
        if !matches!(a.target, StatsFilterBranch::Vm) {
            return Ok(Vec::new());
        }
        // invoke_stats_cb: once per matching request (or once without).
        let requests: Vec<Option<&Option<Vec<String>>>> = match &a.providers {
            None => vec![None],
            Some(p) => p
                .iter()
                .filter(|r| r.provider == StatsProvider::Kvm)
                .map(|r| Some(&r.names))
                .collect(),
        };
        let mut out = Vec::new();
        for names in requests {
            let names = names.and_then(|n| n.as_ref());
            if names.is_some_and(|n| n.is_empty()) {
                continue;
            }
            let stats = kvm_vm_stats(kvm, names).map_err(Error::generic)?;
            if !stats.is_empty() {
                out.insert(
                    0,
                    StatsResult {
                        provider: StatsProvider::Kvm,
                        qom_path: None,
                        stats,
                    },
                );
            }
        }
        Ok(out)
    });
    h.add::<query_stats_schemas>(|m, args| {
        // Providers register their schema callbacks; KVM's when KVM is the
        // accelerator and the kernel has binary statistics.
        let mut out = Vec::new();
        if let Some(kvm) = kvm_stats(m)
            && args.provider.is_none_or(|p| p == StatsProvider::Kvm)
        {
            out.push(kvm_vm_schema(kvm).map_err(Error::generic)?);
        }
        if args.provider.is_none_or(|p| p == StatsProvider::Cryptodev) {
            out.push(cryptodev_schema());
        }
        Ok(out)
    });
}

/// KVM, when it is the accelerator and registered its statistics.
fn kvm_stats(m: &NoneMachine) -> Option<&'static kvm::Kvm> {
    if !m.kvm_enabled() {
        return None;
    }
    kvm::get().filter(|k| k.has_stats())
}

/// `add_kvmstat_entry`'s filter: the types, units and bases QEMU knows.
fn understood(d: &stats::Desc) -> bool {
    d.kind().is_some() && d.unit().is_some() && d.base().is_some()
}

/// `query_stats_schemas_cb` for the VM (no vCPU here): each descriptor
/// QEMU understands, prepended.
fn kvm_vm_schema(kvm: &kvm::Kvm) -> Result<StatsSchema, String> {
    let f = kvm
        .vm_stats()
        .map_err(|_| "KVM stats: ioctl failed".to_owned())?;
    let (_, descs) = stats::read_descs(&f).map_err(|e| e.0)?;
    let stats = descs
        .iter()
        .rev()
        .filter(|d| understood(d))
        .map(|d| {
            let kind = d.kind().unwrap_or(stats::Type::Cumulative);
            StatsSchemaValue {
                name: d.name.clone(),
                r#type: match kind {
                    stats::Type::Cumulative => StatsType::Cumulative,
                    stats::Type::Instant => StatsType::Instant,
                    stats::Type::Peak => StatsType::Peak,
                    stats::Type::LinearHist => StatsType::LinearHistogram,
                    stats::Type::LogHist => StatsType::Log2Histogram,
                },
                unit: match d.unit() {
                    Some(stats::Unit::Bytes) => Some(StatsUnit::Bytes),
                    Some(stats::Unit::Seconds) => Some(StatsUnit::Seconds),
                    Some(stats::Unit::Cycles) => Some(StatsUnit::Cycles),
                    Some(stats::Unit::Boolean) => Some(StatsUnit::Boolean),
                    _ => None,
                },
                // The base only with a non-zero exponent.
                base: (d.exponent != 0).then(|| d.base()).flatten(),
                exponent: d.exponent,
                bucket_size: (kind == stats::Type::LinearHist).then_some(d.bucket_size),
            }
        })
        .collect();
    Ok(StatsSchema {
        provider: StatsProvider::Kvm,
        target: StatsTarget::Vm,
        stats,
    })
}

/// `query_stats` for the VM: the values of the descriptors QEMU
/// understands and `names` selects, prepended.
fn kvm_vm_stats(kvm: &kvm::Kvm, names: Option<&Vec<String>>) -> Result<Vec<Stats>, String> {
    let f = kvm.vm_stats().map_err(|e| {
        format!(
            "KVM errno {}: {}",
            e.raw_os_error().unwrap_or(0),
            kvm::strerror(&e)
        )
    })?;
    let (h, descs) = stats::read_descs(&f).map_err(|e| e.0)?;
    let values = stats::read_values(&f, &h, &descs).map_err(|e| e.0)?;
    let mut out = Vec::new();
    for (d, v) in descs.iter().zip(values) {
        if names.is_some_and(|n| !n.contains(&d.name)) || !understood(d) {
            continue;
        }
        let value = if d.unit() == Some(stats::Unit::Boolean) {
            StatsValue::Boolean(v.first().is_some_and(|x| *x != 0))
        } else if d.size == 1 {
            StatsValue::Scalar(v.first().copied().unwrap_or(0))
        } else {
            // Prepended one by one: reversed.
            StatsValue::List(v.into_iter().rev().collect())
        };
        out.insert(
            0,
            Stats {
                name: d.name.clone(),
                value,
            },
        );
    }
    Ok(out)
}

fn replay_error(m: &NoneMachine, msg: &str) -> Result<(), Error> {
    if !m.target().replay {
        return Err(Error::command_not_found("replay support not available"));
    }
    Err(Error::generic(msg))
}

fn empty_migration_info() -> MigrationInfo {
    MigrationInfo {
        status: None,
        ram: None,
        vfio: None,
        xbzrle_cache: None,
        total_time: None,
        expected_downtime: None,
        downtime: None,
        setup_time: None,
        cpu_throttle_percentage: None,
        error_desc: None,
        blocked_reasons: None,
        postcopy_blocktime: None,
        postcopy_vcpu_blocktime: None,
        socket_address: None,
        dirty_limit_throttle_time_per_round: None,
        dirty_limit_ring_full_time: None,
    }
}

/// `cryptodev_backend_schemas_cb` (`backends/cryptodev.c`): the symmetric
/// then the asymmetric counters, each prepended to the list.
fn cryptodev_schema() -> StatsSchema {
    const SYM: [&str; 4] = [
        "sym-encrypt-ops",
        "sym-decrypt-ops",
        "sym-encrypt-bytes",
        "sym-decrypt-bytes",
    ];
    const ASYM: [&str; 8] = [
        "asym-encrypt-ops",
        "asym-decrypt-ops",
        "asym-sign-ops",
        "asym-verify-ops",
        "asym-encrypt-bytes",
        "asym-decrypt-bytes",
        "asym-sign-bytes",
        "asym-verify-bytes",
    ];
    let stats = SYM
        .iter()
        .chain(ASYM.iter())
        .rev()
        .map(|name| StatsSchemaValue {
            name: (*name).to_owned(),
            r#type: StatsType::Cumulative,
            unit: None,
            base: None,
            exponent: 0,
            bucket_size: None,
        })
        .collect();
    StatsSchema {
        provider: StatsProvider::Cryptodev,
        target: StatsTarget::Cryptodev,
        stats,
    }
}
