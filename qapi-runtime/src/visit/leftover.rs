//! Which unexpected key QEMU names.
//!
//! `qobject_input_check_struct` puts the keys of an object into a GLib hash
//! table (in QDict iteration order), removes each key a member consumes, and
//! names the first key left in the table's slot order.  This module replays
//! GLib 2.74's `GHashTable` (string keys, `g_str_hash`) for that purpose.

use crate::json::qdict_order;

/// The index (into `keys`) of the key QEMU reports as unexpected, if any
/// key was not consumed.  `keys` are in insertion (parse) order.
pub fn first_unconsumed(keys: &[&str], consumed: &[bool]) -> Option<usize> {
    if consumed.iter().all(|c| *c) {
        return None;
    }
    let mut table = GHashTable::new();
    for i in qdict_order::order(keys.iter().copied()) {
        table.insert(keys[i], i);
    }
    for (i, key) in keys.iter().enumerate() {
        if consumed[i] {
            table.remove(key);
        }
    }
    table.first()
}

/// GLib's `g_str_hash`: djb2 over signed chars.
pub fn g_str_hash(s: &str) -> u32 {
    let mut h: u32 = 5381;
    for &b in s.as_bytes() {
        h = (h << 5).wrapping_add(h).wrapping_add(b as i8 as i32 as u32);
    }
    h
}

const MIN_SHIFT: u32 = 3;
const UNUSED: u32 = 0;
const TOMBSTONE: u32 = 1;

const PRIME_MOD: [u32; 32] = [
    1, 2, 3, 7, 13, 31, 61, 127, 251, 509, 1021, 2039, 4093, 8191, 16381, 32749, 65521, 131071,
    262139, 524287, 1048573, 2097143, 4194301, 8388593, 16777213, 33554393, 67108859, 134217689,
    268435399, 536870909, 1073741789, 2147483647,
];

/// Just enough of GLib's open-addressing hash table to know its slot order.
struct GHashTable<'a> {
    shift: u32,
    hashes: Vec<u32>,
    keys: Vec<Option<(&'a str, usize)>>,
    nnodes: usize,
    noccupied: usize,
}

impl<'a> GHashTable<'a> {
    fn new() -> Self {
        let mut t = GHashTable {
            shift: MIN_SHIFT,
            hashes: Vec::new(),
            keys: Vec::new(),
            nnodes: 0,
            noccupied: 0,
        };
        t.hashes = vec![UNUSED; t.size()];
        t.keys = vec![None; t.size()];
        t
    }

    fn size(&self) -> usize {
        1 << self.shift
    }

    fn mask(&self) -> usize {
        self.size() - 1
    }

    fn modulus(&self) -> u32 {
        PRIME_MOD[self.shift as usize]
    }

    fn key_hash(key: &str) -> u32 {
        match g_str_hash(key) {
            h if h <= 1 => 2,
            h => h,
        }
    }

    /// `g_hash_table_lookup_node`: the slot of `key`, or where it would go.
    fn lookup(&self, key: &str, hash: u32) -> usize {
        let mut index = (hash.wrapping_mul(11) % self.modulus()) as usize;
        let mut step = 0;
        let mut first_tombstone = None;
        loop {
            let h = self.hashes[index];
            if h == UNUSED {
                break;
            }
            if h == hash && self.keys[index].is_some_and(|(k, _)| k == key) {
                return index;
            }
            if h == TOMBSTONE && first_tombstone.is_none() {
                first_tombstone = Some(index);
            }
            step += 1;
            index = (index + step) & self.mask();
        }
        first_tombstone.unwrap_or(index)
    }

    fn insert(&mut self, key: &'a str, idx: usize) {
        let hash = Self::key_hash(key);
        let slot = self.lookup(key, hash);
        let old = self.hashes[slot];
        if old > TOMBSTONE {
            return; // already present (QDict keys are unique)
        }
        self.hashes[slot] = hash;
        self.keys[slot] = Some((key, idx));
        self.nnodes += 1;
        if old == UNUSED {
            self.noccupied += 1;
            self.maybe_resize();
        }
    }

    fn remove(&mut self, key: &str) {
        let hash = Self::key_hash(key);
        let slot = self.lookup(key, hash);
        if self.hashes[slot] <= TOMBSTONE {
            return;
        }
        self.hashes[slot] = TOMBSTONE;
        self.keys[slot] = None;
        self.nnodes -= 1;
        self.maybe_resize();
    }

    fn maybe_resize(&mut self) {
        let size = self.size();
        let occ = self.noccupied;
        if (size > self.nnodes * 4 && size > 1 << MIN_SHIFT) || size <= occ + occ / 16 {
            self.resize();
        }
    }

    /// `g_hash_table_resize`: pick the new size and rehash every node, in
    /// old slot order, into fresh slots.
    fn resize(&mut self) {
        let target = (self.nnodes as f64 * 1.333) as usize;
        let mut shift = 0;
        let mut n = target;
        while n != 0 {
            n >>= 1;
            shift += 1;
        }
        let old_hashes = std::mem::take(&mut self.hashes);
        let old_keys = std::mem::take(&mut self.keys);
        self.shift = shift.max(MIN_SHIFT);
        self.hashes = vec![UNUSED; self.size()];
        self.keys = vec![None; self.size()];
        for (h, k) in old_hashes.into_iter().zip(old_keys) {
            if h <= TOMBSTONE {
                continue;
            }
            let mut index = (h.wrapping_mul(11) % self.modulus()) as usize;
            let mut step = 0;
            while self.hashes[index] != UNUSED {
                step += 1;
                index = (index + step) & self.mask();
            }
            self.hashes[index] = h;
            self.keys[index] = k;
        }
        self.noccupied = self.nnodes;
    }

    /// The first remaining key in iteration (slot) order.
    fn first(&self) -> Option<usize> {
        self.keys.iter().flatten().map(|(_, i)| *i).next()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn djb2_is_signed() {
        assert_eq!(g_str_hash(""), 5381);
        assert_eq!(g_str_hash("a"), 5381 * 33 + 97);
        // A byte above 0x7f is sign-extended.
        assert_eq!(g_str_hash("\u{e9}"), {
            let mut h: u32 = 5381;
            for b in [0xc3u8, 0xa9] {
                h = h.wrapping_mul(33).wrapping_add(b as i8 as i32 as u32);
            }
            h
        });
    }

    #[test]
    fn one_leftover_is_named() {
        let keys = ["path", "bogus"];
        assert_eq!(first_unconsumed(&keys, &[true, false]), Some(1));
        assert_eq!(first_unconsumed(&keys, &[true, true]), None);
    }
}
