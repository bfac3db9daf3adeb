//! x86 CPU models under KVM: which of a model's features the host's KVM
//! cannot provide (`x86_cpu_class_check_missing_features` in QEMU's
//! `target/i386/cpu.c`).
//!
//! A model's features are its static expansion under TCG (the emulator
//! data), turned into what `x86_cpu_load_model` and
//! `x86_cpu_expand_features` give under KVM; each feature word is then
//! compared with what KVM supports (`x86_cpu_get_supported_feature_word`:
//! `kvm_arch_get_supported_cpuid` or `kvm_arch_get_supported_msr_feature`
//! of `target/i386/kvm/kvm.c`), and the missing bits are named in feature
//! word, then bit order (`x86_cpu_list_feature_names`).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::Host;

/// Where a feature word comes from (`FeatureWordInfo.type`, `.cpuid`,
/// `.msr`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// `CPUID[eax, ecx].reg`.
    Cpuid { eax: u32, ecx: u32, reg: Reg },
    /// A feature MSR.
    Msr(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reg {
    Eax,
    Ebx,
    Ecx,
    Edx,
}

/// One `FeatureWord` with its `feat_names` (empty: no name).
pub struct Word {
    pub id: W,
    pub source: Source,
    pub names: &'static [(u32, &'static str)],
}

/// `enum FeatureWord` of `target/i386/cpu.h`, in its order (the order of
/// the names in `unavailable-features`).
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum W {
    F1Edx,
    F1Ecx,
    F7_0Ebx,
    F7_0Ecx,
    F7_0Edx,
    F7_1Eax,
    F8000_0001Edx,
    F8000_0001Ecx,
    F8000_0007Ebx,
    F8000_0007Edx,
    F8000_0008Ebx,
    F8000_0021Eax,
    F8000_0021Ebx,
    F8000_0022Eax,
    FC000_0001Edx,
    Kvm,
    KvmHints,
    Svm,
    Xsave,
    F6Eax,
    XsaveXcr0Lo,
    XsaveXcr0Hi,
    ArchCapabilities,
    CoreCapability,
    PerfCapabilities,
    VmxProcbasedCtls,
    VmxSecondaryCtls,
    VmxPinbasedCtls,
    VmxExitCtls,
    VmxEntryCtls,
    VmxMisc,
    VmxEptVpidCaps,
    VmxBasic,
    VmxVmfunc,
    F14_0Ecx,
    Sgx12_0Eax,
    Sgx12_0Ebx,
    Sgx12_1Eax,
    XsaveXssLo,
    XsaveXssHi,
    F7_1Edx,
    F7_2Edx,
    F24_0Ebx,
}

const fn cpuid(eax: u32, ecx: u32, reg: Reg) -> Source {
    Source::Cpuid { eax, ecx, reg }
}

/// `KVM_CPUID_FEATURES`.
const KVM_CPUID_FEATURES: u32 = 0x4000_0001;

