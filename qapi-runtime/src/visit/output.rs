//! The output visitor: shapes a value the way QEMU's output visitor would
//! for a given type in a configuration.
//!
//! Object members come out in schema order (the writer then applies QDict
//! order).  What the configuration compiles out never reaches the wire:
//! a member, enum value, union branch or alternate branch whose `if` is
//! false does not exist in QEMU's C types, so a value holding one is left
//! out (an absent member, a missing list element).  Members with
//! `deprecated` or `unstable` features are left out when the `-compat`
//! policy hides them (`visit_policy_skip`).  Values not described by the
//! type are kept as they are.
//!
//! Shaping rebuilds the value, so callers first ask [`needs_shaping`],
//! which answers once per type and configuration whether anything could
//! change (most replies, `query-version`'s say, pass through untouched).

use std::collections::HashMap;

use crate::config::{CompatPolicy, Config, OutputPolicy};
use crate::desc::{Entity, Kind, Special, TypeRef};
use crate::value::{Dict, Value};

/// Whether output with these special features is hidden by the policy.
pub fn hidden(special: Special, policy: &CompatPolicy) -> bool {
    (special.deprecated && policy.deprecated_output == OutputPolicy::Hide)
        || (special.unstable && policy.unstable_output == OutputPolicy::Hide)
}

/// Shapes `value` as type `ty` for the configuration `cfg`; `None` when the
/// value cannot exist in this configuration (an enum value, union branch or
/// alternate branch whose condition is false).
pub fn shape(ty: &'static TypeRef, value: Value, cfg: &Config) -> Option<Value> {
    Shaper { cfg }.visit(ty, value)
}

/// Shapes an object value as the object type `e`.
pub fn shape_object(e: &'static Entity, value: Value, cfg: &Config) -> Value {
    match value {
        Value::Dict(d) => Shaper { cfg }
            .object(e, d)
            .map_or_else(Value::empty_dict, Value::Dict),
        v => v,
    }
}

/// Whether shaping a value of type `ty` can change anything for `cfg`: the
/// policy hides special features, or some member, enum value or branch
/// reachable from `ty` is compiled out.
pub fn needs_shaping(ty: &'static TypeRef, cfg: &Config) -> bool {
    policy_hides(&cfg.compat) || Reach::new(cfg).type_ref(ty)
}

fn policy_hides(policy: &CompatPolicy) -> bool {
    policy.deprecated_output == OutputPolicy::Hide || policy.unstable_output == OutputPolicy::Hide
}

/// Precomputed [`needs_shaping`] answers of a set of types for one
/// configuration (a server builds it once and asks per reply).
#[derive(Debug, Default)]
pub struct ShapingPlan {
    needs: HashMap<&'static str, bool>,
}

impl ShapingPlan {
    /// Answers for every `(key, type)` pair, sharing the walk between them.
    pub fn new(
        types: impl IntoIterator<Item = (&'static str, &'static TypeRef)>,
        cfg: &Config,
    ) -> ShapingPlan {
        let hides = policy_hides(&cfg.compat);
        let mut reach = Reach::new(cfg);
        let needs = types
            .into_iter()
            .map(|(k, t)| (k, hides || reach.type_ref(t)))
            .collect();
        ShapingPlan { needs }
    }

    /// Whether the value under `key` needs shaping (unknown keys do).
    pub fn needs(&self, key: &str) -> bool {
        self.needs.get(key).copied().unwrap_or(true)
    }
}

/// The walk behind [`needs_shaping`]: whether a false condition is
/// reachable from a type, memoised per entity (recursive types included).
struct Reach<'c> {
    cfg: &'c Config,
    memo: HashMap<usize, bool>,
}

impl<'c> Reach<'c> {
    fn new(cfg: &'c Config) -> Self {
        Reach {
            cfg,
            memo: HashMap::new(),
        }
    }

    fn type_ref(&mut self, ty: &'static TypeRef) -> bool {
        match ty {
            TypeRef::Builtin(_) => false,
            TypeRef::Array(elem) => self.type_ref(elem),
            TypeRef::Entity(f) => self.entity(f()),
        }
    }

