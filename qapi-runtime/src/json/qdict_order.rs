//! The key order of QEMU's `QDict`, which every JSON object QEMU sends has.
//!
//! A QDict is a hash table of 512 buckets (`QDICT_BUCKET_MAX`) keyed by
//! `tdb_hash`; iteration walks the buckets in ascending order and each bucket
//! from its head, where new entries are pushed.  So keys come out sorted by
//! bucket, and within one bucket in reverse insertion order.

/// Number of buckets of a QDict (`QDICT_BUCKET_MAX` in `qobject/qdict.c`).
pub const QDICT_BUCKETS: u32 = 512;

/// The hash QDict uses (`tdb_hash` from Samba's TDB, in `qobject/qdict.c`).
pub fn tdb_hash(key: &[u8]) -> u32 {
    let mut value: u32 = 0x238F13AFu32.wrapping_mul(key.len() as u32);
    for (i, &c) in key.iter().enumerate() {
        value = value.wrapping_add((c as u32) << ((i * 5) % 24));
    }
    1103515243u32.wrapping_mul(value).wrapping_add(12345)
}

/// The bucket of `key` in a QDict.  QEMU keeps strings in modified UTF-8,
/// where U+0000 is the two bytes C0 80, and hashes those bytes.
pub fn bucket(key: &str) -> u32 {
    if key.contains('\0') {
        let mut bytes = Vec::with_capacity(key.len() + 4);
        for &b in key.as_bytes() {
            match b {
                0 => bytes.extend_from_slice(&[0xC0, 0x80]),
                b => bytes.push(b),
            }
        }
        tdb_hash(&bytes) % QDICT_BUCKETS
    } else {
        tdb_hash(key.as_bytes()) % QDICT_BUCKETS
    }
}

/// Indices of `keys` (given in insertion order) in QDict iteration order.
pub fn order<'a>(keys: impl ExactSizeIterator<Item = &'a str>) -> Vec<usize> {
    let mut idx: Vec<(u32, usize)> = keys.enumerate().map(|(i, k)| (bucket(k), i)).collect();
    // Ascending bucket; inside a bucket the newest entry first.
    idx.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    idx.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_buckets() {
        // Figures from QEMU's reference notes (§4.1).
        for (k, b) in [
            ("timestamp", 26),
            ("name", 39),
            ("QMP", 99),
            ("micro", 225),
            ("minor", 225),
            ("return", 401),
            ("reason", 401),
            ("id", 486),
            ("error", 489),
            ("data", 505),
        ] {
            assert_eq!(bucket(k), b, "{k}");
        }
    }

    #[test]
    fn nul_hashes_as_modified_utf8() {
        assert_eq!(bucket("a\0b"), tdb_hash(b"a\xC0\x80b") % QDICT_BUCKETS);
    }

    #[test]
    fn same_bucket_is_reverse_insertion() {
        let keys = ["major", "minor", "micro"];
        let o = order(keys.iter().copied());
        let got: Vec<&str> = o.iter().map(|&i| keys[i]).collect();
        assert_eq!(got, ["micro", "minor", "major"]);
    }
}
