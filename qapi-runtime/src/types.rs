//! The bridge between Rust types and QAPI types.
//!
//! [`QapiType`] gives each Rust type its QAPI type reference and converts
//! values to and from [`Value`].  Conversions from [`Value`] expect input
//! that the input visitor ([`crate::visit::input`]) already checked: they
//! report a plain error instead of QEMU's messages if it was not.

use crate::__private::check::Shape;
use crate::desc::{Branch, Builtin, TypeRef};
use crate::error::Error;
use crate::value::{Dict, Value};

/// A Rust type that stands for a QAPI type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a QAPI type",
    label = "not a QAPI type",
    note = "QAPI types are the built-ins (String, i64, bool, ...), Vec/Option/Box of QAPI types, and types defined with the qapi_runtime macros"
)]
pub trait QapiType: Sized {
    /// The QAPI type, as members and arguments refer to it.
    const TYPE: &'static TypeRef;
    /// What the macros' compile-time checks know of the type.
    const SHAPE: &'static Shape;
    /// `true` for `Option<T>`: the member may be absent.
    const OPTIONAL: bool = false;

    /// The value as QEMU's output visitor would produce it.
    fn to_value(&self) -> Value;

    /// The Rust value of checked input.
    fn from_value(v: Value) -> Result<Self, Error>;

    /// The Rust value of a member that may be absent.
    #[doc(hidden)]
    fn from_member(name: &str, v: Option<Value>) -> Result<Self, Error> {
        match v {
            Some(v) => Self::from_value(v),
            None => Err(Error::generic(format!("Parameter '{name}' is missing"))),
        }
    }

    /// Whether a member of this type is written out (absent `Option`s are not).
    #[doc(hidden)]
    fn is_present(&self) -> bool {
        true
    }
}

/// An object type (struct or union): its members go into a dictionary.
pub trait QapiObject: QapiType {
    /// Appends the members in wire order.
    fn write_members(&self, d: &mut Dict);
    /// Takes the members out of a checked dictionary.
    fn read_members(d: &mut Dict) -> Result<Self, Error>;
}

/// A QAPI enum as a Rust enum of unit variants.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a QAPI enum",
    label = "not a #[qapi::enumeration] type",
    note = "the tag of #[qapi::branches(tag = ...)] is the discriminator's enum type (QAPI union rule)"
)]
pub trait QapiEnum: QapiType + Copy + Eq + 'static {
    /// Every variant, in declaration order (its discriminant is its index).
    const VARIANTS: &'static [Self];
    /// The QAPI name of every variant, in the same order.
    const NAMES: &'static [&'static str];
    /// The Rust name of every variant, in the same order (`r#` removed):
    /// a union's branches are matched to the tag's values by it.
    #[doc(hidden)]
    const RUST_NAMES: &'static [&'static str];
    /// The QAPI name of the value.
    fn as_str(&self) -> &'static str {
        Self::NAMES[self.index()]
    }
    /// The variant's position in declaration order.
    fn index(&self) -> usize;
    /// The variant with that QAPI name.
    fn from_name(s: &str) -> Option<Self> {
        Self::VARIANTS.iter().copied().find(|v| v.as_str() == s)
    }
}

/// The branches of a flat union: a Rust enum that holds the discriminator
/// value and the members of the branch it selects.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a #[qapi::branches] enum",
    label = "the discriminator must be of enum type: here, the union's #[qapi::branches(tag = Enum)] enum",
    note = "a union's discriminator member holds its branches enum, whose tag is the discriminator's enum type (QAPI union rule)"
)]
pub trait QapiBranches: Sized {
    /// The discriminator's enum type.
    type Tag: QapiEnum;
    /// The explicit branches, in declaration order.
    const BRANCHES: &'static [Branch];
    /// The shapes of the explicit branches' types (for clash checks).
    const BRANCH_SHAPES: &'static [&'static Shape];
    /// The discriminator value.
    fn tag(&self) -> Self::Tag;
    /// Appends the branch's members.
    fn write_members(&self, d: &mut Dict);
    /// Builds the branch that `tag` selects from the dictionary's members.
    fn read_members(tag: Self::Tag, d: &mut Dict) -> Result<Self, Error>;
}

pub(crate) fn mismatch(what: &str, v: &Value) -> Error {
    Error::generic(format!(
        "Invalid parameter type, expected: {what}, got: {v}"
    ))
}

macro_rules! builtin {
    ($t:ty, $b:ident, $to:expr, $from:expr) => {
        impl QapiType for $t {
            const TYPE: &'static TypeRef = &TypeRef::Builtin(Builtin::$b);
            const SHAPE: &'static Shape = &Shape::builtin(Builtin::$b);
            fn to_value(&self) -> Value {
                #[allow(clippy::redundant_closure_call)]
                ($to)(self)
            }
            fn from_value(v: Value) -> Result<Self, Error> {
                #[allow(clippy::redundant_closure_call)]
                ($from)(v)
            }
        }
    };
}