/// `feature_word_info[]`, in `FeatureWord` order; only the named bits.
#[rustfmt::skip]
pub static WORDS: &[Word] = &[
    Word {
        id: W::F1Edx,
        source: cpuid(1, 0, Reg::Edx),
        names: &[
            (0, "fpu"), (1, "vme"), (2, "de"), (3, "pse"), (4, "tsc"), (5, "msr"), (6, "pae"),
            (7, "mce"), (8, "cx8"), (9, "apic"), (11, "sep"), (12, "mtrr"), (13, "pge"),
            (14, "mca"), (15, "cmov"), (16, "pat"), (17, "pse36"), (18, "pn"), (19, "clflush"),
            (21, "ds"), (22, "acpi"), (23, "mmx"), (24, "fxsr"), (25, "sse"), (26, "sse2"),
            (27, "ss"), (28, "ht"), (29, "tm"), (30, "ia64"), (31, "pbe"),
        ],
    },
    Word {
        id: W::F1Ecx,
        source: cpuid(1, 0, Reg::Ecx),
        names: &[
            (0, "pni"), (1, "pclmulqdq"), (2, "dtes64"), (3, "monitor"), (4, "ds-cpl"),
            (5, "vmx"), (6, "smx"), (7, "est"), (8, "tm2"), (9, "ssse3"), (10, "cid"),
            (12, "fma"), (13, "cx16"), (14, "xtpr"), (15, "pdcm"), (17, "pcid"), (18, "dca"),
            (19, "sse4.1"), (20, "sse4.2"), (21, "x2apic"), (22, "movbe"), (23, "popcnt"),
            (24, "tsc-deadline"), (25, "aes"), (26, "xsave"), (28, "avx"), (29, "f16c"),
            (30, "rdrand"), (31, "hypervisor"),
        ],
    },
    Word {
        id: W::F7_0Ebx,
        source: cpuid(7, 0, Reg::Ebx),
        names: &[
            (0, "fsgsbase"), (1, "tsc-adjust"), (2, "sgx"), (3, "bmi1"), (4, "hle"),
            (5, "avx2"), (6, "fdp-excptn-only"), (7, "smep"), (8, "bmi2"), (9, "erms"),
            (10, "invpcid"), (11, "rtm"), (13, "zero-fcs-fds"), (14, "mpx"), (16, "avx512f"),
            (17, "avx512dq"), (18, "rdseed"), (19, "adx"), (20, "smap"), (21, "avx512ifma"),
            (22, "pcommit"), (23, "clflushopt"), (24, "clwb"), (25, "intel-pt"),
            (26, "avx512pf"), (27, "avx512er"), (28, "avx512cd"), (29, "sha-ni"),
            (30, "avx512bw"), (31, "avx512vl"),
        ],
    },
    Word {
        id: W::F7_0Ecx,
        source: cpuid(7, 0, Reg::Ecx),
        names: &[
            (1, "avx512vbmi"), (2, "umip"), (3, "pku"), (5, "waitpkg"), (6, "avx512vbmi2"),
            (8, "gfni"), (9, "vaes"), (10, "vpclmulqdq"), (11, "avx512vnni"),
            (12, "avx512bitalg"), (14, "avx512-vpopcntdq"), (16, "la57"), (22, "rdpid"),
            (24, "bus-lock-detect"), (25, "cldemote"), (27, "movdiri"), (28, "movdir64b"),
            (30, "sgxlc"), (31, "pks"),
        ],
    },
    Word {
        id: W::F7_0Edx,
        source: cpuid(7, 0, Reg::Edx),
        names: &[
            (2, "avx512-4vnniw"), (3, "avx512-4fmaps"), (4, "fsrm"),
            (8, "avx512-vp2intersect"), (10, "md-clear"), (14, "serialize"),
            (16, "tsx-ldtrk"), (19, "arch-lbr"), (22, "amx-bf16"), (23, "avx512-fp16"),
            (24, "amx-tile"), (25, "amx-int8"), (26, "spec-ctrl"), (27, "stibp"),
            (28, "flush-l1d"), (29, "arch-capabilities"), (30, "core-capability"), (31, "ssbd"),
        ],
    },
    Word {
        id: W::F7_1Eax,
        source: cpuid(7, 1, Reg::Eax),
        names: &[
            (0, "sha512"), (1, "sm3"), (2, "sm4"), (4, "avx-vnni"), (5, "avx512-bf16"),
            (7, "cmpccxadd"), (10, "fzrm"), (11, "fsrs"), (12, "fsrc"), (17, "fred"),
            (18, "lkgs"), (19, "wrmsrns"), (21, "amx-fp16"), (23, "avx-ifma"), (26, "lam"),
        ],
    },
    Word {
        id: W::F8000_0001Edx,
        source: cpuid(0x8000_0001, 0, Reg::Edx),
        names: &[
            (11, "syscall"), (20, "nx"), (22, "mmxext"), (25, "fxsr-opt"), (26, "pdpe1gb"),
            (27, "rdtscp"), (29, "lm"), (30, "3dnowext"), (31, "3dnow"),
        ],
    },
    Word {
        id: W::F8000_0001Ecx,
        source: cpuid(0x8000_0001, 0, Reg::Ecx),
        names: &[
            (0, "lahf-lm"), (1, "cmp-legacy"), (2, "svm"), (3, "extapic"), (4, "cr8legacy"),
            (5, "abm"), (6, "sse4a"), (7, "misalignsse"), (8, "3dnowprefetch"), (9, "osvw"),
            (10, "ibs"), (11, "xop"), (12, "skinit"), (13, "wdt"), (15, "lwp"), (16, "fma4"),
            (17, "tce"), (19, "nodeid-msr"), (21, "tbm"), (22, "topoext"),
            (23, "perfctr-core"), (24, "perfctr-nb"),
        ],
    },
    Word {
        id: W::F8000_0007Ebx,
        source: cpuid(0x8000_0007, 0, Reg::Ebx),
        names: &[(0, "overflow-recov"), (1, "succor")],
    },
    Word {
        id: W::F8000_0007Edx,
        source: cpuid(0x8000_0007, 0, Reg::Edx),
        names: &[(8, "invtsc")],
    },
    Word {
        id: W::F8000_0008Ebx,
        source: cpuid(0x8000_0008, 0, Reg::Ebx),
        names: &[
            (0, "clzero"), (2, "xsaveerptr"), (9, "wbnoinvd"), (12, "ibpb"), (14, "ibrs"),
            (15, "amd-stibp"), (17, "stibp-always-on"), (24, "amd-ssbd"), (25, "virt-ssbd"),
            (26, "amd-no-ssb"), (28, "amd-psfd"),
        ],
    },
    Word {
        id: W::F8000_0021Eax,
        source: cpuid(0x8000_0021, 0, Reg::Eax),
        names: &[
            (0, "no-nested-data-bp"), (2, "lfence-always-serializing"),
            (6, "null-sel-clr-base"), (8, "auto-ibrs"), (24, "eraps"), (27, "sbpb"),
            (28, "ibpb-brtype"), (29, "srso-no"), (30, "srso-user-kernel-no"),
        ],
    },
    Word {
        id: W::F8000_0021Ebx,
        source: cpuid(0x8000_0021, 0, Reg::Ebx),
        names: &[],
    },
    Word {
        id: W::F8000_0022Eax,
        source: cpuid(0x8000_0022, 0, Reg::Eax),
        names: &[(0, "perfmon-v2")],
    },
    Word {
        id: W::FC000_0001Edx,
        source: cpuid(0xC000_0001, 0, Reg::Edx),
        names: &[
            (2, "xstore"), (3, "xstore-en"), (6, "xcrypt"), (7, "xcrypt-en"), (8, "ace2"),
            (9, "ace2-en"), (10, "phe"), (11, "phe-en"), (12, "pmm"), (13, "pmm-en"),
        ],
    },
    Word {
        id: W::Kvm,
        source: cpuid(KVM_CPUID_FEATURES, 0, Reg::Eax),
        names: &[
            (0, "kvmclock"), (1, "kvm-nopiodelay"), (2, "kvm-mmu"), (3, "kvmclock"),
            (4, "kvm-asyncpf"), (5, "kvm-steal-time"), (6, "kvm-pv-eoi"), (7, "kvm-pv-unhalt"),
            (9, "kvm-pv-tlb-flush"), (10, "kvm-asyncpf-vmexit"), (11, "kvm-pv-ipi"),
            (12, "kvm-poll-control"), (13, "kvm-pv-sched-yield"), (14, "kvm-asyncpf-int"),
            (15, "kvm-msi-ext-dest-id"), (24, "kvmclock-stable-bit"),
        ],
    },
    Word {
        id: W::KvmHints,
        source: cpuid(KVM_CPUID_FEATURES, 0, Reg::Edx),
        names: &[(0, "kvm-hint-dedicated")],
    },
    Word {
        id: W::Svm,
        source: cpuid(0x8000_000A, 0, Reg::Edx),
        names: &[
            (0, "npt"), (1, "lbrv"), (2, "svm-lock"), (3, "nrip-save"), (4, "tsc-scale"),
            (5, "vmcb-clean"), (6, "flushbyasid"), (7, "decodeassists"), (10, "pause-filter"),
            (12, "pfthreshold"), (13, "avic"), (15, "v-vmsave-vmload"), (16, "vgif"),
            (25, "vnmi"), (28, "svme-addr-chk"),
        ],
    },
    Word {
        id: W::Xsave,
        source: cpuid(0xd, 1, Reg::Eax),
        names: &[(0, "xsaveopt"), (1, "xsavec"), (2, "xgetbv1"), (3, "xsaves"), (4, "xfd")],
    },
    Word {
        id: W::F6Eax,
        source: cpuid(6, 0, Reg::Eax),
        names: &[(2, "arat")],
    },
    // The XSAVE components: unnamed.
    Word {
        id: W::XsaveXcr0Lo,
        source: cpuid(0xd, 0, Reg::Eax),
        names: &[],
    },
    Word {
        id: W::XsaveXcr0Hi,
        source: cpuid(0xd, 0, Reg::Edx),
        names: &[],
    },
    Word {
        id: W::ArchCapabilities,
        source: Source::Msr(0x10a),
        names: &[
            (0, "rdctl-no"), (1, "ibrs-all"), (2, "rsba"), (3, "skip-l1dfl-vmentry"),
            (4, "ssb-no"), (5, "mds-no"), (6, "pschange-mc-no"), (7, "tsx-ctrl"),
            (8, "taa-no"), (13, "sbdr-ssdp-no"), (14, "fbsdp-no"), (15, "psdp-no"),
            (17, "fb-clear"), (20, "bhi-no"), (24, "pbrsb-no"), (26, "gds-no"),
            (27, "rfds-no"), (28, "rfds-clear"),
        ],
    },
    Word {
        id: W::CoreCapability,
        source: Source::Msr(0xcf),
        names: &[(5, "split-lock-detect")],
    },
    Word {
        id: W::PerfCapabilities,
        source: Source::Msr(0x345),
        names: &[(13, "full-width-write")],
    },
    Word {
        id: W::VmxProcbasedCtls,
        source: Source::Msr(MSR_IA32_VMX_TRUE_PROCBASED_CTLS),
        names: &[
            (2, "vmx-vintr-pending"), (3, "vmx-tsc-offset"), (7, "vmx-hlt-exit"),
            (9, "vmx-invlpg-exit"), (10, "vmx-mwait-exit"), (11, "vmx-rdpmc-exit"),
            (12, "vmx-rdtsc-exit"), (15, "vmx-cr3-load-noexit"), (16, "vmx-cr3-store-noexit"),
            (19, "vmx-cr8-load-exit"), (20, "vmx-cr8-store-exit"), (21, "vmx-flexpriority"),
            (22, "vmx-vnmi-pending"), (23, "vmx-movdr-exit"), (24, "vmx-io-exit"),
            (25, "vmx-io-bitmap"), (27, "vmx-mtf"), (28, "vmx-msr-bitmap"),
            (29, "vmx-monitor-exit"), (30, "vmx-pause-exit"), (31, "vmx-secondary-ctls"),
        ],
    },
    Word {
        id: W::VmxSecondaryCtls,
        source: Source::Msr(MSR_IA32_VMX_PROCBASED_CTLS2),
        names: &[
            (0, "vmx-apicv-xapic"), (1, "vmx-ept"), (2, "vmx-desc-exit"),
            (3, "vmx-rdtscp-exit"), (4, "vmx-apicv-x2apic"), (5, "vmx-vpid"),
            (6, "vmx-wbinvd-exit"), (7, "vmx-unrestricted-guest"), (8, "vmx-apicv-register"),
            (9, "vmx-apicv-vid"), (10, "vmx-ple"), (11, "vmx-rdrand-exit"),
            (12, "vmx-invpcid-exit"), (13, "vmx-vmfunc"), (14, "vmx-shadow-vmcs"),
            (15, "vmx-encls-exit"), (16, "vmx-rdseed-exit"), (17, "vmx-pml"),
            (20, "vmx-xsaves"), (25, "vmx-tsc-scaling"), (26, "vmx-enable-user-wait-pause"),
        ],
    },
    Word {
        id: W::VmxPinbasedCtls,
        source: Source::Msr(MSR_IA32_VMX_TRUE_PINBASED_CTLS),
        names: &[
            (0, "vmx-intr-exit"), (3, "vmx-nmi-exit"), (5, "vmx-vnmi"),
            (6, "vmx-preemption-timer"), (7, "vmx-posted-intr"),
        ],
    },
    Word {
        id: W::VmxExitCtls,
        source: Source::Msr(MSR_IA32_VMX_TRUE_EXIT_CTLS),
        names: &[
            (2, "vmx-exit-nosave-debugctl"), (12, "vmx-exit-load-perf-global-ctrl"),
            (15, "vmx-exit-ack-intr"), (18, "vmx-exit-save-pat"), (19, "vmx-exit-load-pat"),
            (20, "vmx-exit-save-efer"), (21, "vmx-exit-load-efer"),
            (22, "vmx-exit-save-preemption-timer"), (23, "vmx-exit-clear-bndcfgs"),
            (25, "vmx-exit-clear-rtit-ctl"), (29, "vmx-exit-load-pkrs"),
            (31, "vmx-exit-secondary-ctls"),
        ],
    },
    Word {
        id: W::VmxEntryCtls,
        source: Source::Msr(MSR_IA32_VMX_TRUE_ENTRY_CTLS),
        names: &[
            (2, "vmx-entry-noload-debugctl"), (9, "vmx-entry-ia32e-mode"),
            (13, "vmx-entry-load-perf-global-ctrl"), (14, "vmx-entry-load-pat"),
            (15, "vmx-entry-load-efer"), (16, "vmx-entry-load-bndcfgs"),
            (18, "vmx-entry-load-rtit-ctl"), (22, "vmx-entry-load-pkrs"),
            (23, "vmx-entry-load-fred"),
        ],
    },
    Word {
        id: W::VmxMisc,
        source: Source::Msr(0x485),
        names: &[
            (5, "vmx-store-lma"), (6, "vmx-activity-hlt"), (7, "vmx-activity-shutdown"),
            (8, "vmx-activity-wait-sipi"), (29, "vmx-vmwrite-vmexit-fields"),
            (30, "vmx-zero-len-inject"),
        ],
    },
    Word {
        id: W::VmxEptVpidCaps,
        source: Source::Msr(0x48c),
        names: &[
            (0, "vmx-ept-execonly"), (6, "vmx-page-walk-4"), (7, "vmx-page-walk-5"),
            (16, "vmx-ept-2mb"), (17, "vmx-ept-1gb"), (20, "vmx-invept"), (21, "vmx-eptad"),
            (22, "vmx-ept-advanced-exitinfo"), (25, "vmx-invept-single-context"),
            (26, "vmx-invept-all-context"), (32, "vmx-invvpid"),
            (40, "vmx-invvpid-single-addr"), (41, "vmx-invept-single-context"),
            (42, "vmx-invvpid-all-context"), (43, "vmx-invept-single-context-noglobals"),
        ],
    },
    Word {
        id: W::VmxBasic,
        source: Source::Msr(0x480),
        names: &[
            (54, "vmx-ins-outs"), (55, "vmx-true-ctls"), (56, "vmx-any-errcode"),
            (58, "vmx-nested-exception"),
        ],
    },
    Word {
        id: W::VmxVmfunc,
        source: Source::Msr(0x491),
        names: &[(0, "vmx-eptp-switching")],
    },
    Word {
        id: W::F14_0Ecx,
        source: cpuid(0x14, 0, Reg::Ecx),
        names: &[(31, "intel-pt-lip")],
    },
    Word {
        id: W::Sgx12_0Eax,
        source: cpuid(0x12, 0, Reg::Eax),
        names: &[(0, "sgx1"), (1, "sgx2"), (11, "sgx-edeccssa")],
    },
    Word {
        id: W::Sgx12_0Ebx,
        source: cpuid(0x12, 0, Reg::Ebx),
        names: &[(0, "sgx-exinfo")],
    },
    Word {
        id: W::Sgx12_1Eax,
        source: cpuid(0x12, 1, Reg::Eax),
        names: &[
            (1, "sgx-debug"), (2, "sgx-mode64"), (4, "sgx-provisionkey"), (5, "sgx-tokenkey"),
            (7, "sgx-kss"), (10, "sgx-aex-notify"),
        ],
    },
    Word {
        id: W::XsaveXssLo,
        source: cpuid(0xd, 1, Reg::Ecx),
        names: &[],
    },
    Word {
        id: W::XsaveXssHi,
        source: cpuid(0xd, 1, Reg::Edx),
        names: &[],
    },
    Word {
        id: W::F7_1Edx,
        source: cpuid(7, 1, Reg::Edx),
        names: &[
            (4, "avx-vnni-int8"), (5, "avx-ne-convert"), (8, "amx-complex"),
            (10, "avx-vnni-int16"), (14, "prefetchiti"), (19, "avx10"),
        ],
    },
    Word {
        id: W::F7_2Edx,
        source: cpuid(7, 2, Reg::Edx),
        names: &[
            (0, "intel-psfd"), (1, "ipred-ctrl"), (2, "rrsba-ctrl"), (3, "ddpd-u"),
            (4, "bhi-ctrl"), (5, "mcdt-no"),
        ],
    },
    Word {
        id: W::F24_0Ebx,
        source: cpuid(0x24, 0, Reg::Ebx),
        names: &[(16, "avx10-128"), (17, "avx10-256"), (18, "avx10-512")],
    },
];

