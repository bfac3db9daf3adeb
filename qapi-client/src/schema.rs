//! Target awareness: the server's target and `query-qmp-schema`, matched
//! against the compiled definitions.
//!
//! Introspection hides type names behind numbers, so the definitions' types
//! are paired with the server's by walking both from the commands and
//! events they share: a command's argument and return types, then members
//! by name, union variants by case, array elements and alternate branches
//! by JSON type.  Questions about a type (does `BlockInfo` have member
//! `inserted` here? does `RunState` have value `suspended`?) are then
//! answered from the server's entry for it.

use std::collections::{HashMap, VecDeque};

use qapi_runtime::desc::{Builtin, Entity, Kind, TypeRef};
use qapi_runtime::registry::QAPI_PROGRAMS;
use qapi_runtime::visit::input::alternate_qtype;
use qapi_runtime::{Command, Event, QType, QapiEnum, QapiType, Registry, Value};

use crate::error::QmpError;

/// What a client knows of the server it talks to.
#[derive(Debug)]
pub struct ServerInfo {
    /// `query-target`'s `arch`.
    pub arch: String,
    /// `query-qmp-schema` as received, in order.
    pub schema: Vec<Value>,
    by_name: HashMap<String, usize>,
    /// The definitions' type names (`BlockInfo`, `StrList`) to the
    /// server's entry names (`123`, `[123]`, `str`).
    paired: HashMap<String, String>,
}

fn entry_str<'a>(e: &'a Value, key: &str) -> Option<&'a str> {
    e.as_dict()?.get(key)?.as_str()
}

fn entry_list<'a>(e: &'a Value, key: &str) -> &'a [Value] {
    match e.as_dict().and_then(|d| d.get(key)) {
        Some(Value::List(l)) => l,
        _ => &[],
    }
}

impl ServerInfo {
    /// From the replies of `query-target` and `query-qmp-schema`.
    pub fn new(target: Value, schema: Value) -> Result<ServerInfo, QmpError> {
        let arch = entry_str(&target, "arch")
            .ok_or_else(|| QmpError::Protocol("query-target without 'arch'".into()))?
            .to_owned();
        let Value::List(schema) = schema else {
            return Err(QmpError::Protocol(
                "query-qmp-schema did not return a list".into(),
            ));
        };
        let by_name = schema
            .iter()
            .enumerate()
            .filter_map(|(i, e)| Some((entry_str(e, "name")?.to_owned(), i)))
            .collect();
        let mut info = ServerInfo {
            arch,
            schema,
            by_name,
            paired: HashMap::new(),
        };
        // The definitions of every program linked in (a client does not
        // know which one the server is): each pairs what it has.
        for program in QAPI_PROGRAMS.iter() {
            if let Ok(reg) = Registry::of(program) {
                info.pair_all(reg);
            }
        }
        Ok(info)
    }

    /// The server's entry named `name` (a command, event or type number).
    pub fn entry(&self, name: &str) -> Option<&Value> {
        self.by_name.get(name).map(|&i| &self.schema[i])
    }

    fn meta(&self, name: &str) -> Option<&str> {
        entry_str(self.entry(name)?, "meta-type")
    }

    /// Whether the server has command `C`.
    pub fn supports<C: Command>(&self) -> bool {
        self.meta(C::NAME) == Some("command")
    }

    /// Whether the server has event `E`.
    pub fn supports_event<E: Event>(&self) -> bool {
        self.meta(E::NAME) == Some("event")
    }

    /// Whether command `C` takes argument `name` on this server.
    pub fn supports_argument<C: Command>(&self, name: &str) -> bool {
        self.entry(C::NAME)
            .and_then(|c| entry_str(c, "arg-type"))
            .and_then(|t| self.entry(t))
            .is_some_and(|t| has_named(entry_list(t, "members"), name))
    }

    /// The server's entry for the definitions' type `T`, when some command
    /// or event of the server reaches it.
    pub fn type_entry<T: QapiType>(&self) -> Option<&Value> {
        self.entry(self.paired.get(&T::TYPE.name())?)
    }