macro_rules! int_builtin {
    ($t:ty, $b:ident, $name:literal) => {
        builtin!($t, $b, |x: &$t| Value::from(*x as i64), |v: Value| v
            .as_i64()
            .and_then(|i| <$t>::try_from(i).ok())
            .ok_or_else(|| mismatch($name, &v)));
    };
}

macro_rules! uint_builtin {
    ($t:ty, $b:ident, $name:literal) => {
        builtin!($t, $b, |x: &$t| Value::from(*x as u64), |v: Value| v
            .as_u64()
            .and_then(|i| <$t>::try_from(i).ok())
            .ok_or_else(|| mismatch($name, &v)));
    };
}

builtin!(
    String,
    Str,
    |s: &String| Value::Str(s.clone()),
    |v: Value| match v {
        Value::Str(s) => Ok(s),
        v => Err(mismatch("string", &v)),
    }
);
builtin!(f64, Number, |x: &f64| Value::Double(*x), |v: Value| v
    .as_f64()
    .ok_or_else(|| mismatch("number", &v)));
int_builtin!(i64, Int, "int");
int_builtin!(i8, Int8, "int8");
int_builtin!(i16, Int16, "int16");
int_builtin!(i32, Int32, "int32");
uint_builtin!(u8, Uint8, "uint8");
uint_builtin!(u16, Uint16, "uint16");
uint_builtin!(u32, Uint32, "uint32");
uint_builtin!(u64, Uint64, "uint64");
builtin!(bool, Bool, |b: &bool| Value::Bool(*b), |v: Value| match v {
    Value::Bool(b) => Ok(b),
    v => Err(mismatch("boolean", &v)),
});
builtin!((), Null, |_: &()| Value::Null, |v: Value| match v {
    Value::Null => Ok(()),
    v => Err(mismatch("null", &v)),
});
builtin!(Value, Any, |v: &Value| v.clone(), Ok);

impl<T: QapiType> QapiType for Option<T> {
    const TYPE: &'static TypeRef = T::TYPE;
    const SHAPE: &'static Shape = T::SHAPE;
    const OPTIONAL: bool = true;
    fn to_value(&self) -> Value {
        self.as_ref().map_or(Value::Null, T::to_value)
    }
    fn from_value(v: Value) -> Result<Self, Error> {
        T::from_value(v).map(Some)
    }
    fn from_member(_: &str, v: Option<Value>) -> Result<Self, Error> {
        v.map(T::from_value).transpose()
    }
    fn is_present(&self) -> bool {
        self.is_some()
    }
}

impl<T: QapiType> QapiType for Box<T> {
    const TYPE: &'static TypeRef = T::TYPE;
    const SHAPE: &'static Shape = T::SHAPE;
    const OPTIONAL: bool = T::OPTIONAL;
    fn to_value(&self) -> Value {
        T::to_value(self)
    }
    fn from_value(v: Value) -> Result<Self, Error> {
        T::from_value(v).map(Box::new)
    }
    fn from_member(name: &str, v: Option<Value>) -> Result<Self, Error> {
        T::from_member(name, v).map(Box::new)
    }
    fn is_present(&self) -> bool {
        T::is_present(self)
    }
}

impl<T: QapiType> QapiType for Vec<T> {
    const TYPE: &'static TypeRef = &TypeRef::Array(T::TYPE);
    const SHAPE: &'static Shape = &Shape::array(T::SHAPE);
    fn to_value(&self) -> Value {
        Value::List(self.iter().map(T::to_value).collect())
    }
    fn from_value(v: Value) -> Result<Self, Error> {
        match v {
            Value::List(l) => l.into_iter().map(T::from_value).collect(),
            v => Err(mismatch("array", &v)),
        }
    }
}

/// Looks up a member for generated `read_members` code.
#[doc(hidden)]
pub fn take_member<T: QapiType>(d: &mut Dict, name: &str) -> Result<T, Error> {
    T::from_member(name, d.remove(name))
}

/// Appends a member for generated `write_members` code, skipping absent optionals.
#[doc(hidden)]
pub fn put_member<T: QapiType>(d: &mut Dict, name: &'static str, v: &T) {
    if v.is_present() {
        d.push_unique(name, v.to_value());
    }
}

/// The discriminator value of a checked union, for generated code.
#[doc(hidden)]
pub fn take_tag<E: QapiEnum>(d: &mut Dict, name: &str) -> Result<E, Error> {
    take_member::<E>(d, name)
}

impl<T: QapiObject> QapiObject for Box<T> {
    fn write_members(&self, d: &mut Dict) {
        T::write_members(self, d)
    }
    fn read_members(d: &mut Dict) -> Result<Self, Error> {
        T::read_members(d).map(Box::new)
    }
}
