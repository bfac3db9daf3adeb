//! `query-qmp-schema`: introspection computed from the registry with QEMU's
//! algorithm (`scripts/qapi/introspect.py`).
//!
//! QEMU numbers the types once, over the whole schema with every condition
//! taken as true, and then compiles the result per target with the `#if`s
//! of each item.  [`Schema::compute`] does the first part once per registry;
//! [`Schema::resolve`] does the second for a [`Config`]: it keeps exactly the
//! items whose own condition holds, so each target shows gaps in the
//! numbering and keeps orphan types, as QEMU's binaries do.
//!
//! The result is the list QEMU builds from its `QLitObject`; the
//! `query-qmp-schema` command then passes it through the output visitor
//! (with the `SchemaInfo` descriptor) like any other return value.

use std::collections::HashMap;

use crate::builtin::Q_EMPTY;
use crate::config::{Config, OutputPolicy};
use crate::desc::{Builtin, Entity, Feature, Kind, TypeRef};
use crate::pred::Cond;
use crate::registry::Registry;
use crate::value::{Dict, Value};

/// A SchemaInfo tree with the conditions of its items, before evaluation.
#[derive(Clone, Debug)]
enum Node {
    Str(String),
    True,
    Null,
    /// A list whose items each have their own condition.
    List(Vec<(Cond, Node)>),
    /// An object; keys are never conditional.
    Dict(Vec<(&'static str, Node)>),
}

impl Node {
    fn resolve(&self, cfg: &Config) -> Value {
        match self {
            Node::Str(s) => Value::Str(s.clone()),
            Node::True => Value::Bool(true),
            Node::Null => Value::Null,
            Node::List(items) => Value::List(
                items
                    .iter()
                    .filter(|(c, _)| cfg.eval(*c))
                    .map(|(_, n)| n.resolve(cfg))
                    .collect(),
            ),
            Node::Dict(entries) => {
                let mut d = Dict::with_capacity(entries.len());
                for (k, n) in entries {
                    d.push_unique(*k, n.resolve(cfg));
                }
                Value::Dict(d)
            }
        }
    }
}

/// A type as introspection tracks it in its work queue.
#[derive(Clone, Copy)]
enum Used {
    Builtin(Builtin),
    Array(&'static TypeRef),
    Entity(&'static Entity),
}

static INT: TypeRef = TypeRef::Builtin(Builtin::Int);

/// The introspection of a registry, numbered and ordered, conditions pending.
pub struct Schema {
    entries: Vec<(Cond, Node)>,
}

struct Builder {
    queue: Vec<Used>,
    queued: HashMap<String, ()>,
    numbers: HashMap<String, String>,
    entries: Vec<(Cond, Node)>,
}

impl Builder {
    fn number(&mut self, name: &str) -> String {
        let n = self.numbers.len();
        self.numbers
            .entry(name.to_owned())
            .or_insert_with(|| n.to_string())
            .clone()
    }

    /// `_use_type`: queue the type if new and return its introspection name.
    fn use_type(&mut self, t: &'static TypeRef) -> String {
        // Every integer type is shown as `int`, every array of them as `[int]`.
        let t: &'static TypeRef = match t {
            TypeRef::Builtin(b) if b.is_int() => &INT,
            TypeRef::Array(TypeRef::Builtin(b)) if b.is_int() => {
                static INT_LIST: TypeRef = TypeRef::Array(&INT);
                &INT_LIST
            }
            _ => t,
        };
        let used = match t {
            TypeRef::Builtin(b) => Used::Builtin(*b),
            TypeRef::Array(e) => Used::Array(e),
            TypeRef::Entity(f) => Used::Entity(f()),
        };
        if let std::collections::hash_map::Entry::Vacant(slot) = self.queued.entry(t.name()) {
            slot.insert(());
            self.queue.push(used);
        }
        match used {
            Used::Builtin(b) => b.name().to_owned(),
            Used::Array(e) => format!("[{}]", self.use_type(e)),
            Used::Entity(e) => self.number(e.name),
        }
    }

    fn features(features: &'static [Feature]) -> Node {
        Node::List(
            features
                .iter()
                .map(|f| (f.cond, Node::Str(f.name.to_owned())))
                .collect(),
        )
    }

    /// `_gen_tree`: variant-specific members first, then name, meta-type,
    /// and features if the definition declares any.
    fn tree(
        &mut self,
        name: String,
        meta: &'static str,
        mut obj: Vec<(&'static str, Node)>,
        cond: Cond,
        features: &'static [Feature],
    ) {
        obj.push(("name", Node::Str(name)));
        obj.push(("meta-type", Node::Str(meta.to_owned())));
        if !features.is_empty() {
            obj.push(("features", Self::features(features)));
        }
        self.entries.push((cond, Node::Dict(obj)));
    }

    fn command(&mut self, e: &'static Entity) {
        let Kind::Command(c) = &e.kind else { return };
        let arg = self.use_type(c.args.unwrap_or(&Q_EMPTY_REF));
        let ret = self.use_type(c.ret.unwrap_or(&Q_EMPTY_REF));
        let mut obj = vec![("arg-type", Node::Str(arg)), ("ret-type", Node::Str(ret))];
        if c.allow_oob {
            obj.push(("allow-oob", Node::True));
        }
        self.tree(e.name.to_owned(), "command", obj, e.cond, e.features);
    }

    fn event(&mut self, e: &'static Entity) {
        let Kind::Event(ev) = &e.kind else { return };
        let arg = self.use_type(ev.data.unwrap_or(&Q_EMPTY_REF));
        self.tree(
            e.name.to_owned(),
            "event",
            vec![("arg-type", Node::Str(arg))],
            e.cond,
            e.features,
        );
    }

    fn type_entry(&mut self, used: Used) {
        match used {
            Used::Builtin(b) => {
                let obj = vec![("json-type", Node::Str(b.json_type().to_owned()))];
                self.tree(b.name().to_owned(), "builtin", obj, None, &[]);
            }
            Used::Array(elem) => {
                let name = self.use_type(elem);
                let obj = vec![("element-type", Node::Str(name.clone()))];
                self.tree(format!("[{name}]"), "array", obj, elem.cond(), &[]);
            }
            Used::Entity(e) => self.entity_entry(e),
        }
    }

    fn entity_entry(&mut self, e: &'static Entity) {
        let name = self.number(e.name);
        match &e.kind {
            Kind::Enum(en) => {
                let members = en
                    .values
                    .iter()
                    .map(|v| {
                        let mut m = vec![("name", Node::Str(v.name.to_owned()))];
                        if !v.features.is_empty() {
                            m.push(("features", Self::features(v.features)));
                        }
                        (v.cond, Node::Dict(m))
                    })
                    .collect();
                let values = en
                    .values
                    .iter()
                    .map(|v| (v.cond, Node::Str(v.name.to_owned())))
                    .collect();
                let obj = vec![
                    ("members", Node::List(members)),
                    ("values", Node::List(values)),
                ];
                self.tree(name, "enum", obj, e.cond, e.features);
            }
            Kind::Struct(_) | Kind::Union(_) => {
                let mut members = Vec::new();
                for m in e.object_members() {
                    let mut obj = vec![
                        ("name", Node::Str(m.name.to_owned())),
                        ("type", Node::Str(self.use_type(m.ty))),
                    ];
                    if m.optional {
                        obj.push(("default", Node::Null));
                    }
                    if !m.features.is_empty() {
                        obj.push(("features", Self::features(m.features)));
                    }
                    members.push((m.cond, Node::Dict(obj)));
                }
                let mut obj = vec![("members", Node::List(members))];
                if let Kind::Union(u) = &e.kind {
                    let variants = e
                        .union_branches()
                        .iter()
                        .map(|b| {
                            let ty = self.use_type(b.ty.unwrap_or(&Q_EMPTY_REF));
                            let v = vec![
                                ("case", Node::Str(b.case.to_owned())),
                                ("type", Node::Str(ty)),
                            ];
                            (b.cond, Node::Dict(v))
                        })
                        .collect();
                    obj.push(("tag", Node::Str(u.discriminator.to_owned())));
                    obj.push(("variants", Node::List(variants)));
                }
                self.tree(name, "object", obj, e.cond, e.features);
            }
            Kind::Alternate(a) => {
                let members = a
                    .branches
                    .iter()
                    .map(|b| {
                        (
                            b.cond,
                            Node::Dict(vec![("type", Node::Str(self.use_type(b.ty)))]),
                        )
                    })
                    .collect();
                self.tree(
                    name,
                    "alternate",
                    vec![("members", Node::List(members))],
                    e.cond,
                    e.features,
                );
            }
            Kind::Command(_) | Kind::Event(_) => {}
        }
    }
}

static Q_EMPTY_REF: TypeRef = TypeRef::Entity(|| &Q_EMPTY);

impl Schema {
    /// Numbers and orders the whole registry (conditions ignored).
    pub fn compute(reg: &Registry) -> Schema {
        let mut b = Builder {
            queue: Vec::new(),
            queued: HashMap::new(),
            numbers: HashMap::new(),
            entries: Vec::new(),
        };
        // Pass 1: commands and events in module and source order.
        for e in reg.entities() {
            match e.kind {
                Kind::Command(_) => b.command(e),
                Kind::Event(_) => b.event(e),
                _ => {}
            }
        }
        // Pass 2: the types they use, as the work queue grows.
        let mut i = 0;
        while i < b.queue.len() {
            let used = b.queue[i];
            b.type_entry(used);
            i += 1;
        }
        Schema { entries: b.entries }
    }

    /// The SchemaInfo list of one configuration: every entry and item whose
    /// own condition holds.
    pub fn resolve(&self, cfg: &Config) -> Vec<Value> {
        self.entries
            .iter()
            .filter(|(c, _)| cfg.eval(*c))
            .map(|(_, n)| n.resolve(cfg))
            .collect()
    }
}

/// The return value of `query-qmp-schema` for a configuration: the
/// SchemaInfo list passed through the output visitor as type
/// [`SchemaInfo`](crate::protocol::SchemaInfo)
/// (which hides `SchemaInfoEnum.values` under `deprecated-output=hide`),
/// and, under that policy, without deprecated entries and members
/// (`qmp_query_qmp_schema`'s `zap_deprecated`).
pub fn query_qmp_schema(schema: &Schema, cfg: &Config) -> Value {
    let hide = cfg.compat.deprecated_output == OutputPolicy::Hide;
    let mut out = Vec::new();
    for entry in schema.resolve(cfg) {
        if hide && has_feature(&entry, "deprecated") {
            continue;
        }
        let entry = match (hide, entry) {
            (true, Value::Dict(mut d)) if d.get("meta-type") == Some(&Value::from("object")) => {
                if let Some(Value::List(members)) = d.get_mut("members") {
                    members.retain(|m| !has_feature(m, "deprecated"));
                }
                Value::Dict(d)
            }
            (_, e) => e,
        };
        out.push(crate::visit::output::shape_object(
            crate::protocol::SCHEMA_INFO,
            entry,
            cfg,
        ));
    }
    Value::List(out)
}

fn has_feature(v: &Value, name: &str) -> bool {
    matches!(v.as_dict().and_then(|d| d.get("features")),
        Some(Value::List(fs)) if fs.iter().any(|f| f.as_str() == Some(name)))
}