const MSR_IA32_VMX_TRUE_PINBASED_CTLS: u32 = 0x48d;
const MSR_IA32_VMX_TRUE_PROCBASED_CTLS: u32 = 0x48e;
const MSR_IA32_VMX_TRUE_EXIT_CTLS: u32 = 0x48f;
const MSR_IA32_VMX_TRUE_ENTRY_CTLS: u32 = 0x490;
const MSR_IA32_VMX_PROCBASED_CTLS2: u32 = 0x48b;
const MSR_IA32_ARCH_CAPABILITIES: u32 = 0x10a;

/// A model's feature words, indexed by `W`.
pub type Features = [u64; WORDS.len()];

fn word(id: W) -> usize {
    id as usize
}

/// Feature name -> every (word, bit) it sets (`kvmclock` has two bits),
/// built once.
fn index() -> &'static HashMap<&'static str, Vec<(usize, u32)>> {
    static INDEX: OnceLock<HashMap<&'static str, Vec<(usize, u32)>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut m: HashMap<&'static str, Vec<(usize, u32)>> = HashMap::new();
        for (w, info) in WORDS.iter().enumerate() {
            for (b, n) in info.names {
                m.entry(*n).or_default().push((w, *b));
            }
        }
        m
    })
}

/// Every (word, bit) a feature property sets.
fn bits_of(name: &str) -> impl Iterator<Item = (usize, u32)> + '_ {
    index().get(name).into_iter().flatten().copied()
}

