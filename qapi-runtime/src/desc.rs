//! Static descriptors: what the attribute macros emit for each definition.
//!
//! Every QAPI definition becomes one `static` [`Entity`].  Named definitions
//! go into the link-time registry ([`crate::registry`]); implicit ones
//! (`q_obj_<command>-arg`, `q_obj_<EVENT>-arg`, `q_empty`) are reached
//! through the commands and events that use them.  Descriptors are plain
//! constant data: nothing runs to build them.

use crate::pred::Cond;

/// A QAPI module (one schema file), declared with [`module!`](crate::module)
/// in the Rust file that holds its definitions.
///
/// QEMU visits modules in first-inclusion order of the schema's include tree
/// and definitions in source order inside a module; a [`Program`] lists its
/// modules in that order, the definition's [`Loc`] gives the second part.
#[derive(Debug)]
pub struct Module {
    pub name: &'static str,
    /// Where the module is declared (its file holds all its definitions).
    pub loc: Loc,
}

/// A program served from the linked definitions: its QAPI modules in
/// include order, declared with [`program!`](crate::program).  Only
/// definitions of listed modules are part of the program.
#[derive(Debug, PartialEq, Eq)]
pub struct Program {
    pub name: &'static str,
    pub modules: &'static [&'static str],
    pub loc: Loc,
}

impl Program {
    /// Whether no module is listed twice (a compile-time check of `program!`).
    pub const fn all_distinct(modules: &[&str]) -> bool {
        let mut i = 0;
        while i < modules.len() {
            let mut j = i + 1;
            while j < modules.len() {
                if str_eq(modules[i], modules[j]) {
                    return false;
                }
                j += 1;
            }
            i += 1;
        }
        true
    }

    /// The place of a module in the program's include order.
    pub fn position(&self, module: &str) -> Option<usize> {
        self.modules.iter().position(|m| *m == module)
    }
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A definition the runtime owns (the QMP protocol core,
/// [`crate::protocol`](mod@crate::protocol)) placed into a schema module at a position, with
/// [`place!`](crate::place) or [`protocol!`](crate::protocol!).
#[derive(Debug)]
pub struct Placement {
    /// Placed in this order at `loc`.
    pub entities: &'static [&'static Entity],
    pub module: &'static Module,
    pub loc: Loc,
}

/// Where a definition is written: its position orders definitions of one
/// module (never shown on the wire).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Loc {
    pub file: &'static str,
    pub line: u32,
    pub column: u32,
}

/// The features of a definition, member or enum value: a thin reference
/// to the list, 8 bytes in every descriptor instead of 16 (most lists are
/// empty; all empty ones share one constant).
pub type Features = &'static &'static [Feature];

/// The empty [`Features`].
pub const NO_FEATURES: Features = &(&[] as &[Feature]);

/// Where a definition is written in its module's file: the position
/// orders definitions of one module (never shown on the wire).  The file is
/// the module's, so a descriptor does not repeat it (the macros check at
/// compile time that a definition is in its module's file).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

/// A feature flag on a definition, member or enum value.
#[derive(Debug)]
pub struct Feature {
    pub name: &'static str,
    pub cond: Cond,
}

/// The two features QEMU gives a run-time meaning (`-compat`).
pub const DEPRECATED: &str = "deprecated";
pub const UNSTABLE: &str = "unstable";

/// Special-feature bits of a feature list (QEMU's `QAPI_DEPRECATED`/`QAPI_UNSTABLE`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Special {
    pub deprecated: bool,
    pub unstable: bool,
}

impl Special {
    pub fn of(features: &[Feature]) -> Special {
        // QEMU's C code knows its special features whatever their `if`.
        Special {
            deprecated: features.iter().any(|f| f.name == DEPRECATED),
            unstable: features.iter().any(|f| f.name == UNSTABLE),
        }
    }
    pub fn any(self) -> bool {
        self.deprecated || self.unstable
    }
}

/// QAPI's built-in types, in QEMU's definition order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Builtin {
    Str,
    Number,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Size,
    Bool,
    Null,
    Any,
}

impl Builtin {
    pub const ALL: [Builtin; 15] = [
        Builtin::Str,
        Builtin::Number,
        Builtin::Int,
        Builtin::Int8,
        Builtin::Int16,
        Builtin::Int32,
        Builtin::Int64,
        Builtin::Uint8,
        Builtin::Uint16,
        Builtin::Uint32,
        Builtin::Uint64,
        Builtin::Size,
        Builtin::Bool,
        Builtin::Null,
        Builtin::Any,
    ];

