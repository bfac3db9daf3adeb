//! The condition symbols QEMU 10.0 knows: every `TARGET_*` a system target
//! defines, the accelerator symbol the schema uses, and the 47 host/build
//! symbols its schema mentions.
//!
//! Bare symbols in the schema's `if` conditions name these constants
//! (`use qapi_defs::sym;` brings them into scope for another crate).

qapi_runtime::symbols! {
    // Target symbols (configs/targets/*-softmmu.mak: TARGET_ARCH and
    // TARGET_BASE_ARCH, upper-cased).
    target TARGET_AARCH64;
    target TARGET_ALPHA;
    target TARGET_ARM;
    target TARGET_AVR;
    target TARGET_HPPA;
    target TARGET_I386;
    target TARGET_LOONGARCH;
    target TARGET_LOONGARCH64;
    target TARGET_M68K;
    target TARGET_MICROBLAZE;
    target TARGET_MIPS;
    target TARGET_MIPS64;
    target TARGET_OPENRISC;
    target TARGET_PPC;
    target TARGET_PPC64;
    target TARGET_RISCV;
    target TARGET_RISCV32;
    target TARGET_RISCV64;
    target TARGET_RX;
    target TARGET_S390X;
    target TARGET_SH4;
    target TARGET_SPARC;
    target TARGET_SPARC64;
    target TARGET_TRICORE;
    target TARGET_X86_64;
    target TARGET_XTENSA;
    // Per-target accelerator symbol (config-target.h).
    target CONFIG_KVM;
    // Host/build symbols (config-host.h).
    build CONFIG_AF_XDP;
    build CONFIG_AUDIO_ALSA;
    build CONFIG_AUDIO_COREAUDIO;
    build CONFIG_AUDIO_DSOUND;
    build CONFIG_AUDIO_JACK;
    build CONFIG_AUDIO_OSS;
    build CONFIG_AUDIO_PA;
    build CONFIG_AUDIO_PIPEWIRE;
    build CONFIG_AUDIO_SDL;
    build CONFIG_AUDIO_SNDIO;
    build CONFIG_BLKIO;
    build CONFIG_BLKIO_VHOST_VDPA_FD;
    build CONFIG_BRLAPI;
    build CONFIG_COCOA;
    build CONFIG_CURSES;
    build CONFIG_DBUS_DISPLAY;
    build CONFIG_EBPF;
    build CONFIG_FDT;
    build CONFIG_FUSE;
    build CONFIG_GTK;
    build CONFIG_LIBPMEM;
    build CONFIG_LINUX;
    build CONFIG_LINUX_IO_URING;
    build CONFIG_OPENGL;
    build CONFIG_PIXMAN;
    build CONFIG_POSIX;
    build CONFIG_QATZIP;
    build CONFIG_QPL;
    build CONFIG_REPLICATION;
    build CONFIG_SDL;
    build CONFIG_SECRET_KEYRING;
    build CONFIG_SPICE;
    build CONFIG_SPICE_PROTOCOL;
    build CONFIG_TCG;
    build CONFIG_TPM;
    build CONFIG_UADK;
    build CONFIG_VDUSE_BLK_EXPORT;
    build CONFIG_VHOST_CRYPTO;
    build CONFIG_VHOST_USER_BLK_SERVER;
    build CONFIG_VMNET;
    build CONFIG_VNC;
    build CONFIG_WIN32;
    build CONFIG_ZSTD;
    build HAVE_CHARDEV_PARALLEL;
    build HAVE_CHARDEV_SERIAL;
    build HAVE_HOST_BLOCK_DEVICE;
    build HAVE_IPPROTO_MPTCP;
}
