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

use crate::desc::{DEPRECATED, Entity, Feature, Kind, Member, TypeRef, UNSTABLE};
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
    /// More than [`MAX_FEATURES`] feature names in the whole schema.
    TooManyFeatures { name: &'static str, at: String },
}

/// QAPI's limit of distinct feature names in a schema, `deprecated` and
/// `unstable` included (QEMU's generated C keeps them in a 64-bit mask).
/// A schema-wide count, which no single macro sees: checked here.
pub const MAX_FEATURES: usize = 64;

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
            RegistryError::TooManyFeatures { name, at } => write!(
                f,
                "{at}: feature '{name}' is one too many: a maximum of {MAX_FEATURES} \
                 schema features is permitted (QAPI features rule)"
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
        check_feature_count(&entities)?;
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

/// QEMU's `Maximum of 64 schema features is permitted`: feature names are
/// counted in the order QEMU meets them (definition order; a definition's
/// own features, then its inline members' or its values'), after the two
/// special ones.
fn check_feature_count(entities: &[&'static Entity]) -> Result<(), RegistryError> {
    let mut seen: Vec<&'static str> = vec![DEPRECATED, UNSTABLE];
    for e in entities {
        let mut lists: Vec<&'static [Feature]> = vec![e.features];
        let inline_members = |t: Option<&'static TypeRef>| -> &'static [Member] {
            match t.and_then(TypeRef::entity) {
                Some(Entity {
                    implicit: true,
                    kind: Kind::Struct(s),
                    ..
                }) => s.members,
                _ => &[],
            }
        };
        match &e.kind {
            Kind::Enum(d) => lists.extend(d.values.iter().map(|v| v.features)),
            Kind::Struct(d) => lists.extend(d.members.iter().map(|m| m.features)),
            Kind::Union(d) if d.base.is_none() => {
                lists.extend(d.members.iter().map(|m| m.features))
            }
            Kind::Command(d) => lists.extend(inline_members(d.args).iter().map(|m| m.features)),
            Kind::Event(d) => lists.extend(inline_members(d.data).iter().map(|m| m.features)),
            Kind::Union(_) | Kind::Alternate(_) => {}
        }
        for f in lists.into_iter().flatten() {
            if !seen.contains(&f.name) {
                seen.push(f.name);
                if seen.len() > MAX_FEATURES {
                    return Err(RegistryError::TooManyFeatures {
                        name: f.name,
                        at: describe_loc(e),
                    });
                }
            }
        }
    }
    Ok(())
}

fn order_key(e: &Entity) -> (u32, u32, u32, &'static str) {
    (e.module.rank, e.loc.line, e.loc.column, e.name)
}

fn describe_loc(e: &Entity) -> String {
    format!("{}:{}:{}", e.loc.file, e.loc.line, e.loc.column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desc::{EnumDesc, EnumValue, Loc, Module};

    static MODULE: Module = Module {
        name: "features",
        rank: 1,
    };

    /// 70 feature names `f0` ... `f69` (leaked: descriptors are static).
    fn names() -> &'static [Feature] {
        let v: Vec<Feature> = (0..70)
            .map(|i| Feature {
                name: Box::leak(format!("f{i}").into_boxed_str()),
                cond: None,
            })
            .collect();
        Box::leak(v.into_boxed_slice())
    }

    fn entity(name: &'static str, line: u32, features: &'static [Feature]) -> &'static Entity {
        let values: &'static [EnumValue] = Box::leak(
            vec![EnumValue {
                name: "v",
                cond: None,
                features,
            }]
            .into_boxed_slice(),
        );
        Box::leak(Box::new(Entity {
            name,
            module: &MODULE,
            loc: Loc {
                file: "features.rs",
                line,
                column: 1,
            },
            cond: None,
            features: &[],
            kind: Kind::Enum(EnumDesc {
                values,
                prefix: None,
            }),
            implicit: false,
        }))
    }

    #[test]
    fn sixty_four_feature_names_at_most() {
        let f = names();
        // 62 names plus `deprecated` and `unstable`: the limit exactly;
        // repeats do not count.
        let ok = [entity("A", 1, &f[..40]), entity("B", 2, &f[20..62])];
        assert!(Registry::new(ok).is_ok());
        // One more, on a value of the second definition.
        let over = [entity("A", 1, &f[..40]), entity("B", 2, &f[20..63])];
        match Registry::new(over) {
            Err(e @ RegistryError::TooManyFeatures { name: "f62", .. }) => assert_eq!(
                e.to_string(),
                "features.rs:2:1: feature 'f62' is one too many: a maximum of 64 \
                 schema features is permitted (QAPI features rule)"
            ),
            Err(other) => panic!("expected TooManyFeatures for f62, got {other:?}"),
            Ok(_) => panic!("65 feature names were accepted"),
        }
    }
}
