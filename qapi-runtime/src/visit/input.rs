//! The input visitor: checks a request's arguments against a descriptor
//! exactly as QEMU's generated visitors and `qobject-input-visitor.c` do.
//!
//! It walks the value in schema order, so the first error reported is the
//! one QEMU reports, with QEMU's message and path.  It also normalises what
//! QEMU's C types would normalise (negative `uint64` wraps, integers given
//! for `number` become doubles), so the checked [`Value`] converts to the
//! Rust types without further checks.
//!
//! Conditions are evaluated against the [`Config`]: a member, enum value or
//! branch whose condition is false does not exist for this binary.  Without
//! a configuration (plain serde use) every condition counts as true.
//!
//! [`read_value`] is the tolerant mode a client reads replies and events
//! with, following QEMU's compatibility promises (members may be added to
//! returns and events, values to enums, conditional members may be absent):
//! unknown members are left out, an unknown enum value leaves out the
//! nearest optional member or list element that holds it, and both are
//! reported as [`Unknown`]s instead of failing.  Requests stay exact.

use crate::config::{CompatPolicy, Config};
use crate::desc::{Builtin, Entity, Feature, Kind, Special, TypeRef};
use crate::error::{Error, ErrorClass};
use crate::pred::Cond;
use crate::value::{Dict, QType, Value};

use super::{leftover, policy_input_ok};

/// Checks a command's `arguments` against its argument type (`None`: the
/// command takes no arguments, so any key is unexpected).
pub fn check_arguments(
    args_type: Option<&'static TypeRef>,
    args: Dict,
    cfg: Option<&Config>,
) -> Result<Dict, Error> {
    let mut v = Visitor::new(cfg);
    // The marshaller visits the arguments as the members of an anonymous
    // top-level struct, then checks for leftovers.
    let mut pending = Pending::new(args);
    let mut out = Dict::new();
    v.stack.push(Frame::Dict(None));
    if let Some(e) = args_type.and_then(TypeRef::entity) {
        v.object_members(e, &mut pending, &mut out)?;
    }
    v.check_leftover(&mut pending)?;
    Ok(out)
}

/// Checks a whole value against a type; the root has no name, as in
/// `visit_type_X(v, NULL, ...)`.  Used by `Deserialize`.
pub fn check_value(
    ty: &'static TypeRef,
    value: Value,
    cfg: Option<&Config>,
) -> Result<Value, Error> {
    Visitor::new(cfg).visit(ty, None, Some(value))
}

/// Reads a value a server sent as type `ty`, tolerantly (see the module
/// documentation): the value the Rust types can hold, and what was left out.
/// Fails only when the value does not have the type's shape, or when an
/// unknown enum value sits where nothing can be left out.
pub fn read_value(ty: &'static TypeRef, value: Value) -> Result<(Value, Vec<Unknown>), Error> {
    let mut v = Visitor::new(None);
    v.tolerant = Some(Vec::new());
    let out = v.visit(ty, None, Some(value))?;
    if v.unrepresentable {
        let first = v
            .tolerant
            .as_ref()
            .and_then(|u| u.iter().rev().find(|u| u.kind != UnknownKind::Member));
        return Err(Error::generic(match first {
            Some(u) => format!("Unknown value {} at '{}'", u.value, u.path),
            None => "Unknown value".to_owned(),
        }));
    }
    Ok((out, v.tolerant.unwrap_or_default()))
}

/// Something a tolerant read left out.
#[derive(Clone, Debug, PartialEq)]
pub struct Unknown {
    /// Where it was, as QEMU names paths (`info.vcpus[0].state`).
    pub path: String,
    pub kind: UnknownKind,
    /// What it held.
    pub value: Value,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnknownKind {
    /// A member the definitions do not have.
    Member,
    /// An enum value the definitions do not have.
    EnumValue,
    /// A value no branch of an alternate takes.
    AlternateValue,
}

/// A container being visited, for error paths (QEMU's `StackObject`): a
/// dictionary with its name in the parent, or a list with its name and the
/// index of the element being visited.
enum Frame {
    Dict(Option<String>),
    List(Option<String>, usize),
}

/// The keys of a dictionary, in insertion order, with the values not
/// consumed yet, and the order in which keys were consumed (QEMU removes
/// them from its hash table in that order, which decides what is left).
struct Pending {
    entries: Vec<(String, Option<Value>)>,
    consumed: Vec<usize>,
}

impl Pending {
    fn new(d: Dict) -> Self {
        Pending {
            entries: d
                .into_entries()
                .into_iter()
                .map(|(k, v)| (k, Some(v)))
                .collect(),
            consumed: Vec::new(),
        }
    }

