//! The link-time registry: every definition of a program, in QEMU's order.
//!
//! The macros put one [`Entity`] per named definition into the
//! [`QAPI_ENTITIES`] distributed slice, each module's [`Module`] into
//! [`QAPI_MODULES`], each [`Program`] into [`QAPI_PROGRAMS`], and each
//! placement of a runtime-owned definition (the protocol core) into
//! [`QAPI_PLACEMENTS`].  The linker's order of a slice is unspecified (it
//! changes between builds), so a program's registry sorts by an explicit
//! key: the module's place in the program's module list, then the
//! definition's position in its file.  That reproduces QEMU's walk of
//! modules in first-inclusion order and of definitions in source order.
//!
//! A crate that is only a set of definitions must be linked by name
//! (`use qapi_defs as _;`): the linker drops crates nothing refers to, and
//! with them their slice elements.  [`Registry::global`] refuses an empty
//! registry so that mistake is reported at start-up.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Mutex, OnceLock};

use crate::desc::{
    DEPRECATED, Entity, Feature, Kind, Loc, Member, Module, Placement, Program, TypeRef, UNSTABLE,
};
use crate::pred::Sym;

/// Every named definition of the linked crates (unordered).
#[linkme::distributed_slice]
pub static QAPI_ENTITIES: [Entity];

/// Every QAPI module declared with [`crate::module!`].
#[linkme::distributed_slice]
pub static QAPI_MODULES: [Module];

/// Every program declared with [`crate::program!`].
#[linkme::distributed_slice]
pub static QAPI_PROGRAMS: [Program];

/// Every placement of a runtime-owned definition ([`crate::place!`]).
#[linkme::distributed_slice]
pub static QAPI_PLACEMENTS: [Placement];

/// Every condition symbol declared with [`crate::symbols!`].
#[linkme::distributed_slice]
pub static QAPI_SYMBOLS: [Sym];

/// The definitions of one program, sorted into QEMU's order, with a name index.
pub struct Registry {
    entities: Vec<&'static Entity>,
    by_name: HashMap<&'static str, &'static Entity>,
}

