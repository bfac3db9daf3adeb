//! Migration parameters and capabilities of an idle QEMU
//! (`migration/options.c`): defaults, validation, storage.
//!
//! No migration ever runs here, so the checks that depend on a running or
//! incoming migration always pass, and the host checks are answered for
//! a Linux host with userfaultfd write tracking (as Debian's QEMU on the
//! capture host answers them).

use qapi_defs::{
    BitmapMigrationNodeAlias, MigMode, MigrateSetParameters, MigrationCapability,
    MigrationCapabilityStatus, MigrationParameters, MultiFDCompression, StrOrNull,
    ZeroPageDetection,
};
use qapi_runtime::{Config, Error, QapiEnum};

use crate::machine::enum_values;

/// The migration state of the machine.
pub struct Migration {
    /// QEMU's `s->parameters` (every member present but
    /// `block_bitmap_mapping` until set; `tls_authz` absent means NULL).
    pub params: MigrationParameters,
    /// `s->capabilities`, by [`MigrationCapability::index`].
    pub caps: Vec<bool>,
    /// The capabilities this build has, in enum order.
    pub cap_list: Vec<MigrationCapability>,
    /// `qemu_target_page_size()`.
    page_size: u64,
    /// Build facts the checks need.
    linux: bool,
    replication: bool,
}

/// `QERR_INVALID_PARAMETER_VALUE`.
fn invalid(name: &str, expects: &str) -> Error {
    Error::generic(format!("Parameter '{name}' expects {expects}"))
}

impl Migration {
    pub fn new(cfg: &Config, page_bits: u32) -> Migration {
        let has = |s: &str| cfg.defined().any(|d| d == s);
        Migration {
            params: MigrationParameters {
                announce_initial: Some(50),
                announce_max: Some(550),
                announce_rounds: Some(5),
                announce_step: Some(100),
                throttle_trigger_threshold: Some(50),
                cpu_throttle_initial: Some(20),
                cpu_throttle_increment: Some(10),
                cpu_throttle_tailslow: Some(false),
                tls_creds: Some(String::new()),
                tls_hostname: Some(String::new()),
                tls_authz: None,
                max_bandwidth: Some(128 << 20),
                avail_switchover_bandwidth: Some(0),
                downtime_limit: Some(300),
                x_checkpoint_delay: Some(200 * 100),
                multifd_channels: Some(2),
                xbzrle_cache_size: Some(64 * 1024 * 1024),
                max_postcopy_bandwidth: Some(0),
                max_cpu_throttle: Some(99),
                multifd_compression: Some(MultiFDCompression::None),
                multifd_zlib_level: Some(1),
                multifd_qatzip_level: Some(1),
                multifd_zstd_level: Some(1),
                block_bitmap_mapping: None,
                x_vcpu_dirty_limit_period: Some(1000),
                vcpu_dirty_limit: Some(1),
                mode: Some(MigMode::Normal),
                zero_page_detection: Some(ZeroPageDetection::Multifd),
                direct_io: Some(false),
            },
            caps: vec![false; MigrationCapability::VARIANTS.len()],
            cap_list: enum_values::<MigrationCapability>(cfg),
            page_size: 1 << page_bits,
            linux: has("CONFIG_LINUX"),
            replication: has("CONFIG_REPLICATION"),
        }
    }

    fn cap(&self, c: MigrationCapability) -> bool {
        self.caps[c.index()]
    }

    fn compression(p: &MigrationParameters) -> bool {
        p.multifd_compression
            .is_some_and(|c| c != MultiFDCompression::None)
    }

    fn tls(p: &MigrationParameters) -> bool {
        p.tls_creds.as_deref().is_some_and(|s| !s.is_empty())
    }

    /// `qmp_query_migrate_parameters`.
    pub fn query_parameters(&self) -> MigrationParameters {
        let mut p = self.params.clone();
        p.tls_authz = Some(p.tls_authz.unwrap_or_default());
        p
    }

    /// `qmp_query_migrate_capabilities`.
    pub fn query_capabilities(&self) -> Vec<MigrationCapabilityStatus> {
        self.cap_list
            .iter()
            .map(|&c| MigrationCapabilityStatus {
                capability: c,
                state: self.cap(c),
            })
            .collect()
    }

