"""GLib 2.74's GHashTable slot layout for string keys, as
qapi-runtime/src/glib.rs replays it: used by qemu-facts-gen.py to find a
type registration order that reproduces QEMU's qom-list-types order."""

PRIME_MOD = [1, 2, 3, 7, 13, 31, 61, 127, 251, 509, 1021, 2039, 4093, 8191, 16381,
             32749, 65521, 131071, 262139, 524287, 1048573, 2097143, 4194301,
             8388593, 16777213, 33554393, 67108859, 134217689, 268435399,
             536870909, 1073741789, 2147483647]
MIN_SHIFT = 3


def g_str_hash(s):
    h = 5381
    for b in s.encode():
        if b >= 128:
            b -= 256
        h = (h * 33 + b) & 0xFFFFFFFF
    return h


def key_hash(s):
    return max(g_str_hash(s), 2)


def layout(keys):
    """Keys in iteration order after inserting `keys` in order."""
    shift = MIN_SHIFT
    size = 1 << shift
    hashes = [0] * size
    node = [None] * size
    nnodes = 0

    def start(h, shift):
        return (h * 11 & 0xFFFFFFFF) % PRIME_MOD[shift]

    for k in keys:
        h = key_hash(k)
        mask = size - 1
        slot = start(h, shift)
        step = 0
        while hashes[slot] >= 2:
            step += 1
            slot = (slot + step) & mask
        hashes[slot] = h
        node[slot] = k
        nnodes += 1
        occ = nnodes
        if size <= occ + occ // 16:
            # g_hash_table_resize (in place)
            old_size = size
            target = int(nnodes * 1.333)
            shift = max(MIN_SHIFT, min(target.bit_length(), len(PRIME_MOD) - 1))
            size = 1 << shift
            if size > old_size:
                hashes += [0] * (size - old_size)
                node += [None] * (size - old_size)
            placed = [False] * max(old_size, size)
            mask = size - 1
            for i in range(old_size):
                hh = hashes[i]
                if hh < 2:
                    hashes[i] = 0
                    continue
                if placed[i]:
                    continue
                hashes[i] = 0
                ch, ck = hh, node[i]
                while True:
                    s = start(ch, shift)
                    st = 0
                    while placed[s]:
                        st += 1
                        s = (s + st) & mask
                    placed[s] = True
                    dh, dk = hashes[s], node[s]
                    hashes[s], node[s] = ch, ck
                    if dh < 2:
                        break
                    ch, ck = dh, dk
            if size < old_size:
                hashes = hashes[:size]
                node = node[:size]
    return [node[i] for i in range(size) if hashes[i] >= 2]


def find_insertion_order(observed, start=None, limit=20000):
    """An insertion order whose layout iterates as `observed`, found by
    repair: replay, find the first slot that differs, move the expected key
    just before the one that took its place.  Returns None if not found."""
    order = list(start if start is not None else observed)
    for _ in range(limit):
        got = layout(order)
        if got == observed:
            return order
        i = next(i for i, (a, b) in enumerate(zip(got, observed)) if a != b)
        want, took = observed[i], got[i]
        order.remove(want)
        order.insert(order.index(took), want)
    return None


def final_shift(n):
    """The table's shift after inserting n keys (no removals)."""
    shift, size, last_resize = MIN_SHIFT, 1 << MIN_SHIFT, 0
    for nn in range(1, n + 1):
        if size <= nn + nn // 16:
            shift = max(MIN_SHIFT, min(int(nn * 1.333).bit_length(), len(PRIME_MOD) - 1))
            size = 1 << shift
            last_resize = nn
    return shift, last_resize


def probe_path(key, shift):
    size = 1 << shift
    slot = (key_hash(key) * 11 & 0xFFFFFFFF) % PRIME_MOD[shift]
    step = 0
    while step <= size:
        yield slot
        step += 1
        slot = (slot + step) & (size - 1)


def placement(observed):
    """For keys in iteration order: each key's slot and the keys whose slots
    its probe path crosses first (they must be inserted before it), choosing
    for each key the first slot of its path after the previous key's.
    None when some path crosses a free slot."""
    shift, last_resize = final_shift(len(observed))
    slot_of, prev = {}, -1
    for k in observed:
        for s in probe_path(k, shift):
            if s > prev:
                slot_of[k] = s
                prev = s
                break
        else:
            return None
    owner = {s: k for k, s in slot_of.items()}
    before = {}
    for k in observed:
        deps = []
        for s in probe_path(k, shift):
            if s == slot_of[k]:
                break
            if s not in owner:
                return None
            deps.append(owner[s])
        before[k] = deps
    return before, last_resize
