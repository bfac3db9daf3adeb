#!/usr/bin/env python3
"""Reads the facts behind the command line's listings off Debian's real
qemu-system-* binaries (the 29 targets and the microvm build).

The listings themselves are computed by the product (qemu-system's
`cli::help`); what QMP does not tell, this reads off the listings and keeps
as per-type facts:

- `-machine help`: each machine's `desc`, `alias`, default and deprecated
  flags (QMP's query-machines has no description);
- `-device help`: each user-creatable device's bus type, `desc` and
  categories (QMP tells none of them);
- `-cpu help`: the CPU models marked deprecated; for x86 and s390x, each
  model's description and the feature names (and s390x's descriptions);
  for SPARC its `sparc_defs` (versions, register windows, features) and
  feature names, default ones apart; for PowerPC each model's PVR.

Property lists (`-device NAME,help`) are not read here: the x86_64
binary alone prints about 83,000 property lines over its 436 devices; the
product prints the lists it already has for device-list-properties.

The JSON written to OUTDIR/<binary>.json is input for
scripts/qemu-help-facts-gen.py; nothing here is loaded by the product.

usage: qemu-help-facts-collect.py OUTDIR [BINARY...]
"""
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from importlib import import_module

# The 30 binaries, as the main collector lists them.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
BINARIES = import_module("qemu-facts-collect").TARGETS

# DEVICE_CATEGORY_* names as qdev_print_devinfos prints them, by bit.
CATEGORIES = ["Controller/Bridge/Hub", "USB", "Storage", "Network", "Input",
              "Display", "Sound", "Misc", "CPU", "Watchdog"]

# MachineClass::family, which no listing shows (only its sort order does):
# the machines of hw/i386/pc_piix.c, pc_q35.c and microvm.c set it.
FAMILIES = [
    (re.compile(r"pc-i440fx-"), "pc_piix"),
    (re.compile(r"pc-q35-"), "pc_q35"),
    (re.compile(r"microvm$"), "microvm_i386"),
]