    /// Whether object type `T` has member `name` on this server (`None`:
    /// the server's schema does not reach `T`).
    pub fn has_member<T: QapiType>(&self, name: &str) -> Option<bool> {
        let e = self.type_entry::<T>()?;
        Some(
            has_named(entry_list(e, "members"), name)
                || entry_list(e, "variants").iter().any(|v| {
                    entry_str(v, "type")
                        .and_then(|t| self.entry(t))
                        .is_some_and(|t| has_named(entry_list(t, "members"), name))
                }),
        )
    }

    /// Whether enum `E` has `value` on this server (`None`: the server's
    /// schema does not reach `E`).
    pub fn has_enum_value<E: QapiEnum>(&self, value: E) -> Option<bool> {
        let e = self.type_entry::<E>()?;
        Some(
            entry_list(e, "values")
                .iter()
                .any(|v| v.as_str() == Some(value.as_str())),
        )
    }

    fn pair_all(&mut self, reg: &Registry) {
        let mut queue: VecDeque<(&'static TypeRef, String)> = VecDeque::new();
        for e in &self.schema {
            let (Some(name), Some(meta)) = (entry_str(e, "name"), entry_str(e, "meta-type")) else {
                continue;
            };
            let Some(ours) = reg.get(name) else { continue };
            let (args, ret) = match (&ours.kind, meta) {
                (Kind::Command(c), "command") => (c.args, c.ret),
                (Kind::Event(ev), "event") => (ev.data, None),
                _ => continue,
            };
            if let (Some(a), Some(t)) = (args, entry_str(e, "arg-type")) {
                queue.push_back((a, t.to_owned()));
            }
            if let (Some(r), Some(t)) = (ret, entry_str(e, "ret-type")) {
                queue.push_back((r, t.to_owned()));
            }
        }
        while let Some((ours, theirs)) = queue.pop_front() {
            let key = ours.name();
            if self.paired.contains_key(&key) {
                continue;
            }
            let Some(entry) = self.entry(&theirs) else {
                continue;
            };
            let mut next = Vec::new();
            match ours {
                TypeRef::Builtin(_) => {}
                TypeRef::Array(elem) => {
                    if let Some(t) = entry_str(entry, "element-type") {
                        next.push((*elem, t.to_owned()));
                    }
                }
                TypeRef::Entity(f) => pair_entity(f(), entry, self, &mut next),
            }
            self.paired.insert(key, theirs);
            queue.extend(next);
        }
    }
}

fn has_named(list: &[Value], name: &str) -> bool {
    list.iter().any(|m| entry_str(m, "name") == Some(name))
}

fn pair_entity(
    e: &'static Entity,
    entry: &Value,
    info: &ServerInfo,
    next: &mut Vec<(&'static TypeRef, String)>,
) {
    match &e.kind {
        Kind::Struct(_) | Kind::Union(_) => {
            let members = e.object_members();
            for m in entry_list(entry, "members") {
                if let (Some(n), Some(t)) = (entry_str(m, "name"), entry_str(m, "type"))
                    && let Some(ours) = members.iter().find(|o| o.name == n)
                {
                    next.push((ours.ty, t.to_owned()));
                }
            }
            if let Kind::Union(u) = &e.kind {
                for v in entry_list(entry, "variants") {
                    if let (Some(c), Some(t)) = (entry_str(v, "case"), entry_str(v, "type"))
                        && let Some(b) = u.branches.iter().find(|b| b.case == c)
                    {
                        next.push((b.ty, t.to_owned()));
                    }
                }
            }
        }
        Kind::Alternate(a) => {
            for m in entry_list(entry, "members") {
                let Some(t) = entry_str(m, "type") else {
                    continue;
                };
                let q = info.entry(t).and_then(entry_qtype);
                if let Some(b) = a.branches.iter().find(|b| alternate_qtype(b.ty) == q) {
                    next.push((b.ty, t.to_owned()));
                }
            }
        }
        _ => {}
    }
}

/// The JSON type of values of a server entry, as alternates dispatch on it.
fn entry_qtype(e: &Value) -> Option<QType> {
    Some(match entry_str(e, "meta-type")? {
        "builtin" => match entry_str(e, "json-type")? {
            "string" => QType::QString,
            "boolean" => QType::QBool,
            "null" => QType::QNull,
            "int" | "number" => QType::QNum,
            _ => return None,
        },
        "enum" => QType::QString,
        "object" => QType::QDict,
        "array" => QType::QList,
        _ => return None,
    })
}

/// Differences between two `query-qmp-schema` lists, by name: entries only
/// in `ours`, only in `theirs`, and entries that differ (member order of
/// objects ignored, as QMP does not promise it).  Numbered types are named
/// by a path from a command or event (`query-block.ret[].inserted`).
pub fn diff(ours: &[Value], theirs: &[Value]) -> Vec<String> {
    let index = |l: &[Value]| -> HashMap<String, Value> {
        l.iter()
            .filter_map(|e| Some((entry_str(e, "name")?.to_owned(), e.clone())))
            .collect()
    };
    let (a, b) = (index(ours), index(theirs));
    let mut labels = paths(theirs);
    for (k, v) in paths(ours) {
        labels.entry(k).or_insert(v);
    }
    let label = |n: &str| match labels.get(n) {
        Some(p) if p != n => format!("{n} ({p})"),
        _ => n.to_owned(),
    };
    let mut out = Vec::new();
    for e in ours {
        let Some(n) = entry_str(e, "name") else {
            continue;
        };
        match b.get(n) {
            None => out.push(format!("only in the definitions: {}", label(n))),
            Some(t) if !same(e, t) => out.push(format!(
                "differs: {}\n  definitions: {e}\n  server:      {t}",
                label(n)
            )),
            Some(_) => {}
        }
    }
    for e in theirs {
        let Some(n) = entry_str(e, "name") else {
            continue;
        };
        if !a.contains_key(n) {
            out.push(format!("only on the server: {}: {e}", label(n)));
        }
    }
    if out.is_empty() && ours.len() != theirs.len() {
        out.push(format!(
            "{} entries in the definitions, {} on the server",
            ours.len(),
            theirs.len()
        ));
    }
    out
}

/// JSON equality with objects compared as maps.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Dict(x), Value::Dict(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        (Value::List(x), Value::List(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(v, w)| same(v, w))
        }
        _ => a == b,
    }
}