fn set(f: &mut Features, name: &str, on: bool) {
    for (w, b) in bits_of(name) {
        if on {
            f[w] |= 1 << b;
        } else {
            f[w] &= !(1 << b);
        }
    }
}

/// The features a model has under KVM, from its features under TCG (the
/// names its static expansion turns on): `x86_cpu_load_model` applies
/// `kvm_default_props` instead of `tcg_default_props`, and
/// `x86_cpu_expand_features` keeps `FEAT_KVM` and drops what depends on
/// a feature turned off.
///
/// `tcg_default_props` turns `vme` off, so TCG's expansion cannot show it:
/// every model of `builtin_x86_defs` has it but `qemu64` and `qemu32`
/// (`PPRO_FEATURES`), and `base`, which has no features.
pub fn kvm_features<'a>(model: &str, tcg_on: impl Iterator<Item = &'a str>) -> Features {
    let mut f = tcg_features(tcg_on);
    let base = model.split("-v").next().unwrap_or(model);
    if !matches!(base, "qemu64" | "qemu32" | "base") {
        set(&mut f, "vme", true);
    }
    // kvm_default_props (the in-kernel irqchip, not split: x2apic stays
    // on and kvm-msi-ext-dest-id off).
    for on in [
        "kvmclock",
        "kvm-nopiodelay",
        "kvm-asyncpf",
        "kvm-steal-time",
        "kvm-pv-eoi",
        "kvmclock-stable-bit",
        "x2apic",
    ] {
        set(&mut f, on, true);
    }
    for off in ["kvm-msi-ext-dest-id", "acpi", "monitor", "svm"] {
        set(&mut f, off, false);
    }
    // feature_dependencies: svm -> FEAT_SVM.
    f[word(W::Svm)] = 0;
    // The XSAVE components (XCR0) are left empty: the real binaries never
    // report one as missing, even when KVM lacks a component a model's
    // feature needs (MPX, PKRU on the reference host), so they are kept
    // to what KVM supports.
    f
}

