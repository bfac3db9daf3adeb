#!/usr/bin/env python3
"""Writes the facts behind the command line's listings as the reviewed Rust
table qemu-system/src/emulator/data/descriptions.rs, from what
scripts/qemu-help-facts-collect.py read off the 30 real binaries.

Each fact is written once with the condition under which binaries have it:
a `Pred` over the TARGET_* symbols as scripts/qemu-facts-gen.py builds it
(its `pred_expr`), and for the microvm build (x86_64 without TCG) a
`CONFIG_TCG` term where it differs from x86_64.  Ordering and formatting of
the listings are the product's (qemu-system/src/cli/help/).

usage: qemu-help-facts-gen.py FACTSDIR OUTFILE
"""
import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
_spec = importlib.util.spec_from_file_location(
    "qemu_facts_gen", os.path.join(HERE, "qemu-facts-gen.py"))
facts_gen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(facts_gen)

TARGETS = sorted(facts_gen.TARGETS)
MICROVM = "x86_64-microvm"
BINARIES = TARGETS + [MICROVM]

# qdev_alias_table (system/qdev-monitor.c), checked against the listings:
# the product has the table as code (cli/help/devices.rs), so the facts keep none.
VIRTIO_PCI = {"alpha", "aarch64", "arm", "hppa", "i386", "x86_64", "mips",
              "mipsel", "mips64", "mips64el", "ppc", "ppc64", "riscv32",
              "riscv64", "sh4", "sh4eb", "sparc", "sparc64", "xtensa",
              "xtensaeb", "loongarch64", "or1k"}


class Conds:
    """Distinct conditions, each a static `D<n>`."""

    def __init__(self):
        self.by_set = {}
        self.exprs = []

    def expr(self, binaries):
        ts = frozenset(b for b in binaries if b != MICROVM)
        base = facts_gen.pred_expr(ts) if ts else "Pred::Not(&Pred::Any(&[]))"
        on_x86 = "x86_64" in ts
        on_microvm = MICROVM in binaries
        tcg = "Pred::Sym(sym::CONFIG_TCG)"
        if on_x86 == on_microvm:
            return base
        if on_x86:
            return f"Pred::All(&[{base or 'Pred::All(&[])'}, {tcg}])"
        microvm = f"Pred::All(&[Pred::Sym(sym::TARGET_X86_64), Pred::Not(&{tcg})])"
        return microvm if not ts else f"Pred::Any(&[{base}, {microvm}])"

    def ref(self, binaries):
        binaries = frozenset(binaries)
        if binaries == frozenset(BINARIES):
            return "None"
        if binaries not in self.by_set:
            self.by_set[binaries] = len(self.exprs)
            self.exprs.append((self.expr(binaries), sorted(binaries)))
        return f"Some(&D{self.by_set[binaries]})"

    def render(self):
        out = []
        for i, (e, bs) in enumerate(self.exprs):
            out.append(f"/// {' '.join(bs)}")
            out.append(f"static D{i}: Pred = {e};")
        return out


def rs(s):
    return json.dumps(s, ensure_ascii=False)


def opt(s):
    return "None" if s is None else f"Some({rs(s)})"


def merge(facts, section, key):
    """Rows keyed by their content, each with the binaries that have it."""
    rows = {}
    for b in BINARIES:
        for r in facts[b][section]:
            rows.setdefault(key(r), []).append(b)
    return sorted(rows.items())


def check_alias(b, d):
    name, alias = d["name"], d["alias"]
    if name in ("AC97", "ES1370", "e1000", "ich9-ahci", "lsi53c895a"):
        return
    arch_virtio = ("ccw" if b == "s390x" else "device" if b == "m68k"
                   else "pci" if b.replace("-microvm", "") in VIRTIO_PCI else None)
    if alias is not None:
        assert name.startswith("virtio-") and name.endswith("-" + arch_virtio), (b, name)


