//! The JSON stream parser over arbitrary bytes, fed whole and in chunks.
//!
//! Input: byte 0 gives `k = b0 % 8`; the next `k` bytes are chunk lengths,
//! used in turn (0 feeds an empty slice); `k = 0` feeds one byte at a
//! time.  The rest is the stream.
//!
//! Invariants: no panic; one message per byte at most (plus one at end of
//! input), values no bigger than their text, error texts bounded by the
//! input; the same messages whatever the chunking, before and after
//! `flush`; idle after `flush`; every value written by the writer reads
//! back as the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qapi_fuzz::{all_finite, loose_eq, nodes, parse_all, strict_eq};
use qapi_runtime::json::{Parsed, StreamParser, to_vec};

fn same(a: &[Parsed], b: &[Parsed]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| match (x, y) {
            (Parsed::Value(v), Parsed::Value(w)) => strict_eq(v, w),
            (Parsed::Error(e), Parsed::Error(f)) => e == f,
            _ => false,
        })
}

fuzz_target!(|data: &[u8]| {
    let Some((&b0, rest)) = data.split_first() else {
        return;
    };
    let k = (b0 % 8) as usize;
    if rest.len() < k {
        return;
    }
    let (lens, input) = rest.split_at(k);
    let mut lens: Vec<usize> = lens.iter().map(|&b| b as usize).collect();
    if lens.iter().all(|&l| l == 0) {
        lens = vec![1];
    }

    // Whole.
    let mut whole = Vec::new();
    let mut p = StreamParser::new();
    p.feed(input, &mut |m| whole.push(m));
    let fed = whole.len();
    p.flush(&mut |m| whole.push(m));
    assert!(p.is_idle(), "not idle after flush");

    // In chunks.
    let mut chunked = Vec::new();
    let mut q = StreamParser::new();
    let mut pos = 0;
    for &len in lens.iter().cycle() {
        if pos >= input.len() {
            break;
        }
        let end = (pos + len).min(input.len());
        q.feed(&input[pos..end], &mut |m| chunked.push(m));
        pos = end;
    }
    assert!(
        same(&whole[..fed], &chunked),
        "chunking changed the messages:\nwhole:   {:?}\nchunked: {chunked:?}",
        &whole[..fed]
    );
    q.flush(&mut |m| chunked.push(m));
    assert!(same(&whole, &chunked), "chunking changed the end of input");
    assert!(q.is_idle(), "not idle after flush");

    // Bounds.
    assert!(
        fed <= input.len(),
        "{fed} messages from {} bytes",
        input.len()
    );
    assert!(whole.len() <= input.len() + 1);
    let mut value_nodes = 0;
    let mut error_bytes = 0;
    for m in &whole {
        match m {
            Parsed::Value(v) => value_nodes += nodes(v),
            Parsed::Error(e) => error_bytes += e.len().saturating_sub(80),
        }
    }
    assert!(
        value_nodes <= input.len(),
        "{value_nodes} nodes from {} bytes",
        input.len()
    );
    assert!(
        error_bytes <= 3 * input.len(),
        "{error_bytes} bytes of errors from {} bytes",
        input.len()
    );

    // The writer's text reads back as the value.
    for m in &whole {
        let Parsed::Value(v) = m else { continue };
        if !all_finite(v) {
            continue; // written as `inf`/`nan`, as QEMU does: not JSON
        }
        let mut text = to_vec(v);
        text.push(b'\n');
        let back = parse_all(&text);
        match back.as_slice() {
            [Parsed::Value(w)] => {
                assert!(loose_eq(v, w), "writer round trip changed {v:?} into {w:?}")
            }
            other => panic!(
                "writer output {:?} reads back as {other:?}",
                String::from_utf8_lossy(&text)
            ),
        }
    }
});
