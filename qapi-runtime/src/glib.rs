//! A replay of GLib 2.74's `GHashTable` with string keys (`g_str_hash`):
//! not a hash table to use, but the exact slot layout QEMU's tables end up
//! with, because QEMU lets that layout show.  Which unexpected argument is
//! named (`qobject_input_check_struct`) and the order of `qom-list` both
//! follow a GLib hash table's iteration order.
//!
//! Keys are numbered `0..n` by the caller; the table records where each
//! lands.  Inserts, removals and GLib's in-place resizes are replayed
//! exactly; probing is remembered per start slot so that hostile key sets
//! cost little.

/// GLib's `g_str_hash`: djb2 (`h * 33 + c`) over the key's bytes read as
/// signed chars.  QEMU holds strings in modified UTF-8, where U+0000 is the
/// two bytes C0 80 (a C string cannot contain a NUL byte); our `&str` holds
/// it as `'\0'`, so it is hashed as those two bytes.
pub fn g_str_hash(s: &str) -> u32 {
    let step = |h: u32, b: u8| h.wrapping_mul(33).wrapping_add(b as i8 as i32 as u32);
    s.as_bytes().iter().fold(5381u32, |h, &b| match b {
        0 => step(step(h, 0xC0), 0x80),
        _ => step(h, b),
    })
}

/// The hash GLib stores for a key: 0 and 1 are reserved for empty slots and
/// tombstones, so a smaller hash becomes 2.
pub fn key_hash(key: &str) -> u32 {
    g_str_hash(key).max(2)
}

const MIN_SHIFT: u32 = 3;
const UNUSED: u32 = 0;
const TOMBSTONE: u32 = 1;
/// No slot: a key not (or no longer) in the table.
const NOWHERE: usize = usize::MAX;

/// The prime below each power of two; the start slot is taken modulo it.
const PRIME_MOD: [u32; 32] = [
    1, 2, 3, 7, 13, 31, 61, 127, 251, 509, 1021, 2039, 4093, 8191, 16381, 32749, 65521, 131071,
    262139, 524287, 1048573, 2097143, 4194301, 8388593, 16777213, 33554393, 67108859, 134217689,
    268435399, 536870909, 1073741789, 2147483647,
];

/// The slot layout of a GLib hash table holding keys `0..n`.
pub struct HashTable {
    shift: u32,
    /// Per slot: `UNUSED`, `TOMBSTONE` or the key's hash (>= 2).
    hashes: Vec<u32>,
    /// Per slot: the key held, meaningful where the hash is real.
    node: Vec<usize>,
    /// Per key: its slot, or `NOWHERE`.
    pos: Vec<usize>,
    nnodes: usize,
    /// Live entries plus tombstones.
    noccupied: usize,
    /// Per start slot: how far along its probe path every slot is known to
    /// be taken (step count, slot).  Valid only while slots are never freed:
    /// during the inserts between two resizes, and within one resize.
    cursor: Vec<(usize, usize)>,
}

impl HashTable {
    /// An empty table for keys `0..n`.
    pub fn new(n: usize) -> Self {
        let size = 1usize << MIN_SHIFT;
        let mut t = HashTable {
            shift: MIN_SHIFT,
            hashes: vec![UNUSED; size],
            node: vec![0; size],
            pos: vec![NOWHERE; n],
            nnodes: 0,
            noccupied: 0,
            cursor: Vec::new(),
        };
        t.begin_phase();
        t
    }

    fn size(&self) -> usize {
        1 << self.shift
    }

    fn mask(&self) -> usize {
        self.size() - 1
    }

    /// `g_hash_table_hash_to_index`: where a hash's probe path starts.
    fn start(&self, hash: u32) -> usize {
        let m = PRIME_MOD.get(self.shift as usize).copied().unwrap_or(1);
        (hash.wrapping_mul(11) % m) as usize
    }

    /// Forgets every probe cursor (the table layout changed).
    fn begin_phase(&mut self) {
        self.cursor.clear();
        self.cursor.extend((0..self.size()).map(|s| (0, s)));
    }

    /// Walks the probe path of `hash` to the first slot `taken` says is free
    /// and records how far the path is known to be taken.  `None` only if
    /// the path has no free slot, which GLib's load limits rule out.
    fn probe(&mut self, hash: u32, taken: impl Fn(&Self, usize) -> bool) -> Option<usize> {
        let start = self.start(hash);
        let (mut step, mut slot) = *self.cursor.get(start)?;
        let mask = self.mask();
        // Triangular probing visits every slot within `size` steps.
        while taken(self, slot) {
            step += 1;
            if step > mask + 1 {
                return None;
            }
            slot = (slot + step) & mask;
        }
        *self.cursor.get_mut(start)? = (step, slot);
        Some(slot)
    }

