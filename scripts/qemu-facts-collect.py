#!/usr/bin/env python3
"""Reads the emulator facts off Debian's real qemu-system-* binaries.

For each binary (the 29 targets' and x86_64-microvm, which runs KVM since
it lacks TCG): first, with the module directory hidden, ask qom-list-types
(the type table before any module is loaded); then start `-machine none
-accel tcg` with QMP on stdio, ask the commands that walk the type table
(query-machines, -chardev-backends, -cpu-definitions, -command-line-options)
before anything loads a module, then qom-list-types (abstract=true),
qom-list-properties for the types libvirt asks about, query-machines
(compat-props), query-cpu-definitions, query-cpu-model-expansion (static
and full, per model; not under KVM, where they are the host's),
query-tpm-models/-types, query-command-line-options and
query-gic-capabilities, and write the raw replies as JSON to OUTDIR/<target>.json.

This is input for scripts/qemu-facts-gen.py, which writes the reviewed
Rust tables; nothing here is loaded by the product.

usage: qemu-facts-collect.py OUTDIR [TARGET...]
"""
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

TARGETS = [
    "aarch64", "alpha", "arm", "avr", "hppa", "i386", "loongarch64", "m68k",
    "microblaze", "microblazeel", "mips", "mips64", "mips64el", "mipsel",
    "or1k", "ppc", "ppc64", "riscv32", "riscv64", "rx", "s390x", "sh4",
    "sh4eb", "sparc", "sparc64", "tricore", "x86_64", "xtensa", "xtensaeb",
    # Debian's cut-down build (target x86_64, no TCG): it runs KVM only.
    "x86_64-microvm",
]

# Builds without TCG: their binaries run under KVM (/dev/kvm must exist).
KVM_ONLY = {"x86_64-microvm"}

# Where Debian's QEMU finds its modules (CONFIG_QEMU_MODDIR).
MODULE_DIR = "/usr/lib/x86_64-linux-gnu/qemu"

# The object types libvirt 11.3 asks qom-list-properties about
# (src/qemu/qemu_capabilities.c: virQEMUCapsObjectProps; the CPU and
# machine types it asks about are added per target).  Device types'
# device-list-properties lists are scripts/qemu-device-props-collect.py's.
OBJECT_PROPS = ["memory-backend-file", "memory-backend-memfd"]


class Qmp:
    def __init__(self, target, without_modules=False):
        accel = "kvm" if target in KVM_ONLY else "tcg"
        argv = [f"/usr/bin/qemu-system-{target}", "-machine", "none", "-accel", accel,
                "-nodefaults", "-display", "none", "-S", "-qmp", "stdio"]
        if without_modules:
            # A private mount namespace with an empty module directory:
            # module_load_qom_all finds nothing to load, so qom-list-types
            # walks the type table as it is before any module is loaded.
            argv = ["unshare", "-rm", "sh", "-c",
                    f"mount -t tmpfs none {MODULE_DIR} && exec \"$0\" \"$@\""] + argv
        self.p = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.greeting = self._read()
        self.cmd("qmp_capabilities")

    def _read(self):
        while True:
            line = self.p.stdout.readline()
            if not line:
                raise EOFError
            msg = json.loads(line)
            if "event" not in msg:
                return msg

    def cmd(self, name, **args):
        req = {"execute": name}
        if args:
            req["arguments"] = args
        self.p.stdin.write(json.dumps(req).encode() + b"\n")
        self.p.stdin.flush()
        return self._read()

    def close(self):
        self.cmd("quit")
        self.p.wait()


def collect(target):
    out = {"target": target}
    # The type table before modules are loaded: its iteration order, and
    # what the commands walking it answer before qom-list-types loads
    # every module (checked against that order by the generator).
    q = Qmp(target, without_modules=True)
    out["preload_types"] = q.cmd("qom-list-types", abstract=True)["return"]
    q.close()
    q = Qmp(target)
    out["preload"] = {c: q.cmd(c) for c in (
        "query-machines", "query-chardev-backends", "query-cpu-definitions",
        "query-command-line-options")}
    out["types"] = q.cmd("qom-list-types", abstract=True)["return"]
    # The non-abstract list tells which types are abstract.
    concrete = {t["name"] for t in q.cmd("qom-list-types")["return"]}
    names = [t["name"] for t in out["types"]]
    out["abstract"] = sorted(n for n in names if n not in concrete)
    # Interfaces: every type implementing each interface type.
    out["implements"] = {}
    iface_names = [t["name"] for t in out["types"] if t.get("parent") == "interface"]
    for n in iface_names:
        r = q.cmd("qom-list-types", implements=n, abstract=True)["return"]
        out["implements"][n] = [t["name"] for t in r]
    out["qom_props"] = {}
    extra = list(OBJECT_PROPS)
    out["machines"] = q.cmd("query-machines", **{"compat-props": True})
    out["machines_plain"] = q.cmd("query-machines")
    for m in out["machines"].get("return", []):
        extra.append(m["name"] + "-machine")
    extra += ["none-machine", "generic-pc-machine", f"max-{target}-cpu",
              "max-x86_64-cpu", "max-i386-cpu", "max-arm-cpu", "max-s390x-cpu",
              "virt-machine", "s390-ccw-virtio-machine", "pseries-machine"]
    for t in sorted(set(extra)):
        out["qom_props"][t] = q.cmd("qom-list-properties", typename=t)
    out["cpu_defs"] = q.cmd("query-cpu-definitions")
    out["expansions"] = {}
    models = [m["name"] for m in out["cpu_defs"].get("return", [])]
    # Under KVM an expansion is the host CPU's: not a fact of the binary.
    for m in [] if target in KVM_ONLY else models:
        for ty in ("static", "full"):
            for props in (None, {"migratable": False}):
                model = {"name": m}
                if props:
                    model["props"] = props
                out["expansions"][f"{ty}/{m}/{1 if props else 0}"] = q.cmd(
                    "query-cpu-model-expansion", type=ty, model=model)
    out["tpm_models"] = q.cmd("query-tpm-models")
    out["tpm_types"] = q.cmd("query-tpm-types")
    out["cmdline"] = q.cmd("query-command-line-options")
    out["gic"] = q.cmd("query-gic-capabilities")
    q.close()
    return out


def main():
    outdir = sys.argv[1]
    targets = sys.argv[2:] or TARGETS
    os.makedirs(outdir, exist_ok=True)

    def one(t):
        data = collect(t)
        with open(os.path.join(outdir, f"{t}.json"), "w") as f:
            json.dump(data, f, indent=0)
        return t

    with ThreadPoolExecutor(2) as ex:
        for t in ex.map(one, targets):
            print("collected", t, file=sys.stderr)


if __name__ == "__main__":
    main()