/// Why the registry cannot be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegistryError {
    /// Nothing was linked.
    Empty,
    /// No `program!` is linked, or several are and none was named.
    NoProgram { linked: Vec<&'static str> },
    /// Two definitions share a name (QAPI has one namespace for all).
    Duplicate {
        name: &'static str,
        first: String,
        second: String,
    },
    /// A program lists a module twice.
    ModuleListedTwice {
        module: &'static str,
        program: &'static str,
        at: String,
    },
    /// A module has definitions but no linked program lists it.
    ModuleNotListed { module: &'static str, at: String },
    /// A program lists a module nothing linked defines.
    ModuleWithoutDefinitions {
        module: &'static str,
        program: &'static str,
        at: String,
    },
    /// Two files declare the same module.
    ModuleDeclaredTwice {
        module: &'static str,
        first: String,
        second: String,
    },
    /// A definition is in another file than its module's declaration, so
    /// the order of the module's definitions is undefined.
    ModuleSpansFiles {
        module: &'static str,
        first: String,
        second: String,
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
            RegistryError::NoProgram { linked } if linked.is_empty() => write!(
                f,
                "no program is declared: list the schema's modules in include order \
                 with `qapi::program!(NAME, modules = [...])`, and link the crate that \
                 declares it"
            ),
            RegistryError::NoProgram { linked } => write!(
                f,
                "several programs are linked ({}); build the registry of one with \
                 `Registry::of(&PROGRAM)`",
                linked.join(", ")
            ),
            RegistryError::Duplicate {
                name,
                first,
                second,
            } => write!(
                f,
                "'{name}' is already defined (at {first}; again at {second})"
            ),
            RegistryError::ModuleListedTwice {
                module,
                program,
                at,
            } => write!(f, "{at}: program {program} lists module '{module}' twice"),
            RegistryError::ModuleNotListed { module, at } => write!(
                f,
                "module '{module}' (declared at {at}) has definitions but no linked \
                 program lists it; add it to its program's `modules = [...]`"
            ),
            RegistryError::ModuleWithoutDefinitions {
                module,
                program,
                at,
            } => write!(
                f,
                "{at}: program {program} lists module '{module}', which has no \
                 definitions in this binary; declare it with `qapi::module!(\"{module}\")` \
                 or link the crate that does"
            ),
            RegistryError::ModuleDeclaredTwice {
                module,
                first,
                second,
            } => write!(
                f,
                "module '{module}' is declared at {first} and again at {second}; \
                 keep one module per file"
            ),
            RegistryError::ModuleSpansFiles {
                module,
                first,
                second,
            } => write!(
                f,
                "module '{module}' is declared at {first} but has a definition at {second}; \
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

/// A definition and where it stands in its program.
struct Placed {
    entity: &'static Entity,
    module: &'static Module,
    loc: Loc,
    seq: u32,
}

type Cached = Result<&'static Registry, RegistryError>;

impl Registry {
    /// The registry of the one program linked into this binary.
    pub fn global() -> Result<&'static Registry, RegistryError> {
        static GLOBAL: OnceLock<Result<&'static Program, RegistryError>> = OnceLock::new();
        let program = GLOBAL.get_or_init(|| match &QAPI_PROGRAMS[..] {
            [p] => Ok(p),
            [] if QAPI_ENTITIES.is_empty() => Err(RegistryError::Empty),
            all => {
                // Sorted: the linker's order changes between builds.
                let mut linked: Vec<&'static str> = all.iter().map(|p| p.name).collect();
                linked.sort_unstable();
                Err(RegistryError::NoProgram { linked })
            }
        });
        Registry::of(program.as_ref().map_err(Clone::clone)?)
    }

    /// The registry of `program`, built once.
    pub fn of(program: &'static Program) -> Result<&'static Registry, RegistryError> {
        static CACHE: Mutex<Vec<(usize, Cached)>> = Mutex::new(Vec::new());
        let key = program as *const Program as usize;
        let mut cache = CACHE.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((_, r)) = cache.iter().find(|(k, _)| *k == key) {
            return r.clone();
        }
        let r = Registry::build(program).map(|r| &*Box::leak(Box::new(r)));
        cache.push((key, r.clone()));
        r
    }

    fn build(program: &'static Program) -> Result<Registry, RegistryError> {
        check_modules()?;
        let protocol = &crate::protocol::QAPI_MODULE;
        let mut placed: Vec<Placed> = QAPI_ENTITIES
            .iter()
            .filter(|e| !std::ptr::eq(e.module, protocol))
            .map(|e| Placed {
                entity: e,
                module: e.module,
                loc: e.loc(),
                seq: 0,
            })
            .collect();
        for p in QAPI_PLACEMENTS.iter() {
            placed.extend(p.entities.iter().zip(0..).map(|(e, seq)| Placed {
                entity: e,
                module: p.module,
                loc: p.loc,
                seq,
            }));
        }
        // Every module with definitions belongs to some program.
        for p in &placed {
            if !QAPI_PROGRAMS
                .iter()
                .any(|prog| prog.position(p.module.name).is_some())
            {
                return Err(RegistryError::ModuleNotListed {
                    module: p.module.name,
                    at: describe(&p.module.loc),
                });
            }
        }
        placed.retain(|p| program.position(p.module.name).is_some());
        Registry::from_placed(program, placed)
    }

    /// A registry of the given definitions only, in `program`'s order
    /// (tests use subsets).
    pub fn new(
        program: &'static Program,
        entities: impl IntoIterator<Item = &'static Entity>,
    ) -> Result<Registry, RegistryError> {
        let placed = entities
            .into_iter()
            .map(|e| Placed {
                entity: e,
                module: e.module,
                loc: e.loc(),
                seq: 0,
            })
            .collect();
        Registry::from_placed(program, placed)
    }

    fn from_placed(
        program: &'static Program,
        mut placed: Vec<Placed>,
    ) -> Result<Registry, RegistryError> {
        if placed.is_empty() {
            return Err(RegistryError::Empty);
        }
        for (i, m) in program.modules.iter().enumerate() {
            if program.modules[..i].contains(m) {
                return Err(RegistryError::ModuleListedTwice {
                    module: m,
                    program: program.name,
                    at: describe(&program.loc),
                });
            }
            if !placed.iter().any(|p| p.module.name == *m) {
                return Err(RegistryError::ModuleWithoutDefinitions {
                    module: m,
                    program: program.name,
                    at: describe(&program.loc),
                });
            }
        }
        for p in &placed {
            if program.position(p.module.name).is_none() {
                return Err(RegistryError::ModuleNotListed {
                    module: p.module.name,
                    at: describe(&p.module.loc),
                });
            }
            if p.loc.file != p.module.loc.file {
                return Err(RegistryError::ModuleSpansFiles {
                    module: p.module.name,
                    first: describe(&p.module.loc),
                    second: describe(&p.loc),
                });
            }
        }
        let key = |p: &Placed| {
            (
                program.position(p.module.name),
                p.loc.line,
                p.loc.column,
                p.seq,
                p.entity.name,
            )
        };
        placed.sort_by(|a, b| key(a).cmp(&key(b)));

        let mut by_name: HashMap<&'static str, &'static Entity> = HashMap::new();
        let mut locs: HashMap<&'static str, Loc> = HashMap::new();
        for p in &placed {
            if let Some(prev) = locs.insert(p.entity.name, p.loc) {
                return Err(RegistryError::Duplicate {
                    name: p.entity.name,
                    first: describe(&prev),
                    second: describe(&p.loc),
                });
            }
            by_name.insert(p.entity.name, p.entity);
        }
        let entities: Vec<&'static Entity> = placed.iter().map(|p| p.entity).collect();
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

/// No module is declared by two files.
fn check_modules() -> Result<(), RegistryError> {
    let mut seen: HashMap<&'static str, &'static Module> = HashMap::new();
    for m in QAPI_MODULES.iter() {
        if let Some(prev) = seen.insert(m.name, m) {
            let (a, b) = (describe(&prev.loc), describe(&m.loc));
            let (first, second) = if a <= b { (a, b) } else { (b, a) };
            return Err(RegistryError::ModuleDeclaredTwice {
                module: m.name,
                first,
                second,
            });
        }
    }
    Ok(())
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

fn describe(loc: &Loc) -> String {
    format!("{}:{}:{}", loc.file, loc.line, loc.column)
}

fn describe_loc(e: &Entity) -> String {
    describe(&e.loc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desc::{EnumDesc, EnumValue, NO_FEATURES, Pos};

    const LOC: Loc = Loc {
        file: "features.rs",
        line: 1,
        column: 1,
    };
    static MODULE: Module = Module {
        name: "features",
        loc: LOC,
    };
    static PROGRAM: Program = Program {
        name: "TEST",
        modules: &["features"],
        loc: LOC,
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
                features: Box::leak(Box::new(features)),
            }]
            .into_boxed_slice(),
        );
        Box::leak(Box::new(Entity {
            name,
            module: &MODULE,
            pos: Pos { line, column: 1 },
            cond: None,
            features: NO_FEATURES,
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
        assert!(Registry::new(&PROGRAM, ok).is_ok());
        // One more, on a value of the second definition.
        let over = [entity("A", 1, &f[..40]), entity("B", 2, &f[20..63])];
        match Registry::new(&PROGRAM, over) {
            Err(e @ RegistryError::TooManyFeatures { name: "f62", .. }) => assert_eq!(
                e.to_string(),
                "features.rs:2:1: feature 'f62' is one too many: a maximum of 64 \
                 schema features is permitted (QAPI features rule)"
            ),
            Err(other) => panic!("expected TooManyFeatures for f62, got {other:?}"),
            Ok(_) => panic!("65 feature names were accepted"),
        }
    }

    #[test]
    fn module_list_errors_name_both_places() {
        static OTHER: Module = Module {
            name: "other",
            loc: Loc {
                file: "other.rs",
                line: 3,
                column: 1,
            },
        };
        static TWO: Program = Program {
            name: "TWO",
            modules: &["features", "missing"],
            loc: Loc {
                file: "main.rs",
                line: 7,
                column: 1,
            },
        };
        let e = entity("A", 1, &[]);
        assert_eq!(
            Registry::new(&TWO, [e])
                .err()
                .map(|e| e.to_string())
                .as_deref(),
            Some(
                "main.rs:7:1: program TWO lists module 'missing', which has no definitions \
                 in this binary; declare it with `qapi::module!(\"missing\")` or link the \
                 crate that does"
            )
        );
        let stray: &'static Entity = Box::leak(Box::new(Entity {
            name: "B",
            module: &OTHER,
            pos: Pos { line: 4, column: 1 },
            cond: None,
            features: NO_FEATURES,
            kind: Kind::Struct(crate::desc::StructDesc {
                base: None,
                members: &[],
            }),
            implicit: false,
        }));
        assert_eq!(
            Registry::new(&PROGRAM, [e, stray])
                .err()
                .map(|e| e.to_string())
                .as_deref(),
            Some(
                "module 'other' (declared at other.rs:3:1) has definitions but no linked \
                 program lists it; add it to its program's `modules = [...]`"
            )
        );
        assert!(Program::all_distinct(&["a", "b"]) && !Program::all_distinct(&["a", "b", "a"]));
    }
}
