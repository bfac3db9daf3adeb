//! `machine.json`'s `x-query-*` texts of an empty machine: no IRQ
//! statistics, no NUMA node, no RAM block, no ROM, no USB, no interrupt
//! controller.

use qapi_defs::{
    HumanReadableText, x_query_interrupt_controllers, x_query_irq, x_query_jit, x_query_numa,
    x_query_opcount, x_query_ramblock, x_query_roms, x_query_usb,
};
use qapi_runtime::{Error, Handlers};

use crate::machine::NoneMachine;

const NO_PROFILER: &str = "[TCG profiler not compiled]\n";

/// `dump_exec_info` and `dump_drift_info` of a TCG that has translated
/// nothing: one code region of the default 1 GiB buffer, less its guard
/// page (4 KiB host pages) and `TCG_HIGHWATER`; the empty TB hash table
/// of `CODE_GEN_HTABLE_SIZE` buckets.
fn jit_info() -> String {
    const BUFFER: u64 = 1 << 30;
    const GUARD_PAGE: u64 = 4096;
    const HIGHWATER: u64 = 1024;
    const HTABLE_BUCKETS: u32 = 1 << 13;
    let capacity = BUFFER - GUARD_PAGE - HIGHWATER;
    let mut s = String::new();
    s.push_str("Accelerator settings:\none-insn-per-tb: off\n\n");
    s.push_str("Translation buffer state:\n");
    s.push_str(&format!("gen code size       0/{capacity}\n"));
    s.push_str("TB count            0\n");
    s.push_str("TB avg target size  0 max=0 bytes\n");
    s.push_str("TB avg host size    0 bytes (expansion ratio: 0.0)\n");
    s.push_str("cross page TB count 0 (0%)\n");
    s.push_str("direct jump count   0 (0%) (2 jumps=0 0%)\n");
    s.push_str(&format!(
        "TB hash buckets     0/{HTABLE_BUCKETS} (0.00% head buckets used)\n"
    ));
    // qdist_pr of an empty distribution: one empty bar.
    s.push_str(
        "TB hash occupancy   0.00% avg chain occ. Histogram: [0.0,0.0)%|\u{2588}|[0.0,0.0]%\n",
    );
    s.push_str("TB hash avg chain   nan buckets. Histogram: (empty)\n\n");
    s.push_str("Statistics:\n");
    s.push_str("TB flush count      0\n");
    s.push_str("TB invalidate count 0\n");
    s.push_str("TLB full flushes    0\n");
    s.push_str("TLB partial flushes 0\n");
    s.push_str("TLB elided flushes  0\n");
    s.push_str(NO_PROFILER);
    s
}

fn text(s: impl Into<String>) -> Result<HumanReadableText, Error> {
    Ok(HumanReadableText {
        human_readable_text: s.into(),
    })
}

pub fn register(h: &mut Handlers<NoneMachine>) {
    h.add::<x_query_irq>(|_, _| text(""));
    h.add::<x_query_interrupt_controllers>(|_, _| text(""));
    h.add::<x_query_roms>(|_, _| text(""));
    // "%d nodes\n", then one block per node.
    h.add::<x_query_numa>(|_, _| text("0 nodes\n"));
    // ram_block_format: the header of an empty list.
    h.add::<x_query_ramblock>(|_, _| {
        text(format!(
            "{:>24} {:>8}  {:>18} {:>18} {:>18} {:>18} {:>3}\n",
            "Block Name", "PSize", "Offset", "Used", "Total", "HVA", "RO"
        ))
    });
    // Debian builds TCG without its profiler.
    h.add::<x_query_opcount>(|m, _| {
        if m.accel != "tcg" {
            return Err(Error::generic(
                "Opcode count information is only available with accel=tcg",
            ));
        }
        text(NO_PROFILER)
    });
    h.add::<x_query_jit>(|m, _| {
        if m.accel != "tcg" {
            return Err(Error::generic(
                "JIT information is only available with accel=tcg",
            ));
        }
        text(jit_info())
    });
    // -machine none never enables USB.
    h.add::<x_query_usb>(|m, _| {
        Err(Error::generic(if m.target().usb {
            "USB support not enabled"
        } else {
            "Support for USB devices not built-in"
        }))
    });
}