/// The name of a feature bit (`x86_cpu_feature_name`).
fn feature_name(w: usize, bit: u32) -> Option<&'static str> {
    WORDS[w]
        .names
        .iter()
        .find(|(b, _)| *b == bit)
        .map(|(_, n)| *n)
}

/// The feature words of the names a TCG expansion turns on.
pub fn tcg_features<'a>(on: impl Iterator<Item = &'a str>) -> Features {
    let mut f: Features = [0; WORDS.len()];
    for name in on {
        set(&mut f, name, true);
    }
    f
}

/// The feature a property name stands for: the name itself, its `_`
/// spelling, or one of the aliases of `x86_cpu_initfn`.
pub fn canonical(key: &str) -> Option<&'static str> {
    let dashed = key.replace('_', "-");
    let name = match dashed.as_str() {
        "sse3" => "pni",
        "pclmuldq" => "pclmulqdq",
        "sse4-1" => "sse4.1",
        "sse4-2" => "sse4.2",
        "xd" => "nx",
        "ffxsr" => "fxsr-opt",
        "i64" => "lm",
        other => other,
    };
    index().get_key_value(name).map(|(n, _)| *n)
}

/// Whether every bit of the feature `name` is set (a feature property's
/// getter).
pub fn has(f: &Features, name: &str) -> bool {
    bits_of(name).all(|(w, b)| f[w] & (1 << b) != 0)
}

