//! KVM's binary statistics (`KVM_GET_STATS_FD`), as QEMU's
//! `accel/kvm/kvm-all.c` reads and formats them: a `kvm_stats_header`,
//! then `num_desc` descriptors of `16 + name_size` bytes, then the data.

use std::fs::File;
use std::os::unix::fs::FileExt;

/// `sizeof(struct kvm_stats_header)`.
pub const HEADER_SIZE: usize = 24;
/// `sizeof(struct kvm_stats_desc)` without its name.
pub const DESC_SIZE: usize = 16;
/// Bounds on what the kernel's header may ask for: far above any kernel's
/// (a few dozen VM statistics, names under 64 bytes).
const MAX_DESCS: u32 = 4096;
const MAX_NAME: u32 = 4096;
const MAX_VALUES: u32 = 1 << 16;

/// `struct kvm_stats_header`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub flags: u32,
    pub name_size: u32,
    pub num_desc: u32,
    pub id_offset: u32,
    pub desc_offset: u32,
    pub data_offset: u32,
}

/// `struct kvm_stats_desc`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Desc {
    pub flags: u32,
    pub exponent: i16,
    /// Number of u64 values.
    pub size: u16,
    /// Byte offset of the values in the data block.
    pub offset: u32,
    pub bucket_size: u32,
    pub name: String,
}

/// `KVM_STATS_TYPE_*` (bits 0-3), `KVM_STATS_UNIT_*` (4-7),
/// `KVM_STATS_BASE_*` (8-11).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    Cumulative,
    Instant,
    Peak,
    LinearHist,
    LogHist,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    None,
    Bytes,
    Seconds,
    Cycles,
    Boolean,
}

impl Desc {
    pub fn kind(&self) -> Option<Type> {
        Some(match self.flags & 0xf {
            0 => Type::Cumulative,
            1 => Type::Instant,
            2 => Type::Peak,
            3 => Type::LinearHist,
            4 => Type::LogHist,
            _ => return None,
        })
    }
    pub fn unit(&self) -> Option<Unit> {
        Some(match (self.flags >> 4) & 0xf {
            0 => Unit::None,
            1 => Unit::Bytes,
            2 => Unit::Seconds,
            3 => Unit::Cycles,
            4 => Unit::Boolean,
            _ => return None,
        })
    }
    /// 10 or 2.
    pub fn base(&self) -> Option<i8> {
        match (self.flags >> 8) & 0xf {
            0 => Some(10),
            1 => Some(2),
            _ => None,
        }
    }
}

/// Why the statistics could not be read: QEMU's messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatsError(pub String);

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// The header from its bytes; `None` unless all 24 are there.
pub fn parse_header(b: &[u8]) -> Option<Header> {
    if b.len() < HEADER_SIZE {
        return None;
    }
    Some(Header {
        flags: u32_at(b, 0),
        name_size: u32_at(b, 4),
        num_desc: u32_at(b, 8),
        id_offset: u32_at(b, 12),
        desc_offset: u32_at(b, 16),
        data_offset: u32_at(b, 20),
    })
}

/// The bytes the descriptors take, if within bounds.
pub fn descs_len(h: &Header) -> Option<usize> {
    if h.num_desc > MAX_DESCS || h.name_size > MAX_NAME {
        return None;
    }
    Some(h.num_desc as usize * (DESC_SIZE + h.name_size as usize))
}

/// The descriptors from their bytes (exactly [`descs_len`] of them).
pub fn parse_descs(h: &Header, b: &[u8]) -> Option<Vec<Desc>> {
    let len = descs_len(h)?;
    if b.len() != len {
        return None;
    }
    let step = DESC_SIZE + h.name_size as usize;
    Some(
        b.chunks_exact(step.max(1))
            .take(h.num_desc as usize)
            .map(|d| {
                let name = &d[DESC_SIZE..];
                let end = name.iter().position(|&c| c == 0).unwrap_or(name.len());
                Desc {
                    flags: u32_at(d, 0),
                    exponent: i16::from_le_bytes([d[4], d[5]]),
                    size: u16::from_le_bytes([d[6], d[7]]),
                    offset: u32_at(d, 8),
                    bucket_size: u32_at(d, 12),
                    name: String::from_utf8_lossy(&name[..end]).into_owned(),
                }
            })
            .collect(),
    )
}

/// `find_stats_descriptors`: the header and descriptors of a stats file.
pub fn read_descs(f: &File) -> Result<(Header, Vec<Desc>), StatsError> {
    let mut hb = [0u8; HEADER_SIZE];
    let got = read_full(f, &mut hb, 0);
    let h = parse_header(&hb[..got]).ok_or_else(|| {
        StatsError(format!(
            "KVM stats: failed to read stats header: expected {HEADER_SIZE} actual {got}"
        ))
    })?;
    let len = descs_len(&h).ok_or_else(|| {
        StatsError("KVM stats: failed to read stats descriptors: too many".to_owned())
    })?;
    let mut db = vec![0u8; len];
    let got = read_full(f, &mut db, u64::from(h.desc_offset));
    if got != len {
        return Err(StatsError(format!(
            "KVM stats: failed to read stats descriptors: expected {len} actual {got}"
        )));
    }
    let descs = parse_descs(&h, &db).unwrap_or_default();
    Ok((h, descs))
}

