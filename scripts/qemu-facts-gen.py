#!/usr/bin/env python3
"""Writes the emulator facts (QOM types, properties, machines, CPU models,
expansions, option groups, TPM and GIC) as reviewed Rust tables under
qemu-system/src/emulator/data/, from the replies scripts/qemu-facts-collect.py
read off every real binary.

Each fact is written once, with the condition (a `Pred` over the TARGET_*
symbols, plus TARGET_BIG_ENDIAN to tell mips from mipsel and alike, and the
build symbol CONFIG_TCG to tell x86_64-microvm from x86_64) under which
binaries have it.  Reply order is left to the product's rules, except
the type table's GLib iteration order, which is written per target (see
TYPE_ORDER below and the README of the emulator module).

usage: qemu-facts-gen.py FACTSDIR OUTDIR
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from glib_hash import key_hash  # noqa: E402  (kept for the order notes)

# configs/targets/*-softmmu.mak: TARGET_ARCH, TARGET_BASE_ARCH, TARGET_BIG_ENDIAN.
TARGETS = {
    "aarch64": ("aarch64", "arm", False), "alpha": ("alpha", None, False),
    "arm": ("arm", None, False), "avr": ("avr", None, False),
    "hppa": ("hppa", None, True), "i386": ("i386", None, False),
    "loongarch64": ("loongarch64", "loongarch", False), "m68k": ("m68k", None, True),
    "microblaze": ("microblaze", None, True), "microblazeel": ("microblaze", None, False),
    "mips": ("mips", None, True), "mips64": ("mips64", "mips", True),
    "mips64el": ("mips64", "mips", False), "mipsel": ("mips", None, False),
    "or1k": ("openrisc", None, True), "ppc": ("ppc", None, True),
    "ppc64": ("ppc64", "ppc", True), "riscv32": ("riscv32", "riscv", False),
    "riscv64": ("riscv64", "riscv", False), "rx": ("rx", None, False),
    "s390x": ("s390x", None, True), "sh4": ("sh4", None, False),
    "sh4eb": ("sh4", None, True), "sparc": ("sparc", None, True),
    "sparc64": ("sparc64", "sparc", True), "tricore": ("tricore", None, False),
    "x86_64": ("x86_64", "i386", False), "xtensa": ("xtensa", None, False),
    "xtensaeb": ("xtensa", None, True),
    # Debian's cut-down build of target x86_64: its symbols lack CONFIG_TCG
    # (qapi-defs/src/qemu/builds.rs), which tells its facts from x86_64's.
    "x86_64-microvm": ("x86_64", "i386", False),
}
BE = "TARGET_BIG_ENDIAN"
TCG = "CONFIG_TCG"
# Builds without TCG: the collector ran them under KVM.
KVM_ONLY = {"x86_64-microvm"}


def syms_of(t):
    arch, base, be = TARGETS[t]
    s = {"TARGET_" + arch.upper()}
    if base:
        s.add("TARGET_" + base.upper())
    if be:
        s.add(BE)
    if t not in KVM_ONLY:
        s.add(TCG)
    return s


ALL = frozenset(TARGETS)
SYMS = {t: syms_of(t) for t in TARGETS}
SYM_TARGETS = {}
for t, ss in SYMS.items():
    for s in ss:
        SYM_TARGETS.setdefault(s, set()).add(t)


def sym_expr(s):
    return f"Pred::Sym({'TARGET_BIG_ENDIAN' if s == BE else 'sym::' + s})"


def cover(targets):
    """A list of terms (each a list of (positive, symbol)) whose union is
    exactly `targets`."""
    targets = set(targets)
    terms, covered = [], set()
    # Single symbols whose targets all lie inside the set, largest first.
    cands = sorted((s for s, ts in SYM_TARGETS.items() if s != BE and ts <= targets),
                   key=lambda s: (-len(SYM_TARGETS[s]), s))
    for s in cands:
        if SYM_TARGETS[s] - covered:
            terms.append([(True, s)])
            covered |= SYM_TARGETS[s]
    for t in sorted(targets - covered):
        if t in covered:
            continue
        pos = sorted(s for s in SYMS[t] if s != BE)
        # The most specific positive symbol.
        p = min(pos, key=lambda s: len(SYM_TARGETS[s]))
        term = [(True, p)]
        share = set(SYM_TARGETS[p])
        outside = share - targets
        for u in sorted(outside):
            if not any(all(((s in SYMS[u]) == pos_) for pos_, s in term) for _ in [0]):
                continue
            # A symbol u has and t lacks, or the other way round.
            diff = sorted(SYMS[u] - SYMS[t])
            if diff:
                term.append((False, diff[0]))
            else:
                diff = sorted(SYMS[t] - SYMS[u])
                term.append((True, diff[0]))
        members = {x for x in ALL if all((s in SYMS[x]) == pos_ for pos_, s in term)}
        assert members <= targets, (t, term, members)
        terms.append(term)
        covered |= members
    got = {x for x in ALL if any(all((s in SYMS[x]) == p for p, s in term) for term in terms)}
    assert got == targets, (targets, terms, got)
    return terms


def term_expr(term):
    parts = [sym_expr(s) if p else f"Pred::Not(&{sym_expr(s)})" for p, s in term]
    return parts[0] if len(parts) == 1 else "Pred::All(&[" + ", ".join(parts) + "])"


def pred_expr(targets):
    """Rust expression of the condition true exactly on `targets`, or None."""
    targets = frozenset(targets)
    if targets == ALL:
        return None
    pos = cover(targets)
    cands = []
    e = [term_expr(t) for t in pos]
    cands.append(e[0] if len(e) == 1 else "Pred::Any(&[" + ", ".join(e) + "])")
    rest = ALL - targets
    neg = cover(rest)
    ne = [term_expr(t) for t in neg]
    inner = ne[0] if len(ne) == 1 else "Pred::Any(&[" + ", ".join(ne) + "])"
    cands.append(f"Pred::Not(&{inner})")
    return min(cands, key=len)


class Preds:
    """Distinct conditions, each a static `C<n>`."""

    def __init__(self):
        self.by_set = {}
        self.exprs = []

    def ref(self, targets):
        targets = frozenset(targets)
        if targets == ALL:
            return "None"
        if targets not in self.by_set:
            self.by_set[targets] = len(self.exprs)
            self.exprs.append((pred_expr(targets), sorted(targets)))
        return f"Some(&C{self.by_set[targets]})"

    def render(self):
        out = [HEADER, "use qapi_runtime::Pred;", "use qapi_defs::sym;", "",
               "use crate::emulator::TARGET_BIG_ENDIAN;", ""]
        for i, (e, ts) in enumerate(self.exprs):
            out.append(f"/// {' '.join(ts)}")
            out.append(f"pub static C{i}: Pred = {e};")
        return "\n".join(out) + "\n"


HEADER = """// @generated by scripts/qemu-facts-gen.py from the replies of Debian's
// qemu-system-* 10.0.2 (scripts/qemu-facts-collect.py).  Reviewed; edit
// the script, not this file.
#![allow(clippy::all)]
"""


def rs(s):
    return json.dumps(s, ensure_ascii=False)


def opt(s):
    return "None" if s is None else f"Some({rs(s)})"


def dv(v):
    if isinstance(v, bool):
        return f"Dv::Bool({'true' if v else 'false'})"
    if isinstance(v, int):
        return f"Dv::Int({v})" if v < 2**63 else f"Dv::Uint({v})"
    if isinstance(v, str):
        return f"Dv::Str({rs(v)})"
    if isinstance(v, list):
        return "Dv::List(&[" + ", ".join(dv(x) for x in v) + "])"
    if isinstance(v, float):
        return f"Dv::Float({v!r})"
    raise ValueError(v)


def merge(facts, key_fn):
    """{fact key: set of targets} over every target's facts."""
    out = {}
    for t, d in facts.items():
        for k in key_fn(t, d):
            out.setdefault(k, set()).add(t)
    return out