    /// `qmp_migrate_set_parameters`: test-apply, check, apply.
    pub fn set_parameters(&mut self, mut a: MigrateSetParameters) -> Result<(), Error> {
        // "" stands for null in the three tls_* parameters.
        for s in [&mut a.tls_creds, &mut a.tls_hostname, &mut a.tls_authz] {
            if let Some(StrOrNull::N(())) = s {
                *s = Some(StrOrNull::S(String::new()));
            }
        }
        let text = |s: &Option<StrOrNull>| match s {
            Some(StrOrNull::S(s)) => Some(s.clone()),
            _ => None,
        };
        let mut tmp = self.params.clone();
        macro_rules! test_apply {
            ($($f:ident),*) => { $( if a.$f.is_some() { tmp.$f = a.$f.clone(); } )* };
        }
        test_apply!(
            throttle_trigger_threshold,
            cpu_throttle_initial,
            cpu_throttle_increment,
            cpu_throttle_tailslow,
            max_bandwidth,
            avail_switchover_bandwidth,
            downtime_limit,
            x_checkpoint_delay,
            multifd_channels,
            multifd_compression,
            multifd_qatzip_level,
            multifd_zlib_level,
            multifd_zstd_level,
            xbzrle_cache_size,
            max_postcopy_bandwidth,
            max_cpu_throttle,
            announce_initial,
            announce_max,
            announce_rounds,
            announce_step,
            block_bitmap_mapping,
            x_vcpu_dirty_limit_period,
            vcpu_dirty_limit,
            mode,
            zero_page_detection,
            direct_io
        );
        // The test copy takes the tls_creds and tls_hostname strings, not
        // tls_authz (migrate_params_test_apply).
        if let Some(s) = text(&a.tls_creds) {
            tmp.tls_creds = Some(s);
        }
        if let Some(s) = text(&a.tls_hostname) {
            tmp.tls_hostname = Some(s);
        }
        self.check(&tmp)?;
        // migrate_params_apply: everything the test copy has, and tls_authz.
        let authz = text(&a.tls_authz);
        tmp.tls_authz = match authz {
            Some(s) => Some(s),
            None => self.params.tls_authz.take(),
        };
        self.params = tmp;
        Ok(())
    }

