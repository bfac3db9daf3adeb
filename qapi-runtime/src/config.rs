//! Run-time configuration: which program we are.
//!
//! A [`Config`] is the set of condition symbols the program defines (chosen
//! from those the linked schema crates declare with
//! [`symbols!`](crate::symbols)), a `-compat` policy, and the program's
//! [`Identity`] (what the greeting and a version query report).  Every
//! condition of the schema is evaluated against it.  The runtime knows no
//! particular product: a schema crate supplies its own symbol sets.

use std::collections::BTreeSet;
use std::fmt;

use crate::desc::Program;
use crate::pred::{Pred, Sym};
use crate::registry::Registry;

/// How a program identifies itself in the QMP greeting (`version`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Identity {
    /// `major`, `minor`, `micro`.
    pub version: (u32, u32, u32),
    /// `package`: a free-form string (a distribution's package version).
    pub package: String,
}

impl Identity {
    pub fn new(version: (u32, u32, u32), package: impl Into<String>) -> Identity {
        Identity {
            version,
            package: package.into(),
        }
    }
}

/// `-compat deprecated-input=...`: what to do with deprecated/unstable input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum InputPolicy {
    #[default]
    Accept,
    Reject,
    /// Abort the process, as QEMU does (a testing aid).
    Crash,
}

/// `-compat deprecated-output=...`: whether deprecated/unstable output is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum OutputPolicy {
    #[default]
    Accept,
    Hide,
}

/// QAPI's compatibility policy for deprecated and unstable definitions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct CompatPolicy {
    pub deprecated_input: InputPolicy,
    pub deprecated_output: OutputPolicy,
    pub unstable_input: InputPolicy,
    pub unstable_output: OutputPolicy,
}

/// Why a configuration cannot be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// The name is no symbol any linked schema crate declares.
    UndeclaredSymbol(String),
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::UndeclaredSymbol(s) => write!(
                f,
                "condition symbol '{s}' is not declared by any linked schema crate \
                 (declare it with `qapi_runtime::symbols!`)"
            ),
        }
    }
}

impl std::error::Error for ConfigError {}

/// Everything the schema's conditions and the compat rules depend on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    pub identity: Identity,
    pub compat: CompatPolicy,
    /// The program whose schema is served (`None`: the one linked).
    pub program: Option<&'static Program>,
    defined: BTreeSet<&'static str>,
}

impl Config {
    /// A configuration with no symbol defined and the default policy.
    pub fn new(identity: Identity) -> Config {
        Config {
            identity,
            ..Config::default()
        }
    }

    /// Defines symbols (constants of a [`symbols!`](crate::symbols) module).
    pub fn define(mut self, syms: impl IntoIterator<Item = Sym>) -> Config {
        self.defined.extend(syms.into_iter().map(|s| s.name));
        self
    }

    /// Defines symbols by name; a name no linked crate declares is an error.
    pub fn with_defined<'a>(
        self,
        names: impl IntoIterator<Item = &'a str>,
    ) -> Result<Config, ConfigError> {
        let mut syms = Vec::new();
        for n in names {
            syms.push(declared(n).ok_or_else(|| ConfigError::UndeclaredSymbol(n.to_owned()))?);
        }
        Ok(self.define(syms))
    }

    /// Serves `program`'s schema (needed when several are linked).
    pub fn with_program(mut self, program: &'static Program) -> Config {
        self.program = Some(program);
        self
    }

    pub fn with_compat(mut self, compat: CompatPolicy) -> Config {
        self.compat = compat;
        self
    }

    pub fn is_defined(&self, sym: &Sym) -> bool {
        self.defined.contains(sym.name)
    }

    /// Every defined symbol, sorted.
    pub fn defined(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.defined.iter().copied()
    }

    /// Evaluates a condition (`None` is always true).
    pub fn eval(&self, cond: Option<&Pred>) -> bool {
        cond.is_none_or(|p| p.eval(&|s| self.is_defined(s)))
    }
}

/// The declared symbol of that name, if a linked crate declares it.
pub fn declared(name: &str) -> Option<Sym> {
    Registry::symbols().find(|s| s.name == name).copied()
}

impl fmt::Display for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b, c) = self.identity.version;
        write!(f, "version {a}.{b}.{c}")?;
        if !self.identity.package.is_empty() {
            write!(f, " ({})", self.identity.package)?;
        }
        Ok(())
    }
}
