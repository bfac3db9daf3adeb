#!/usr/bin/env python3
"""Reads the property list of every non-abstract device type off Debian's
real qemu-system-* binaries: `device-list-properties` for each type
`qom-list-types implements=device` lists, in one `-machine none` process
per binary (restarted if a type crashes it), reply kept as the binary gave
it (its order is QOM's property hash tables').

None of them crashes Debian's 10.0.2 binaries (of the types
docs/emulator-facts.md names as crashing when listed, only
virtio-blk-pci-transitional is a device, and its device-list-properties
answers); a type that crashed the binary would be reported and recorded
(the generator refuses such a collection).

This is input for scripts/qemu-device-props-gen.py, which writes the
reviewed Rust table; nothing here is loaded by the product.

usage: qemu-device-props-collect.py OUTDIR [TARGET...]
"""
import json
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(__file__))
from importlib import import_module  # noqa: E402

facts = import_module("qemu-facts-collect")


def collect(target):
    q = facts.Qmp(target)
    devices = sorted(t["name"] for t in q.cmd(
        "qom-list-types", implements="device", abstract=False)["return"])
    out = {"target": target, "devices": devices, "props": {}, "crashed": []}
    for ty in devices:
        try:
            out["props"][ty] = q.cmd("device-list-properties", typename=ty)
        except (EOFError, BrokenPipeError, json.JSONDecodeError):
            print(f"{target}: {ty} crashed the binary", file=sys.stderr)
            out["crashed"].append(ty)
            q.p.kill()
            q.p.wait()
            q = facts.Qmp(target)
            q.cmd("qom-list-types")
    q.close()
    # A bus created without a name is named after its class and a counter
    # of the process (qbus_init_internal: BusClass.automatic_ids), so
    # listing a type that creates one (instance_init) numbers the next of
    # that class higher.  The product answers as a fresh process does
    # (`-device NAME,help` is one): those types are asked again, each in
    # a new process.
    for ty, r in out["props"].items():
        if any(p["type"].startswith("child<") and re.search(r"\.[0-9]+$", p["name"])
               for p in r.get("return", [])):
            q = facts.Qmp(target)
            q.cmd("qom-list-types")
            out["props"][ty] = q.cmd("device-list-properties", typename=ty)
            q.close()
    return out


def main():
    outdir = sys.argv[1]
    targets = sys.argv[2:] or facts.TARGETS
    os.makedirs(outdir, exist_ok=True)

    def one(t):
        data = collect(t)
        with open(os.path.join(outdir, f"{t}.json"), "w") as f:
            json.dump(data, f, indent=0)
        return t, len(data["props"])

    with ThreadPoolExecutor(2) as ex:
        for t, n in ex.map(one, targets):
            print("collected", t, n, "types", file=sys.stderr)


if __name__ == "__main__":
    main()