    /// `migrate_params_check`.
    fn check(&self, p: &MigrationParameters) -> Result<(), Error> {
        let v = |o: Option<u64>| o.unwrap_or(0);
        let b = |o: Option<u8>| o.unwrap_or(0);
        if !(1..=100).contains(&b(p.throttle_trigger_threshold)) {
            return Err(invalid(
                "throttle_trigger_threshold",
                "an integer in the range of 1 to 100",
            ));
        }
        if !(1..=99).contains(&b(p.cpu_throttle_initial)) {
            return Err(invalid(
                "cpu_throttle_initial",
                "an integer in the range of 1 to 99",
            ));
        }
        if !(1..=99).contains(&b(p.cpu_throttle_increment)) {
            return Err(invalid(
                "cpu_throttle_increment",
                "an integer in the range of 1 to 99",
            ));
        }
        // max_bandwidth and avail_switchover_bandwidth cannot exceed
        // SIZE_MAX on a 64-bit host.
        if v(p.downtime_limit) > 2000 * 1000 {
            return Err(invalid(
                "downtime_limit",
                "an integer in the range of 0 to (2000 * 1000) ms",
            ));
        }
        if b(p.multifd_channels) < 1 {
            return Err(invalid("multifd_channels", "a value between 1 and 255"));
        }
        if b(p.multifd_zlib_level) > 9 {
            return Err(invalid("multifd_zlib_level", "a value between 0 and 9"));
        }
        if !(1..=9).contains(&b(p.multifd_qatzip_level)) {
            return Err(invalid("multifd_qatzip_level", "a value between 1 and 9"));
        }
        if b(p.multifd_zstd_level) > 20 {
            return Err(invalid("multifd_zstd_level", "a value between 0 and 20"));
        }
        let cache = v(p.xbzrle_cache_size);
        if cache < self.page_size || !cache.is_power_of_two() {
            return Err(invalid(
                "xbzrle_cache_size",
                "a power of two no less than the target page size",
            ));
        }
        let max = b(p.max_cpu_throttle);
        if max < b(p.cpu_throttle_initial) || max > 99 {
            return Err(invalid(
                "max_cpu_throttle",
                "an integer in the range of cpu_throttle_initial to 99",
            ));
        }
        if v(p.announce_initial) > 100000 {
            return Err(invalid("announce_initial", "a value between 0 and 100000"));
        }
        if v(p.announce_max) > 100000 {
            return Err(invalid("announce_max", "a value between 0 and 100000"));
        }
        if v(p.announce_rounds) > 1000 {
            return Err(invalid("announce_rounds", "a value between 0 and 1000"));
        }
        if !(1..=10000).contains(&v(p.announce_step)) {
            return Err(invalid("announce_step", "a value between 0 and 10000"));
        }
        if let Some(map) = &p.block_bitmap_mapping {
            check_alias_map(map, true)
                .and_then(|()| check_alias_map(map, false))
                .map_err(|m| {
                    Error::generic(format!(
                        "Invalid mapping given for block-bitmap-mapping: {m}"
                    ))
                })?;
        }
        if self.linux
            && self.cap(MigrationCapability::ZeroCopySend)
            && (Self::compression(p) || Self::tls(p))
        {
            return Err(Error::generic(
                "Zero copy only available for non-compressed non-TLS multifd migration",
            ));
        }
        // Checked against the current parameters, not the new ones.
        if self.cap(MigrationCapability::MappedRam)
            && (Self::compression(&self.params) || Self::tls(&self.params))
        {
            return Err(Error::generic(
                "Mapped-ram only available for non-compressed non-TLS multifd migration",
            ));
        }
        if !(1..=1000).contains(&v(p.x_vcpu_dirty_limit_period)) {
            return Err(invalid(
                "x-vcpu-dirty-limit-period",
                "a value between 1 and 1000",
            ));
        }
        if v(p.vcpu_dirty_limit) < 1 {
            return Err(Error::generic(
                "Parameter 'vcpu_dirty_limit' must be greater than 1 MB/s",
            ));
        }
        Ok(())
    }

    /// `qmp_migrate_set_capabilities`; `warn` prints QEMU's warnings.
    pub fn set_capabilities(
        &mut self,
        list: &[MigrationCapabilityStatus],
        kvm: bool,
        warn: &dyn Fn(&str),
    ) -> Result<(), Error> {
        let mut new = self.caps.clone();
        for c in list {
            new[c.capability.index()] = c.state;
        }
        self.check_caps(&new, kvm, warn)?;
        for c in list {
            self.caps[c.capability.index()] = c.state;
        }
        Ok(())
    }

