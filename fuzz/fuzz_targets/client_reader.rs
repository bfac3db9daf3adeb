//! The typed client's reader (`qapi_client::Protocol`) over whatever bytes
//! a server sends, fed in chunks, with requests in flight.
//!
//! Input: byte 0 gives `k = b0 % 8` and the decoder choice `b0 / 8`; the
//! next `k` bytes are chunk lengths, used in turn (0 feeds an empty slice;
//! `k = 0` feeds one byte at a time).  The rest is the server's stream.
//! Three in-band requests and one out-of-band request are in flight.
//!
//! Invariants: no panic; after an error every feed fails (the error is
//! sticky); no more messages than input bytes; every reply goes to a
//! request in flight; every reply and event can be decoded, typed and by
//! descriptor, without panic (errors are fine).
#![no_main]

use libfuzzer_sys::fuzz_target;
use qapi_client::protocol::{MAX_EVENTS, Protocol};
use qapi_client::typed::decode_return;
use qapi_defs::schema::{control, introspect, machine, run_state};
use qapi_runtime::visit::input::read_value;
use qapi_runtime::{Registry, Value};

fn decode(choice: usize, v: Value) {
    let _ = match choice % 6 {
        0 => decode_return::<run_state::query_status>(v).map(|_| ()),
        1 => decode_return::<control::query_version>(v).map(|_| ()),
        2 => decode_return::<machine::query_cpus_fast>(v).map(|_| ()),
        3 => decode_return::<introspect::query_qmp_schema>(v).map(|_| ()),
        4 => decode_return::<machine::query_target>(v).map(|_| ()),
        _ => {
            // By descriptor: the return type of some command.
            let reg = Registry::of(&qapi_defs::QEMU_SYSTEM).expect("registry");
            let rets: Vec<_> = reg.commands().filter_map(|c| c.as_command()?.ret).collect();
            let _ = read_value(rets[choice % rets.len()], v);
            Ok(())
        }
    };
}

fuzz_target!(|data: &[u8]| {
    let Some((&b0, rest)) = data.split_first() else {
        return;
    };
    let k = (b0 % 8) as usize;
    let choice = (b0 / 8) as usize;
    if rest.len() < k {
        return;
    }
    let (lens, input) = rest.split_at(k);
    let mut lens: Vec<usize> = lens.iter().map(|&b| b as usize).collect();
    if lens.iter().all(|&l| l == 0) {
        lens = vec![1];
    }

    let mut p = Protocol::new();
    let ids: Vec<u64> = (0..4)
        .map(|i| p.request("query-status", None, i == 3, true).0)
        .collect();
    let mut pos = 0;
    let mut failed = false;
    let mut events = 0usize;
    for &len in lens.iter().cycle() {
        if pos >= input.len() {
            break;
        }
        let end = (pos + len).min(input.len());
        let r = p.feed(&input[pos..end]);
        pos = end;
        if failed {
            assert!(r.is_err(), "an error is sticky");
        }
        failed |= r.is_err();
        while let Some(e) = p.next_event() {
            events += 1;
            let reg = Registry::of(&qapi_defs::QEMU_SYSTEM).expect("registry");
            if let Some(t) = reg
                .get(&e.name)
                .and_then(|ev| ev.as_event())
                .and_then(|ev| ev.data)
            {
                let _ = read_value(t, e.data.clone());
            }
            let _ = e.decode::<run_state::Shutdown>();
            let _ = e.decode::<run_state::Stop>();
        }
        assert!(p.pending_events() <= MAX_EVENTS);
    }
    assert!(events <= input.len(), "more events than bytes");
    for (i, id) in ids.into_iter().enumerate() {
        if let Some(Ok(v)) = p.take_reply(id) {
            decode(choice + i, v);
        }
    }
    let _ = p.eof();
});