def gen_types(facts, preds):
    def keys(t, d):
        impl = {}
        for iface, members in d["implements"].items():
            for m in members:
                impl.setdefault(m, set()).add(iface)
        parent = {x["name"]: x.get("parent") for x in d["types"]}
        for x in d["types"]:
            n = x["name"]
            mine = impl.get(n, set()) - impl.get(parent[n], set()) - {n}
            yield (n, x.get("parent"), bool(x.get("abstract")), tuple(sorted(mine)))
    rows = sorted(merge(facts, keys).items(), key=lambda kv: (kv[0][0], sorted(kv[1])))
    index = {}
    out = [HEADER, "use super::conds::*;", "use crate::emulator::types::TypeDef;", "",
           "/// Every QOM type of every target, by name.",
           "pub static TYPES: &[TypeDef] = &["]
    for i, ((n, p, a, ifs), ts) in enumerate(rows):
        for t in ts:
            index[(t, n)] = i
        ifl = "&[" + ", ".join(rs(x) for x in ifs) + "]"
        out.append(f"    TypeDef {{ name: {rs(n)}, parent: {opt(p)}, abstract_: {str(a).lower()}, "
                   f"interfaces: {ifl}, cond: {preds.ref(ts)} }},")
    out.append("];")
    out.append("")
    # The type table's iteration order per target: GLib's hash-table layout
    # after QEMU's registrations.  Written as captured (see the module docs).
    orders = {}
    for t, d in sorted(facts.items()):
        seq = tuple(index[(t, x["name"])] for x in reversed(d["types"]))
        orders.setdefault(seq, set()).add(t)
    out.append("/// The type table's GLib iteration order (indices into `TYPES`), per target,")
    out.append("/// once every module is loaded.")
    out.append("pub static TYPE_ORDER: &[(qapi_runtime::pred::Cond, &[u16])] = &[")
    for seq, ts in orders.items():
        out.append(f"    ({preds.ref(ts)}, &[" + ",".join(map(str, seq)) + "]),")
    out.append("];")
    # Before module_load_qom_all the table lacks the modules' types.  Where
    # it also has fewer slots (loading the modules made GLib grow it), its
    # iteration order is not the loaded order without those types: the
    # order the binary gives with its module directory hidden is written
    # for those binaries only.
    modules, preload = {}, {}
    for t, d in sorted(facts.items()):
        pre = [x["name"] for x in reversed(d["preload_types"])]
        post = [x["name"] for x in reversed(d["types"])]
        assert set(pre) <= set(post), t
        only = tuple(sorted(index[(t, n)] for n in set(post) - set(pre)))
        modules.setdefault(only, set()).add(t)
        if [n for n in post if n in set(pre)] != pre:
            preload.setdefault(tuple(index[(t, n)] for n in pre), set()).add(t)
        check_preload(t, d, pre)
    out.append("")
    out.append("/// The types of the modules (indices into `TYPES`), per target: not in the")
    out.append("/// table until loaded.")
    out.append("pub static MODULE_TYPES: &[(qapi_runtime::pred::Cond, &[u16])] = &[")
    for seq, ts in modules.items():
        out.append(f"    ({preds.ref(ts)}, &[" + ",".join(map(str, seq)) + "]),")
    out.append("];")
    out.append("")
    out.append("/// The iteration order before any module is loaded, where it is not")
    out.append("/// `TYPE_ORDER` without `MODULE_TYPES` (the table grew when they loaded).")
    out.append("pub static PRELOAD_ORDER: &[(qapi_runtime::pred::Cond, &[u16])] = &[")
    for seq, ts in preload.items():
        out.append(f"    ({preds.ref(ts)}, &[" + ",".join(map(str, seq)) + "]),")
    out.append("];")
    return "\n".join(out) + "\n", index