    fn has(&self, key: &str) -> bool {
        self.entries.iter().any(|(k, v)| k == key && v.is_some())
    }

    fn take(&mut self, key: &str) -> Option<Value> {
        let i = self
            .entries
            .iter()
            .position(|(k, v)| k == key && v.is_some())?;
        self.consumed.push(i);
        self.entries[i].1.take()
    }
}

struct Visitor<'c> {
    cfg: Option<&'c Config>,
    policy: CompatPolicy,
    stack: Vec<Frame>,
    /// Tolerant mode: what was left out so far.
    tolerant: Option<Vec<Unknown>>,
    /// Tolerant mode: the value just visited cannot be held (an unknown
    /// enum value); the nearest optional member or list element drops it.
    unrepresentable: bool,
}

impl<'c> Visitor<'c> {
    fn new(cfg: Option<&'c Config>) -> Self {
        Visitor {
            cfg,
            policy: cfg.map(|c| c.compat).unwrap_or_default(),
            stack: Vec::new(),
            tolerant: None,
            unrepresentable: false,
        }
    }

    /// Tolerant mode: records what is left out and marks the value as
    /// unrepresentable when it is a value (not a member).
    fn left_out(&mut self, name: Option<&str>, kind: UnknownKind, value: Value) -> Value {
        let path = self.full_name(name);
        if let Some(u) = self.tolerant.as_mut() {
            u.push(Unknown { path, kind, value });
        }
        if kind != UnknownKind::Member {
            self.unrepresentable = true;
        }
        Value::Null
    }

    fn holds(&self, cond: Cond) -> bool {
        self.cfg.is_none_or(|c| c.eval(cond))
    }

    /// QEMU's `full_name_nth(qiv, name, 0)`: the path of the value named
    /// `name` in the innermost container.
    fn full_name(&self, name: Option<&str>) -> String {
        let mut s = String::new();
        let mut name: Option<&str> = name;
        for f in self.stack.iter().rev() {
            match f {
                Frame::Dict(own) => {
                    s.insert_str(0, name.unwrap_or("<anonymous>"));
                    s.insert(0, '.');
                    name = own.as_deref();
                }
                Frame::List(own, index) => {
                    s.insert_str(0, &format!("[{index}]"));
                    name = own.as_deref();
                }
            }
        }
        if let Some(n) = name {
            s.insert_str(0, n);
        } else if s.starts_with('.') {
            s.remove(0);
        } else if s.is_empty() {
            return "<anonymous>".to_owned();
        }
        s
    }

    fn missing(&self, name: Option<&str>) -> Error {
        Error::generic(format!("Parameter '{}' is missing", self.full_name(name)))
    }

    fn invalid_type(&self, name: Option<&str>, expected: &str) -> Error {
        Error::generic(format!(
            "Invalid parameter type for '{}', expected: {expected}",
            self.full_name(name)
        ))
    }

    /// Visits `value` (`None`: absent) named `name` as type `ty`.
    fn visit(
        &mut self,
        ty: &'static TypeRef,
        name: Option<&str>,
        value: Option<Value>,
    ) -> Result<Value, Error> {
        match ty {
            TypeRef::Builtin(b) => self.builtin(*b, name, value),
            TypeRef::Array(elem) => self.list(elem, name, value),
            TypeRef::Entity(f) => {
                let e = f();
                match &e.kind {
                    Kind::Enum(_) => self.enumeration(e, name, value),
                    Kind::Struct(_) | Kind::Union(_) => self.object(e, name, value),
                    Kind::Alternate(_) => self.alternate(e, name, value),
                    Kind::Command(_) | Kind::Event(_) => {
                        Err(Error::generic(format!("'{}' is not a type", e.name)))
                    }
                }
            }
        }
    }

