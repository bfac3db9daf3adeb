//! The devices and backends an empty machine lacks (`machine.json`,
//! `acpi.json`, `pci.json`, `tpm.json`, `net.json`, `cryptodev.json`,
//! `audio.json`, `misc.json`, `ui.json`'s mice): empty lists, or the
//! error QEMU gives when the device a query needs is absent.

use qapi_defs::{
    CurrentMachineParams, MemoryInfo, balloon, dumpdtb, inject_nmi, memsave,
    query_acpi_ospm_status, query_audiodevs, query_balloon, query_cryptodev, query_current_machine,
    query_hotpluggable_cpus, query_hv_balloon_status_report, query_iothreads, query_memdev,
    query_memory_devices, query_memory_size_summary, query_mice, query_pci, query_rx_filter,
    query_tpm, query_vm_generation_id, set_numa_node, system_wakeup, xen_event_inject,
    xen_event_list,
};
use qapi_runtime::{Error, ErrorClass, Handlers};

use crate::machine::{NoneMachine, Phase};

/// `-machine none`'s RAM: its class has no default size.
const RAM_SIZE: u64 = 0;

fn no_balloon() -> Error {
    Error::new(
        ErrorClass::DeviceNotActive,
        "No balloon device has been activated",
    )
}

pub fn register(h: &mut Handlers<NoneMachine>) {
    h.add::<query_balloon>(|_, _| Err(no_balloon()));
    // have_balloon comes before the target's check.
    h.add::<balloon>(|_, _| Err(no_balloon()));
    h.add::<xen_event_inject>(|_, _| {
        Err(Error::generic("Xen event channel emulation not enabled"))
    });
    h.add::<xen_event_list>(|_, _| Err(Error::generic("Xen event channel emulation not enabled")));
    h.add::<system_wakeup>(|_, _| {
        Err(Error::generic(
            "wake-up from suspend is not supported by this guest",
        ))
    });
    // No CPU to read virtual memory through.
    h.add::<memsave>(|_, _| Err(Error::generic("Parameter 'cpu-index' expects a CPU number")));
    // -machine none builds no device tree.
    h.add::<dumpdtb>(|_, _| Err(Error::generic("This machine doesn't have an FDT")));
    // nmi_monitor_handle: no object of the tree implements TYPE_NMI.
    h.add::<inject_nmi>(|_, _| Err(Error::generic("machine does not provide NMIs")));
    h.add::<set_numa_node>(|m, _| {
        if m.phase == Phase::Ready {
            return Err(Error::generic(
                "The command is permitted only before the machine has been created",
            ));
        }
        // NUMA configuration in --preconfig is not modelled.
        Err(Error::generic(
            "The command set-numa-node is not implemented by this emulator",
        ))
    });
    h.add::<query_hv_balloon_status_report>(|m, _| {
        Err(Error::generic(if m.target().hv_balloon {
            "no hv-balloon device present"
        } else {
            "hv-balloon device not enabled in this build"
        }))
    });
    h.add::<query_acpi_ospm_status>(|_, _| {
        Err(Error::generic(
            "command is not supported, missing ACPI device",
        ))
    });
    h.add::<query_vm_generation_id>(|_, _| {
        Err(Error::generic("VM Generation ID device not found"))
    });
    // The none machine has no possible_cpu_arch_ids.
    h.add::<query_hotpluggable_cpus>(|_, _| {
        Err(Error::generic("machine does not support hot-plugging CPUs"))
    });
    h.add::<query_current_machine>(|_, _| {
        Ok(CurrentMachineParams {
            wakeup_suspend_support: false,
        })
    });
    h.add::<query_memory_size_summary>(|m, _| {
        Ok(MemoryInfo {
            base_memory: RAM_SIZE,
            plugged_memory: m.target().mem_device.then_some(0),
        })
    });
    h.add::<query_memdev>(|_, _| Ok(Vec::new()));
    h.add::<query_memory_devices>(|_, _| Ok(Vec::new()));
    h.add::<query_pci>(|_, _| Ok(Vec::new()));
    h.add::<query_tpm>(|_, _| Ok(Vec::new()));
    h.add::<query_mice>(|_, _| Ok(Vec::new()));
    h.add::<query_iothreads>(|_, _| Ok(Vec::new()));
    h.add::<query_audiodevs>(|_, _| Ok(Vec::new()));
    h.add::<query_cryptodev>(|_, _| Ok(Vec::new()));
    // No net client: a name never resolves.
    h.add::<query_rx_filter>(|_, args| match args.name {
        Some(n) => Err(Error::generic(format!("invalid net client name: {n}"))),
        None => Ok(Vec::new()),
    });
}