    fn entity(&mut self, e: &'static Entity) -> bool {
        let key = e as *const Entity as usize;
        if let Some(&b) = self.memo.get(&key) {
            return b;
        }
        // A cycle back to `e` adds nothing: assume false while inside.
        self.memo.insert(key, false);
        let cfg = self.cfg;
        let b = match &e.kind {
            Kind::Enum(en) => en.values.iter().any(|v| !cfg.eval(v.cond)),
            Kind::Struct(_) | Kind::Union(_) => {
                let members = e.object_members();
                members
                    .iter()
                    .any(|m| !cfg.eval(m.cond) || self.type_ref(m.ty))
                    || match &e.kind {
                        Kind::Union(u) => u
                            .branches
                            .iter()
                            .any(|b| !cfg.eval(b.cond) || self.type_ref(b.ty)),
                        _ => false,
                    }
            }
            Kind::Alternate(a) => a
                .branches
                .iter()
                .any(|b| !cfg.eval(b.cond) || self.type_ref(b.ty)),
            Kind::Command(_) | Kind::Event(_) => false,
        };
        self.memo.insert(key, b);
        b
    }
}

struct Shaper<'c> {
    cfg: &'c Config,
}

impl Shaper<'_> {
    fn visit(&self, ty: &'static TypeRef, value: Value) -> Option<Value> {
        match (ty, value) {
            (TypeRef::Array(elem), Value::List(items)) => Some(Value::List(
                items
                    .into_iter()
                    .filter_map(|v| self.visit(elem, v))
                    .collect(),
            )),
            (TypeRef::Entity(f), v) => {
                let e = f();
                match (&e.kind, v) {
                    (Kind::Struct(_) | Kind::Union(_), Value::Dict(d)) => {
                        self.object(e, d).map(Value::Dict)
                    }
                    (Kind::Enum(en), Value::Str(s)) => {
                        match en.values.iter().find(|ev| ev.name == s) {
                            Some(ev) if !self.cfg.eval(ev.cond) => None,
                            _ => Some(Value::Str(s)),
                        }
                    }
                    (Kind::Alternate(a), v) => {
                        let q = v.qtype();
                        match a
                            .branches
                            .iter()
                            .find(|b| super::input::alternate_qtype(b.ty) == Some(q))
                        {
                            Some(b) if !self.cfg.eval(b.cond) => None,
                            Some(b) => self.visit(b.ty, v),
                            None => Some(v),
                        }
                    }
                    (_, v) => Some(v),
                }
            }
            (_, v) => Some(v),
        }
    }

    /// The object's members; `None` when a required member (its union tag,
    /// say) holds a value this configuration does not have.
    fn object(&self, e: &'static Entity, mut d: Dict) -> Option<Dict> {
        let mut out = Dict::with_capacity(d.len());
        self.members(e, &mut d, &mut out)?;
        // Anything the type does not describe stays, after the members.
        for (k, v) in d {
            out.insert(k, v);
        }
        Some(out)
    }

    fn members(&self, e: &'static Entity, d: &mut Dict, out: &mut Dict) -> Option<()> {
        for m in e.object_members() {
            let Some(v) = d.remove(m.name) else { continue };
            if !self.cfg.eval(m.cond) || hidden(Special::of(m.features), &self.cfg.compat) {
                continue;
            }
            match self.visit(m.ty, v) {
                Some(v) => out.push_unique(m.name, v),
                // A required member (a union's tag, say) that cannot exist:
                // neither can the object.
                None if !m.optional => return None,
                None => {}
            }
        }
        if let Kind::Union(u) = &e.kind
            && let Some(Value::Str(tag)) = out.get(u.discriminator)
            && let Some(b) = u.branches.iter().find(|b| b.case == tag.as_str())
            && let Some(be) = b.ty.entity()
        {
            if self.cfg.eval(b.cond) {
                self.members(be, d, out)?;
            } else {
                // A compiled-out branch has no members: drop what it would hold.
                for m in be.object_members() {
                    d.remove(m.name);
                }
            }
        }
        Some(())
    }
}
