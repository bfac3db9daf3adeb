//! The output visitor: shapes a value the way QEMU's output visitor would
//! for a given type under the `-compat` output policy.
//!
//! Object members come out in schema order (the writer then applies QDict
//! order), and members with `deprecated` or `unstable` features are left
//! out when the policy hides them (`visit_policy_skip`).  Values not
//! described by the type are kept as they are.

use crate::config::{CompatPolicy, Config, OutputPolicy};
use crate::desc::{Entity, Kind, Special, TypeRef};
use crate::value::{Dict, Value};

/// Whether output with these special features is hidden by the policy.
pub fn hidden(special: Special, policy: &CompatPolicy) -> bool {
    (special.deprecated && policy.deprecated_output == OutputPolicy::Hide)
        || (special.unstable && policy.unstable_output == OutputPolicy::Hide)
}

/// Shapes `value` as type `ty` for the configuration `cfg`.
pub fn shape(ty: &'static TypeRef, value: Value, cfg: &Config) -> Value {
    Shaper { cfg }.visit(ty, value)
}

/// Shapes an object value as the object type `e`.
pub fn shape_object(e: &'static Entity, value: Value, cfg: &Config) -> Value {
    match value {
        Value::Dict(d) => Value::Dict(Shaper { cfg }.object(e, d)),
        v => v,
    }
}

/// Whether shaping can change anything: only a hiding policy drops members.
pub fn needs_shaping(policy: &CompatPolicy) -> bool {
    policy.deprecated_output == OutputPolicy::Hide || policy.unstable_output == OutputPolicy::Hide
}

struct Shaper<'c> {
    cfg: &'c Config,
}

impl Shaper<'_> {
    fn visit(&self, ty: &'static TypeRef, value: Value) -> Value {
        match (ty, value) {
            (TypeRef::Array(elem), Value::List(items)) => {
                Value::List(items.into_iter().map(|v| self.visit(elem, v)).collect())
            }
            (TypeRef::Entity(f), v) => {
                let e = f();
                match (&e.kind, v) {
                    (Kind::Struct(_) | Kind::Union(_), Value::Dict(d)) => {
                        Value::Dict(self.object(e, d))
                    }
                    (Kind::Alternate(a), v) => {
                        let q = v.qtype();
                        match a
                            .branches
                            .iter()
                            .find(|b| super::input::alternate_qtype(b.ty) == Some(q))
                        {
                            Some(b) => self.visit(b.ty, v),
                            None => v,
                        }
                    }
                    (_, v) => v,
                }
            }
            (_, v) => v,
        }
    }

    fn object(&self, e: &'static Entity, mut d: Dict) -> Dict {
        let mut out = Dict::with_capacity(d.len());
        self.members(e, &mut d, &mut out);
        // Anything the type does not describe stays, after the members.
        for (k, v) in d {
            out.insert(k, v);
        }
        out
    }

    fn members(&self, e: &'static Entity, d: &mut Dict, out: &mut Dict) {
        for m in e.object_members() {
            let Some(v) = d.remove(m.name) else { continue };
            if !self.cfg.eval(m.cond) || hidden(Special::of(m.features), &self.cfg.compat) {
                continue;
            }
            out.push_unique(m.name, self.visit(m.ty, v));
        }
        if let Kind::Union(u) = &e.kind
            && let Some(Value::Str(tag)) = out.get(u.discriminator)
            && let Some(b) = u.branches.iter().find(|b| b.case == tag.as_str())
            && let Some(be) = b.ty.entity()
        {
            self.members(be, d, out);
        }
    }
}
