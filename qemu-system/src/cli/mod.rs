//! The command line, read the way QEMU's `system/vl.c` reads it, for the
//! options a management tool passes to a QMP-only `-machine none` QEMU.
//!
//! The phases follow QEMU's `qemu_init`, each in a module of its own:
//! `lookup` (the first pass: this emulator's own options, then every
//! option exists and has its argument), `configuration` (target and
//! build), `groups` (the second pass: each option read in order into its
//! group, syntax errors reported at once with the option as location),
//! `help` (`-cpu help`, `-device ...,help`), then the machine, the
//! accelerators, the display, the chardevs and the monitors, checked and
//! created in QEMU's order (`machine`, `accel`, `display`, `chardev`,
//! `monitor`).  Errors are printed as QEMU's `error_report` prints them:
//! `<program>: [<option> <argument>: ]<message>`, exit status 1.
//!
//! Options of QEMU that this emulator does not model are refused with an
//! explicit message rather than silently ignored.

mod accel;
mod chardev;
mod compat;
mod configuration;
mod display;
mod groups;
pub mod help;
pub mod keyval;
mod lookup;
mod machine;
mod monitor;
pub mod options;
pub mod storage_daemon;

use std::path::PathBuf;

use std::ops::ControlFlow;

use qapi_defs::qemu::QemuConfig;
use qapi_runtime::Value;

/// A chardev to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    Stdio,
    /// A listening unix socket; `wait`: block until the first client.
    UnixServer {
        path: PathBuf,
        wait: bool,
    },
}

#[derive(Debug, Clone)]
pub struct ChardevSpec {
    pub id: String,
    pub backend: Backend,
    /// The option that created it, for messages (`-qmp unix:...`).
    pub loc: String,
}

/// What the command line asks for.
#[derive(Debug)]
pub struct Options {
    pub config: QemuConfig,
    /// `-S` not given.
    pub autostart: bool,
    pub preconfig: bool,
    pub accel: String,
    pub name: Option<String>,
    /// `-uuid`, lower-cased.
    pub uuid: Option<String>,
    pub pidfile: Option<PathBuf>,
    pub daemonize: bool,
    /// Chardevs in creation order.
    pub chardevs: Vec<ChardevSpec>,
    /// The chardev id of each QMP monitor, in creation order.
    pub monitors: Vec<String>,
    /// `-machine` properties set on the command line (name, value).
    pub machine_props: Vec<(String, Value)>,
    /// Messages QEMU prints while starting anyway (`falling back to tcg`).
    pub warnings: Vec<String>,
}

impl Options {
    /// A program started without options: running at once (no `-S`) on
    /// accelerator `accel` (empty: chosen later).
    fn defaults(config: QemuConfig, accel: &str) -> Options {
        Options {
            config,
            autostart: true,
            preconfig: false,
            accel: accel.to_owned(),
            name: None,
            uuid: None,
            pidfile: None,
            daemonize: false,
            chardevs: Vec::new(),
            monitors: Vec::new(),
            machine_props: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

/// What to do after reading the command line.
pub enum Outcome {
    Run(Box<Options>),
    /// Print `stdout` and `stderr` and exit with `code` (`-version`,
    /// the listings).
    Exit {
        stdout: String,
        stderr: String,
        code: i32,
    },
}

/// A command-line error: the complete text for stderr.
#[derive(Debug)]
pub struct CliError(pub String);

/// Formats `error_report` lines.
struct Reporter<'a> {
    program: &'a str,
}

impl Reporter<'_> {
    fn at(&self, loc: &str, msg: impl AsRef<str>) -> CliError {
        CliError(format!("{}: {loc}: {}\n", self.program, msg.as_ref()))
    }
    fn plain(&self, msg: impl AsRef<str>) -> CliError {
        CliError(format!("{}: {}\n", self.program, msg.as_ref()))
    }
}

/// The target a binary name stands for: `qemu-system-<target>`.
pub fn target_from_program(program: &str) -> Option<&str> {
    program.strip_prefix("qemu-system-")
}

/// `key=value` items of a QemuOpts argument, in order.
type Items = Vec<(String, String)>;

fn unsupported(r: &Reporter, loc: &str, what: &str) -> CliError {
    r.at(
        loc,
        format!("{what} is not supported by this emulator (QMP only, -machine none)"),
    )
}

/// Reads the command line (without argv[0]); `program` is argv[0]'s file
/// name.  The phases follow `qemu_init`.
pub fn parse(program: &str, args: &[String]) -> Result<Outcome, CliError> {
    let r = Reporter { program };
    let own = lookup::own_options(program, args);
    let cmdline = lookup::extract(&r, args, &own)?;
    let mut config = configuration::configuration(&r, own)?;
    let g = match groups::read(&r, &config, &cmdline.items)? {
        ControlFlow::Break(outcome) => return Ok(outcome),
        ControlFlow::Continue(g) => g,
    };
    if let ControlFlow::Break(outcome) =
        help::process_help_options(&r, &config, g.cpu.as_ref(), &g.devices)?
    {
        return Ok(outcome);
    }
    // CPU models and devices are not modelled (`-machine none`).
    if let Some(given) = g.cpu.as_ref().or(g.devices.first()) {
        return Err(unsupported(
            &r,
            &given.loc,
            &format!("the option {}", given.raw),
        ));
    }
    check_images(&r, &cmdline.images)?;
    let mut opts = g.opts;
    let machine = machine::machine_settings(&r, &config, g.machine)?;
    opts.machine_props = machine.props;
    opts.accel = accel::configure_accelerators(
        &r,
        &config,
        program,
        machine.accel,
        &g.accel_opts,
        &mut opts.warnings,
    )?;
    display::check_display(&r, g.display)?;
    opts.chardevs = chardev::create_chardevs(&r, &g.chardevs, opts.daemonize)?;
    opts.monitors = monitor::create_monitors(&r, &g.monitors, &opts.chardevs)?;
    config.compat = g.compat;
    opts.config = config;
    Ok(Outcome::Run(Box::new(opts)))
}

/// Disk images given without an option (`-hda`): none can be opened.
fn check_images(r: &Reporter, images: &[String]) -> Result<(), CliError> {
    if let Some(img) = images.first() {
        if std::fs::metadata(img).is_err() {
            return Err(r.at(
                img,
                format!("Could not open '{img}': No such file or directory"),
            ));
        }
        return Err(unsupported(r, img, "a disk image"));
    }
    Ok(())
}

impl Outcome {
    /// A listing on stdout, exit status 0.
    fn listing(stdout: String) -> Outcome {
        Outcome::Exit {
            stdout,
            stderr: String::new(),
            code: 0,
        }
    }
}

/// What `-version` prints: `WHO version X.Y.Z (PACKAGE)` and QEMU's
/// copyright line (the emulator and the storage daemon share it).
pub fn version_text(who: &str, build: &qapi_defs::qemu::Build) -> String {
    let (x, y, z) = build.version;
    let pkg = &build.package;
    let pkg = if pkg.is_empty() {
        String::new()
    } else {
        format!(" ({pkg})")
    };
    format!(
        "{who} version {x}.{y}.{z}{pkg}\nCopyright (c) 2003-2025 Fabrice Bellard and the QEMU Project developers\n"
    )
}
