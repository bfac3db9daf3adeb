#!/bin/sh
# libvirt's whole probe of one binary, ours vs the real one: the time
# `virsh domcapabilities` (embedded driver, empty cache) takes per arch.
# The probe is what libvirt pays for every binary it finds.
#
# usage: scripts/bench-libvirt-probe.sh [RELEASE_BINARY] [ARCH:TARGET ...]
set -eu
bin=${1:-target/release/qemu-system}
shift || true
pairs=${*:-"x86_64:x86_64 aarch64:aarch64 s390x:s390x ppc64:ppc64 riscv64:riscv64"}
work=$(mktemp -d /tmp/bench-libvirt-XXXXXX)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
cp "$bin" "$work/qemu-system"
chmod 755 "$work/qemu-system"
now() { date +%s.%N; }
printf '%-10s %10s %10s\n' arch real ours
for p in $pairs; do
    arch=${p%%:*}
    target=${p#*:}
    ln -sf qemu-system "$work/qemu-system-$target"
    for kind in real ours; do
        emu=/usr/bin/qemu-system-$target
        [ "$kind" = ours ] && emu=$work/qemu-system-$target
        root=$work/root-$kind-$arch
        mkdir -p "$root"
        chmod 755 "$root"
        t0=$(now)
        virsh -c "qemu:///embed?root=$root" domcapabilities --emulatorbin "$emu" \
            --arch "$arch" --virttype qemu >/dev/null
        t1=$(now)
        eval "t_$kind=\$(echo \"\$t1 - \$t0\" | bc)"
    done
    printf '%-10s %9.2fs %9.2fs\n' "$arch" "$t_real" "$t_ours"
done
