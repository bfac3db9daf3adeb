//! The link-time registry: every definition of every linked crate, in
//! QEMU's order.
//!
//! The macros put one [`Entity`] per named definition into the
//! [`QAPI_ENTITIES`] distributed slice.  The linker's order of that slice is
//! unspecified (it changes between builds), so the registry sorts by an
//! explicit key: the module's rank, then the definition's position in its
//! file.  That reproduces QEMU's walk of modules in first-inclusion order
//! and of definitions in source order.
//!
//! A crate that is only a set of definitions must be linked by name
//! (`use qapi_defs as _;`): the linker drops crates nothing refers to, and
//! with them their slice elements.  [`Registry::global`] refuses an empty
//! registry so that mistake is reported at start-up.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use crate::desc::{Entity, Kind};
use crate::pred::Sym;

/// Every named definition of the linked crates (unordered).
#[linkme::distributed_slice]
pub static QAPI_ENTITIES: [Entity];

/// Every condition symbol declared with [`crate::symbols!`].
#[linkme::distributed_slice]
pub static QAPI_SYMBOLS: [Sym];

/// The definitions, sorted into QEMU's order, with a name index.
pub struct Registry {
    entities: Vec<&'static Entity>,
    by_name: HashMap<&'static str, &'static Entity>,
}

/// Why the registry cannot be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegistryError {
    /// Nothing was linked.
    Empty,
    /// Two definitions share a name (QAPI has one namespace for all).
    Duplicate {
        name: &'static str,
        first: String,
        second: String,
    },
    /// Two different modules claim the same rank.
    RankClash {
        rank: u32,
        first: &'static str,
        second: &'static str,
    },
    /// One module's definitions are spread over several files, so their
    /// order is undefined.
    ModuleSpansFiles {
        module: &'static str,
        first: &'static str,
        second: &'static str,
    },
}

impl fmt::Display for RegistryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RegistryError::Empty => write!(
                f,
                "no QAPI definitions are linked into this program; a crate that only \
                 defines entities must be named to be linked: add `use qapi_defs as _;` \
                 (or the name of your schema crate) to the binary"
            ),
            RegistryError::Duplicate {
                name,
                first,
                second,
            } => write!(
                f,
                "'{name}' is already defined (at {first}; again at {second})"
            ),
            RegistryError::RankClash {
                rank,
                first,
                second,
            } => write!(
                f,
                "modules '{first}' and '{second}' both have rank {rank}; give each module its own rank"
            ),
            RegistryError::ModuleSpansFiles {
                module,
                first,
                second,
            } => write!(
                f,
                "module '{module}' has definitions in {first} and in {second}; \
                 keep one module per file so that source order is defined"
            ),
        }
    }
}

impl std::error::Error for RegistryError {}

impl Registry {
    /// The registry of everything linked into this program, built once.
    pub fn global() -> Result<&'static Registry, RegistryError> {
        static GLOBAL: OnceLock<Result<Registry, RegistryError>> = OnceLock::new();
        GLOBAL
            .get_or_init(|| Registry::new(QAPI_ENTITIES.iter()))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// A registry of the given definitions (tests use subsets).
    pub fn new(
        entities: impl IntoIterator<Item = &'static Entity>,
    ) -> Result<Registry, RegistryError> {
        let mut entities: Vec<&'static Entity> = entities.into_iter().collect();
        if entities.is_empty() {
            return Err(RegistryError::Empty);
        }
        entities.sort_by(|a, b| order_key(a).cmp(&order_key(b)));

        let mut modules: HashMap<u32, (&'static str, &'static str)> = HashMap::new();
        for e in &entities {
            let (name, file) = *modules
                .entry(e.module.rank)
                .or_insert((e.module.name, e.loc.file));
            if name != e.module.name {
                return Err(RegistryError::RankClash {
                    rank: e.module.rank,
                    first: name,
                    second: e.module.name,
                });
            }
            if file != e.loc.file {
                return Err(RegistryError::ModuleSpansFiles {
                    module: name,
                    first: file,
                    second: e.loc.file,
                });
            }
        }

        let mut by_name: HashMap<&'static str, &'static Entity> = HashMap::new();
        for e in &entities {
            if let Some(prev) = by_name.insert(e.name, e) {
                return Err(RegistryError::Duplicate {
                    name: e.name,
                    first: describe_loc(prev),
                    second: describe_loc(e),
                });
            }
        }
        Ok(Registry { entities, by_name })
    }

    /// All definitions in QEMU's order.
    pub fn entities(&self) -> &[&'static Entity] {
        &self.entities
    }

    pub fn get(&self, name: &str) -> Option<&'static Entity> {
        self.by_name.get(name).copied()
    }

    /// Commands in QEMU's order (conditions not applied).
    pub fn commands(&self) -> impl Iterator<Item = &'static Entity> + '_ {
        self.entities
            .iter()
            .copied()
            .filter(|e| matches!(e.kind, Kind::Command(_)))
    }

    /// Events in QEMU's order (conditions not applied).
    pub fn events(&self) -> impl Iterator<Item = &'static Entity> + '_ {
        self.entities
            .iter()
            .copied()
            .filter(|e| matches!(e.kind, Kind::Event(_)))
    }

    /// Every declared condition symbol, by name.
    pub fn symbols() -> impl Iterator<Item = &'static Sym> {
        QAPI_SYMBOLS.iter()
    }
}

fn order_key(e: &Entity) -> (u32, u32, u32, &'static str) {
    (e.module.rank, e.loc.line, e.loc.column, e.name)
}

fn describe_loc(e: &Entity) -> String {
    format!("{}:{}:{}", e.loc.file, e.loc.line, e.loc.column)
}
