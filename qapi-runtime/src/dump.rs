//! A dump of a registry in the format of QEMU's QAPI test driver
//! (`tests/qapi-schema/test-qapi.py`), so that a ported schema can be
//! compared line by line with the `.out` file QEMU's generator produces
//! for the original.
//!
//! QEMU's dump is a walk of its schema model (`scripts/qapi/schema.py`):
//! modules in order (`./builtin` first), and inside each module its
//! entities in the order the model created them.  That order is the
//! order of the schema's expressions with included files expanded in
//! place, where each definition is preceded by what it creates
//! implicitly:
//!
//! - an array type `<T>List` at the first reference to `['T']` (member,
//!   alternate branch or command return); it belongs to the module of its
//!   element type and carries the element's condition; arrays of built-in
//!   types are predefined and never shown;
//! - `q_obj_<Union>-base` for a union's inline base, `q_obj_<name>-arg`
//!   for inline command or event arguments.
//!
//! Everything shown is derived from the descriptors, with one exception:
//! descriptors do not record `include` directives.  A schema crate that
//! wants them in the dump declares each one where it stands in its file
//! with [`include_directive!`](crate::include_directive) and passes the
//! list to [`dump`].  Without them the dump has no `include` lines, and an
//! array type whose first reference is in another module is placed as if
//! every file's includes came after all of its definitions.
//!
//! Documentation comments, which QEMU's driver prints after the model,
//! are not part of the descriptors and are never shown.

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::builtin::{BUILTIN_MODULE, Q_EMPTY, QTYPE};
use crate::desc::{ArgsForm, Entity, Feature, Kind, Loc, Member, Module, TypeRef};
use crate::pred::{Cond, Pred};
use crate::registry::Registry;

/// An `include` directive of a schema module: the including module, the
/// directive's place in that module's file, and the included module's name
/// (as QEMU names modules: relative to the root schema's directory).
#[derive(Debug)]
pub struct Include {
    pub parent: &'static Module,
    pub loc: Loc,
    pub module: &'static str,
}

/// Declares an `include` directive at this place of a schema module's file
/// (the module of [`module!`](crate::module)), for [`dump`]:
///
/// ```
/// qapi_runtime::module!("main.json");
/// // { 'include': 'sub.json' }
/// qapi_runtime::include_directive!(pub INCLUDE_SUB = "sub.json");
/// assert_eq!(INCLUDE_SUB.module, "sub.json");
/// ```
#[macro_export]
macro_rules! include_directive {
    ($vis:vis $name:ident = $module:literal) => {
        $vis static $name: $crate::dump::Include = $crate::dump::Include {
            parent: &QAPI_MODULE,
            loc: $crate::desc::Loc {
                file: ::core::file!(),
                line: ::core::line!(),
                column: ::core::column!(),
            },
            module: $module,
        };
    };
}