    pub const fn name(self) -> &'static str {
        match self {
            Builtin::Str => "str",
            Builtin::Number => "number",
            Builtin::Int => "int",
            Builtin::Int8 => "int8",
            Builtin::Int16 => "int16",
            Builtin::Int32 => "int32",
            Builtin::Int64 => "int64",
            Builtin::Uint8 => "uint8",
            Builtin::Uint16 => "uint16",
            Builtin::Uint32 => "uint32",
            Builtin::Uint64 => "uint64",
            Builtin::Size => "size",
            Builtin::Bool => "bool",
            Builtin::Null => "null",
            Builtin::Any => "any",
        }
    }

    /// The `json-type` introspection shows.
    pub const fn json_type(self) -> &'static str {
        match self {
            Builtin::Str => "string",
            Builtin::Number => "number",
            Builtin::Bool => "boolean",
            Builtin::Null => "null",
            Builtin::Any => "value",
            _ => "int",
        }
    }

    pub const fn is_int(self) -> bool {
        matches!(self.json_type().as_bytes(), b"int")
    }
}

/// A reference to a type, as members, branches, arguments and returns hold it.
#[derive(Clone, Copy)]
pub enum TypeRef {
    Builtin(Builtin),
    /// `['T']`: an array of the element type (QAPI name `TList`).
    Array(&'static TypeRef),
    /// A named or implicit definition.  A function, not a reference, so
    /// recursive types do not make constant evaluation cycle.  (Since Rust
    /// 1.83 a constant may refer to a static, but checking such a constant
    /// evaluates the static and everything it refers to: a recursive
    /// type's descriptor would then need itself; a function pointer is
    /// where that check stops.)
    Entity(fn() -> &'static Entity),
}

impl TypeRef {
    pub fn entity(&self) -> Option<&'static Entity> {
        match self {
            TypeRef::Entity(f) => Some(f()),
            _ => None,
        }
    }

    /// The QAPI name of the type (`int`, `StrList`, `BlockdevOptions`, ...).
    pub fn name(&self) -> String {
        match self {
            TypeRef::Builtin(b) => b.name().to_owned(),
            TypeRef::Array(e) => format!("{}List", e.name()),
            TypeRef::Entity(f) => f().name.to_owned(),
        }
    }

    /// The condition of the type: an array has its element's.
    pub fn cond(&self) -> Cond {
        match self {
            TypeRef::Builtin(_) => None,
            TypeRef::Array(e) => e.cond(),
            TypeRef::Entity(f) => f().cond,
        }
    }
}

impl std::fmt::Debug for TypeRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name())
    }
}

impl PartialEq for TypeRef {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (TypeRef::Builtin(a), TypeRef::Builtin(b)) => a == b,
            (TypeRef::Array(a), TypeRef::Array(b)) => a == b,
            (TypeRef::Entity(a), TypeRef::Entity(b)) => std::ptr::eq(a(), b()),
            _ => false,
        }
    }
}

/// One QAPI definition.
#[derive(Debug)]
pub struct Entity {
    /// The QAPI name (`query-status`, `SHUTDOWN`, `StatusInfo`, `q_obj_eject-arg`).
    pub name: &'static str,
    pub module: &'static Module,
    /// Where in the module's file ([`Entity::loc`]).
    pub pos: Pos,
    pub cond: Cond,
    pub features: Features,
    pub kind: Kind,
    /// Created by QAPI itself (`q_obj_*`, `q_empty`) rather than written.
    pub implicit: bool,
}

/// What a definition is.
#[derive(Debug)]
pub enum Kind {
    Enum(EnumDesc),
    Struct(StructDesc),
    /// Behind a reference: the largest descriptor, it would set the size
    /// of every definition's.
    Union(&'static UnionDesc),
    Alternate(AlternateDesc),
    Command(CommandDesc),
    Event(EventDesc),
}

#[derive(Debug)]
pub struct EnumDesc {
    pub values: &'static [EnumValue],
    /// `prefix`: only changes C names, kept for completeness.
    pub prefix: Option<&'static str>,
}

#[derive(Debug)]
pub struct EnumValue {
    pub name: &'static str,
    pub cond: Cond,
    pub features: Features,
}

/// A struct (also the implicit argument and event-data objects).
#[derive(Debug)]
pub struct StructDesc {
    /// `base`: a struct whose members come first.
    pub base: Option<TypeRef>,
    /// The struct's own members, in declaration order.
    pub members: &'static [Member],
}

#[derive(Debug)]
pub struct Member {
    pub name: &'static str,
    pub ty: &'static TypeRef,
    pub optional: bool,
    pub cond: Cond,
    pub features: Features,
}

/// A flat union: common members (with the discriminator among them) and
/// one branch per discriminator value.
#[derive(Debug)]
pub struct UnionDesc {
    /// The named base the members come from, when the schema names one.
    pub base: Option<TypeRef>,
    /// All common members, in order; the discriminator is one of them.
    pub members: &'static [Member],
    pub discriminator: &'static str,
    /// Explicit branches in declaration order.  Discriminator values without
    /// one have an implicit empty branch.
    pub branches: &'static [Branch],
}

#[derive(Debug)]
pub struct Branch {
    pub case: &'static str,
    pub ty: &'static TypeRef,
    pub cond: Cond,
}

#[derive(Debug)]
pub struct AlternateDesc {
    pub branches: &'static [AltBranch],
}

#[derive(Debug)]
pub struct AltBranch {
    pub name: &'static str,
    pub ty: &'static TypeRef,
    pub cond: Cond,
}

/// How a command's `data` is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgsForm {
    /// No `data`.
    None,
    /// Inline members: the argument type is the implicit `q_obj_<name>-arg`.
    Inline,
    /// A named type, members passed one by one.
    Named,
    /// A named type passed as one value (`boxed: true`).
    Boxed,
}

