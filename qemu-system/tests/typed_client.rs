//! The typed client against the real thing: for each of Debian's 30
//! `qemu-system-*` binaries of QEMU 10.0.2 and for ours as each of them,
//! with `-machine none`, every `query-*` command the server lists and
//! every other command without mandatory arguments that does not end or
//! reset the process runs through the typed client (`qapi-client`), and
//! its reply, success or error, is read into the command's Rust type.
//! The server's `query-qmp-schema` is then compared with the definitions
//! for its target (what `qmp --check` does): no difference.

mod common;

use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command as Process, Stdio};
use std::time::{Duration, Instant};

use qapi_defs::schema::*;
use qapi_runtime::introspect::{Schema, query_qmp_schema};
use qapi_runtime::{Command, Config, QapiType, Registry, Value};
use qmp_client::{Client, QmpError, schema, typed};

use common::{TempDir, parallel};
use qapi_test_support::{MACHINE_NONE, Monitored};

/// Reads a reply into `C`'s types: `Ok(true)` for a return, `Ok(false)`
/// for an error reply, `Err` when the client could not read it.
type Runner = fn(&mut Client) -> Result<bool, String>;

fn run<C: Command>(c: &mut Client) -> Result<bool, String>
where
    C::Ret: QapiType,
{
    let done = |r: Result<qmp_client::Typed<C::Ret>, QmpError>| match r {
        Ok(_) => Ok(true),
        Err(QmpError::Reply(_)) => Ok(false),
        Err(e) => Err(e.to_string()),
    };
    match C::Args::from_value(Value::empty_dict()) {
        Ok(args) => done(c.execute_full::<C>(args, false)),
        // Mandatory arguments (a query-* command): sent without them, the
        // error reply is read all the same.
        Err(_) => {
            let id = c
                .send(C::NAME, None, false, true)
                .map_err(|e| e.to_string())?;
            match c.wait(id).map_err(|e| e.to_string())? {
                Ok(v) => done(typed::decode_return::<C>(v)),
                Err(_) => Ok(false),
            }
        }
    }
}

macro_rules! commands {
    ($($c:path),* $(,)?) => {
        /// Every command of the definitions with its typed runner.
        fn table() -> Vec<(&'static str, Runner)> {
            vec![$((<$c as Command>::NAME, run::<$c> as Runner)),*]
        }
    };
}