    /// `migrate_caps_check` for an idle, non-incoming machine.
    fn check_caps(&self, new: &[bool], kvm: bool, warn: &dyn Fn(&str)) -> Result<(), Error> {
        use MigrationCapability as C;
        let on = |c: C| new[c.index()];
        let err = |m: &str| Err(Error::generic(m));
        if on(C::ZeroBlocks) {
            warn("zero-blocks capability is deprecated");
        }
        if !self.replication && on(C::XColo) {
            return err("QEMU compiled without replication module can't enable COLO");
        }
        if on(C::PostcopyRam) {
            if on(C::XIgnoreShared) {
                return err("Postcopy is not compatible with ignore-shared");
            }
            if on(C::Multifd) {
                return err("Postcopy is not yet compatible with multifd");
            }
        }
        if on(C::BackgroundSnapshot) {
            const INCOMPATIBLE: &[C] = &[
                C::PostcopyRam,
                C::DirtyBitmaps,
                C::PostcopyBlocktime,
                C::LateBlockActivate,
                C::ReturnPath,
                C::Multifd,
                C::PauseBeforeSwitchover,
                C::AutoConverge,
                C::ReleaseRam,
                C::RdmaPinAll,
                C::Xbzrle,
                C::XColo,
                C::ValidateUuid,
                C::ZeroCopySend,
            ];
            if let Some(c) = INCOMPATIBLE.iter().find(|&&c| on(c)) {
                return Err(Error::generic(format!(
                    "Background-snapshot is not compatible with {}",
                    c.as_str()
                )));
            }
        }
        if self.linux {
            if on(C::ZeroCopySend)
                && (!on(C::Multifd)
                    || on(C::Xbzrle)
                    || Self::compression(&self.params)
                    || Self::tls(&self.params))
            {
                return err(
                    "Zero copy only available for non-compressed non-TLS multifd migration",
                );
            }
        } else if on(C::ZeroCopySend) {
            return err("Zero copy currently only available on Linux");
        }
        if on(C::PostcopyPreempt) && !on(C::PostcopyRam) {
            return err("Postcopy preempt requires postcopy-ram");
        }
        if on(C::SwitchoverAck) && !on(C::ReturnPath) {
            return err("Capability 'switchover-ack' requires capability 'return-path'");
        }
        if on(C::DirtyLimit) {
            if on(C::AutoConverge) {
                return err(
                    "dirty-limit conflicts with auto-converge either of then available currently",
                );
            }
            // The dirty ring is never configured (no `dirty-ring-size`).
            let _ = kvm;
            return err("dirty-limit requires KVM with accelerator property 'dirty-ring-size' set");
        }
        if on(C::Multifd) && on(C::Xbzrle) {
            return err("Multifd is not compatible with xbzrle");
        }
        if on(C::MappedRam) {
            if on(C::Xbzrle) {
                return err("Mapped-ram migration is incompatible with xbzrle");
            }
            if on(C::PostcopyRam) {
                return err("Mapped-ram migration is incompatible with postcopy");
            }
        }
        Ok(())
    }
}

/// QEMU's `id_wellformed`: a letter, then letters, digits, `-`, `.`, `_`.
fn id_wellformed(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
}

/// `construct_alias_map` (`migration/block-dirty-bitmap.c`) in one
/// direction, for its errors.
fn check_alias_map(map: &[BitmapMigrationNodeAlias], name_to_alias: bool) -> Result<(), String> {
    /// `sizeof(BlockDriverState.node_name) - 1`.
    const MAX_NODE_NAME: usize = 31;
    /// `BDRV_BITMAP_MAX_NAME_SIZE`.
    const MAX_BITMAP_NAME: usize = 1023;
    let mut nodes: Vec<&str> = Vec::new();
    for n in map {
        if !id_wellformed(&n.alias) {
            return Err(format!("The node alias '{}' is not well-formed", n.alias));
        }
        if n.alias.len() > 255 {
            return Err(format!(
                "The node alias '{}' is longer than 255 bytes",
                n.alias
            ));
        }
        if n.node_name.len() > MAX_NODE_NAME {
            return Err(format!(
                "The node name '{}' is longer than {MAX_NODE_NAME} bytes",
                n.node_name
            ));
        }
        let from = if name_to_alias {
            &n.node_name
        } else {
            &n.alias
        };
        if nodes.contains(&from.as_str()) {
            return Err(if name_to_alias {
                format!("The node name '{}' is mapped twice", n.node_name)
            } else {
                format!("The node alias '{}' is used twice", n.alias)
            });
        }
        nodes.push(from);
        let mut bitmaps: Vec<&str> = Vec::new();
        for bm in &n.bitmaps {
            if bm.alias.len() > 255 {
                return Err(format!(
                    "The bitmap alias '{}' is longer than 255 bytes",
                    bm.alias
                ));
            }
            if bm.name.len() > MAX_BITMAP_NAME {
                return Err(format!(
                    "The bitmap name '{}' is longer than {MAX_BITMAP_NAME} bytes",
                    bm.name
                ));
            }
            let from = if name_to_alias { &bm.name } else { &bm.alias };
            if bitmaps.contains(&from.as_str()) {
                return Err(if name_to_alias {
                    format!("The bitmap '{}'/'{}' is mapped twice", n.node_name, bm.name)
                } else {
                    format!(
                        "The bitmap alias '{}'/'{}' is used twice",
                        n.alias, bm.alias
                    )
                });
            }
            bitmaps.push(from);
        }
    }
    Ok(())
}

