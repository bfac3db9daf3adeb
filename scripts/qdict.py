"""QEMU's QDict bucket (qobject/qdict.c: tdb_hash % 512), as
qapi-runtime/src/json/qdict_order.rs computes it."""


def tdb_hash(key):
    value = (0x238F13AF * len(key)) & 0xFFFFFFFF
    for i, c in enumerate(key):
        value = (value + (c << ((i * 5) % 24))) & 0xFFFFFFFF
    return (1103515243 * value + 12345) & 0xFFFFFFFF


def bucket(key):
    return tdb_hash(key.encode()) % 512