    /// `g_hash_table_insert` of a key not in the table.  All inserts come
    /// before any removal, so there are no tombstones to reuse and the key
    /// lands in the empty slot ending its probe path.
    pub fn insert(&mut self, key: usize, hash: u32) -> Option<()> {
        let slot = self.probe(hash, |t, s| t.hashes.get(s).is_some_and(|&h| h != UNUSED))?;
        *self.hashes.get_mut(slot)? = hash;
        *self.node.get_mut(slot)? = key;
        *self.pos.get_mut(key)? = slot;
        self.nnodes += 1;
        self.noccupied += 1;
        self.maybe_resize()
    }

    /// `g_hash_table_remove`: a tombstone, then maybe a resize.
    pub fn remove(&mut self, key: usize) -> Option<()> {
        let slot = *self.pos.get(key)?;
        if slot == NOWHERE {
            return Some(());
        }
        *self.hashes.get_mut(slot)? = TOMBSTONE;
        *self.pos.get_mut(key)? = NOWHERE;
        self.nnodes = self.nnodes.saturating_sub(1);
        self.maybe_resize()
    }

    /// `g_hash_table_maybe_resize`: too sparse (below 1/4 live, beyond the
    /// minimum size) or too full (15/16 counting tombstones).
    fn maybe_resize(&mut self) -> Option<()> {
        let size = self.size();
        let occ = self.noccupied;
        if (size > self.nnodes.saturating_mul(4) && size > 1 << MIN_SHIFT) || size <= occ + occ / 16
        {
            self.resize()?;
        }
        Some(())
    }

    /// `g_hash_table_resize`: the new size from the live count, then the
    /// in-place rehash with its "already relocated" bitmap.
    fn resize(&mut self) -> Option<()> {
        let old_size = self.size();
        // `g_hash_table_set_shift_from_size (nnodes * 1.333)`: the double
        // is truncated to an int, and the shift is its bit length.
        let target = (self.nnodes as f64 * 1.333) as u64;
        let bits = u64::BITS - target.leading_zeros();
        self.shift = bits.clamp(MIN_SHIFT, PRIME_MOD.len() as u32 - 1);
        let new_size = self.size();
        if new_size > old_size {
            self.hashes.resize(new_size, UNUSED);
            self.node.resize(new_size, 0);
        }
        let mut placed = vec![false; old_size.max(new_size)];
        self.begin_phase();
        for i in 0..old_size {
            let h = *self.hashes.get(i)?;
            if h == UNUSED || h == TOMBSTONE {
                *self.hashes.get_mut(i)? = UNUSED;
                continue;
            }
            if *placed.get(i)? {
                continue; // put here earlier by an eviction chain
            }
            // Lift the entry out, then place it; an entry it displaces
            // that was not relocated yet is placed next, and so on.
            *self.hashes.get_mut(i)? = UNUSED;
            let (mut hash, mut key) = (h, *self.node.get(i)?);
            loop {
                let slot = self.probe(hash, |_, s| placed.get(s).copied().unwrap_or(false))?;
                *placed.get_mut(slot)? = true;
                let displaced_hash = std::mem::replace(self.hashes.get_mut(slot)?, hash);
                let displaced_key = std::mem::replace(self.node.get_mut(slot)?, key);
                *self.pos.get_mut(key)? = slot;
                if displaced_hash == UNUSED || displaced_hash == TOMBSTONE {
                    break;
                }
                (hash, key) = (displaced_hash, displaced_key);
            }
        }
        if new_size < old_size {
            self.hashes.truncate(new_size);
            self.node.truncate(new_size);
        }
        self.noccupied = self.nnodes;
        self.begin_phase();
        Some(())
    }

    /// `g_hash_table_iter_next` from the start: the live entry in the
    /// lowest slot.
    pub fn first(&self) -> Option<usize> {
        self.iter().next()
    }

    /// The keys in iteration (slot) order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.hashes
            .iter()
            .zip(&self.node)
            .filter(|(h, _)| **h >= 2)
            .map(|(_, k)| *k)
    }

    /// A table of the given keys, inserted in order (no removals).
    pub fn with_keys<'a>(keys: impl ExactSizeIterator<Item = &'a str>) -> Self {
        let mut t = HashTable::new(keys.len());
        for (i, k) in keys.enumerate() {
            t.insert(i, key_hash(k));
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names<'a>(t: &HashTable, keys: &[&'a str]) -> Vec<&'a str> {
        t.iter().map(|i| keys[i]).collect()
    }

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
        let t = HashTable::with_keys(machine.iter().copied());
        assert_eq!(
            names(&t, &machine),
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
        let keys = ["peripheral", "peripheral-anon", "unattached"];
        let t = HashTable::with_keys(keys.iter().copied());
        assert_eq!(
            names(&t, &keys),
            ["unattached", "peripheral", "peripheral-anon"]
        );
    }
}
