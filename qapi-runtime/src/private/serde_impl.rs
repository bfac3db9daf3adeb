//! serde support for every QAPI type, through [`Value`].
//!
//! The macros implement `Serialize` and `Deserialize` by converting to and
//! from [`Value`], so serde formats see exactly the wire form, and
//! deserialisation applies QEMU's checks (and messages) from the descriptor.
//! Keeping the per-type code to one call keeps build times low.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::types::QapiType;
use crate::value::{Dict, Value};

/// `Serialize` for QAPI types.
pub fn serialize<T: QapiType, S: Serializer>(v: &T, s: S) -> Result<S::Ok, S::Error> {
    v.to_value().serialize(s)
}

/// `Deserialize` for QAPI types: any serde input, checked like QMP input.
pub fn deserialize<'de, T: QapiType, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    let v = Value::deserialize(d)?;
    let v = crate::visit::input::check_value(T::TYPE, v, None).map_err(de::Error::custom)?;
    T::from_value(v).map_err(de::Error::custom)
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Int(i) => s.serialize_i64(*i),
            Value::UInt(u) => s.serialize_u64(*u),
            Value::Double(d) => s.serialize_f64(*d),
            Value::Str(st) => s.serialize_str(st),
            Value::List(l) => {
                let mut seq = s.serialize_seq(Some(l.len()))?;
                for v in l {
                    seq.serialize_element(v)?;
                }
                seq.end()
            }
            Value::Dict(d) => {
                let mut map = s.serialize_map(Some(d.len()))?;
                for (k, v) in d.iter() {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, i: i64) -> Result<Value, E> {
        Ok(Value::Int(i))
    }
    fn visit_u64<E>(self, u: u64) -> Result<Value, E> {
        Ok(Value::from(u))
    }
    fn visit_f64<E>(self, d: f64) -> Result<Value, E> {
        Ok(Value::Double(d))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::Str(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::Str(s))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut l = Vec::new();
        while let Some(v) = seq.next_element()? {
            l.push(v);
        }
        Ok(Value::List(l))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut d = Dict::new();
        while let Some((k, v)) = map.next_entry::<String, Value>()? {
            if d.insert(k.clone(), v).is_some() {
                return Err(de::Error::custom(format!("duplicate key '{k}'")));
            }
        }
        Ok(Value::Dict(d))
    }
}