/// `hmp_info_migrate_parameters`.
pub fn hmp_parameters(p: &MigrationParameters) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let n = |o: Option<u64>| o.unwrap_or(0);
    let u = |o: Option<u8>| o.unwrap_or(0);
    let onoff = |o: Option<bool>| if o.unwrap_or(false) { "on" } else { "off" };
    let st = |o: &Option<String>| o.clone().unwrap_or_default();
    let _ = writeln!(s, "announce-initial: {} ms", n(p.announce_initial));
    let _ = writeln!(s, "announce-max: {} ms", n(p.announce_max));
    let _ = writeln!(s, "announce-rounds: {}", n(p.announce_rounds));
    let _ = writeln!(s, "announce-step: {} ms", n(p.announce_step));
    let _ = writeln!(
        s,
        "throttle-trigger-threshold: {}",
        u(p.throttle_trigger_threshold)
    );
    let _ = writeln!(s, "cpu-throttle-initial: {}", u(p.cpu_throttle_initial));
    let _ = writeln!(s, "cpu-throttle-increment: {}", u(p.cpu_throttle_increment));
    let _ = writeln!(
        s,
        "cpu-throttle-tailslow: {}",
        onoff(p.cpu_throttle_tailslow)
    );
    let _ = writeln!(s, "max-cpu-throttle: {}", u(p.max_cpu_throttle));
    let _ = writeln!(s, "tls-creds: '{}'", st(&p.tls_creds));
    let _ = writeln!(s, "tls-hostname: '{}'", st(&p.tls_hostname));
    let _ = writeln!(s, "max-bandwidth: {} bytes/second", n(p.max_bandwidth));
    let _ = writeln!(
        s,
        "avail-switchover-bandwidth: {} bytes/second",
        n(p.avail_switchover_bandwidth)
    );
    let _ = writeln!(s, "downtime-limit: {} ms", n(p.downtime_limit));
    let _ = writeln!(
        s,
        "x-checkpoint-delay: {} ms",
        p.x_checkpoint_delay.unwrap_or(0)
    );
    let _ = writeln!(s, "multifd-channels: {}", u(p.multifd_channels));
    let _ = writeln!(
        s,
        "multifd-compression: {}",
        p.multifd_compression
            .unwrap_or(MultiFDCompression::None)
            .as_str()
    );
    let _ = writeln!(
        s,
        "zero-page-detection: {}",
        p.zero_page_detection
            .unwrap_or(ZeroPageDetection::Multifd)
            .as_str()
    );
    let _ = writeln!(s, "xbzrle-cache-size: {} bytes", n(p.xbzrle_cache_size));
    let _ = writeln!(s, "max-postcopy-bandwidth: {}", n(p.max_postcopy_bandwidth));
    let _ = writeln!(s, "tls-authz: '{}'", st(&p.tls_authz));
    if let Some(map) = &p.block_bitmap_mapping {
        let _ = writeln!(s, "block-bitmap-mapping:");
        for node in map {
            let _ = writeln!(s, "  '{}' -> '{}'", node.node_name, node.alias);
            for bm in &node.bitmaps {
                let _ = writeln!(s, "    '{}' -> '{}'", bm.name, bm.alias);
            }
        }
    }
    let _ = writeln!(
        s,
        "x-vcpu-dirty-limit-period: {} ms",
        n(p.x_vcpu_dirty_limit_period)
    );
    let _ = writeln!(s, "vcpu-dirty-limit: {} MB/s", n(p.vcpu_dirty_limit));
    let _ = writeln!(s, "mode: {}", p.mode.unwrap_or(MigMode::Normal).as_str());
    if p.direct_io.is_some() {
        let _ = writeln!(s, "direct-io: {}", onoff(p.direct_io));
    }
    s
}

/// `hmp_info_migrate_capabilities`.
pub fn hmp_capabilities(caps: &[MigrationCapabilityStatus]) -> String {
    caps.iter()
        .map(|c| {
            format!(
                "{}: {}\n",
                c.capability.as_str(),
                if c.state { "on" } else { "off" }
            )
        })
        .collect()
}