/// The value of a feature property (any spelling) in `f`; `None` for
/// other properties.
pub fn feature_value(f: &Features, key: &str) -> Option<bool> {
    canonical(key).map(|n| has(f, n))
}

/// `min-xlevel` of a model whose `svm` raised it to 0x8000000A under TCG,
/// once KVM turns `svm` off: the definition's `xlevel` (where
/// `x86_cpu_load_model` starts it) for the models of `builtin_x86_defs`
/// this concerns; `None` for any other (left as it is).
pub fn xlevel_without_svm(model: &str) -> Option<u32> {
    match model.split("-v").next().unwrap_or(model) {
        "qemu64" => Some(0x8000_000A),
        "Opteron_G2" | "Opteron_G3" => Some(0x8000_0008),
        _ => None,
    }
}

/// The features of `host` and `max` under KVM (`max_features`): all KVM
/// supports (`migratable`: only named bits, not `invtsc`) but the flags
/// never enabled automatically (`ht`, `topoext`, the KVM hints), less
/// what `feature_dependencies` removes.
pub fn max_features(supported: &Features, migratable: bool) -> Features {
    let mut f = *supported;
    if migratable {
        for (i, w) in WORDS.iter().enumerate() {
            let named = w.names.iter().fold(0u64, |m, (b, _)| m | (1 << b));
            f[i] &= named;
        }
        f[word(W::F8000_0007Edx)] &= !(1 << 8); // invtsc
    }
    f[word(W::F1Edx)] &= !(1 << 28); // ht
    f[word(W::F8000_0001Ecx)] &= !(1 << 22); // topoext
    f[word(W::KvmHints)] = 0;
    apply_dependencies(&mut f);
    f
}

/// `level-func7`, the last subleaf of CPUID leaf 7 the features need
/// (`cpuid_min_level_func7`).
pub fn level_func7(f: &Features) -> u32 {
    if f[word(W::F7_2Edx)] != 0 {
        2
    } else if f[word(W::F7_1Eax)] != 0 || f[word(W::F7_1Edx)] != 0 {
        1
    } else {
        0
    }
}

