//! Compile-time rules that need to know other definitions.
//!
//! A macro sees only its own item: whether `base = Foo` names a struct,
//! whether two alternate branches can be told apart, whether a member
//! clashes with a base member depends on other items.  Every QAPI type
//! therefore carries a constant [`Shape`], and the macros emit `const`
//! assertions over shapes that fail compilation with the rule's message,
//! at the offending token.

use crate::desc::Builtin;

/// What kind of type a Rust type stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Meta {
    Builtin(Builtin),
    Array,
    Enum,
    Struct,
    Union,
    Alternate,
}

/// The compile-time summary of a QAPI type.
#[derive(Debug)]
pub struct Shape {
    pub meta: Meta,
    /// The QAPI name (empty for arrays).
    pub name: &'static str,
    /// Element type of an array.
    pub element: Option<&'static Shape>,
    /// Values of an enum.
    pub values: &'static [&'static str],
    /// An object's own member names (not its base's).
    pub members: &'static [&'static str],
    /// A struct's base.
    pub base: Option<&'static Shape>,
    /// Whether an object has members with an `if`.
    pub conditional_members: bool,
}

impl Shape {
    pub const fn builtin(b: Builtin) -> Shape {
        Shape {
            meta: Meta::Builtin(b),
            name: b.name(),
            element: None,
            values: &[],
            members: &[],
            base: None,
            conditional_members: false,
        }
    }

    pub const fn array(element: &'static Shape) -> Shape {
        Shape {
            meta: Meta::Array,
            name: "",
            element: Some(element),
            values: &[],
            members: &[],
            base: None,
            conditional_members: false,
        }
    }

    /// Structs and unions.
    pub const fn is_object(&self) -> bool {
        matches!(self.meta, Meta::Struct | Meta::Union)
    }

    pub const fn is_struct(&self) -> bool {
        matches!(self.meta, Meta::Struct)
    }

    pub const fn is_union(&self) -> bool {
        matches!(self.meta, Meta::Union)
    }

    pub const fn is_alternate(&self) -> bool {
        matches!(self.meta, Meta::Alternate)
    }

    pub const fn is_enum(&self) -> bool {
        matches!(self.meta, Meta::Enum)
    }

    pub const fn is_array(&self) -> bool {
        matches!(self.meta, Meta::Array)
    }

    pub const fn is_any(&self) -> bool {
        matches!(self.meta, Meta::Builtin(Builtin::Any))
    }

    pub const fn is_builtin(&self) -> bool {
        matches!(self.meta, Meta::Builtin(_))
    }

    /// An object, or an array of objects (what `returns` may be).
    pub const fn is_object_or_object_array(&self) -> bool {
        match self.element {
            Some(e) if self.is_array() => e.is_object(),
            _ => self.is_object(),
        }
    }

    /// Whether the object (with its bases) has a member whose C name is
    /// that of `name`.
    pub const fn has_member(&self, name: &str) -> bool {
        let mut i = 0;
        while i < self.members.len() {
            if c_name_eq(self.members[i], name) {
                return true;
            }
            i += 1;
        }
        match self.base {
            Some(b) => b.has_member(name),
            None => false,
        }
    }

    /// The number of members, bases included.
    pub const fn member_count(&self) -> usize {
        self.members.len()
            + match self.base {
                Some(b) => b.member_count(),
                None => 0,
            }
    }

    /// Whether a member of the object clashes with a member of `other`.
    pub const fn clashes_with(&self, other: &Shape) -> bool {
        let mut i = 0;
        while i < self.members.len() {
            if other.has_member(self.members[i]) {
                return true;
            }
            i += 1;
        }
        match self.base {
            Some(b) => b.clashes_with(other),
            None => false,
        }
    }

    /// The JSON types an alternate branch of this type claims (QEMU's
    /// `alternate_qtype()` plus the keyval conflicts of `schema.py`).
    pub const fn alternate_claims(&self) -> u8 {
        const QNULL: u8 = 1;
        const QNUM: u8 = 2;
        const QSTRING: u8 = 4;
        const QDICT: u8 = 8;
        const QLIST: u8 = 16;
        const QBOOL: u8 = 32;
        match self.meta {
            Meta::Builtin(Builtin::Str) => QSTRING | QNUM | QBOOL,
            Meta::Builtin(Builtin::Bool) => QBOOL,
            Meta::Builtin(Builtin::Null) => QNULL,
            Meta::Builtin(Builtin::Any) => 0,
            Meta::Builtin(_) => QNUM,
            Meta::Array => QLIST,
            Meta::Struct | Meta::Union => QDICT,
            Meta::Alternate => 0,
            Meta::Enum => {
                let mut claims = QSTRING;
                let mut i = 0;
                while i < self.values.len() {
                    let v = self.values[i].as_bytes();
                    if str_eq(self.values[i], "on") || str_eq(self.values[i], "off") {
                        claims |= QBOOL;
                    }
                    if !v.is_empty() && matches!(v[0], b'-' | b'+' | b'.' | b'0'..=b'9') {
                        claims |= QNUM;
                    }
                    i += 1;
                }
                claims
            }
        }
    }
}

/// Whether any of the branch types has a member named like `name`.
pub const fn branches_have_member(branches: &[&Shape], name: &str) -> bool {
    let mut i = 0;
    while i < branches.len() {
        if branches[i].has_member(name) {
            return true;
        }
        i += 1;
    }
    false
}

/// `a == b` in a constant.
pub const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether two names have the same C name (QAPI's clash rule).
pub const fn c_name_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        let (x, y) = (c_char(a[i]), c_char(b[i]));
        if x != y {
            return false;
        }
        i += 1;
    }
    true
}

const fn c_char(c: u8) -> u8 {
    if c.is_ascii_alphanumeric() || c == b'_' {
        c
    } else {
        b'_'
    }
}