    fn builtin(
        &mut self,
        b: Builtin,
        name: Option<&str>,
        value: Option<Value>,
    ) -> Result<Value, Error> {
        let v = value.ok_or_else(|| self.missing(name))?;
        let bare = name.unwrap_or("null");
        Ok(match b {
            Builtin::Str => match v {
                Value::Str(_) => v,
                _ => return Err(self.invalid_type(name, "string")),
            },
            Builtin::Number => match v.as_f64() {
                Some(d) => Value::Double(d),
                None => return Err(self.invalid_type(name, "number")),
            },
            Builtin::Int | Builtin::Int64 | Builtin::Int8 | Builtin::Int16 | Builtin::Int32 => {
                let Some(i) = v.as_i64() else {
                    return Err(self.invalid_type(name, "integer"));
                };
                let (lo, hi, cname) = match b {
                    Builtin::Int8 => (i8::MIN as i64, i8::MAX as i64, "int8_t"),
                    Builtin::Int16 => (i16::MIN as i64, i16::MAX as i64, "int16_t"),
                    Builtin::Int32 => (i32::MIN as i64, i32::MAX as i64, "int32_t"),
                    _ => (i64::MIN, i64::MAX, "int64_t"),
                };
                if i < lo || i > hi {
                    return Err(Error::generic(format!(
                        "Parameter '{bare}' expects {cname}"
                    )));
                }
                Value::Int(i)
            }
            Builtin::Uint8
            | Builtin::Uint16
            | Builtin::Uint32
            | Builtin::Uint64
            | Builtin::Size => {
                // Negative integers are accepted and wrap, for backward
                // compatibility (qobject_input_type_uint64).
                let Some(u) = v.as_u64().or_else(|| v.as_i64().map(|i| i as u64)) else {
                    return Err(Error::generic(format!(
                        "Parameter '{}' expects uint64",
                        self.full_name(name)
                    )));
                };
                let (hi, cname) = match b {
                    Builtin::Uint8 => (u8::MAX as u64, "uint8_t"),
                    Builtin::Uint16 => (u16::MAX as u64, "uint16_t"),
                    Builtin::Uint32 => (u32::MAX as u64, "uint32_t"),
                    _ => (u64::MAX, "uint64_t"),
                };
                if u > hi {
                    return Err(Error::generic(format!(
                        "Parameter '{bare}' expects {cname}"
                    )));
                }
                Value::from(u)
            }
            Builtin::Bool => match v {
                Value::Bool(_) => v,
                _ => return Err(self.invalid_type(name, "boolean")),
            },
            Builtin::Null => match v {
                Value::Null => v,
                _ => return Err(self.invalid_type(name, "null")),
            },
            Builtin::Any => v,
        })
    }

    fn enumeration(
        &mut self,
        e: &'static Entity,
        name: Option<&str>,
        value: Option<Value>,
    ) -> Result<Value, Error> {
        let v = value.ok_or_else(|| self.missing(name))?;
        let Value::Str(s) = &v else {
            return Err(self.invalid_type(name, "string"));
        };
        let values = match &e.kind {
            Kind::Enum(en) => en.values,
            _ => &[],
        };
        let Some(found) = values.iter().find(|ev| ev.name == s && self.holds(ev.cond)) else {
            if self.tolerant.is_some() {
                return Ok(self.left_out(name, UnknownKind::EnumValue, v));
            }
            return Err(Error::generic(format!(
                "Parameter '{}' does not accept value '{s}'",
                name.unwrap_or("null")
            )));
        };
        self.policy(found.features, ErrorClass::GenericError, "value", s)?;
        Ok(v)
    }