/// `feature_dependencies`: whole words that need one feature bit.
fn apply_dependencies(f: &mut Features) {
    let deps: &[(W, u32, &[W])] = &[
        (W::F7_0Edx, 29, &[W::ArchCapabilities]),
        (W::F7_0Edx, 30, &[W::CoreCapability]),
        (W::F1Ecx, 15, &[W::PerfCapabilities]),
        (
            W::F1Ecx,
            5,
            &[
                W::VmxProcbasedCtls,
                W::VmxSecondaryCtls,
                W::VmxPinbasedCtls,
                W::VmxExitCtls,
                W::VmxEntryCtls,
                W::VmxMisc,
                W::VmxEptVpidCaps,
                W::VmxBasic,
                W::VmxVmfunc,
            ],
        ),
        (W::F8000_0001Ecx, 2, &[W::Svm]),
        (W::F7_0Ebx, 25, &[W::F14_0Ecx]),
        (
            W::F7_0Ebx,
            2,
            &[W::Sgx12_0Eax, W::Sgx12_0Ebx, W::Sgx12_1Eax],
        ),
        (W::F7_1Edx, 19, &[W::F24_0Ebx]),
    ];
    for (from, bit, to) in deps {
        if f[word(*from)] & (1 << bit) == 0 {
            for w in *to {
                f[word(*w)] = 0;
            }
        }
    }
}

/// `x86_cpu_filter_features` + `x86_cpu_list_feature_names`: the names of
/// the model's features that `supported` lacks, in word then bit order.
/// A missing bit without a name is listed as QEMU's visitor writes a
/// NULL string: empty.
pub fn unavailable(model: &Features, supported: &Features) -> Vec<String> {
    let mut out = Vec::new();
    for w in 0..WORDS.len() {
        let missing = model[w] & !supported[w];
        for bit in 0..64 {
            if missing & (1 << bit) != 0 {
                out.push(feature_name(w, bit).unwrap_or("").to_owned());
            }
        }
    }
    out
}

/// `x86_cpu_get_supported_feature_word(NULL, w)` under KVM for every word.
pub fn supported(host: &Host, x86_64: bool) -> Features {
    let mut f: Features = [0; WORDS.len()];
    for (i, w) in WORDS.iter().enumerate() {
        f[i] = match w.source {
            Source::Cpuid { eax, ecx, reg } => u64::from(supported_cpuid(host, eax, ecx, reg)),
            Source::Msr(index) => supported_msr(host, index),
        };
    }
    if !x86_64 {
        f[word(W::F8000_0001Edx)] &= !(1 << 29);
    }
    f
}

fn reg_of(e: &super::sys::CpuidEntry, reg: Reg) -> u32 {
    match reg {
        Reg::Eax => e.eax,
        Reg::Ebx => e.ebx,
        Reg::Ecx => e.ecx,
        Reg::Edx => e.edx,
    }
}

/// `kvm_arch_get_supported_cpuid` with its fix-ups (the in-kernel irqchip
/// of `-machine none`, not split; no `cpu-pm`).
pub fn supported_cpuid(host: &Host, function: u32, index: u32, reg: Reg) -> u32 {
    let mut ret = host
        .cpuid
        .iter()
        .find(|e| e.function == function && e.index == index)
        .map_or(0, |e| reg_of(e, reg));
    match (function, index, reg) {
        (1, _, Reg::Edx) => {
            // MTRR, PAT, MCE, MCA misreported by old KVM; HT.
            ret |= (1 << 12) | (1 << 16) | (1 << 7) | (1 << 14) | (1 << 28);
        }
        (1, _, Reg::Ecx) => {
            ret |= 1 << 31; // hypervisor
            if host.tsc_deadline {
                ret |= 1 << 24;
            }
        }
        (6, _, Reg::Eax) => ret |= 1 << 2, // arat
        (7, 0, Reg::Ebx) => {
            ret |= (super::sys::host_cpuid(7, 0)[1]) & (1 << 9); // erms
            if host_tsx_broken() {
                ret &= !((1 << 11) | (1 << 4)); // rtm, hle
            }
        }
        (7, 0, Reg::Edx) => {
            ret |= super::sys::host_cpuid(7, 0)[3] & (1 << 4); // fsrm
            if !host.msrs.contains(&MSR_IA32_ARCH_CAPABILITIES) {
                ret &= !(1 << 29);
            }
        }
        (7, 1, Reg::Eax) => {
            ret |= super::sys::host_cpuid(7, 1)[0] & ((1 << 10) | (1 << 11) | (1 << 12));
        }
        (7, 2, Reg::Edx) => ret |= super::sys::host_cpuid(7, 2)[3] & (1 << 5), // mcdt-no
        (0xd, 0, Reg::Eax | Reg::Edx) => {
            if let Some(mask) = host.xcomp_guest_supp {
                ret = if reg == Reg::Eax {
                    mask as u32
                } else {
                    (mask >> 32) as u32
                };
            }
        }
        (0x8000_0001, _, Reg::Ecx) => ret |= 1 << 22, // topoext
        (0x8000_0001, _, Reg::Edx) => {
            // CPUID_EXT2_AMD_ALIASES from leaf 1.
            ret |= supported_cpuid(host, 1, 0, Reg::Edx) & 0x0183_F3FF;
        }
        (0x8000_0007, _, Reg::Ebx) => ret |= 0b11, // overflow-recov, succor
        (KVM_CPUID_FEATURES, _, Reg::Edx) => ret |= 1, // kvm-hint-dedicated
        _ => {}
    }
    ret
}

