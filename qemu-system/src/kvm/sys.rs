//! The KVM ioctls: the only `unsafe` code of the crate.
//!
//! Why it is unavoidable: with `-accel kvm` QEMU's answers depend on the
//! host kernel (the VM's statistics, which CPUID bits and feature MSRs
//! KVM supports), and the kernel hands them out only through `ioctl(2)`
//! on `/dev/kvm` and on a VM fd, which std does not wrap.  Every call
//! here passes a pointer to a buffer it owns and sized for what the
//! kernel may write; every count the kernel returns is bounded before use.
//! Nothing else in the crate may use `unsafe` (`#![deny(unsafe_code)]`).

use std::fs::{File, OpenOptions};
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::fs::OpenOptionsExt;

/// `_IO`/`_IOW`/`_IOWR(KVMIO, nr, size)` of `<linux/kvm.h>`.
const fn io(nr: u64) -> u64 {
    (0xAE << 8) | nr
}
const fn iow(nr: u64, size: u64) -> u64 {
    (1 << 30) | (size << 16) | io(nr)
}
const fn iowr(nr: u64, size: u64) -> u64 {
    (3 << 30) | (size << 16) | io(nr)
}

const KVM_GET_API_VERSION: u64 = io(0x00);
const KVM_CREATE_VM: u64 = io(0x01);
/// `struct kvm_msr_list` is 4 bytes before its flexible array.
const KVM_GET_MSR_INDEX_LIST: u64 = iowr(0x02, 4);
const KVM_CHECK_EXTENSION: u64 = io(0x03);
/// `struct kvm_cpuid2` is 8 bytes before its flexible array.
const KVM_GET_SUPPORTED_CPUID: u64 = iowr(0x05, 8);
const KVM_GET_MSR_FEATURE_INDEX_LIST: u64 = iowr(0x0a, 4);
/// `struct kvm_msrs` is 8 bytes before its flexible array.
const KVM_GET_MSRS: u64 = iowr(0x88, 8);
/// `struct kvm_device_attr` is 24 bytes.
const KVM_GET_DEVICE_ATTR: u64 = iow(0xe2, 24);
const KVM_GET_STATS_FD: u64 = io(0xce);

/// `KVM_API_VERSION`.
pub const API_VERSION: i32 = 12;
/// Bounds on what the kernel may ask us to allocate.
const MAX_CPUID_ENTRIES: usize = 4096;
const MAX_MSRS: usize = 16384;

/// One `struct kvm_cpuid_entry2`.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CpuidEntry {
    pub function: u32,
    pub index: u32,
    pub flags: u32,
    pub eax: u32,
    pub ebx: u32,
    pub ecx: u32,
    pub edx: u32,
    padding: [u32; 3],
}

/// `struct kvm_msr_entry`.
#[repr(C)]
#[derive(Clone, Copy, Default)]
struct MsrEntry {
    index: u32,
    reserved: u32,
    data: u64,
}

/// `struct kvm_msrs` with one entry.
#[repr(C)]
#[derive(Default)]
struct Msrs1 {
    nmsrs: u32,
    pad: u32,
    entries: [MsrEntry; 1],
}

/// `struct kvm_device_attr`.
#[repr(C)]
struct DeviceAttr {
    flags: u32,
    group: u32,
    attr: u64,
    addr: u64,
}

/// `ioctl(fd, request, arg)`, with `-1` turned into the errno.
///
/// # Safety
/// `arg` must be what `request` expects: an integer, or a pointer to a
/// live buffer as large as the kernel may write for that request.
unsafe fn ioctl(fd: &impl AsRawFd, request: u64, arg: usize) -> io::Result<i32> {
    // SAFETY: the caller guarantees `arg` matches `request`; the fd is
    // open for the duration of the borrow.
    let r = unsafe { libc::ioctl(fd.as_raw_fd(), request as _, arg) };
    if r < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(r)
    }
}

/// Opens `/dev/kvm` read-write, close-on-exec (as `kvm_init` does).
pub fn open() -> io::Result<OwnedFd> {
    let f = OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(libc::O_CLOEXEC)
        .open("/dev/kvm")?;
    Ok(OwnedFd::from(f))
}

/// `KVM_GET_API_VERSION`.
pub fn api_version(sys: &OwnedFd) -> io::Result<i32> {
    // SAFETY: the request takes no argument.
    unsafe { ioctl(sys, KVM_GET_API_VERSION, 0) }
}

/// `KVM_CHECK_EXTENSION` on the system or VM fd: 0 when absent.
pub fn check_extension(fd: &OwnedFd, cap: u32) -> i32 {
    // SAFETY: the argument is an integer, not a pointer.
    unsafe { ioctl(fd, KVM_CHECK_EXTENSION, cap as usize) }.unwrap_or(0)
}

