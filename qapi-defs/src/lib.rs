//! QEMU 10.0 schema.
