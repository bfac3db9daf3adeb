//! The iteration order of a GLib 2.74 `GHashTable` with string keys
//! (`g_str_hash`), for tables that are only inserted into.
//!
//! QOM keeps each object's and each class's properties in such a table, and
//! `qom-list` reports them in its iteration order (reversed).  The replay:
//! a key starts at slot `(hash * 11) % prime_mod[shift]` (32-bit
//! arithmetic) and probes with steps 1, 2, 3, ... modulo the size; the table
//! grows when `size <= noccupied + noccupied / 16`, to
//! `2^bits(trunc(nnodes * 1.333))` slots, rehashing in place: slots are
//! walked in ascending order and each entry not yet relocated is dropped
//! into the first slot of its probe path not yet claimed by this resize,
//! evicting (and then relocating) an entry that sat there.

/// GLib's `prime_mod` table, indexed by the table's shift.
const PRIME_MOD: [u32; 32] = [
    1, 2, 3, 7, 13, 31, 61, 127, 251, 509, 1021, 2039, 4093, 8191, 16381, 32749, 65521, 131071,
    262139, 524287, 1048573, 2097143, 4194301, 8388593, 16777213, 33554393, 67108859, 134217689,
    268435399, 536870909, 1073741789, 2147483647,
];
const MIN_SHIFT: u32 = 3;

/// GLib's `g_str_hash`: djb2 over signed chars.
pub fn g_str_hash(s: &str) -> u32 {
    s.bytes().fold(5381u32, |h, b| {
        h.wrapping_mul(33).wrapping_add(b as i8 as i32 as u32)
    })
}

/// An insert-only string-keyed `GHashTable`, for its slot order.
pub struct GHashTable<'a> {
    shift: u32,
    /// 0: empty; otherwise the key's hash (at least 2).
    hashes: Vec<u32>,
    keys: Vec<Option<&'a str>>,
    nnodes: usize,
}

impl<'a> Default for GHashTable<'a> {
    fn default() -> Self {
        GHashTable {
            shift: MIN_SHIFT,
            hashes: vec![0; 1 << MIN_SHIFT],
            keys: vec![None; 1 << MIN_SHIFT],
            nnodes: 0,
        }
    }
}

impl<'a> GHashTable<'a> {
    /// A table holding `keys`, inserted in that order.
    pub fn with_keys(keys: impl IntoIterator<Item = &'a str>) -> Self {
        let mut t = GHashTable::default();
        for k in keys {
            t.insert(k);
        }
        t
    }

    fn mask(&self) -> usize {
        (1usize << self.shift) - 1
    }

    fn start(&self, hash: u32) -> usize {
        (hash.wrapping_mul(11) % PRIME_MOD[self.shift as usize]) as usize
    }

    fn hash(key: &str) -> u32 {
        g_str_hash(key).max(2)
    }

    /// `g_hash_table_insert` of a key (a second insert of a key is a no-op
    /// for the order).
    pub fn insert(&mut self, key: &'a str) {
        let hash = Self::hash(key);
        let mut i = self.start(hash);
        let mut step = 0;
        while self.hashes[i] != 0 {
            if self.hashes[i] == hash && self.keys[i] == Some(key) {
                return;
            }
            step += 1;
            i = (i + step) & self.mask();
        }
        self.hashes[i] = hash;
        self.keys[i] = Some(key);
        self.nnodes += 1;
        // No removals: every live entry occupies a slot.
        let occupied = self.nnodes;
        if self.hashes.len() <= occupied + occupied / 16 {
            self.resize();
        }
    }

    fn resize(&mut self) {
        let old_size = self.hashes.len();
        let target = (self.nnodes as f64 * 1.333) as usize;
        let bits = usize::BITS - target.leading_zeros();
        self.shift = bits.max(MIN_SHIFT);
        let size = 1usize << self.shift;
        if size > old_size {
            self.hashes.resize(size, 0);
            self.keys.resize(size, None);
        }
        let mut claimed = vec![false; size.max(old_size)];
        for i in 0..old_size {
            if self.hashes[i] == 0 || claimed[i] {
                continue;
            }
            let mut hash = std::mem::replace(&mut self.hashes[i], 0);
            let mut key = self.keys[i].take();
            loop {
                let mut j = self.start(hash);
                let mut step = 0;
                while claimed[j] {
                    step += 1;
                    j = (j + step) & self.mask();
                }
                claimed[j] = true;
                let evicted = std::mem::replace(&mut self.hashes[j], hash);
                let evicted_key = std::mem::replace(&mut self.keys[j], key);
                if evicted == 0 {
                    break;
                }
                hash = evicted;
                key = evicted_key;
            }
        }
        self.hashes.truncate(size);
        self.keys.truncate(size);
    }

    /// The keys in iteration (slot) order.
    pub fn iter(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.keys.iter().filter_map(|k| *k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Orders observed from QEMU 10.0.2 on GLib 2.74 (`qom-list`, reversed).
    #[test]
    fn matches_glib() {
        let machine = [
            "kernel",
            "shim",
            "initrd",
            "append",
            "dtb",
            "dumpdtb",
            "boot",
            "smp",
            "smp-cache",
            "phandle-start",
            "dt-compatible",
            "dump-guest-core",
            "mem-merge",
            "aux-ram-share",
            "usb",
            "graphics",
            "firmware",
            "suppress-vmdesc",
            "confidential-guest-support",
            "memory-encryption",
            "memory-backend",
            "memory",
        ];
        let t = GHashTable::with_keys(machine);
        assert_eq!(
            t.iter().collect::<Vec<_>>(),
            [
                "suppress-vmdesc",
                "append",
                "dtb",
                "mem-merge",
                "memory-backend",
                "phandle-start",
                "dumpdtb",
                "smp-cache",
                "shim",
                "smp",
                "dump-guest-core",
                "memory-encryption",
                "firmware",
                "usb",
                "graphics",
                "aux-ram-share",
                "confidential-guest-support",
                "initrd",
                "memory",
                "boot",
                "dt-compatible",
                "kernel"
            ]
        );
        let t = GHashTable::with_keys(["peripheral", "peripheral-anon", "unattached"]);
        assert_eq!(
            t.iter().collect::<Vec<_>>(),
            ["unattached", "peripheral", "peripheral-anon"]
        );
    }
}
