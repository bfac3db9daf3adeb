//! The host's KVM, for the answers QEMU takes from it when KVM is the
//! accelerator: the VM's statistics (`query-stats`,
//! `query-stats-schemas`) and what x86 CPU models lack
//! (`query-cpu-definitions`).  KVM is opened once per process, when the
//! accelerator is set up (`kvm_init`), and each answer is asked of the
//! kernel at most once; the ioctls live in [`sys`].

pub mod stats;
#[allow(unsafe_code)]
mod sys;
pub mod x86;

use std::io;
use std::os::fd::OwnedFd;
use std::sync::OnceLock;

/// `KVM_CAP_TSC_DEADLINE_TIMER`, `KVM_CAP_BINARY_STATS_FD`,
/// `KVM_CAP_SYS_ATTRIBUTES` of `<linux/kvm.h>`.
const CAP_TSC_DEADLINE_TIMER: u32 = 72;
const CAP_BINARY_STATS_FD: u32 = 203;
const CAP_SYS_ATTRIBUTES: u32 = 209;
/// `KVM_X86_XCOMP_GUEST_SUPP` (group 0 of the system fd's attributes).
const X86_XCOMP_GUEST_SUPP: u64 = 0;

/// The accelerator's state: `/dev/kvm` and the VM `kvm_init` created.
pub struct Kvm {
    sys: OwnedFd,
    vm: OwnedFd,
    host: OnceLock<Host>,
}

/// Why `kvm_init` failed, as QEMU reports it.
#[derive(Debug, Clone)]
pub struct InitError {
    /// The first line (`Could not access KVM kernel module: ...`).
    pub detail: String,
    /// The errno text for `failed to initialize kvm: ...`.
    pub cause: String,
}

static KVM: OnceLock<Result<Kvm, InitError>> = OnceLock::new();

/// `strerror` of an I/O error (std adds " (os error N)").
pub fn strerror(e: &io::Error) -> String {
    let s = e.to_string();
    match s.rfind(" (os error ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

/// `kvm_init`'s first steps, once per process: open `/dev/kvm`, check
/// the API version, create the VM.
pub fn init() -> Result<&'static Kvm, InitError> {
    KVM.get_or_init(|| {
        let sys = sys::open().map_err(|e| InitError {
            detail: format!("Could not access KVM kernel module: {}", strerror(&e)),
            cause: strerror(&e),
        })?;
        match sys::api_version(&sys) {
            Ok(sys::API_VERSION) => {}
            _ => {
                let e = io::Error::from_raw_os_error(libc::EINVAL);
                return Err(InitError {
                    detail: "kvm version too old".to_owned(),
                    cause: strerror(&e),
                });
            }
        }
        let vm = sys::create_vm(&sys).map_err(|e| InitError {
            detail: format!(
                "ioctl(KVM_CREATE_VM) failed: {} {}",
                e.raw_os_error().unwrap_or(0),
                strerror(&e)
            ),
            cause: strerror(&e),
        })?;
        Ok(Kvm {
            sys,
            vm,
            host: OnceLock::new(),
        })
    })
    .as_ref()
    .map_err(Clone::clone)
}

/// The KVM set up by [`init`], if it succeeded.
pub fn get() -> Option<&'static Kvm> {
    KVM.get().and_then(|r| r.as_ref().ok())
}

/// The host CPU's vendor string (`CPUID[0]`: ebx, edx, ecx), which QEMU
/// gives every named x86 model under KVM (`host_cpu_instance_init`).
pub fn host_vendor() -> String {
    let r = sys::host_cpuid(0, 0);
    let bytes: Vec<u8> = [r[1], r[3], r[2]]
        .iter()
        .flat_map(|w| w.to_le_bytes())
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The host CPU as `host_cpu_max_instance_init` reads it: family, model,
/// stepping (`host_cpu_vendor_fms`) and the model id
/// (`CPUID[0x80000002..4]`, up to its first NUL).
pub fn host_fms_model_id() -> (u32, u32, u32, String) {
    let eax = sys::host_cpuid(1, 0)[0];
    let family = ((eax >> 8) & 0xf) + ((eax >> 20) & 0xff);
    let model = ((eax >> 4) & 0xf) | ((eax & 0xf0000) >> 12);
    let stepping = eax & 0xf;
    let bytes: Vec<u8> = (0x8000_0002..=0x8000_0004)
        .flat_map(|leaf| sys::host_cpuid(leaf, 0))
        .flat_map(u32::to_le_bytes)
        .collect();
    let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    let id = String::from_utf8_lossy(&bytes[..end]).into_owned();
    (family, model, stepping, id)
}

/// What the host's KVM supports for x86 CPUs, read once.
pub struct Host {
    /// `KVM_GET_SUPPORTED_CPUID`.
    pub cpuid: Vec<sys::CpuidEntry>,
    /// `KVM_GET_MSR_INDEX_LIST`.
    pub msrs: Vec<u32>,
    /// `KVM_GET_MSR_FEATURE_INDEX_LIST` with each MSR's value
    /// (`KVM_GET_MSRS` on the system fd); `None` when it failed.
    feature_msrs: Vec<(u32, Option<u64>)>,
    /// `KVM_CAP_TSC_DEADLINE_TIMER` (the irqchip is in the kernel).
    pub tsc_deadline: bool,
    /// `KVM_X86_XCOMP_GUEST_SUPP`, when the kernel has system attributes.
    pub xcomp_guest_supp: Option<u64>,
}

impl Host {
    /// A feature MSR's value; `None` when KVM does not list it.
    pub fn feature_msr(&self, index: u32) -> Option<u64> {
        self.feature_msrs
            .iter()
            .find(|(i, _)| *i == index)
            .and_then(|(_, v)| *v)
    }
}

impl Kvm {
    /// Whether the kernel has `KVM_CAP_BINARY_STATS_FD` (QEMU registers
    /// its statistics provider only then).
    pub fn has_stats(&self) -> bool {
        sys::check_extension(&self.vm, CAP_BINARY_STATS_FD) > 0
    }

    /// The VM's statistics file (`KVM_GET_STATS_FD`).
    pub fn vm_stats(&self) -> io::Result<std::fs::File> {
        sys::stats_fd(&self.vm)
    }

    /// What KVM supports for x86 CPUs (asked once).
    pub fn host(&self) -> &Host {
        self.host.get_or_init(|| {
            let feature_msrs = sys::msr_index_list(&self.sys, true)
                .unwrap_or_default()
                .into_iter()
                .map(|i| (i, sys::feature_msr(&self.sys, i).ok()))
                .collect();
            Host {
                cpuid: sys::supported_cpuid(&self.sys).unwrap_or_default(),
                msrs: sys::msr_index_list(&self.sys, false).unwrap_or_default(),
                feature_msrs,
                tsc_deadline: sys::check_extension(&self.sys, CAP_TSC_DEADLINE_TIMER) > 0,
                xcomp_guest_supp: (sys::check_extension(&self.sys, CAP_SYS_ATTRIBUTES) > 0)
                    .then(|| sys::system_attr(&self.sys, 0, X86_XCOMP_GUEST_SUPP).ok())
                    .flatten(),
            }
        })
    }
}
