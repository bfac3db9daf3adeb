#!/usr/bin/env bash
# The test command (README): installs what the tests run against, then
# runs the workspace's tests.
#
# - Debian's real QEMU 10.0.2 (every qemu-system-* and qemu-storage-daemon)
#   and libvirt 11.3, from bookworm-backports: the oracles the tests
#   compare our binary with.  Needs root (or sudo) the first time.
# - The Python client qemu.qmp 0.0.6 and 0.0.3, each in its own folder
#   target/python/qemu.qmp-<version> (the client tests put it on
#   PYTHONPATH).
#
# Arguments are passed to `cargo test` (e.g. `scripts/test.sh -p qemu-system`).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(qemu-system-x86 qemu-system-arm qemu-system-misc qemu-system-ppc
          qemu-system-s390x qemu-system-mips qemu-system-sparc qemu-utils
          libvirt-daemon-driver-qemu libvirt-clients libvirt-daemon)
qemu_version=10.0.2

installed() {
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status} ${Version}\n' "$p" 2>/dev/null |
            grep -q '^install ok installed' || return 1
    done
    qemu-system-x86_64 --version 2>/dev/null | grep -q "version $qemu_version"
}

if ! installed; then
    echo "== installing Debian's QEMU $qemu_version and libvirt (bookworm-backports)"
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    list=/etc/apt/sources.list.d/bookworm-backports.sources
    if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
        printf '%s\n' 'Types: deb' 'URIs: http://deb.debian.org/debian' \
            'Suites: bookworm-backports' 'Components: main' \
            'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' |
            "${sudo[@]}" tee "$list" >/dev/null
    fi
    "${sudo[@]}" apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q -t bookworm-backports "${packages[@]}"
    installed || { echo "QEMU $qemu_version or libvirt did not install" >&2; exit 1; }
fi

for release in 0.0.6 0.0.3; do
    dir=target/python/qemu.qmp-$release
    if ! PYTHONPATH=$dir python3 -c "import importlib.metadata as m, sys; sys.exit(m.version('qemu.qmp') != '$release')" 2>/dev/null; then
        echo "== installing qemu.qmp $release into $dir"
        python3 -m pip install --quiet --disable-pip-version-check --upgrade \
            --target "$dir" "qemu.qmp==$release"
    fi
done

echo "== cargo test --workspace $*"
exec cargo test --workspace "$@"