// All 240 commands of qapi-defs, module by module (the test checks that
// none is missing).
commands! {
    acpi::query_acpi_ospm_status, audio::query_audiodevs, block::query_pr_managers, block::eject,
    block::blockdev_open_tray, block::blockdev_close_tray, block::blockdev_remove_medium, block::blockdev_insert_medium,
    block::blockdev_change_medium, block::block_set_io_throttle, block::block_latency_histogram_set, block_core::query_block,
    block_core::query_blockstats, block_core::query_block_jobs, block_core::block_resize, block_core::blockdev_snapshot_sync,
    block_core::blockdev_snapshot, block_core::change_backing_file, block_core::block_commit, block_core::drive_backup,
    block_core::blockdev_backup, block_core::query_named_block_nodes, block_core::x_debug_query_block_graph, block_core::drive_mirror,
    block_core::block_dirty_bitmap_add, block_core::block_dirty_bitmap_remove, block_core::block_dirty_bitmap_clear, block_core::block_dirty_bitmap_enable,
    block_core::block_dirty_bitmap_disable, block_core::block_dirty_bitmap_merge, block_core::x_debug_block_dirty_bitmap_sha256, block_core::blockdev_mirror,
    block_core::block_stream, block_core::block_job_set_speed, block_core::block_job_cancel, block_core::block_job_pause,
    block_core::block_job_resume, block_core::block_job_complete, block_core::block_job_dismiss, block_core::block_job_finalize,
    block_core::block_job_change, block_core::blockdev_add, block_core::blockdev_reopen, block_core::blockdev_del,
    block_core::blockdev_set_active, block_core::blockdev_create, block_core::x_blockdev_amend, block_core::block_set_write_threshold,
    block_core::x_blockdev_change, block_core::x_blockdev_set_iothread, block_core::blockdev_snapshot_internal_sync, block_core::blockdev_snapshot_delete_internal_sync,
    block_export::nbd_server_start, block_export::nbd_server_add, block_export::nbd_server_remove, block_export::nbd_server_stop,
    block_export::block_export_add, block_export::block_export_del, block_export::query_block_exports, char::query_chardev,
    char::query_chardev_backends, char::ringbuf_write, char::ringbuf_read, char::chardev_add,
    char::chardev_change, char::chardev_remove, char::chardev_send_break, control::qmp_capabilities,
    control::query_version, control::query_commands, control::quit, cryptodev::query_cryptodev,
    cxl::cxl_inject_general_media_event, cxl::cxl_inject_dram_event, cxl::cxl_inject_memory_module_event, cxl::cxl_inject_poison,
    cxl::cxl_inject_uncorrectable_errors, cxl::cxl_inject_correctable_error, cxl::cxl_add_dynamic_capacity, cxl::cxl_release_dynamic_capacity,
    dump::dump_guest_memory, dump::query_dump, dump::query_dump_guest_memory_capability, ebpf::request_ebpf,
    introspect::query_qmp_schema, job::job_pause, job::job_resume, job::job_cancel,
    job::job_complete, job::job_dismiss, job::job_finalize, job::query_jobs,
    machine::query_cpus_fast, machine::query_machines, machine::query_current_machine, machine::query_target,
    machine::query_uuid, machine::query_vm_generation_id, machine::system_reset, machine::system_powerdown,
    machine::system_wakeup, machine::inject_nmi, machine::query_kvm, machine::memsave,
    machine::pmemsave, machine::query_memdev, machine::query_hotpluggable_cpus, machine::set_numa_node,
    machine::balloon, machine::query_balloon, machine::query_hv_balloon_status_report, machine::query_memory_size_summary,
    machine::query_memory_devices, machine::x_query_irq, machine::x_query_jit, machine::x_query_numa,
    machine::x_query_opcount, machine::x_query_ramblock, machine::x_query_roms, machine::x_query_usb,
    machine::dumpdtb, machine::x_query_interrupt_controllers, machine_target::query_cpu_model_comparison, machine_target::query_cpu_model_baseline,
    machine_target::query_cpu_model_expansion, machine_target::query_cpu_definitions, machine_target::set_cpu_topology, machine_target::query_s390x_cpu_polarization,
    migration::query_migrate, migration::migrate_set_capabilities, migration::query_migrate_capabilities, migration::migrate_set_parameters,
    migration::query_migrate_parameters, migration::migrate_start_postcopy, migration::x_colo_lost_heartbeat, migration::migrate_cancel,
    migration::migrate_continue, migration::migrate, migration::migrate_incoming, migration::xen_save_devices_state,
    migration::xen_set_global_dirty_log, migration::xen_load_devices_state, migration::xen_set_replication, migration::query_xen_replication_status,
    migration::xen_colo_do_checkpoint, migration::query_colo_status, migration::migrate_recover, migration::migrate_pause,
    migration::calc_dirty_rate, migration::query_dirty_rate, migration::set_vcpu_dirty_limit, migration::cancel_vcpu_dirty_limit,
    migration::query_vcpu_dirty_limit, migration::query_migrationthreads, migration::snapshot_save, migration::snapshot_load,
    migration::snapshot_delete, misc::add_client, misc::query_name, misc::query_iothreads,
    misc::stop, misc::cont, misc::x_exit_preconfig, misc::human_monitor_command,
    misc::getfd, misc::get_win32_socket, misc::closefd, misc::add_fd,
    misc::remove_fd, misc::query_fdsets, misc::query_command_line_options, misc_target::rtc_reset_reinjection,
    misc_target::query_sev, misc_target::query_sev_launch_measure, misc_target::query_sev_capabilities, misc_target::sev_inject_launch_secret,
    misc_target::query_sev_attestation_report, misc_target::dump_skeys, misc_target::query_gic_capabilities, misc_target::query_sgx,
    misc_target::query_sgx_capabilities, misc_target::xen_event_list, misc_target::xen_event_inject, net::set_link,
    net::netdev_add, net::netdev_del, net::query_rx_filter, net::announce_self,
    pci::query_pci, qdev::device_list_properties, qdev::device_add, qdev::device_del,
    qdev::device_sync_config, qom::qom_list, qom::qom_get, qom::qom_set,
    qom::qom_list_types, qom::qom_list_properties, qom::object_add, qom::object_del,
    replay::query_replay, replay::replay_break, replay::replay_delete_break, replay::replay_seek,
    rocker::query_rocker, rocker::query_rocker_ports, rocker::query_rocker_of_dpa_flows, rocker::query_rocker_of_dpa_groups,
    run_state::query_status, run_state::watchdog_set_action, run_state::set_action, stats::query_stats,
    stats::query_stats_schemas, tpm::query_tpm_models, tpm::query_tpm_types, tpm::query_tpm,
    trace::trace_event_get_state, trace::trace_event_set_state, transaction::transaction, ui::set_password,
    ui::expire_password, ui::screendump, ui::query_spice, ui::query_vnc,
    ui::query_vnc_servers, ui::change_vnc_password, ui::query_mice, ui::send_key,
    ui::input_send_event, ui::query_display_options, ui::display_reload, ui::display_update,
    ui::client_migrate_info, virtio::x_query_virtio, virtio::x_query_virtio_status, virtio::x_query_virtio_queue_status,
    virtio::x_query_virtio_vhost_queue_status, virtio::x_query_virtio_queue_element, yank::yank, yank::query_yank,
}