/// `KVM_CREATE_VM` of type 0, retried on `EINTR` as QEMU does.
pub fn create_vm(sys: &OwnedFd) -> io::Result<OwnedFd> {
    loop {
        // SAFETY: the argument is the VM type, an integer.
        match unsafe { ioctl(sys, KVM_CREATE_VM, 0) } {
            // SAFETY: on success the kernel returns a new fd that we own.
            Ok(fd) => return Ok(unsafe { OwnedFd::from_raw_fd(fd) }),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
}

/// `KVM_GET_STATS_FD` on a VM fd: a file read with `pread`.
pub fn stats_fd(vm: &OwnedFd) -> io::Result<File> {
    // SAFETY: the request takes no argument.
    let fd = unsafe { ioctl(vm, KVM_GET_STATS_FD, 0) }?;
    // SAFETY: on success the kernel returns a new fd that we own.
    Ok(File::from(unsafe { OwnedFd::from_raw_fd(fd) }))
}

/// `KVM_GET_SUPPORTED_CPUID`, growing the buffer on `E2BIG` up to
/// [`MAX_CPUID_ENTRIES`].
pub fn supported_cpuid(sys: &OwnedFd) -> io::Result<Vec<CpuidEntry>> {
    /// `struct kvm_cpuid_entry2` in 32-bit words.
    const WORDS: usize = std::mem::size_of::<CpuidEntry>() / 4;
    let mut room = 256;
    loop {
        // A `kvm_cpuid2`: nent, padding, then `room` entries.
        let mut buf = vec![0u32; 2 + room * WORDS];
        buf[0] = room as u32;
        // SAFETY: `buf` is a `kvm_cpuid2` whose `nent` says how many
        // entries follow it; the kernel writes at most that many.
        match unsafe { ioctl(sys, KVM_GET_SUPPORTED_CPUID, buf.as_mut_ptr() as usize) } {
            Ok(_) => {
                let n = (buf[0] as usize).min(room);
                return Ok(buf[2..2 + n * WORDS]
                    .chunks_exact(WORDS)
                    .map(|w| CpuidEntry {
                        function: w[0],
                        index: w[1],
                        flags: w[2],
                        eax: w[3],
                        ebx: w[4],
                        ecx: w[5],
                        edx: w[6],
                        padding: [0; 3],
                    })
                    .collect());
            }
            Err(e) if e.raw_os_error() == Some(libc::E2BIG) && room < MAX_CPUID_ENTRIES => {
                room *= 2;
            }
            Err(e) => return Err(e),
        }
    }
}

/// `KVM_GET_MSR_INDEX_LIST` (`feature == false`) or
/// `KVM_GET_MSR_FEATURE_INDEX_LIST` on the system fd: asked once with no
/// room to learn the count, then with room for at most [`MAX_MSRS`].
pub fn msr_index_list(sys: &OwnedFd, feature: bool) -> io::Result<Vec<u32>> {
    let request = if feature {
        KVM_GET_MSR_FEATURE_INDEX_LIST
    } else {
        KVM_GET_MSR_INDEX_LIST
    };
    let mut count: u32 = 0;
    // SAFETY: a `kvm_msr_list` with `nmsrs == 0`: the kernel writes only
    // the count (and fails with E2BIG if there is more).
    match unsafe { ioctl(sys, request, &mut count as *mut u32 as usize) } {
        Ok(_) => return Ok(Vec::new()),
        Err(e) if e.raw_os_error() == Some(libc::E2BIG) => {}
        Err(e) => return Err(e),
    }
    let n = (count as usize).min(MAX_MSRS);
    let mut buf = vec![0u32; n + 1];
    buf[0] = n as u32;
    // SAFETY: `buf` is a `kvm_msr_list` with room for `buf[0]` indices.
    unsafe { ioctl(sys, request, buf.as_mut_ptr() as usize) }?;
    let got = (buf[0] as usize).min(n);
    Ok(buf[1..=got].to_vec())
}

/// `KVM_GET_MSRS` of one feature MSR on the system fd.
pub fn feature_msr(sys: &OwnedFd, index: u32) -> io::Result<u64> {
    let mut msrs = Msrs1 {
        nmsrs: 1,
        ..Default::default()
    };
    msrs.entries[0].index = index;
    // SAFETY: `msrs` is a `kvm_msrs` with room for its one entry.
    let read = unsafe { ioctl(sys, KVM_GET_MSRS, &mut msrs as *mut _ as usize) }?;
    if read != 1 {
        return Err(io::Error::from_raw_os_error(libc::EINVAL));
    }
    Ok(msrs.entries[0].data)
}

/// `KVM_GET_DEVICE_ATTR` of a 64-bit attribute on the system fd.
pub fn system_attr(sys: &OwnedFd, group: u32, attr: u64) -> io::Result<u64> {
    let mut value: u64 = 0;
    let a = DeviceAttr {
        flags: 0,
        group,
        attr,
        addr: &mut value as *mut u64 as u64,
    };
    // SAFETY: `a` describes a u64 the kernel writes, alive for the call.
    unsafe { ioctl(sys, KVM_GET_DEVICE_ATTR, &a as *const _ as usize) }?;
    Ok(value)
}

/// The host's own `CPUID` (QEMU's `host_cpuid`): eax, ebx, ecx, edx.
#[cfg(target_arch = "x86_64")]
pub fn host_cpuid(leaf: u32, subleaf: u32) -> [u32; 4] {
    #[allow(unused_unsafe)]
    // SAFETY: CPUID exists on every x86_64 processor and has no side
    // effects.
    let r = unsafe { std::arch::x86_64::__cpuid_count(leaf, subleaf) };
    [r.eax, r.ebx, r.ecx, r.edx]
}

#[cfg(not(target_arch = "x86_64"))]
pub fn host_cpuid(_leaf: u32, _subleaf: u32) -> [u32; 4] {
    [0; 4]
}
