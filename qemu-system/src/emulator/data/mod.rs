//! The generated tables (`scripts/qemu-facts-gen.py`; `plug` from
//! `scripts/qemu-device-plug-gen.py`, `device_props` from
//! `scripts/qemu-device-props-gen.py`); see the parent
//! module for what they hold.  Not formatted: one row per line keeps
//! them reviewable and cheap to diff.

#[rustfmt::skip]
pub mod conds;
#[rustfmt::skip]
pub mod cpus;
#[rustfmt::skip]
pub mod descriptions;
#[rustfmt::skip]
pub mod device_props;
#[rustfmt::skip]
pub mod machines;
#[rustfmt::skip]
pub mod misc;
#[rustfmt::skip]
pub mod plug;
#[rustfmt::skip]
pub mod props;
#[rustfmt::skip]
pub mod types;