/// A readable path to each numbered entry, from the commands and events.
fn paths(schema: &[Value]) -> HashMap<String, String> {
    let by_name: HashMap<&str, &Value> = schema
        .iter()
        .filter_map(|e| Some((entry_str(e, "name")?, e)))
        .collect();
    let mut out: HashMap<String, String> = HashMap::new();
    let mut queue: VecDeque<(String, String)> = VecDeque::new();
    for e in schema {
        let Some(n) = entry_str(e, "name") else {
            continue;
        };
        match entry_str(e, "meta-type") {
            Some("command") => {
                if let Some(t) = entry_str(e, "arg-type") {
                    queue.push_back((t.to_owned(), format!("{n}.arg")));
                }
                if let Some(t) = entry_str(e, "ret-type") {
                    queue.push_back((t.to_owned(), format!("{n}.ret")));
                }
            }
            Some("event") => {
                if let Some(t) = entry_str(e, "arg-type") {
                    queue.push_back((t.to_owned(), format!("{n}.data")));
                }
            }
            _ => {}
        }
    }
    while let Some((t, path)) = queue.pop_front() {
        if out.contains_key(&t) || Builtin::ALL.iter().any(|b| b.name() == t) {
            continue;
        }
        let Some(e) = by_name.get(t.as_str()) else {
            continue;
        };
        for m in entry_list(e, "members") {
            if let Some(mt) = entry_str(m, "type") {
                let sub = match entry_str(m, "name") {
                    Some(mn) => format!("{path}.{mn}"),
                    None => format!("{path}|{mt}"),
                };
                queue.push_back((mt.to_owned(), sub));
            }
        }
        for v in entry_list(e, "variants") {
            if let (Some(c), Some(vt)) = (entry_str(v, "case"), entry_str(v, "type")) {
                queue.push_back((vt.to_owned(), format!("{path}({c})")));
            }
        }
        if let Some(et) = entry_str(e, "element-type") {
            queue.push_back((et.to_owned(), format!("{path}[]")));
        }
        out.insert(t, path);
    }
    out
}