    fn list(
        &mut self,
        elem: &'static TypeRef,
        name: Option<&str>,
        value: Option<Value>,
    ) -> Result<Value, Error> {
        let v = value.ok_or_else(|| self.missing(name))?;
        let Value::List(items) = v else {
            return Err(self.invalid_type(name, "array"));
        };
        self.stack.push(Frame::List(name.map(str::to_owned), 0));
        let mut out = Vec::with_capacity(items.len());
        let mut result = Ok(());
        for (i, item) in items.into_iter().enumerate() {
            if let Some(Frame::List(_, index)) = self.stack.last_mut() {
                *index = i;
            }
            match self.visit(elem, None, Some(item)) {
                // Tolerant mode: an element that cannot be held is left out.
                Ok(_) if self.unrepresentable => self.unrepresentable = false,
                Ok(v) => out.push(v),
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        self.stack.pop();
        result.map(|()| Value::List(out))
    }

    /// `visit_type_X` of an object type: start_struct, members, check_struct.
    fn object(
        &mut self,
        e: &'static Entity,
        name: Option<&str>,
        value: Option<Value>,
    ) -> Result<Value, Error> {
        let v = value.ok_or_else(|| self.missing(name))?;
        let Value::Dict(d) = v else {
            return Err(self.invalid_type(name, "object"));
        };
        self.stack.push(Frame::Dict(name.map(str::to_owned)));
        let mut pending = Pending::new(d);
        let mut out = Dict::new();
        let r = self
            .object_members(e, &mut pending, &mut out)
            .and_then(|()| self.check_leftover(&mut pending));
        self.stack.pop();
        r.map(|()| Value::Dict(out))
    }

    /// `visit_type_X_members`: the members in order, then the members of
    /// the branch the discriminator selects.
    fn object_members(
        &mut self,
        e: &'static Entity,
        pending: &mut Pending,
        out: &mut Dict,
    ) -> Result<(), Error> {
        for m in e.object_members() {
            if !self.holds(m.cond) {
                continue;
            }
            let present = pending.has(m.name);
            if m.optional && !present {
                continue;
            }
            // A conditional member is absent where the server's
            // configuration compiles it out.
            if self.tolerant.is_some() && !present && m.cond.is_some() {
                continue;
            }
            // Policy is checked before the value, and for a required member
            // even when it is absent.
            self.policy(m.features, ErrorClass::GenericError, "parameter", m.name)?;
            let value = pending.take(m.name);
            let checked = self.visit(m.ty, Some(m.name), value)?;
            if self.unrepresentable {
                if !m.optional {
                    // The object cannot be held either: its container decides.
                    return Ok(());
                }
                self.unrepresentable = false;
                continue;
            }
            out.push_unique(m.name, checked);
        }
        if let Kind::Union(u) = &e.kind {
            let Some(Value::Str(tag)) = out.get(u.discriminator) else {
                return Ok(());
            };
            let branch = u
                .branches
                .iter()
                .find(|b| b.case == tag.as_str() && self.holds(b.cond));
            if let Some(b) = branch
                && let Some(be) = b.ty.entity()
            {
                self.object_members(be, pending, out)?;
            }
        }
        Ok(())
    }

    /// `qobject_input_check_struct`: names one key nobody consumed.
    /// Tolerant mode leaves them all out instead.
    fn check_leftover(&mut self, pending: &mut Pending) -> Result<(), Error> {
        if self.tolerant.is_some() {
            let left: Vec<(String, Value)> = pending
                .entries
                .iter_mut()
                .filter_map(|(k, v)| Some((k.clone(), v.take()?)))
                .collect();
            for (k, v) in left {
                self.left_out(Some(&k), UnknownKind::Member, v);
            }
            return Ok(());
        }
        let keys: Vec<&str> = pending.entries.iter().map(|(k, _)| k.as_str()).collect();
        match leftover::first_unconsumed_in_order(&keys, &pending.consumed) {
            Some(i) => Err(Error::generic(format!(
                "Parameter '{}' is unexpected",
                self.full_name(Some(keys[i]))
            ))),
            None => Ok(()),
        }
    }

    /// Alternates pick the branch by the JSON type of the value.
    fn alternate(
        &mut self,
        e: &'static Entity,
        name: Option<&str>,
        value: Option<Value>,
    ) -> Result<Value, Error> {
        let v = value.ok_or_else(|| self.missing(name))?;
        let qtype = v.qtype();
        let branches = match &e.kind {
            Kind::Alternate(a) => a.branches,
            _ => &[],
        };
        let branch = branches
            .iter()
            .find(|b| self.holds(b.cond) && alternate_qtype(b.ty) == Some(qtype));
        match branch {
            Some(b) => self.visit(b.ty, name, Some(v)),
            None if self.tolerant.is_some() => {
                Ok(self.left_out(name, UnknownKind::AlternateValue, v))
            }
            None => Err(Error::generic(format!(
                "Invalid parameter type for '{}', expected: {}",
                name.unwrap_or("null"),
                e.name
            ))),
        }
    }

    fn policy(
        &self,
        features: &[Feature],
        class: ErrorClass,
        kind: &str,
        name: &str,
    ) -> Result<(), Error> {
        policy_input_ok(Special::of(features), &self.policy, class, kind, name)
    }
}

/// The JSON type that selects a branch of an alternate (QEMU's
/// `alternate_qtype()`); `None` for types an alternate cannot hold.
pub fn alternate_qtype(ty: &TypeRef) -> Option<QType> {
    Some(match ty {
        TypeRef::Builtin(Builtin::Str) => QType::QString,
        TypeRef::Builtin(Builtin::Bool) => QType::QBool,
        TypeRef::Builtin(Builtin::Null) => QType::QNull,
        TypeRef::Builtin(Builtin::Any) => return None,
        TypeRef::Builtin(_) => QType::QNum,
        TypeRef::Array(_) => QType::QList,
        TypeRef::Entity(f) => match f().kind {
            Kind::Enum(_) => QType::QString,
            Kind::Struct(_) | Kind::Union(_) => QType::QDict,
            _ => return None,
        },
    })
}
