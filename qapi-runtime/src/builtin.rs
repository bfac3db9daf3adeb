//! What QAPI predefines in its `./builtin` module besides the scalar types:
//! the empty object `q_empty` and the enum `QType`.

use crate::__private::check::{Meta, Shape};
use crate::desc::{
    Entity, EnumDesc, EnumValue, Kind, Loc, Module, NO_FEATURES, Pos, StructDesc, TypeRef,
};
use crate::error::Error;
use crate::types::{QapiEnum, QapiType};
use crate::value::{QType, Value};

/// QAPI's `./builtin` module, which comes before every schema file.
pub static BUILTIN_MODULE: Module = Module {
    name: "./builtin",
    loc: BUILTIN_LOC,
};

const BUILTIN_LOC: Loc = Loc {
    file: "<builtin>",
    line: 0,
    column: 0,
};

/// `q_empty`: the argument type of commands and events without `data`, the
/// return type of commands without `returns`, and the type of implicit
/// union branches.
pub static Q_EMPTY: Entity = Entity {
    name: "q_empty",
    module: &BUILTIN_MODULE,
    pos: Pos { line: 0, column: 0 },
    cond: None,
    features: NO_FEATURES,
    kind: Kind::Struct(StructDesc {
        base: None,
        members: &[],
    }),
    implicit: true,
};

/// QAPI's `QType` enum (the JSON type of a value).
pub static QTYPE: Entity = Entity {
    name: "QType",
    module: &BUILTIN_MODULE,
    pos: Pos { line: 0, column: 0 },
    cond: None,
    features: NO_FEATURES,
    kind: Kind::Enum(EnumDesc {
        values: &[
            EnumValue {
                name: "none",
                cond: None,
                features: NO_FEATURES,
            },
            EnumValue {
                name: "qnull",
                cond: None,
                features: NO_FEATURES,
            },
            EnumValue {
                name: "qnum",
                cond: None,
                features: NO_FEATURES,
            },
            EnumValue {
                name: "qstring",
                cond: None,
                features: NO_FEATURES,
            },
            EnumValue {
                name: "qdict",
                cond: None,
                features: NO_FEATURES,
            },
            EnumValue {
                name: "qlist",
                cond: None,
                features: NO_FEATURES,
            },
            EnumValue {
                name: "qbool",
                cond: None,
                features: NO_FEATURES,
            },
        ],
        // QEMU defines QType without a prefix (QTYPE is only its
        // default C prefix).
        prefix: None,
    }),
    implicit: false,
};

impl QapiType for QType {
    const TYPE: &'static TypeRef = &TypeRef::Entity(|| &QTYPE);
    const SHAPE: &'static Shape = &Shape {
        meta: Meta::Enum,
        name: "QType",
        element: None,
        values: <QType as QapiEnum>::NAMES,
        members: &[],
        base: None,
        conditional_members: false,
        branches: &[],
    };
    fn to_value(&self) -> Value {
        Value::Str(self.as_str().to_owned())
    }
    fn from_value(v: Value) -> Result<Self, Error> {
        crate::__private::enum_from_value(v)
    }
}

impl QapiEnum for QType {
    const VARIANTS: &'static [Self] = &[
        QType::None,
        QType::QNull,
        QType::QNum,
        QType::QString,
        QType::QDict,
        QType::QList,
        QType::QBool,
    ];
    const NAMES: &'static [&'static str] = &[
        "none", "qnull", "qnum", "qstring", "qdict", "qlist", "qbool",
    ];
    const RUST_NAMES: &'static [&'static str] = &[
        "None", "QNull", "QNum", "QString", "QDict", "QList", "QBool",
    ];
    fn index(&self) -> usize {
        *self as usize
    }
}

/// A Rust type that stands for `q_empty` (no members).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Empty;

impl QapiType for Empty {
    const TYPE: &'static TypeRef = &TypeRef::Entity(|| &Q_EMPTY);
    const SHAPE: &'static Shape = &Shape {
        meta: Meta::Struct,
        name: "q_empty",
        element: None,
        values: &[],
        members: &[],
        base: None,
        conditional_members: false,
        branches: &[],
    };
    fn to_value(&self) -> Value {
        Value::empty_dict()
    }
    fn from_value(v: Value) -> Result<Self, Error> {
        crate::__private::expect_dict(v).map(|_| Empty)
    }
}