/// Commands that end or reset the process.  `rtc-reset-reinjection`
/// aborts Debian's i386/x86_64 10.0.2 under `-machine none` ("X86_MACHINE:
/// Object ... is not an instance of type x86-machine").
const ENDING: &[&str] = &[
    "quit",
    "system_reset",
    "system_powerdown",
    "rtc-reset-reinjection",
];

fn mandatory_args(name: &str) -> bool {
    let reg = Registry::of(&qapi_defs::QEMU_SYSTEM).expect("registry");
    let args = reg
        .get(name)
        .and_then(|e| e.as_command())
        .and_then(|c| c.args)
        .and_then(|t| t.entity());
    args.is_some_and(|e| e.object_members().iter().any(|m| !m.optional))
}

/// The 30 binaries: the targets, then Debian's microvm build.
fn binaries() -> Vec<String> {
    common::debian_binaries()
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// The definitions' configuration of a binary (the one place that names
/// Debian's builds).
fn config_of(binary: &str) -> Config {
    qapi_defs::qemu::config(binary)
        .map(Config::from)
        .unwrap_or_else(|| panic!("no configuration for {binary}"))
}

/// A child process killed when dropped (also when a test fails).
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

struct Emulator {
    // Declared first: the client goes before the process is killed.
    client: Client,
    _process: Monitored,
}

fn start(program: &Path) -> Emulator {
    let mut process = Monitored::start(program, MACHINE_NONE);
    let stream = process.take_stream();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    let client = Client::handshake(qmp_client::Stream::Unix(stream), Default::default())
        .unwrap_or_else(|e| panic!("{}: handshake: {e}", program.display()));
    Emulator {
        client,
        _process: process,
    }
}

struct Sweep {
    name: String,
    returns: usize,
    errors: usize,
    failures: Vec<String>,
    schema_diffs: Vec<String>,
}

fn sweep(binary: &str, program: PathBuf) -> Sweep {
    let mut emu = start(&program);
    let c = &mut emu.client;
    let mut out = Sweep {
        name: binary.to_owned(),
        returns: 0,
        errors: 0,
        failures: Vec::new(),
        schema_diffs: Vec::new(),
    };
    let listed: Vec<String> = match c.execute_value("query-commands", None) {
        Ok(Value::List(l)) => l
            .iter()
            .filter_map(|e| e.as_dict()?.get("name")?.as_str().map(str::to_owned))
            .collect(),
        r => panic!("{binary}: query-commands: {r:?}"),
    };
    let table = table();
    for name in &listed {
        let wanted = name.starts_with("query-") || !mandatory_args(name);
        if ENDING.contains(&name.as_str()) || !wanted {
            continue;
        }
        let Some((_, runner)) = table.iter().find(|(n, _)| n == name) else {
            out.failures.push(format!("{name}: not in the definitions"));
            continue;
        };
        match runner(c) {
            Ok(true) => out.returns += 1,
            Ok(false) => out.errors += 1,
            Err(e) => out.failures.push(format!("{name}: {e}")),
        }
    }
    // `qmp --check`: the server's schema against the definitions.
    let reg = Registry::of(&qapi_defs::QEMU_SYSTEM).expect("registry");
    let ours = match query_qmp_schema(&Schema::compute(reg), &config_of(binary)) {
        Value::List(l) => l,
        v => panic!("query_qmp_schema gave {v:?}"),
    };
    match c.server_info() {
        Ok(info) => out.schema_diffs = schema::diff(&ours, &info.schema),
        Err(e) => out.failures.push(format!("server_info: {e}")),
    }
    out
}

fn report(what: &str, results: &[Sweep]) {
    let mut bad = Vec::new();
    for r in results {
        eprintln!(
            "{what} {:16} {:4} commands read: {:3} returns, {:3} errors; {} failures, {} schema differences",
            r.name,
            r.returns + r.errors,
            r.returns,
            r.errors,
            r.failures.len(),
            r.schema_diffs.len()
        );
        for f in r.failures.iter().chain(&r.schema_diffs).take(20) {
            bad.push(format!("{}: {f}", r.name));
        }
        if !r.failures.is_empty() || !r.schema_diffs.is_empty() {
            bad.push(format!(
                "{}: {} failures, {} schema differences",
                r.name,
                r.failures.len(),
                r.schema_diffs.len()
            ));
        }
    }
    let total: usize = results.iter().map(|r| r.returns + r.errors).sum();
    eprintln!(
        "{what}: {total} replies read over {} binaries",
        results.len()
    );
    assert!(bad.is_empty(), "{what}:\n{}", bad.join("\n"));
}

#[test]
fn the_table_has_every_command() {
    use qapi_defs as _;
    let reg = Registry::of(&qapi_defs::QEMU_SYSTEM).expect("registry");
    let table = table();
    let missing: Vec<&str> = reg
        .commands()
        .map(|c| c.name)
        .filter(|n| !table.iter().any(|(t, _)| t == n))
        .collect();
    assert!(
        missing.is_empty(),
        "commands missing from the table: {missing:?}"
    );
}

#[test]
fn real_qemu() {
    let jobs: Vec<(String, PathBuf)> = binaries()
        .into_iter()
        .map(|b| {
            let p = PathBuf::from(format!("/usr/bin/qemu-system-{b}"));
            (b, p)
        })
        .collect();
    let results = parallel(jobs, 4, |(b, p)| sweep(&b, p));
    report("real", &results);
}

#[test]
fn our_binary() {
    let dir = TempDir::new("sweep-links");
    let jobs: Vec<(String, PathBuf)> = binaries()
        .into_iter()
        .map(|b| {
            let p = dir.link(&b);
            (b, p)
        })
        .collect();
    let results = parallel(jobs, 4, |(b, p)| sweep(&b, p));
    report("ours", &results);
}

/// The async client and target awareness on x86_64 and aarch64, real and
/// ours: typed replies, `STOP`/`RESUME` as typed events, and questions
/// about commands, members and enum values answered from the server's
/// schema.
#[test]
fn async_client_and_target_awareness() {
    use qapi_defs::schema::{misc_target, net, run_state};
    use qapi_runtime::Empty;
    use qmp_client::AsyncClient;

    let links = TempDir::new("async-links");
    let mut jobs = Vec::new();
    for t in ["x86_64", "aarch64"] {
        jobs.push((t, PathBuf::from(format!("/usr/bin/qemu-system-{t}"))));
        jobs.push((t, links.link(t)));
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    for (target, program) in jobs {
        let who = format!("{target} {}", program.display());
        let mut process = Monitored::start(&program, MACHINE_NONE);
        drop(process.take_stream());
        let sock = process.socket().to_path_buf();
        rt.block_on(async {
            let t = Duration::from_secs(20);
            let mut c = AsyncClient::connect_unix(&sock, Default::default())
                .await
                .unwrap_or_else(|e| panic!("{who}: {e}"));
            assert_eq!(c.greeting().version, (10, 0, 2), "{who}");
            let st = c
                .execute::<run_state::query_status>(Empty {})
                .await
                .unwrap();
            assert_eq!(st.status, run_state::RunState::Prelaunch, "{who}");
            c.execute::<misc::cont>(Empty {}).await.unwrap();
            c.execute::<misc::stop>(Empty {}).await.unwrap();
            let mut seen = Vec::new();
            while seen.len() < 2 {
                let e = tokio::time::timeout(t, c.next_event())
                    .await
                    .unwrap()
                    .unwrap();
                if let Some(r) = e.decode::<run_state::Resume>() {
                    r.unwrap();
                    seen.push("RESUME");
                } else if let Some(s) = e.decode::<run_state::Stop>() {
                    s.unwrap();
                    seen.push("STOP");
                }
            }
            assert_eq!(seen, ["RESUME", "STOP"], "{who}");

            let info = c.server_info().await.unwrap();
            assert_eq!(info.arch, target);
            assert_eq!(
                info.supports::<misc_target::rtc_reset_reinjection>(),
                target == "x86_64",
                "{who}"
            );
            assert!(info.supports::<run_state::query_status>(), "{who}");
            assert!(info.supports_event::<run_state::Stop>(), "{who}");
            assert!(info.supports_argument::<machine_target::query_cpu_model_expansion>("model"));
            assert_eq!(
                info.has_enum_value(net::NetClientDriver::User),
                Some(true),
                "{who}"
            );
            assert_eq!(
                info.has_enum_value(net::NetClientDriver::VmnetHost),
                Some(false),
                "{who}"
            );
            assert_eq!(
                info.has_member::<run_state::StatusInfo>("running"),
                Some(true),
                "{who}"
            );
            assert_eq!(
                info.has_member::<run_state::StatusInfo>("nope"),
                Some(false),
                "{who}"
            );
        });
    }
}

/// A real machine: Debian's x86_64 with `-machine pc -accel tcg`, a
/// virtio disk on a small qcow2 image and a NIC, started with `-S` then
/// `cont`.  The rich replies read into their Rust types with nothing left
/// unknown (the definitions are exactly 10.0.2's), and `RESUME`/`STOP`
/// come as typed events.
#[test]
fn real_x86_64_pc_machine() {
    use qapi_defs::schema::{block_core, pci, run_state};
    use qapi_runtime::Empty;

    fn args<C: Command>(json: &str) -> C::Args {
        let mut got = Vec::new();
        qapi_runtime::json::StreamParser::new().feed(json.as_bytes(), &mut |p| got.push(p));
        let Some(qapi_runtime::json::Parsed::Value(v)) = got.pop() else {
            panic!("{json}")
        };
        C::Args::from_value(v).expect("arguments")
    }
    fn exact<C: Command>(c: &mut Client, a: C::Args) -> C::Ret
    where
        C::Ret: QapiType,
    {
        let t = c
            .execute_full::<C>(a, false)
            .unwrap_or_else(|e| panic!("{}: {e}", C::NAME));
        assert!(t.unknown.is_empty(), "{}: {:?}", C::NAME, t.unknown);
        t.value
    }

    let dir = TempDir::new("pc");
    let image = dir.path().join("disk.qcow2");
    let st = Process::new("qemu-img")
        .args(["create", "-q", "-f", "qcow2"])
        .arg(&image)
        .arg("16M")
        .status()
        .expect("qemu-img");
    assert!(st.success());
    let sock = dir.path().join("qmp.sock");
    let child = Process::new("/usr/bin/qemu-system-x86_64")
        .args([
            "-machine",
            "pc",
            "-accel",
            "tcg",
            "-nodefaults",
            "-display",
            "none",
            "-S",
        ])
        .args(["-m", "128", "-smp", "1,maxcpus=2"])
        .arg("-drive")
        .arg(format!(
            "file={},if=none,id=disk0,node-name=disk0n",
            image.display()
        ))
        .args(["-device", "virtio-blk-pci,drive=disk0,id=vblk0"])
        .args([
            "-netdev",
            "user,id=n0",
            "-device",
            "e1000,netdev=n0,id=nic0",
        ])
        .arg("-qmp")
        .arg(format!("unix:{},server=on,wait=off", sock.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let _child = KillOnDrop(child);
    let deadline = Instant::now() + Duration::from_secs(20);
    let stream = loop {
        match UnixStream::connect(&sock) {
            Ok(s) => break s,
            Err(e) => {
                assert!(Instant::now() < deadline, "no socket: {e}");
                std::thread::sleep(Duration::from_millis(10));
            }
        }
    };
    let mut c = Client::handshake(qmp_client::Stream::Unix(stream), Default::default()).unwrap();

    let st = exact::<run_state::query_status>(&mut c, Empty {});
    assert_eq!(st.status, run_state::RunState::Prelaunch);
    exact::<misc::cont>(&mut c, Empty {});
    let e = c
        .next_event(Some(Duration::from_secs(20)))
        .unwrap()
        .expect("RESUME");
    assert!(
        e.decode::<run_state::Resume>().expect("RESUME").is_ok(),
        "{e:?}"
    );
    let st = exact::<run_state::query_status>(&mut c, Empty {});
    assert_eq!(st.status, run_state::RunState::Running);

    let blocks = exact::<block_core::query_block>(&mut c, Empty {});
    let disk = blocks.iter().find(|b| b.device == "disk0").expect("disk0");
    let inserted = disk.inserted.as_ref().expect("a medium");
    assert_eq!(inserted.drv, "qcow2");
    assert_eq!(inserted.node_name.as_deref(), Some("disk0n"));

    let nodes = exact::<block_core::query_named_block_nodes>(
        &mut c,
        args::<block_core::query_named_block_nodes>(r#"{"flat": true}"#),
    );
    assert!(nodes.len() >= 2, "qcow2 and its file node: {}", nodes.len());

    let buses = exact::<pci::query_pci>(&mut c, Empty {});
    let devices: Vec<_> = buses.iter().flat_map(|b| &b.devices).collect();
    assert!(
        devices
            .iter()
            .any(|d| d.qdev_id == "vblk0" && d.id.vendor == 0x1af4)
    );
    assert!(devices.iter().any(|d| d.qdev_id == "nic0"));

    let cpus = exact::<machine::query_cpus_fast>(&mut c, Empty {});
    assert_eq!(cpus.len(), 1);
    let hot = exact::<machine::query_hotpluggable_cpus>(&mut c, Empty {});
    assert_eq!(hot.len(), 2);

    exact::<misc::stop>(&mut c, Empty {});
    let e = c
        .next_event(Some(Duration::from_secs(20)))
        .unwrap()
        .expect("STOP");
    assert!(
        e.decode::<run_state::Stop>().expect("STOP").is_ok(),
        "{e:?}"
    );
    eprintln!(
        "pc machine: {} block devices, {} nodes, {} PCI devices, {} CPU, {} hotpluggable",
        blocks.len(),
        nodes.len(),
        devices.len(),
        cpus.len(),
        hot.len()
    );
}

/// Over TCP (real QEMU; our binary's monitors are unix sockets), with
/// out-of-band execution negotiated: `migrate-pause` runs out of band and
/// its error reply is QEMU's; in-band commands still answer.
#[test]
fn real_tcp_with_oob() {
    use qapi_defs::schema::{migration, run_state};
    use qapi_runtime::Empty;

    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let child = Process::new("/usr/bin/qemu-system-x86_64")
        .args(MACHINE_NONE)
        .arg("-qmp")
        .arg(format!("tcp:127.0.0.1:{port},server=on,wait=off"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let _child = KillOnDrop(child);
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut c = loop {
        match Client::connect_tcp(("127.0.0.1", port), qmp_client::Options { oob: true }) {
            Ok(c) => break c,
            Err(e) => {
                assert!(Instant::now() < deadline, "no TCP monitor: {e}");
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    };
    assert!(c.oob_enabled());
    match c.execute_oob::<migration::migrate_pause>(Empty {}) {
        Err(QmpError::Reply(e)) => assert_eq!(
            (e.class.as_str(), e.desc.as_str()),
            (
                "GenericError",
                "migrate-pause is currently only supported during postcopy-active or postcopy-recover state"
            )
        ),
        r => panic!("{r:?}"),
    }
    let st = c.execute::<run_state::query_status>(Empty {}).unwrap();
    assert_eq!(st.status, run_state::RunState::Prelaunch);
}

/// Pipelining thousands of requests, blocking and async, on real QEMU and
/// ours: servers stop reading while their replies wait, so the client
/// must read while it writes.
#[test]
fn pipelining_does_not_deadlock() {
    const N: usize = 5000;
    let links = TempDir::new("pipe-links");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    for program in [
        PathBuf::from("/usr/bin/qemu-system-x86_64"),
        links.link("x86_64"),
    ] {
        let mut emu = start(&program);
        let ids: Vec<_> = (0..N)
            .map(|_| emu.client.send("query-version", None, false, true).unwrap())
            .collect();
        for id in ids {
            let v = emu.client.wait(id).unwrap().unwrap();
            typed::decode_return::<control::query_version>(v).unwrap();
        }
        drop(emu);

        let mut process = Monitored::start(&program, MACHINE_NONE);
        drop(process.take_stream());
        let sock = process.socket().to_path_buf();
        rt.block_on(async {
            let mut c = qmp_client::AsyncClient::connect_unix(&sock, Default::default())
                .await
                .unwrap();
            let mut ids = Vec::new();
            for _ in 0..N {
                ids.push(c.send("query-version", None, false, true).await.unwrap());
            }
            for id in ids {
                c.wait(id).await.unwrap().unwrap();
            }
        });
    }
}