def check_preload(t, d, pre):
    """The replies the binary gave before loading its modules follow from
    the pre-load order by the product's rules: machines in table order,
    chardev backends in reverse table order."""
    machines = [m["name"] for m in d["preload"]["query-machines"]["return"]]
    names = set(machines)
    assert [n[:-len("-machine")] for n in pre
            if n.endswith("-machine") and n[:-len("-machine")] in names] == machines, t
    backends = [c["name"] for c in d["preload"]["query-chardev-backends"]["return"]]
    names = set(backends)
    assert [n[len("chardev-"):] for n in reversed(pre)
            if n.startswith("chardev-") and n[len("chardev-"):] in names] == backends, t


def prop_row(p, with_default):
    d = "None"
    if with_default and "default-value" in p:
        d = f"Some({dv(p['default-value'])})"
    return (f"PropDef {{ name: {rs(p['name'])}, ty: {rs(p['type'])}, "
            f"desc: {opt(p.get('description'))}, default: {d} }}")


def gen_props(facts, preds):
    out = [HEADER, "use super::conds::*;", "use crate::emulator::types::{Dv, PropDef, PropSet};", ""]
    lists = {}

    def list_ref(rows):
        key = tuple(rows)
        if key not in lists:
            lists[key] = f"L{len(lists)}"
        return lists[key]

    # Device types' device-list-properties lists are
    # scripts/qemu-device-props-gen.py's (data/device_props.rs).
    for table, field, with_default in (("QOM_PROPS", "qom_props", True),):
        def keys(t, d):
            for ty, r in d[field].items():
                if "return" in r:
                    yield (ty, tuple(prop_row(p, with_default) for p in r["return"]))
        rows = sorted(merge(facts, keys).items(), key=lambda kv: kv[0][0])
        body = [f"pub static {table}: &[PropSet] = &["]
        for (ty, props), ts in rows:
            body.append(f"    PropSet {{ ty: {rs(ty)}, cond: {preds.ref(ts)}, props: {list_ref(props)} }},")
        body.append("];")
        out.extend(body)
    for rows, name in lists.items():
        out.append(f"static {name}: &[PropDef] = &[")
        out.extend(f"    {r}," for r in rows)
        out.append("];")
    return "\n".join(out) + "\n"


