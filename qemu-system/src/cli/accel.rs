//! Accelerators (`configure_accelerators`): `-accel`, `-enable-kvm` or
//! `-machine accel=`, in order of preference.

use qapi_runtime::Config;

use super::{CliError, Items, Reporter};

/// Accelerator properties (`<name>-accel` classes) that are accepted.
const ACCEL_PROPS: &[(&str, &[&str])] = &[
    ("tcg", &["thread", "tb-size", "split-wx", "one-insn-per-tb"]),
    (
        "kvm",
        &[
            "kernel-irqchip",
            "kvm-shadow-mem",
            "dirty-ring-size",
            "eager-split-size",
            "notify-vmexit",
            "notify-window",
            "device",
            "rapl",
            "rapl-helper-socket",
            "xen-version",
            "xen-gnttab-max-frames",
            "xen-evtchn-max-pirq",
        ],
    ),
];

/// `configure_accelerators`: the accelerator in use.
pub(super) fn configure_accelerators(
    r: &Reporter,
    cfg: &Config,
    program: &str,
    machine_accel: Option<String>,
    accel_opts: &[(String, Vec<(String, String)>)],
    warnings: &mut Vec<String>,
) -> Result<String, CliError> {
    let has = |s: &str| cfg.defined().any(|d| d == s);
    let exists = |a: &str| match a {
        "tcg" => has("CONFIG_TCG"),
        "kvm" => has("CONFIG_KVM"),
        _ => false,
    };
    let mut init_failed = false;
    let mut list: Vec<(Option<String>, Items)> = Vec::new();
    if accel_opts.is_empty() {
        let accelerators = match machine_accel {
            Some(a) => a,
            None => match (exists("tcg"), exists("kvm")) {
                (true, true) if program.ends_with("kvm") => "kvm:tcg".to_owned(),
                (true, true) => "tcg:kvm".to_owned(),
                (false, true) => "kvm".to_owned(),
                (true, false) => "tcg".to_owned(),
                (false, false) => {
                    return Err(
                        r.plain("No accelerator selected and no default accelerator available")
                    );
                }
            },
        };
        for a in accelerators.split(':') {
            if exists(a) {
                list.push((None, vec![("accel".to_owned(), a.to_owned())]));
            } else {
                init_failed = true;
                warnings.push(r.plain(format!("invalid accelerator {a}")).0);
            }
        }
    } else {
        if machine_accel.is_some() {
            return Err(r.plain("The -accel and \"-machine accel=\" options are incompatible"));
        }
        list = accel_opts
            .iter()
            .map(|(l, i)| (Some(l.clone()), i.clone()))
            .collect();
    }
    let mut chosen = None;
    for (loc, items) in &list {
        let name = items
            .iter()
            .find(|(k, _)| k == "accel")
            .map(|(_, v)| v.as_str())
            .unwrap_or("");
        let report = |msg: String| match loc {
            Some(l) => r.at(l, msg),
            None => r.plain(msg),
        };
        if !exists(name) {
            warnings.push(report(format!("invalid accelerator {name}")).0);
            init_failed = true;
            continue;
        }
        let props = ACCEL_PROPS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, p)| *p)
            .unwrap_or(&[]);
        for (k, _) in items.iter().filter(|(k, _)| k != "accel") {
            if !props.contains(&k.as_str()) {
                return Err(report(format!("Property '{name}-accel.{k}' not found")));
            }
        }
        // kvm_init opens /dev/kvm and creates the VM; the host's KVM
        // answers for x86 targets (other targets' KVM is not modelled).
        if name == "kvm"
            && has("TARGET_I386")
            && let Err(e) = qemu_system::kvm::init()
        {
            warnings.push(report(e.detail).0);
            warnings.push(report(format!("failed to initialize kvm: {}", e.cause)).0);
            init_failed = true;
            continue;
        }
        chosen = Some(name.to_owned());
        break;
    }
    let Some(chosen) = chosen else {
        let mut text: String = warnings.drain(..).collect();
        if !init_failed {
            text.push_str(&r.plain("no accelerator found").0);
        }
        return Err(CliError(text));
    };
    if init_failed {
        warnings.push(r.plain(format!("falling back to {chosen}")).0);
    }
    Ok(chosen)
}
