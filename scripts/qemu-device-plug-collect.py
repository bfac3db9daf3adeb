#!/usr/bin/env python3
"""Reads off each real binary how `device_add` treats every device type on
`-machine none` (user-creatable, hotpluggable, the bus type it needs), by
sending `device_add {"driver": T}` for each non-abstract device type and
classifying QEMU's error.  Output: one JSON file per target in OUTDIR,
{type: ["unpluggable"] | ["bus", BUS] | ["sysbus"] | ["busless"]}; the
generator turns it into reviewed Rust (emulator/data/plug.rs)."""
import json, os, re, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

TARGETS = [
    "aarch64", "alpha", "arm", "avr", "hppa", "i386", "loongarch64", "m68k",
    "microblaze", "microblazeel", "mips", "mips64", "mips64el", "mipsel",
    "or1k", "ppc", "ppc64", "riscv32", "riscv64", "rx", "s390x", "sh4",
    "sh4eb", "sparc", "sparc64", "tricore", "x86_64", "xtensa", "xtensaeb",
]


def run(target, reqs):
    p = subprocess.run(
        [f"/usr/bin/qemu-system-{target}", "-machine", "none", "-accel", "tcg",
         "-nodefaults", "-display", "none", "-S", "-qmp", "stdio"],
        input="".join(json.dumps(r) + "\n" for r in reqs + [{"execute": "quit"}]).encode(),
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=120)
    out = [json.loads(l) for l in p.stdout.splitlines()]
    return [m for m in out if "event" not in m and "QMP" not in m][:len(reqs)]


def classify(reply):
    d = reply.get("error", {}).get("desc", "")
    if d == "Parameter 'driver' expects a pluggable device type":
        return ["unpluggable"]
    m = re.fullmatch(r"No '(.*)' bus found for device '.*'", d)
    if m:
        return ["bus", m.group(1)]
    if "sysbus" in d:
        return ["sysbus"]
    if d.endswith("can not be hotplugged on this machine"):
        return ["busless"]
    return ["other", json.dumps(reply)]


def collect(target):
    types = run(target, [{"execute": "qmp_capabilities"},
                         {"execute": "qom-list-types",
                          "arguments": {"implements": "device"}}])[1]["return"]
    names = sorted(t["name"] for t in types)
    reqs = [{"execute": "qmp_capabilities"}] + [
        {"execute": "device_add", "arguments": {"driver": n}} for n in names]
    replies = run(target, reqs)[1:]
    return target, {n: classify(r) for n, r in zip(names, replies)}


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    with ThreadPoolExecutor(4) as ex:
        for target, data in ex.map(collect, TARGETS):
            with open(os.path.join(outdir, f"{target}.json"), "w") as f:
                json.dump(data, f, indent=0, sort_keys=True)
            print(target, len(data), file=sys.stderr)


if __name__ == "__main__":
    main()
