#!/usr/bin/env bash
# Build-time and size benchmark of the workspace (not a test).
#
# Prints: clean release build of the workspace, of qapi-defs with its
# dependencies, and of the qapi-defs crate alone (dependencies built),
# incremental dev rebuild after touching one schema module, the release
# binary's size, and the bytes each registered entity costs.
# Uses its own target directory so it does not disturb normal builds.
set -euo pipefail
cd "$(dirname "$0")/.."
T=${BENCH_TARGET_DIR:-target/bench-build}
export CARGO_TARGET_DIR=$T
export CARGO_TERM_COLOR=never

secs() { local s=$EPOCHREALTIME; "$@" >/dev/null 2>&1; awk -v a="$s" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

rm -rf "$T"
echo "cargo fetch"; cargo fetch -q
full=$(secs cargo build --release --workspace)
echo "clean release build, workspace:            ${full} s"

rm -rf "$T/release"
alone=$(secs cargo build --release -p qapi-defs)
echo "clean release build, qapi-defs and deps:   ${alone} s"

cargo clean -q --release -p qapi-defs
defs=$(secs cargo build --release -p qapi-defs)
echo "release build of the qapi-defs crate:      ${defs} s  (its dependencies already built)"

cargo build -q -p qapi-defs
touch qapi-defs/src/schema/block_core.rs
inc=$(secs cargo build -p qapi-defs)
echo "dev rebuild after touching block_core.rs:  ${inc} s"

cargo build -q --release -p qemu-system
bin=$T/release/qemu-system
size=$(stat -c %s "$bin")
strip -o "$T/qemu-system.stripped" "$bin"
stripped=$(stat -c %s "$T/qemu-system.stripped")
echo "release binary: ${size} bytes (${stripped} stripped)"

# Bytes per entity: a small program linking the schema minus the same
# program without it, divided by the definitions registered.
# Linked as qemu-system links (packed relative relocations, its build.rs).
relr=(-C link-arg=-Wl,-z,pack-relative-relocs)
cargo rustc -q --release -p qapi-defs --example registry_size -- "${relr[@]}"
cargo rustc -q --release -p qapi-runtime --example empty_registry -- "${relr[@]}"
with=$(stat -c %s "$T/release/examples/registry_size")
without=$(stat -c %s "$T/release/examples/empty_registry")
entities=$("$T/release/examples/registry_size")
echo "registered definitions: ${entities}; schema cost $((with - without)) bytes = $(( (with - without) / entities )) bytes per definition"
strip -o "$T/with.stripped" "$T/release/examples/registry_size"
strip -o "$T/without.stripped" "$T/release/examples/empty_registry"
swith=$(stat -c %s "$T/with.stripped")
swithout=$(stat -c %s "$T/without.stripped")
echo "stripped: schema cost $((swith - swithout)) bytes = $(( (swith - swithout) / entities )) bytes per definition"