def gen_machines(facts, preds):
    out = [HEADER, "use super::conds::*;", "use crate::emulator::machines::{Compat, MachineDef};", ""]
    compat_lists = {}

    def keys(t, d):
        ms = d["machines"]["return"]
        byname = {m["name"]: [(c["qom-type"], c["property"], c["value"]) for c in m["compat-props"]]
                  for m in ms}
        for m in ms:
            cl = byname[m["name"]]
            # The longest other machine's list that is a prefix of this one:
            # QEMU's versioned machines add their compat arrays after the
            # next version's.
            base, blen = None, 0
            for o, ol in byname.items():
                if o != m["name"] and 0 < len(ol) <= len(cl) and len(ol) > blen and cl[:len(ol)] == ol:
                    if len(ol) == len(cl) and o > m["name"]:
                        continue
                    base, blen = o, len(ol)
            own = tuple(cl[blen:])
            yield (m["name"], m.get("alias"), bool(m.get("is-default")), m["cpu-max"],
                   m["hotpluggable-cpus"], m["numa-mem-supported"], m["deprecated"],
                   m.get("default-cpu-type"), m.get("default-ram-id"), m["acpi"], base, own)
    rows = sorted(merge(facts, keys).items(), key=lambda kv: (kv[0][0], sorted(kv[1])))
    out.append("/// Every machine type of every target, by name.")
    out.append("pub static MACHINES: &[MachineDef] = &[")
    for (n, al, dflt, cmax, hp, numa, dep, cpu, ram, acpi, base, own), ts in rows:
        if own not in compat_lists:
            compat_lists[own] = f"P{len(compat_lists)}"
        out.append(
            f"    MachineDef {{ name: {rs(n)}, alias: {opt(al)}, is_default: {str(dflt).lower()}, "
            f"cpu_max: {cmax}, hotpluggable_cpus: {str(hp).lower()}, numa_mem_supported: {str(numa).lower()}, "
            f"deprecated: {str(dep).lower()}, default_cpu_type: {opt(cpu)}, default_ram_id: {opt(ram)}, "
            f"acpi: {str(acpi).lower()}, compat_base: {opt(base)}, compat: {compat_lists[own]}, "
            f"cond: {preds.ref(ts)} }},")
    out.append("];")
    for own, name in compat_lists.items():
        out.append(f"static {name}: &[Compat] = &[" + ", ".join(
            f"({rs(a)}, {rs(b)}, {rs(c)})" for a, b, c in own) + "];")
    return "\n".join(out) + "\n"


