//! `machine.json`'s `x-query-*` texts of an empty machine: no IRQ
//! statistics, no NUMA node, no RAM block, no ROM, no USB, no interrupt
//! controller.

use qapi_defs::{
    HumanReadableText, x_query_interrupt_controllers, x_query_irq, x_query_numa, x_query_opcount,
    x_query_ramblock, x_query_roms, x_query_usb,
};
use qapi_runtime::{Error, Handlers};

use crate::machine::NoneMachine;

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
    h.add::<x_query_opcount>(|_, _| text("[TCG profiler not compiled]\n"));
    // -machine none never enables USB.
    h.add::<x_query_usb>(|m, _| {
        Err(Error::generic(if m.target().usb {
            "USB support not enabled"
        } else {
            "Support for USB devices not built-in"
        }))
    });
}
