#!/usr/bin/env bash
# Soak of the QMP server (see qemu-system/examples/soak.rs): 32 monitors,
# 100,000 pipelined requests per client, mixed valid, invalid, malformed
# and out-of-band; every reply checked against QEMU's (real QEMU 10.0.2
# answers a calibration if installed), nothing lost, memory sampled.
#
# Usage: scripts/soak.sh [--clients N] [--requests N] [--qemu PATH|none]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo build --release -q -p qemu-system --bin qemu-system --example soak
exec target/release/examples/soak --binary target/release/qemu-system "$@"