def gen_cpus(facts, preds):
    out = [HEADER, "use super::conds::*;", "use crate::emulator::cpus::{CpuDef, Expansion, ExpansionKind};", "use crate::emulator::types::Dv;", ""]

    def keys(t, d):
        defs = d["cpu_defs"].get("return", [])
        ppc = t.startswith("ppc")
        for i, c in enumerate(defs):
            # ppc lists its alias table first, last alias first; the rank
            # is the alias's place in that list.
            rank = i if ppc and c["typename"] else 0
            yield (c["name"], c["typename"], c["static"], c.get("migration-safe"), c["deprecated"],
                   c.get("alias-of"), tuple(c["unavailable-features"]) if "unavailable-features" in c else None,
                   rank)
    rows = sorted(merge(facts, keys).items(), key=lambda kv: (kv[0][0], sorted(kv[1])))
    out.append("/// Every CPU model of every target (under TCG), by name.")
    out.append("pub static CPUS: &[CpuDef] = &[")
    for (n, tn, st, ms, dep, al, un, rank), ts in rows:
        unl = "None" if un is None else "Some(&[" + ", ".join(rs(x) for x in un) + "])"
        out.append(f"    CpuDef {{ name: {rs(n)}, typename: {rs(tn)}, static_: {str(st).lower()}, "
                   f"migration_safe: {'None' if ms is None else 'Some(' + str(ms).lower() + ')'}, deprecated: {str(dep).lower()}, alias_of: {opt(al)}, "
                   f"unavailable: {unl}, alias_rank: {rank}, cond: {preds.ref(ts)} }},")
    out.append("];")
    out.append("")
    # Expansions: a key table per target family (QDict insertion order, so
    # that the writer's QDict rule reproduces QEMU's key order) and per
    # expansion a value string: '1'/'0' for a bool, '-' for absent, 'v' for
    # a value listed in `values`.
    from qdict import bucket
    keytabs = {}

    def exp_keys(t, d):
        for k, r in d["expansions"].items():
            kind, rest = k.split("/", 1)
            model, unmig = rest.rsplit("/", 1)
            if "error" in r:
                # A model whose own checks fail (riscv's rv64 and alike);
                # errors of the arguments are rules in the handler.
                desc = r["error"]["desc"]
                if r["error"]["class"] == "GenericError" and not any(x in desc for x in ("not supported", "not found", "unknown",
                                               "unexpected", "not a recognized",
                                               "not a known", "requires KVM")):
                    yield (kind, model, unmig == "1", "", "[]", None, desc)
                continue
            ret = r["return"]
            props = ret["model"].get("props", {})
            yield (kind, model, unmig == "1", ret["model"]["name"],
                   tuple(props.items()) if False else json.dumps(list(props.items())),
                   tuple(ret["deprecated-props"]) if "deprecated-props" in ret else None, None)
    exps = merge(facts, exp_keys)
    # Key tables: one per distinct insertion order.  QEMU's output
    # order is by QDict bucket, and within a bucket newest first, so a
    # list's insertion order is its bucket-sorted reverse.
    tabs, tab_of = {}, {}
    for key in exps:
        items = json.loads(key[4])
        rev = [k for k, _ in reversed(items)]
        order = tuple(sorted(rev, key=lambda k: bucket(k)))
        if order not in tabs:
            tabs[order] = f"K{len(tabs)}"
        tab_of[key] = order
    for order, name in tabs.items():
        out.append(f"static {name}: &[&str] = &[" + ", ".join(rs(k) for k in order) + "];")
    out.append("")
    out.append("pub static EXPANSIONS: &[Expansion] = &[")
    for key, ts in sorted(exps.items(), key=lambda kv: (kv[0][1], kv[0][0], kv[0][2])):
        kind, model, unmig, rname, props, dep, err = key
        items = dict(json.loads(props))
        code, vals = [], []
        for k in tab_of[key]:
            if k not in items:
                code.append("-")
            elif items[k] is True:
                code.append("1")
            elif items[k] is False:
                code.append("0")
            else:
                code.append("v")
                vals.append(dv(items[k]))
        depl = "None" if dep is None else "Some(&[" + ", ".join(rs(x) for x in dep) + "])"
        out.append(f"    Expansion {{ model: {rs(model)}, kind: ExpansionKind::{kind.capitalize()}, "
                   f"unmigratable: {str(unmig).lower()}, name: {rs(rname)}, keys: {tabs[tab_of[key]]}, "
                   f"values: {rs(''.join(code))}, others: &[" + ", ".join(vals) + f"], deprecated: {depl}, error: {opt(err)}, "
                   f"cond: {preds.ref(ts)} }},")
    out.append("];")
    return "\n".join(out) + "\n"