def main():
    factsdir, outfile = sys.argv[1], sys.argv[2]
    facts = {}
    for b in BINARIES:
        with open(os.path.join(factsdir, f"{b}.json")) as f:
            facts[b] = json.load(f)
        for d in facts[b]["devices"]:
            check_alias(b, d)
    conds = Conds()
    machines = merge(facts, "machines", lambda m: (
        m["name"], m["desc"], m["family"], m["alias"], m["default"], m["deprecated"]))
    devices = merge(facts, "devices", lambda d: (
        d["name"], d["bus"], d["desc"], sum(1 << c for c in d["categories"])))
    body = ["/// What `-machine help` tells of each machine type (QMP's",
            "/// query-machines has no description).",
            "pub static MACHINES: &[MachineDesc] = &["]
    for (name, desc, family, alias, default, deprecated), bs in machines:
        body.append(
            f"    MachineDesc {{ name: {rs(name)}, desc: {rs(desc)}, family: {opt(family)}, "
            f"alias: {opt(alias)}, is_default: {str(default).lower()}, "
            f"deprecated: {str(deprecated).lower()}, cond: {conds.ref(bs)} }},")
    body += ["];", "",
             "/// The user-creatable devices with their bus type, description and",
             "/// categories (`DeviceClass`; QMP tells none of them).",
             "pub static DEVICES: &[DeviceDesc] = &["]
    for (name, bus, desc, cats), bs in devices:
        body.append(
            f"    DeviceDesc {{ name: {rs(name)}, bus: {opt(bus)}, desc: {opt(desc)}, "
            f"categories: 0x{cats:03x}, cond: {conds.ref(bs)} }},")
    body.append("];")
    cpus = {}
    for b in BINARIES:
        for m in facts[b]["deprecated_cpus"]:
            cpus.setdefault(m, []).append(b)
    body += ["", "/// The CPU models whose class has a deprecation note (`-cpu help`).",
             "pub static DEPRECATED_CPUS: &[(&str, Cond)] = &["]
    for m, bs in sorted(cpus.items()):
        body.append(f"    ({rs(m)}, {conds.ref(bs)}),")
    body.append("];")
    # In the binaries' order: s390x lists its definitions as its
    # s390_cpu_defs array has them (by release date, base model first).
    models = {}
    for b in BINARIES:
        for m in facts[b]["cpu_models"]:
            models.setdefault((m["name"], m["desc"]), []).append(b)
    models = list(models.items())
    body += ["", "/// What the x86 and s390x `-cpu help` tables say of each model; s390x's",
             "/// in `s390_cpu_defs` order.",
             "pub static CPU_MODELS: &[CpuModelDesc] = &["]
    for (name, desc), bs in models:
        body.append(f"    CpuModelDesc {{ name: {rs(name)}, desc: {rs(desc)}, cond: {conds.ref(bs)} }},")
    body.append("];")
    # Features keep the binary's order (s390x prints its arrays in order;
    # x86 sorts its flags): one row per feature, in the first binary's order.
    feats, seen = [], {}
    for b in BINARIES:
        # x86 names some flags in two feature words: each occurrence is a row.
        occurrences = {}
        for f in facts[b]["cpu_features"]:
            base = (f["kind"], f["name"], f["desc"])
            n = occurrences[base] = occurrences.get(base, 0) + 1
            key = base + (n,)
            if key not in seen:
                seen[key] = []
                feats.append(key)
            seen[key].append(b)
    body += ["", "/// CPU feature names, in the order of QEMU's arrays (`-cpu help`).",
             "pub static CPU_FEATURES: &[CpuFeatureDesc] = &["]
    for key in feats:
        kind, name, desc, _ = key
        body.append(f"    CpuFeatureDesc {{ kind: CpuFeatureKind::{kind}, name: {rs(name)}, "
                    f"desc: {opt(desc)}, cond: {conds.ref(seen[key])} }},")
    body.append("];")
    sparc = {}
    for b in BINARIES:
        for m in facts[b]["sparc_models"]:
            key = (m["name"], m["iu"], m["fpu"], m["mmu"], m["nwindows"], tuple(m["features"]))
            sparc.setdefault(key, []).append(b)
    body += ["", "/// SPARC's `sparc_defs`, in array order (`-cpu help`).",
             "pub static SPARC_CPUS: &[SparcCpuDesc] = &["]
    for (name, iu, fpu, mmu, nw, feats), bs in sparc.items():
        body.append(f"    SparcCpuDesc {{ name: {rs(name)}, iu: 0x{iu:x}, fpu: 0x{fpu:08x}, "
                    f"mmu: 0x{mmu:08x}, nwindows: {nw}, "
                    f"features: &[{', '.join(rs(f) for f in feats)}], cond: {conds.ref(bs)} }},")
    body.append("];")
    pvrs = merge(facts, "ppc_models", lambda m: (m["name"], m["pvr"]))
    body += ["", "/// Each PowerPC model's PVR (`-cpu help`).",
             "pub static PPC_PVRS: &[(&str, u32, Cond)] = &["]
    for (name, pvr), bs in pvrs:
        body.append(f"    ({rs(name)}, 0x{pvr:08x}, {conds.ref(bs)}),")
    body.append("];")
    head = [
        "// @generated by scripts/qemu-help-facts-gen.py from the listings of",
        "// Debian's qemu-system-* 10.0.2 (scripts/qemu-help-facts-collect.py).",
        "// Reviewed; edit the scripts, not this file.",
        "#![allow(clippy::all)]",
        "",
        "use qapi_defs::sym;",
        "use qapi_runtime::Pred;",
        "use qapi_runtime::pred::Cond;",
        "",
        "#[allow(unused_imports)]",
        "use crate::emulator::TARGET_BIG_ENDIAN;",
        "use crate::emulator::descriptions::{",
        "    CpuFeatureDesc, CpuFeatureKind, CpuModelDesc, DeviceDesc, MachineDesc, SparcCpuDesc,",
        "};",
        "",
    ]
    text = "\n".join(head + conds.render() + [""] + body) + "\n"
    with open(outfile, "w") as f:
        f.write(text)
    print(f"{outfile}: {len(machines)} machine rows, {len(devices)} device rows, "
          f"{len(conds.exprs)} conditions, {len(text)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