/// `host_tsx_broken`: a Haswell known to have broken TSX.
fn host_tsx_broken() -> bool {
    let v = super::sys::host_cpuid(0, 0);
    let intel = v[1] == u32::from_le_bytes(*b"Genu")
        && v[3] == u32::from_le_bytes(*b"ineI")
        && v[2] == u32::from_le_bytes(*b"ntel");
    let eax = super::sys::host_cpuid(1, 0)[0];
    let family = ((eax >> 8) & 0xf) + ((eax >> 20) & 0xff);
    let model = ((eax >> 4) & 0xf) | ((eax & 0xf0000) >> 12);
    let stepping = eax & 0xf;
    intel
        && family == 6
        && ((model == 63 && stepping < 4) || model == 60 || model == 69 || model == 70)
}

/// `kvm_arch_get_supported_msr_feature`.
fn supported_msr(host: &Host, index: u32) -> u64 {
    let Some(value) = host.feature_msr(index) else {
        return 0;
    };
    match index {
        MSR_IA32_VMX_PROCBASED_CTLS2
        | MSR_IA32_VMX_TRUE_PINBASED_CTLS
        | MSR_IA32_VMX_TRUE_PROCBASED_CTLS
        | MSR_IA32_VMX_TRUE_ENTRY_CTLS
        | MSR_IA32_VMX_TRUE_EXIT_CTLS => {
            let mut value = value;
            if index == MSR_IA32_VMX_PROCBASED_CTLS2 && !host.msrs.contains(&index) {
                // KVM forgot these bits for some time.
                let extra = [
                    (supported_cpuid(host, 0xd, 1, Reg::Ecx) & (1 << 3), 20), // xsaves
                    (supported_cpuid(host, 1, 0, Reg::Ecx) & (1 << 30), 11),  // rdrand
                    (supported_cpuid(host, 7, 0, Reg::Ebx) & (1 << 10), 12),  // invpcid
                    (supported_cpuid(host, 7, 0, Reg::Ebx) & (1 << 18), 16),  // rdseed
                    (
                        supported_cpuid(host, 0x8000_0001, 0, Reg::Edx) & (1 << 27),
                        3,
                    ), // rdtscp
                ];
                for (has, bit) in extra {
                    if has != 0 {
                        value |= 1u64 << (32 + bit);
                    }
                }
            }
            let must_be_one = value as u32;
            let can_be_one = (value >> 32) as u32;
            u64::from(can_be_one & !must_be_one)
        }
        MSR_IA32_ARCH_CAPABILITIES => {
            // fb-clear when the host is immune to what it mitigates:
            // mds-no, taa-no, sbdr-ssdp-no, fbsdp-no, psdp-no.
            let immune = (1 << 5) | (1 << 8) | (1 << 13) | (1 << 14) | (1 << 15);
            if value & immune == immune {
                value | (1 << 17)
            } else {
                value
            }
        }
        _ => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_in_enum_order() {
        for (i, w) in WORDS.iter().enumerate() {
            assert_eq!(w.id as usize, i, "{:?}", w.id);
        }
    }

    #[test]
    fn kvmclock_sets_both_bits_and_svm_drops_its_word() {
        let f = kvm_features("EPYC", ["svm", "npt", "sse"].into_iter());
        assert!(has(&f, "vme"));
        assert!(!has(&kvm_features("qemu64-v1", std::iter::empty()), "vme"));
        assert_eq!(feature_value(&f, "kvm_steal_time"), Some(true));
        assert_eq!(feature_value(&f, "sse4_1"), Some(false));
        assert_eq!(feature_value(&f, "family"), None);
        assert_eq!(f[word(W::Kvm)] & 0b1001, 0b1001);
        assert_eq!(f[word(W::Svm)], 0);
        assert_eq!(f[word(W::F8000_0001Ecx)] & (1 << 2), 0);
        assert_ne!(f[word(W::F1Ecx)] & (1 << 21), 0, "x2apic on");
    }

    #[test]
    fn names_in_word_then_bit_order() {
        let mut model: Features = [0; WORDS.len()];
        model[word(W::ArchCapabilities)] = 1 << 4; // ssb-no
        model[word(W::F1Ecx)] = (1 << 26) | 1; // xsave, pni
        model[word(W::F7_0Ebx)] = 1 << 16; // avx512f
        model[word(W::Kvm)] = 0b1001; // kvmclock twice
        let mut supported: Features = [0; WORDS.len()];
        supported[word(W::F1Ecx)] = 1 << 26;
        assert_eq!(
            unavailable(&model, &supported),
            ["pni", "avx512f", "kvmclock", "kvmclock", "ssb-no"]
        );
    }
}