def gen_misc(facts, preds):
    out = [HEADER, "use super::conds::*;",
           "use crate::emulator::options::{OptionGroup, OptionParam};", ""]
    for table, field in (("TPM_MODELS", "tpm_models"), ("TPM_TYPES", "tpm_types")):
        def keys(t, d, field=field):
            for i, x in enumerate(d[field].get("return", [])):
                yield (i, x)
        rows = sorted(merge(facts, keys).items())
        out.append(f"pub static {table}: &[(&str, qapi_runtime::pred::Cond)] = &[")
        for (i, x), ts in rows:
            out.append(f"    ({rs(x)}, {preds.ref(ts)}),")
        out.append("];")

    def gkeys(t, d):
        r = d["gic"]
        if "return" in r:
            for g in r["return"]:
                yield (g["version"], g["emulated"], g["kernel"])
    out.append("/// `query-gic-capabilities` (version, emulated, kernel).")
    out.append("pub static GIC: &[(i64, bool, bool, qapi_runtime::pred::Cond)] = &[")
    for (v, e, k), ts in merge(facts, gkeys).items():
        out.append(f"    ({v}, {str(e).lower()}, {str(k).lower()}, {preds.ref(ts)}),")
    out.append("];")

    params = {}

    def param_rows(g):
        return tuple(
            f"OptionParam {{ name: {rs(p['name'])}, ty: {rs(p['type'])}, help: {opt(p.get('help'))}, "
            f"default: {opt(p.get('default'))} }}" for p in g["parameters"])

    def okeys(t, d):
        # A group read off before qom-list-types that differs from the
        # one read after (the machine group follows the machine classes'
        # order) is written twice, once per state; the groups modules
        # register (spice) are not there before, a rule of the handler.
        before = {g["option"]: g for g in d["preload"]["query-command-line-options"]["return"]}
        for i, g in enumerate(d["cmdline"]["return"]):
            b = before.get(g["option"])
            if b is None or b == g:
                yield (i, g["option"], param_rows(g), "None")
            else:
                yield (i, g["option"], param_rows(g), "Some(true)")
                yield (i, g["option"], param_rows(b), "Some(false)")
    out.append("/// `query-command-line-options`, in QEMU's group order.")
    out.append("pub static OPTION_GROUPS: &[OptionGroup] = &[")
    for (i, name, rows, loaded), ts in sorted(merge(facts, okeys).items(),
                                               key=lambda kv: (kv[0][0], kv[0][1], kv[0][3])):
        if rows not in params:
            params[rows] = f"O{len(params)}"
        out.append(f"    OptionGroup {{ position: {i}, option: {rs(name)}, params: {params[rows]}, "
                   f"modules_loaded: {loaded}, cond: {preds.ref(ts)} }},")
    out.append("];")
    for rows, name in params.items():
        out.append(f"static {name}: &[OptionParam] = &[")
        out.extend(f"    {r}," for r in rows)
        out.append("];")
    return "\n".join(out) + "\n"


def as_tcg(kvm, tcg):
    """What a KVM-only build's CPU facts depend on the host for (the
    models' unavailable features, the expansions) is not a fact of the
    binary: those are left as target x86_64 under TCG has them, until the
    product models the host's KVM."""
    unavailable = {c["name"]: c.get("unavailable-features")
                   for c in tcg["cpu_defs"].get("return", [])}
    for c in kvm["cpu_defs"].get("return", []):
        if unavailable.get(c["name"]) is not None:
            c["unavailable-features"] = unavailable[c["name"]]
    kvm["expansions"] = tcg["expansions"]


def main():
    factsdir, outdir = sys.argv[1], sys.argv[2]
    facts = {}
    for t in TARGETS:
        with open(os.path.join(factsdir, f"{t}.json")) as f:
            facts[t] = json.load(f)
    for t in KVM_ONLY:
        as_tcg(facts[t], facts["x86_64"])
    preds = Preds()
    files = {}
    files["types.rs"], _ = gen_types(facts, preds)
    files["props.rs"] = gen_props(facts, preds)
    files["machines.rs"] = gen_machines(facts, preds)
    files["cpus.rs"] = gen_cpus(facts, preds)
    files["misc.rs"] = gen_misc(facts, preds)
    files["conds.rs"] = preds.render()
    os.makedirs(outdir, exist_ok=True)
    for name, text in files.items():
        with open(os.path.join(outdir, name), "w") as f:
            f.write(text)
        print(f"{name}: {len(text)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