def run(binary, *args):
    p = subprocess.run([f"/usr/bin/qemu-system-{binary}", *args],
                       capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def machines(binary):
    rc, out, _ = run(binary, "-machine", "help")
    assert rc == 0
    lines = out.splitlines()
    assert lines[0] == "Supported machines are:"
    rows, alias = [], None
    for line in lines[1:]:
        name = line.split(" ", 1)[0]
        rest = line[len(name):]
        rest = rest[max(0, 20 - len(name)) + 1:]
        m = re.fullmatch(r"(.*) \(alias of (\S+)\)", rest)
        if m:
            alias = (name, m.group(2))
            continue
        default = deprecated = False
        if rest.endswith(" (deprecated)"):
            deprecated, rest = True, rest[:-len(" (deprecated)")]
        if rest.endswith(" (default)"):
            default, rest = True, rest[:-len(" (default)")]
        family = next((f for r, f in FAMILIES if r.match(name)), None)
        rows.append({
            "name": name, "desc": rest, "default": default,
            "deprecated": deprecated, "family": family,
            "alias": alias[0] if alias and alias[1] == name else None,
        })
        alias = None
    return rows


DEVICE = re.compile(r'name "([^"]*)"(?:, bus ([^ ,]+))?(?:, alias "([^"]*)")?'
                    r'(?:, desc "(.*)")?')


def devices(binary):
    rc, out, _ = run(binary, "-device", "help")
    assert rc == 0
    by_name, cat = {}, None
    for line in out.splitlines():
        if not line:
            continue
        if line.endswith(" devices:"):
            cat = line[:-len(" devices:")]
            continue
        m = DEVICE.fullmatch(line)
        assert m, line
        name, bus, alias, desc = m.groups()
        d = by_name.setdefault(name, {"name": name, "bus": bus, "alias": alias,
                                      "desc": desc, "categories": []})
        if cat != "Uncategorized":
            d["categories"].append(CATEGORIES.index(cat))
    return list(by_name.values())


def deprecated_cpus(binary):
    """The models `-cpu help` marks deprecated (`CPUClass::deprecation_note`,
    which query-cpu-definitions does not show on every target)."""
    rc, out, _ = run(binary, "-cpu", "help")
    assert rc == 0
    return sorted(line.split()[0] for line in out.splitlines()
                  if line.startswith("  ") and line.endswith(" (deprecated)"))


DETAILS = re.compile(r"(.*?) *\(((?:static|migration-safe|deprecated)(?:, [a-z-]+)*)\)")


def cpu_tables(binary):
    """x86 and s390x print their own `-cpu help` table: each model with its
    description (x86: the model id and note, aliases left out; s390x:
    `S390CPUClass::desc`), then their feature names (x86: the CPUID flag
    names; s390x: features and feature groups with descriptions)."""
    rc, out, _ = run(binary, "-cpu", "help")
    assert rc == 0
    sections = out.split("\n\n")
    models, features = [], []
    if binary.startswith(("x86_64", "i386")):
        for line in sections[0].splitlines()[1:]:
            name = line[2:].split(" ")[0]
            desc = line[2 + max(20, len(name)) + 2:]
            # What an alias stands for comes from query-cpu-definitions.
            if not desc.startswith("(alias "):
                models.append({"name": name, "desc": desc})
        names = " ".join(sections[1].splitlines()[1:]).split()
        features = [{"kind": "CpuidFlag", "name": n, "desc": None} for n in names]
    elif binary == "s390x":
        for line in sections[0].splitlines()[1:]:
            name = line[2:].split(" ")[0]
            rest = line[2 + max(15, len(name)) + 1:]
            m = DETAILS.fullmatch(rest)
            models.append({"name": name, "desc": m.group(1) if m else rest})
        for sec, kind in ((sections[1], "S390Feature"), (sections[2], "S390Group")):
            for line in sec.splitlines()[1:]:
                name = line[2:].split(" ")[0]
                features.append({"kind": kind, "name": name,
                                 "desc": line[2 + max(20, len(name)) + 1:]})
    elif binary.startswith("sparc"):
        lines = out.splitlines()
        default = lines[-3].split(": ", 1)[1].split()
        optional = lines[-2].split(": ", 1)[1].split()
        features = ([{"kind": "SparcDefault", "name": n, "desc": None} for n in default]
                    + [{"kind": "SparcOptional", "name": n, "desc": None} for n in optional])
        for line in lines[1:-3]:
            m = re.fullmatch(r" (\S+) +\(IU ([0-9a-f]+) FPU ([0-9a-f]{8}) MMU ([0-9a-f]{8}) "
                             r"NWINS (\d+)\) (.*)", line)
            assert m, line
            name, iu, fpu, mmu, nwins, diff = m.groups()
            feats = set(default)
            for d in diff.split():
                (feats.discard if d[0] == "-" else feats.add)(d[1:])
            models.append({"name": name, "iu": int(iu, 16), "fpu": int(fpu, 16),
                           "mmu": int(mmu, 16), "nwindows": int(nwins),
                           "features": [f for f in default + optional if f in feats]})
        return {"cpu_models": [], "cpu_features": features, "sparc_models": models,
                "ppc_models": []}
    elif binary.startswith("ppc"):
        current = None
        for line in out.splitlines()[1:]:
            m = re.fullmatch(r"  (\S+) +PVR ([0-9a-f]{8})", line)
            if m:
                current = m.group(1)
                models.append({"name": current, "pvr": int(m.group(2), 16)})
                continue
            # Aliases: query-cpu-definitions has them (the model's type,
            # the alias table's order).
            assert re.fullmatch(r"  (\S+) +\(alias for .*\)", line) and current, line
        return {"cpu_models": [], "cpu_features": [], "sparc_models": [],
                "ppc_models": models}
    return {"cpu_models": models, "cpu_features": features, "sparc_models": [],
            "ppc_models": []}


def collect(binary):
    return {"machines": machines(binary), "devices": devices(binary),
            "deprecated_cpus": deprecated_cpus(binary), **cpu_tables(binary)}


def main():
    out = sys.argv[1]
    binaries = sys.argv[2:] or BINARIES
    os.makedirs(out, exist_ok=True)
    with ThreadPoolExecutor(4) as ex:
        all_facts = list(ex.map(collect, binaries))
    for b, facts in zip(binaries, all_facts):
        with open(os.path.join(out, f"{b}.json"), "w") as f:
            json.dump(facts, f, indent=1, sort_keys=True)
        print(b, len(facts["machines"]), "machines", len(facts["devices"]),
              "devices", file=sys.stderr)


if __name__ == "__main__":
    main()
