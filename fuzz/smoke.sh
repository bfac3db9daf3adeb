#!/usr/bin/env bash
# CI smoke run of the fuzz targets (see fuzz/README.md).
#
# Installs cargo-fuzz if missing, builds every target with one
# `cargo fuzz build`, seeds fresh corpora from the reference captures, then
# runs all five targets (model too) at once for SMOKE_SECONDS (default 100) each, together
# with the saved reproducers of fuzz/regressions/.  Fails if any target
# crashes, times out or runs out of memory; the failing input is printed
# in base64 so that it survives the CI machine.
#
# Environment: SMOKE_SECONDS, QAPI_REFERENCE (the qemu-10.0.2 reference
# folder; default ../shared/reference/qemu-10.0.2 beside the repository).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
cd "$here"

seconds="${SMOKE_SECONDS:-100}"
reference="${QAPI_REFERENCE:-$(dirname "$repo")/shared/reference/qemu-10.0.2}"
targets=(json_stream dispatch serde_roundtrip client_reader model)
# cargo-fuzz needs nightly flags; the stable toolchain accepts them so.
export RUSTC_BOOTSTRAP=1
# Safe Rust: no sanitizer (2x faster), but overflow and debug checks on.
flags=(--sanitizer none --debug-assertions)

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "== installing cargo-fuzz"
    cargo install cargo-fuzz --version 0.13.2 --locked
fi

echo "== building all fuzz targets"
start=$(date +%s)
cargo fuzz build "${flags[@]}" --features model
echo "   built in $(( $(date +%s) - start )) s"

triple="$(rustc -vV | sed -n 's/^host: //p')"
bin="$here/target/$triple/release"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== seeding corpora"
if [ -f "$reference/qmp-errors.jsonl" ]; then
    "$bin/seed" "$reference" "$work/corpus"
else
    echo "   warning: no reference captures at $reference; starting from empty corpora"
fi

echo "== running ${targets[*]} for ${seconds} s each, in parallel"
start=$(date +%s)
declare -A pids
for t in "${targets[@]}"; do
    mkdir -p "$work/corpus/$t" "$work/artifacts/$t" "$here/regressions/$t"
    dict=()
    [ "$t" != serde_roundtrip ] && dict=(-dict="$here/json.dict")
    # The guard is for a target that stops answering altogether.
    timeout --kill-after=10 $((seconds + 60)) \
        "$bin/$t" "$work/corpus/$t" "$here/regressions/$t" "${dict[@]}" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$work/artifacts/$t/" \
        >"$work/$t.log" 2>&1 &
    pids[$t]=$!
done

failed=0
passed=0
for t in "${targets[@]}"; do
    status=0
    wait "${pids[$t]}" || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t.log")
    corpus=$(ls "$work/corpus/$t" | wc -l)
    if [ "$status" -eq 0 ]; then
        echo "   $t: ok, ${runs:-?} runs, corpus $corpus"
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "   $t: FAILED (exit $status)"
        grep -a -v '^#[0-9]' "$work/$t.log" | tail -n 60 | sed 's/^/     /'
        for a in "$work/artifacts/$t"/*; do
            [ -f "$a" ] || continue
            echo "     artifact $(basename "$a") (base64):"
            base64 -w 76 "$a" | sed 's/^/       /'
        done
    fi
done
echo "   ran in $(( $(date +%s) - start )) s"

echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
