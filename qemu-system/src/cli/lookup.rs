//! The first phase of the command line (vl.c's first loop,
//! `lookup_opt`): this emulator's own options (`-target`,
//! `-build-config`, `-build-package`), which decide the option table, then
//! every option looked up in it with its argument.

use qapi_defs::qemu;

use super::options::{self, Opt};
use super::{CliError, Reporter, target_from_program};

/// The options of this emulator itself, read before anything else.
pub(super) struct OwnOptions {
    /// The target and, when `-target` named it, the option for messages.
    pub target: Option<(String, Option<String>)>,
    /// `-build-config` and the option for messages.
    pub build_config: Option<(String, String)>,
    /// `-build-package`.
    pub package: Option<String>,
}

/// An option of the command line, looked up: its table entry, the option
/// as written, and its argument.
pub(super) type Looked = (&'static Opt, String, Option<String>);

/// The command line split into options and the bare arguments between
/// them (disk images).
pub(super) struct CommandLine {
    pub items: Vec<Looked>,
    pub images: Vec<String>,
}

/// Finds this emulator's own options anywhere on the command line.
pub(super) fn own_options(program: &str, args: &[String]) -> OwnOptions {
    let mut target = target_from_program(program).map(|t| (t.to_owned(), None::<String>));
    let mut build_config: Option<(String, String)> = None;
    let mut package: Option<String> = None;
    let mut i = 0;
    while i < args.len() {
        let name = args[i]
            .strip_prefix("--")
            .or_else(|| args[i].strip_prefix('-'));
        let next = args.get(i + 1);
        match (name, next) {
            (Some("target"), Some(t)) => {
                target = Some((t.clone(), Some(format!("{} {t}", args[i]))));
            }
            (Some("build-config"), Some(b)) => {
                build_config = Some((b.clone(), format!("{} {b}", args[i])))
            }
            (Some("build-package"), Some(p)) => package = Some(p.clone()),
            _ => {}
        }
        i += 1;
    }
    OwnOptions {
        target,
        build_config,
        package,
    }
}

/// Every option exists and has its argument.
pub(super) fn extract(
    r: &Reporter,
    args: &[String],
    own: &OwnOptions,
) -> Result<CommandLine, CliError> {
    let target = &own.target;
    let build_for_table = {
        let t = target.as_ref().and_then(|(t, _)| qemu::config(t));
        t.or_else(|| qemu::config("x86_64"))
    };
    let defined = |s: &str| {
        build_for_table
            .as_ref()
            .is_some_and(|c| c.defined().any(|d| d == s))
    };
    let mut items: Vec<Looked> = Vec::new();
    let mut images: Vec<String> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let raw = &args[i];
        i += 1;
        let Some(stripped) = raw.strip_prefix('-') else {
            images.push(raw.clone());
            continue;
        };
        let name = stripped.strip_prefix('-').unwrap_or(stripped);
        let Some(opt) = options::find(name, &defined) else {
            return Err(r.at(raw, "invalid option"));
        };
        let arg = if opt.has_arg {
            let Some(a) = args.get(i) else {
                return Err(r.at(raw, "requires an argument"));
            };
            i += 1;
            Some(a.clone())
        } else {
            None
        };
        items.push((opt, raw.clone(), arg));
    }
    Ok(CommandLine { items, images })
}