/// The values of each descriptor, read from the data block (`query_stats`).
pub fn read_values(f: &File, h: &Header, descs: &[Desc]) -> Result<Vec<Vec<u64>>, StatsError> {
    let count: u32 = descs.iter().map(|d| u32::from(d.size)).sum();
    if count > MAX_VALUES {
        return Err(StatsError(
            "KVM stats: failed to read data: too large".to_owned(),
        ));
    }
    let len = count as usize * 8;
    let mut data = vec![0u8; len];
    let got = read_full(f, &mut data, u64::from(h.data_offset));
    if got != len {
        return Err(StatsError(format!(
            "KVM stats: failed to read data: expected {len} actual {got}"
        )));
    }
    Ok(descs.iter().map(|d| values_at(&data, d)).collect())
}

/// A descriptor's values in the data block; those past its end read 0
/// (QEMU reads its zeroed buffer there).
pub fn values_at(data: &[u8], d: &Desc) -> Vec<u64> {
    (0..usize::from(d.size))
        .map(|i| {
            let at = d.offset as usize + i * 8;
            data.get(at..at + 8)
                .map_or(0, |b| u64::from_le_bytes(b.try_into().unwrap_or([0; 8])))
        })
        .collect()
}

/// `pread` until the buffer is full, the file ends or fails.
fn read_full(f: &File, buf: &mut [u8], offset: u64) -> usize {
    let mut done = 0;
    while done < buf.len() {
        match f.read_at(&mut buf[done..], offset + done as u64) {
            Ok(0) => break,
            Ok(n) => done += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(name_size: u32, num_desc: u32) -> Vec<u8> {
        [0, name_size, num_desc, 24, 24, 1000]
            .iter()
            .flat_map(|v: &u32| v.to_le_bytes())
            .collect()
    }

    fn desc(flags: u32, exponent: i16, size: u16, offset: u32, name: &str, ns: usize) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend(flags.to_le_bytes());
        b.extend(exponent.to_le_bytes());
        b.extend(size.to_le_bytes());
        b.extend(offset.to_le_bytes());
        b.extend(7u32.to_le_bytes());
        let mut n = name.as_bytes().to_vec();
        n.resize(ns, 0);
        b.extend(n);
        b
    }

    #[test]
    fn header_and_descriptors() {
        let h = parse_header(&header(8, 2)).unwrap();
        assert_eq!((h.name_size, h.num_desc, h.data_offset), (8, 2, 1000));
        let mut b = desc(0x103, -9, 1, 0, "a_b", 8);
        b.extend(desc(0x42, 0, 3, 8, "flag", 8));
        let d = parse_descs(&h, &b).unwrap();
        assert_eq!(d[0].name, "a_b");
        assert_eq!(d[0].kind(), Some(Type::LinearHist));
        assert_eq!(d[0].base(), Some(2));
        assert_eq!(d[0].exponent, -9);
        assert_eq!(d[0].bucket_size, 7);
        assert_eq!(d[1].unit(), Some(Unit::Boolean));
        assert_eq!(d[1].kind(), Some(Type::Peak));
        assert_eq!((d[1].size, d[1].offset), (3, 8));
    }

    #[test]
    fn truncated_or_hostile_lengths_are_refused() {
        assert_eq!(parse_header(&header(8, 2)[..23]), None);
        let h = parse_header(&header(8, 2)).unwrap();
        assert_eq!(
            parse_descs(&h, &desc(0, 0, 1, 0, "x", 8)),
            None,
            "one of two"
        );
        let huge = parse_header(&header(u32::MAX, u32::MAX)).unwrap();
        assert_eq!(descs_len(&huge), None);
        assert_eq!(parse_descs(&huge, &[]), None);
        // A name filling its whole field has no NUL.
        let h = parse_header(&header(4, 1)).unwrap();
        assert_eq!(
            parse_descs(&h, &desc(0, 0, 1, 0, "abcd", 4)).unwrap()[0].name,
            "abcd"
        );
        // An empty name field.
        let h = parse_header(&header(0, 1)).unwrap();
        assert_eq!(
            parse_descs(&h, &desc(0, 0, 1, 0, "", 0)).unwrap()[0].name,
            ""
        );
    }

    #[test]
    fn values_past_the_data_read_zero() {
        let data: Vec<u8> = [5u64, 6].iter().flat_map(|v| v.to_le_bytes()).collect();
        let d = Desc {
            flags: 0,
            exponent: 0,
            size: 3,
            offset: 8,
            bucket_size: 0,
            name: "x".into(),
        };
        assert_eq!(values_at(&data, &d), [6, 0, 0]);
        let far = Desc {
            offset: u32::MAX,
            ..d
        };
        assert_eq!(values_at(&data, &far), [0, 0, 0]);
    }
}