#[derive(Debug)]
pub struct CommandDesc {
    pub args: Option<&'static TypeRef>,
    pub args_form: ArgsForm,
    pub ret: Option<&'static TypeRef>,
    /// `gen: false` commands are not registered by the generated code (QEMU
    /// registers `device_add` by hand, after all others).
    pub generated: bool,
    pub success_response: bool,
    pub allow_oob: bool,
    pub allow_preconfig: bool,
    pub coroutine: bool,
    /// The handler written with the declaration, if it has a body.
    pub handler: Option<crate::command::HandlerFn>,
}

#[derive(Debug)]
pub struct EventDesc {
    pub data: Option<&'static TypeRef>,
    pub boxed: bool,
}

impl Entity {
    /// Where the definition is written.
    pub fn loc(&self) -> Loc {
        Loc {
            file: self.module.loc.file,
            line: self.pos.line,
            column: self.pos.column,
        }
    }

    pub fn meta(&self) -> &'static str {
        match self.kind {
            Kind::Enum(_) => "enum",
            Kind::Struct(_) => "struct",
            Kind::Union(_) => "union",
            Kind::Alternate(_) => "alternate",
            Kind::Command(_) => "command",
            Kind::Event(_) => "event",
        }
    }

    pub fn is_type(&self) -> bool {
        !matches!(self.kind, Kind::Command(_) | Kind::Event(_))
    }

    pub fn as_command(&self) -> Option<&CommandDesc> {
        match &self.kind {
            Kind::Command(c) => Some(c),
            _ => None,
        }
    }

    pub fn as_event(&self) -> Option<&EventDesc> {
        match &self.kind {
            Kind::Event(e) => Some(e),
            _ => None,
        }
    }

    pub fn as_enum(&self) -> Option<&EnumDesc> {
        match &self.kind {
            Kind::Enum(e) => Some(e),
            _ => None,
        }
    }

    pub fn special(&self) -> Special {
        Special::of(self.features)
    }

    /// The members of an object type in wire order: base members first
    /// (deepest base first), then its own.  Empty for non-objects.
    pub fn object_members(&self) -> Vec<&'static Member> {
        let mut out = Vec::new();
        self.collect_members(&mut out, 0);
        out
    }

    fn collect_members(&self, out: &mut Vec<&'static Member>, depth: usize) {
        // A struct cannot contain itself through bases; the depth bound only
        // keeps a broken descriptor from looping.
        if depth > 64 {
            return;
        }
        match &self.kind {
            Kind::Struct(s) => {
                if let Some(base) = s.base.as_ref().and_then(TypeRef::entity) {
                    base.collect_members(out, depth + 1);
                }
                out.extend(s.members.iter());
            }
            Kind::Union(u) => out.extend(u.members.iter()),
            _ => {}
        }
    }

    /// A union's discriminator member and enum.
    pub fn union_tag(&self) -> Option<(&'static Member, &'static Entity)> {
        let Kind::Union(u) = &self.kind else {
            return None;
        };
        let m = u.members.iter().find(|m| m.name == u.discriminator)?;
        Some((m, m.ty.entity()?))
    }

    /// A union's branches: explicit ones in declaration order, then an
    /// implicit empty branch per remaining discriminator value, in enum
    /// order, with that value's condition.  `q_empty` stands for the
    /// implicit branches' type.
    pub fn union_branches(&self) -> Vec<UnionBranch> {
        let Kind::Union(u) = &self.kind else {
            return Vec::new();
        };
        let mut out: Vec<UnionBranch> = u
            .branches
            .iter()
            .map(|b| UnionBranch {
                case: b.case,
                ty: Some(b.ty),
                cond: b.cond,
            })
            .collect();
        if let Some((_, tag)) = self.union_tag()
            && let Some(e) = tag.as_enum()
        {
            for v in e.values {
                if !u.branches.iter().any(|b| b.case == v.name) {
                    out.push(UnionBranch {
                        case: v.name,
                        ty: None,
                        cond: v.cond,
                    });
                }
            }
        }
        out
    }
}

/// A union branch as introspection and the visitors see it.
#[derive(Clone, Copy, Debug)]
pub struct UnionBranch {
    pub case: &'static str,
    /// `None` for an implicit empty branch.
    pub ty: Option<&'static TypeRef>,
    pub cond: Cond,
}
