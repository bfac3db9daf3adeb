//! The value model every message passes through: QEMU's QObject, in Rust.
//!
//! Input is parsed into [`Value`], checked against a descriptor (see
//! [`crate::visit::input`]) and only then converted to Rust types; handlers'
//! results are turned back into [`Value`] and written by the one writer in
//! [`crate::json::writer`].  Numbers keep QEMU's three representations
//! (int64, uint64, double) because error messages and echoed ids depend on
//! which one the parser chose.

use std::fmt;

/// A JSON value as QEMU's QObject holds it.
#[derive(Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// An integer that fits `i64` (QNUM_I64).
    Int(i64),
    /// A non-negative integer above `i64::MAX` that fits `u64` (QNUM_U64).
    UInt(u64),
    /// Anything with a fraction or exponent, or too large for `u64` (QNUM_DOUBLE).
    Double(f64),
    Str(String),
    List(Vec<Value>),
    Dict(Dict),
}

/// QAPI's built-in enum `QType`: the JSON type of a value.  `None` is
/// QAPI's placeholder value; no [`Value`] has it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QType {
    None,
    QNull,
    QNum,
    QString,
    QDict,
    QList,
    QBool,
}

impl Value {
    pub fn qtype(&self) -> QType {
        match self {
            Value::Null => QType::QNull,
            Value::Bool(_) => QType::QBool,
            Value::Int(_) | Value::UInt(_) | Value::Double(_) => QType::QNum,
            Value::Str(_) => QType::QString,
            Value::List(_) => QType::QList,
            Value::Dict(_) => QType::QDict,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_dict(&self) -> Option<&Dict> {
        match self {
            Value::Dict(d) => Some(d),
            _ => None,
        }
    }

    /// `qnum_get_try_int`: the value as int64, if it is an integer that fits.
    pub fn as_i64(&self) -> Option<i64> {
        match *self {
            Value::Int(i) => Some(i),
            Value::UInt(u) => i64::try_from(u).ok(),
            _ => None,
        }
    }

    /// `qnum_get_try_uint`: the value as uint64, if it is a non-negative integer.
    pub fn as_u64(&self) -> Option<u64> {
        match *self {
            Value::Int(i) => u64::try_from(i).ok(),
            Value::UInt(u) => Some(u),
            _ => None,
        }
    }

    /// `qnum_get_double`: any number as a double.
    pub fn as_f64(&self) -> Option<f64> {
        match *self {
            Value::Int(i) => Some(i as f64),
            Value::UInt(u) => Some(u as f64),
            Value::Double(d) => Some(d),
            _ => None,
        }
    }

    /// An empty dictionary, the reply of commands without `returns`.
    pub fn empty_dict() -> Value {
        Value::Dict(Dict::new())
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&String::from_utf8_lossy(&crate::json::to_vec(self)))
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}
impl From<i64> for Value {
    fn from(i: i64) -> Self {
        Value::Int(i)
    }
}
impl From<u64> for Value {
    fn from(u: u64) -> Self {
        match i64::try_from(u) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::UInt(u),
        }
    }
}
impl From<f64> for Value {
    fn from(d: f64) -> Self {
        Value::Double(d)
    }
}
impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Str(s.to_owned())
    }
}
impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Str(s)
    }
}
impl From<Dict> for Value {
    fn from(d: Dict) -> Self {
        Value::Dict(d)
    }
}
impl From<Vec<Value>> for Value {
    fn from(l: Vec<Value>) -> Self {
        Value::List(l)
    }
}

/// A JSON object in insertion order.
///
/// QEMU's QDict outputs keys in hash-bucket order; the writer derives that
/// order from the insertion order kept here, so producers just insert keys in
/// schema order, as QEMU's visitors do.  Keys are unique: [`Dict::insert`]
/// replaces the value of an existing key in place (like `qdict_put`, which
/// keeps the entry's slot).
#[derive(Clone, Default, PartialEq)]
pub struct Dict {
    entries: Vec<(String, Value)>,
}

impl Dict {
    pub const fn new() -> Self {
        Dict {
            entries: Vec::new(),
        }
    }

    pub fn with_capacity(n: usize) -> Self {
        Dict {
            entries: Vec::with_capacity(n),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.entries
            .iter_mut()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn position(&self, key: &str) -> Option<usize> {
        self.entries.iter().position(|(k, _)| k == key)
    }

    /// Inserts or replaces; returns the previous value.
    pub fn insert(&mut self, key: impl Into<String>, value: impl Into<Value>) -> Option<Value> {
        let key = key.into();
        let value = value.into();
        match self.get_mut(&key) {
            Some(slot) => Some(std::mem::replace(slot, value)),
            None => {
                self.entries.push((key, value));
                None
            }
        }
    }

    /// Appends a key known not to be present (used by parsers that already
    /// checked for duplicates, and by generated code with fixed member names).
    pub fn push_unique(&mut self, key: impl Into<String>, value: impl Into<Value>) {
        self.entries.push((key.into(), value.into()));
    }

    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let i = self.position(key)?;
        Some(self.entries.remove(i).1)
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &Value)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn keys(&self) -> impl ExactSizeIterator<Item = &str> {
        self.entries.iter().map(|(k, _)| k.as_str())
    }

    pub fn entries(&self) -> &[(String, Value)] {
        &self.entries
    }

    pub fn into_entries(self) -> Vec<(String, Value)> {
        self.entries
    }
}

impl fmt::Debug for Dict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<K: Into<String>, V: Into<Value>> FromIterator<(K, V)> for Dict {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut d = Dict::new();
        for (k, v) in iter {
            d.insert(k, v);
        }
        d
    }
}

impl IntoIterator for Dict {
    type Item = (String, Value);
    type IntoIter = std::vec::IntoIter<(String, Value)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}