/// What the model holds, in creation order.
#[derive(Clone, Copy)]
enum Item {
    Include(&'static str),
    /// A definition, or an implicit argument type.
    Entity(&'static Entity),
    /// `q_obj_<Union>-base` of a union with an inline base.
    UnionBase(&'static Entity),
    /// `<T>List`, by element type.
    Array(&'static TypeRef),
}

/// What a module's file holds, in source order.
enum Source {
    Def(&'static Entity),
    Include(&'static Include),
}

struct Walk {
    modules: Vec<&'static Module>,
    sources: Vec<Vec<Source>>,
    visited: Vec<bool>,
    arrays: HashSet<String>,
    /// Items per module (index into `modules`; the last slot is `./builtin`).
    items: Vec<Vec<Item>>,
}

impl Walk {
    fn module_index(&self, m: &Module) -> Option<usize> {
        self.modules.iter().position(|x| std::ptr::eq(*x, m))
    }

    fn builtin_slot(&self) -> usize {
        self.modules.len()
    }

    fn slot_of(&self, m: &Module) -> Option<usize> {
        if std::ptr::eq(m, &BUILTIN_MODULE) {
            Some(self.builtin_slot())
        } else {
            self.module_index(m)
        }
    }

    fn walk(&mut self, i: usize) {
        self.visited[i] = true;
        let sources = std::mem::take(&mut self.sources[i]);
        for s in &sources {
            match s {
                Source::Def(e) => self.define(i, e),
                Source::Include(inc) => {
                    self.items[i].push(Item::Include(inc.module));
                    if let Some(j) = self.modules.iter().position(|m| m.name == inc.module)
                        && !self.visited[j]
                    {
                        self.walk(j);
                    }
                }
            }
        }
        self.sources[i] = sources;
    }

    /// `_make_array_type`: the array of `elem`, created once, in the
    /// element's module.
    fn array(&mut self, ty: &'static TypeRef) {
        let TypeRef::Array(elem) = ty else { return };
        let module = match elem {
            // Arrays of built-in types are predefined.
            TypeRef::Builtin(_) | TypeRef::Array(_) => return,
            TypeRef::Entity(f) => f().module,
        };
        if !self.arrays.insert(ty.name()) {
            return;
        }
        if let Some(slot) = self.slot_of(module) {
            self.items[slot].push(Item::Array(elem));
        }
    }

    fn member_arrays(&mut self, members: &'static [Member]) {
        for m in members {
            self.array(m.ty);
        }
    }

    /// `_def_*`: what a definition creates, then the definition.
    fn define(&mut self, slot: usize, e: &'static Entity) {
        match &e.kind {
            Kind::Enum(_) => {}
            Kind::Struct(s) => self.member_arrays(s.members),
            Kind::Union(u) => {
                if u.base.is_none() {
                    self.member_arrays(u.members);
                    if !u.members.is_empty() {
                        self.items[slot].push(Item::UnionBase(e));
                    }
                }
            }
            Kind::Alternate(a) => {
                for b in a.branches {
                    self.array(b.ty);
                }
            }
            Kind::Command(c) => {
                if c.args_form == ArgsForm::Inline
                    && let Some(args) = c.args.and_then(TypeRef::entity)
                {
                    self.implicit_object(slot, args);
                }
                if let Some(r) = c.ret {
                    self.array(r);
                }
            }
            Kind::Event(ev) => {
                if let Some(data) = ev.data.and_then(TypeRef::entity)
                    && data.implicit
                {
                    self.implicit_object(slot, data);
                }
            }
        }
        self.items[slot].push(Item::Entity(e));
    }

    fn implicit_object(&mut self, slot: usize, args: &'static Entity) {
        if let Kind::Struct(s) = &args.kind {
            self.member_arrays(s.members);
            if !s.members.is_empty() {
                self.items[slot].push(Item::Entity(args));
            }
        }
    }
}

/// The dump QEMU's `test-qapi.py` prints for the schema `reg` holds, with
/// the `include` directives `includes` (see the module documentation).
pub fn dump(reg: &Registry, includes: &[&'static Include]) -> String {
    // Modules in the program's order; each module's definitions and include
    // directives in source order.
    let mut modules: Vec<&'static Module> = Vec::new();
    for e in reg.entities() {
        if !modules.iter().any(|m| std::ptr::eq(*m, e.module)) {
            modules.push(e.module);
        }
    }
    let mut sources: Vec<Vec<(Loc, Source)>> = modules.iter().map(|_| Vec::new()).collect();
    for e in reg.entities() {
        let i = modules
            .iter()
            .position(|m| std::ptr::eq(*m, e.module))
            .expect("module listed");
        sources[i].push((e.loc(), Source::Def(e)));
    }
    for inc in includes {
        if let Some(i) = modules.iter().position(|m| std::ptr::eq(*m, inc.parent)) {
            sources[i].push((inc.loc, Source::Include(inc)));
        }
    }
    let sources: Vec<Vec<Source>> = sources
        .into_iter()
        .map(|mut v| {
            v.sort_by_key(|(loc, _)| (loc.line, loc.column));
            v.into_iter().map(|(_, s)| s).collect()
        })
        .collect();

    let n = modules.len();
    let mut w = Walk {
        modules,
        sources,
        visited: vec![false; n],
        arrays: HashSet::new(),
        items: vec![Vec::new(); n + 1],
    };
    // `./builtin`: the predefined types the driver shows.
    w.items[n].push(Item::Entity(&Q_EMPTY));
    w.items[n].push(Item::Entity(&QTYPE));
    // The root module first, following includes; then whatever no include
    // reaches, in the program's order.
    for i in 0..n {
        if !w.visited[i] {
            w.walk(i);
        }
    }

    let mut out = String::new();
    let mut print_module = |name: &str, items: &[Item]| {
        let _ = writeln!(out, "module {name}");
        for item in items {
            print_item(&mut out, *item);
        }
    };
    print_module(BUILTIN_MODULE.name, &w.items[n]);
    for (i, m) in w.modules.iter().enumerate() {
        print_module(m.name, &w.items[i]);
    }
    out
}

fn py_bool(b: bool) -> &'static str {
    if b { "True" } else { "False" }
}

/// A condition as QEMU's `QAPISchemaIfCond.ifcond` prints: the symbol
/// itself, or the Python `repr` of the condition's dictionary.
pub fn ifcond_text(p: &Pred) -> String {
    fn repr(p: &Pred) -> String {
        match p {
            Pred::Sym(s) => format!("'{}'", s.name),
            Pred::Not(q) => format!("{{'not': {}}}", repr(q)),
            Pred::All(ps) | Pred::Any(ps) => {
                let op = if matches!(p, Pred::All(_)) {
                    "all"
                } else {
                    "any"
                };
                let list: Vec<String> = ps.iter().map(repr).collect();
                format!("{{'{op}': [{}]}}", list.join(", "))
            }
        }
    }
    match p {
        Pred::Sym(s) => s.name.to_owned(),
        _ => repr(p),
    }
}

fn print_if(out: &mut String, cond: Cond, indent: usize) {
    if let Some(p) = cond {
        let _ = writeln!(out, "{:indent$}if {}", "", ifcond_text(p));
    }
}

fn print_features(out: &mut String, features: &[Feature], indent: usize) {
    for f in features {
        let _ = writeln!(out, "{:indent$}feature {}", "", f.name);
        print_if(out, f.cond, indent + 4);
    }
}

fn print_members(out: &mut String, members: &[Member]) {
    for m in members {
        let _ = writeln!(
            out,
            "    member {}: {} optional={}",
            m.name,
            m.ty.name(),
            py_bool(m.optional)
        );
        print_if(out, m.cond, 8);
        print_features(out, m.features, 8);
    }
}

fn type_name(t: Option<&TypeRef>) -> String {
    t.map_or_else(|| "None".to_owned(), TypeRef::name)
}

fn print_item(out: &mut String, item: Item) {
    match item {
        Item::Include(name) => {
            let _ = writeln!(out, "include {name}");
        }
        Item::Array(elem) => {
            let _ = writeln!(out, "array {}List {}", elem.name(), elem.name());
            print_if(out, elem.cond(), 4);
        }
        Item::UnionBase(u) => {
            let Kind::Union(ud) = &u.kind else { return };
            let _ = writeln!(out, "object q_obj_{}-base", u.name);
            print_members(out, ud.members);
            print_if(out, u.cond, 4);
        }
        Item::Entity(e) => print_entity(out, e),
    }
}

fn print_entity(out: &mut String, e: &'static Entity) {
    match &e.kind {
        Kind::Enum(en) => {
            let _ = writeln!(out, "enum {}", e.name);
            if let Some(p) = en.prefix {
                let _ = writeln!(out, "    prefix {p}");
            }
            for v in en.values {
                let _ = writeln!(out, "    member {}", v.name);
                print_if(out, v.cond, 8);
                print_features(out, v.features, 8);
            }
        }
        Kind::Struct(s) => {
            let _ = writeln!(out, "object {}", e.name);
            if let Some(b) = &s.base {
                let _ = writeln!(out, "    base {}", b.name());
            }
            print_members(out, s.members);
        }
        Kind::Union(u) => {
            let _ = writeln!(out, "object {}", e.name);
            let base = match &u.base {
                Some(b) => b.name(),
                None => format!("q_obj_{}-base", e.name),
            };
            let _ = writeln!(out, "    base {base}");
            let _ = writeln!(out, "    tag {}", u.discriminator);
            for b in e.union_branches() {
                let ty = b.ty.map_or_else(|| Q_EMPTY.name.to_owned(), TypeRef::name);
                let _ = writeln!(out, "    case {}: {ty}", b.case);
                print_if(out, b.cond, 8);
            }
        }
        Kind::Alternate(a) => {
            let _ = writeln!(out, "alternate {}", e.name);
            let _ = writeln!(out, "    tag type");
            for b in a.branches {
                let _ = writeln!(out, "    case {}: {}", b.name, b.ty.name());
                print_if(out, b.cond, 8);
            }
        }
        Kind::Command(c) => {
            let _ = writeln!(
                out,
                "command {} {} -> {}",
                e.name,
                type_name(c.args),
                type_name(c.ret)
            );
            let _ = writeln!(
                out,
                "    gen={} success_response={} boxed={} oob={} preconfig={}{}",
                py_bool(c.generated),
                py_bool(c.success_response),
                py_bool(c.args_form == ArgsForm::Boxed),
                py_bool(c.allow_oob),
                py_bool(c.allow_preconfig),
                if c.coroutine { " coroutine=True" } else { "" }
            );
        }
        Kind::Event(ev) => {
            let _ = writeln!(out, "event {} {}", e.name, type_name(ev.data));
            let _ = writeln!(out, "    boxed={}", py_bool(ev.boxed));
        }
    }
    print_if(out, e.cond, 4);
    print_features(out, e.features, 4);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pred::Sym;

    #[test]
    fn conditions_print_like_python() {
        static A: Pred = Pred::Sym(Sym::build("A"));
        static B: Pred = Pred::Sym(Sym::build("B"));
        static P: Pred = Pred::Not(&Pred::Any(&[Pred::Not(&A), Pred::Not(&B)]));
        static Q: Pred = Pred::All(&[A, B]);
        assert_eq!(ifcond_text(&A), "A");
        assert_eq!(ifcond_text(&Q), "{'all': ['A', 'B']}");
        assert_eq!(
            ifcond_text(&P),
            "{'not': {'any': [{'not': 'A'}, {'not': 'B'}]}}"
        );
    }
}
