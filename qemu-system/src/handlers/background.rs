//! The background activities an empty machine has not started
//! (`migration.json`, `dump.json`, `replay.json`, `stats.json`):
//! migration, dirty-rate measurement, COLO, dumps, record/replay, and the
//! statistics providers of the build.

use qapi_defs::{
    COLOExitReason, COLOMode, COLOStatus, DirtyRateInfo, DirtyRateMeasureMode, DirtyRateStatus,
    DumpGuestMemoryCapability, DumpGuestMemoryFormat, DumpQueryResult, DumpStatus,
    MigrationCapability, MigrationInfo, MigrationStatus, ReplayInfo, ReplayMode, ReplicationStatus,
    StatsFilterBranch, StatsProvider, StatsSchema, StatsSchemaValue, StatsTarget, StatsType,
    TimeUnit, cancel_vcpu_dirty_limit, migrate, migrate_cancel, migrate_continue, migrate_incoming,
    migrate_recover, migrate_start_postcopy, query_colo_status, query_dirty_rate, query_dump,
    query_dump_guest_memory_capability, query_migrate, query_migrationthreads, query_replay,
    query_stats, query_stats_schemas, query_vcpu_dirty_limit, query_xen_replication_status,
    replay_break, replay_delete_break, replay_seek, set_vcpu_dirty_limit, x_colo_lost_heartbeat,
    xen_colo_do_checkpoint,
};
use qapi_runtime::{Error, Handlers, QapiEnum};

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
    // No cryptodev object and no vCPU; the VM's KVM statistics are the
    // host kernel's and not modelled.
    h.add::<query_stats>(|m, a| {
        let kvm_asked = a
            .providers
            .as_ref()
            .is_none_or(|p| p.iter().any(|r| r.provider == StatsProvider::Kvm));
        if m.kvm_enabled() && kvm_asked && matches!(a.target, StatsFilterBranch::Vm) {
            return Err(Error::generic(
                "The command query-stats is not implemented by this emulator",
            ));
        }
        Ok(Vec::new())
    });
    h.add::<query_stats_schemas>(|_, args| {
        // Providers register their schema callbacks; KVM's only when KVM
        // is the accelerator, and its statistics come from the host
        // kernel (see the README's known differences).
        let mut out = Vec::new();
        if args.provider.is_none_or(|p| p == StatsProvider::Cryptodev) {
            out.push(cryptodev_schema());
        }
        Ok(out)
    });
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
