//! Link setting of the `qemu-system` binary.
//!
//! The schema is some thousand static descriptors full of pointers, each
//! a dynamic relocation in a position-independent executable (24 bytes
//! apiece as RELA, about a quarter of what a definition costs).  Packed
//! relative relocations (DT_RELR, glibc 2.36 and binutils 2.38 or later,
//! as on Debian bookworm) store them as a bitmap instead.

fn main() {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux")
        && std::env::var("CARGO_CFG_TARGET_ENV").as_deref() == Ok("gnu")
    {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
