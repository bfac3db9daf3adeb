//! Compile-time rules that need to know other definitions.
//!
//! A macro sees only its own item: whether `base = Foo` names a struct,
//! whether two alternate branches can be told apart, whether a member
//! clashes with a base member depends on other items.  Every QAPI type
//! therefore carries a constant [`Shape`], and the macros emit `const`
//! assertions over shapes that fail compilation with the rule's message,
//! at the offending token.
//!
//! The `*_error` functions return the rule's message, naming the types
//! involved as QEMU's generator does; the macros emit
//! `const _: () = if let Some(m) = check::..._error(..) { panic!("{}", m.as_str()) };`
//! spanned at the user's token, so the compiler reports exactly that
//! message there.

use core::marker::PhantomData;

use crate::desc::{Builtin, Module};
use crate::error::Error;
use crate::types::QapiObject;
use crate::value::Dict;

/// What kind of type a Rust type stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Meta {
    Builtin(Builtin),
    Array,
    Enum,
    Struct,
    Union,
    Alternate,
    /// A definition whose macro reported errors: the stand-in type the
    /// macro emits so that uses elsewhere compile.  No rule fires on it,
    /// so one mistake is reported once, where it is.
    Invalid,
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
    /// A union's explicit branch types.
    pub branches: &'static [&'static Shape],
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
            branches: &[],
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
            branches: &[],
        }
    }

    /// The stand-in of a definition with errors (see [`Meta::Invalid`]).
    pub const fn invalid(name: &'static str) -> Shape {
        Shape {
            meta: Meta::Invalid,
            name,
            element: None,
            values: &[],
            members: &[],
            base: None,
            conditional_members: false,
            branches: &[],
        }
    }

    /// A definition with errors, or an array of one.
    pub const fn is_invalid(&self) -> bool {
        match self.element {
            Some(e) if self.is_array() => e.is_invalid(),
            _ => matches!(self.meta, Meta::Invalid),
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

    /// Where the object (with its bases) has a member whose C name is
    /// that of `name`: the name of the type that declares it, and the
    /// member's own spelling.
    pub const fn member_owner(&self, name: &str) -> Option<(&'static str, &'static str)> {
        let mut i = 0;
        while i < self.members.len() {
            if c_name_eq(self.members[i], name) {
                return Some((self.name, self.members[i]));
            }
            i += 1;
        }
        match self.base {
            Some(b) => b.member_owner(name),
            None => None,
        }
    }

    /// Like [`Shape::member_owner`], but a union also counts the members
    /// of its branches, recursively: all of them can appear next to the
    /// members of an enclosing union's base.
    pub const fn member_owner_deep(&self, name: &str) -> Option<(&'static str, &'static str)> {
        if let Some(found) = self.member_owner(name) {
            return Some(found);
        }
        let mut i = 0;
        while i < self.branches.len() {
            if let Some(found) = self.branches[i].member_owner_deep(name) {
                return Some(found);
            }
            i += 1;
        }
        None
    }

    /// The type as QEMU's messages describe it: `built-in type 'int'`,
    /// `union type 'Foo'`, `array type ['int']`.
    pub const fn describe(&self) -> Msg {
        let m = Msg::new();
        match self.meta {
            Meta::Array => self.push_array_name(m.push("array type ")),
            Meta::Builtin(_) => m.push("built-in type '").push(self.name).push("'"),
            Meta::Enum => m.push("enum type '").push(self.name).push("'"),
            Meta::Struct => m.push("struct type '").push(self.name).push("'"),
            Meta::Union => m.push("union type '").push(self.name).push("'"),
            Meta::Alternate => m.push("alternate type '").push(self.name).push("'"),
            Meta::Invalid => m.push("type '").push(self.name).push("'"),
        }
    }

    /// Appends an array type as QEMU writes it: `['int']`, `[['int']]`.
    const fn push_array_name(&self, m: Msg) -> Msg {
        let m = m.push("[");
        let m = match self.element {
            Some(e) if e.is_array() => e.push_array_name(m),
            Some(e) => m.push("'").push(e.name).push("'"),
            None => m,
        };
        m.push("]")
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
            Meta::Alternate | Meta::Invalid => 0,
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

/// A message built at compile time (the `*_error` functions' result).
///
/// Constant evaluation cannot format, so the pieces are copied into a
/// fixed buffer; overlong messages are cut.
#[derive(Clone, Copy)]
pub struct Msg {
    buf: [u8; 512],
    len: usize,
}

impl Msg {
    pub const fn new() -> Msg {
        Msg {
            buf: [0; 512],
            len: 0,
        }
    }

    /// Appends `s`.
    pub const fn push(mut self, s: &str) -> Msg {
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() && self.len < self.buf.len() {
            self.buf[self.len] = b[i];
            self.len += 1;
            i += 1;
        }
        self
    }

    /// Appends another message.
    pub const fn append(self, m: &Msg) -> Msg {
        self.push(m.as_str())
    }

    pub const fn as_str(&self) -> &str {
        match core::str::from_utf8(self.buf.split_at(self.len).0) {
            Ok(s) => s,
            // Cut inside a character: keep what is valid.
            Err(e) => match core::str::from_utf8(self.buf.split_at(e.valid_up_to()).0) {
                Ok(s) => s,
                Err(_) => "",
            },
        }
    }
}

impl Default for Msg {
    fn default() -> Self {
        Msg::new()
    }
}

/// Where `name` stands in `names`, in a constant.
const fn position(names: &[&str], name: &str) -> Option<usize> {
    let mut i = 0;
    while i < names.len() {
        if str_eq(names[i], name) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The position in the tag enum of the value a union branch stands for
/// (its Rust name is the value's); 0 if none, which
/// [`branch_tag_error`] reports.
pub const fn branch_tag_index(rust_names: &[&str], branch: &str) -> usize {
    match position(rust_names, branch) {
        Some(i) => i,
        None => 0,
    }
}

/// A union branch must stand for a value of the discriminator's enum.
pub const fn branch_tag_error(tag: &Shape, rust_names: &[&str], branch: &str) -> Option<Msg> {
    if tag.is_invalid() {
        return None;
    }
    if position(rust_names, branch).is_some() {
        return None;
    }
    let m = Msg::new()
        .push("branch '")
        .push(branch)
        .push("' is not a value of the discriminator's enum '")
        .push(tag.name)
        .push("'");
    Some(
        value_list(m, tag, rust_names).push(
            " (QAPI union rule: each branch is named like a value of the discriminator's enum)",
        ),
    )
}

/// Every value of the discriminator's enum needs a branch (a unit
/// variant for a value whose branch has no members).
pub const fn branches_cover_error(
    tag: &Shape,
    rust_names: &[&str],
    branches: &[&str],
) -> Option<Msg> {
    if tag.is_invalid() {
        return None;
    }
    let mut i = 0;
    while i < rust_names.len() {
        if position(branches, rust_names[i]).is_none() {
            return Some(
                Msg::new()
                    .push("value '")
                    .push(tag.values[i])
                    .push("' of the discriminator's enum '")
                    .push(tag.name)
                    .push("' has no branch: add the variant `")
                    .push(rust_names[i])
                    .push("(Type)`, or `")
                    .push(rust_names[i])
                    .push("` for a branch without members (QAPI union rule: every value of the discriminator has a branch)"),
            );
        }
        i += 1;
    }
    None
}

/// ": its values are `A`, `B`" (Rust names), or that it has none.
const fn value_list(mut m: Msg, tag: &Shape, rust_names: &[&str]) -> Msg {
    if !tag.is_enum() {
        return m;
    }
    if rust_names.is_empty() {
        return m.push(", which has no values");
    }
    m = m.push(", whose values are ");
    let mut i = 0;
    while i < rust_names.len() {
        if i > 0 {
            m = m.push(", ");
        }
        m = m.push("`").push(rust_names[i]).push("`");
        i += 1;
    }
    m
}

/// A definition whose module is `module`, written in `file`: a module is
/// one file (descriptors take the file from their module).
pub const fn module_file_error(module: &Module, file: &str) -> Option<Msg> {
    if str_eq(module.loc.file, file) {
        return None;
    }
    Some(
        Msg::new()
            .push("this definition is in another file than `qapi::module!(\"")
            .push(module.name)
            .push("\")`: a module is one file (QAPI modules rule)"),
    )
}

/// `base = T` of a struct or union: `T` must be a struct.
pub const fn base_error(base: &Shape) -> Option<Msg> {
    if base.is_invalid() {
        return None;
    }
    if base.is_struct() {
        return None;
    }
    Some(
        Msg::new()
            .push("'base' requires a struct type, ")
            .append(&base.describe())
            .push(" isn't (QAPI base rule)"),
    )
}

/// A member of an object with base `base`: it must not clash with a base
/// member, however deep.
pub const fn base_clash_error(base: &Shape, member: &str) -> Option<Msg> {
    if base.is_invalid() {
        return None;
    }
    if !base.is_object() {
        // Reported by base_error.
        return None;
    }
    match base.member_owner(member) {
        None => None,
        Some((owner, theirs)) => Some(
            Msg::new()
                .push("member '")
                .push(member)
                .push("' collides with member '")
                .push(theirs)
                .push("' of type '")
                .push(owner)
                .push("' (QAPI clash rule)"),
        ),
    }
}

/// A common member of a union: it must not clash with a member of any
/// branch (nor of the branches of a branch that is itself a union).
pub const fn branch_clash_error(branches: &[&Shape], member: &str) -> Option<Msg> {
    let mut i = 0;
    while i < branches.len() {
        if let Some((owner, theirs)) = branches[i].member_owner_deep(member) {
            return Some(
                Msg::new()
                    .push("member '")
                    .push(theirs)
                    .push("' of type '")
                    .push(owner)
                    .push("' collides with base member '")
                    .push(member)
                    .push("' (QAPI clash rule)"),
            );
        }
        i += 1;
    }
    None
}

/// A union's member when the union names its base: the base must have it.
pub const fn named_base_member_error(
    base: &Shape,
    member: &str,
    discriminator: bool,
) -> Option<Msg> {
    if base.is_invalid() {
        return None;
    }
    if !base.is_struct() || base.member_owner(member).is_some() {
        return None;
    }
    let m = if discriminator {
        Msg::new().push("discriminator '")
    } else {
        Msg::new().push("member '")
    };
    Some(
        m.push(member)
            .push("' is not a member of base '")
            .push(base.name)
            .push("' (QAPI union rule)"),
    )
}

/// A union with a named base repeats every member of the base; `members`
/// are the union's own.
pub const fn named_base_count_error(base: &Shape, members: &[&str]) -> Option<Msg> {
    if base.is_invalid() {
        return None;
    }
    if !base.is_struct() {
        return None;
    }
    let mut i = 0;
    while i < members.len() {
        if base.member_owner(members[i]).is_none() {
            // Reported by named_base_member_error.
            return None;
        }
        i += 1;
    }
    if base.member_count() == members.len() {
        return None;
    }
    Some(
        Msg::new()
            .push("the union must repeat every member of base '")
            .push(base.name)
            .push("' (QAPI union rule)"),
    )
}

/// The type of a union branch (the QAPI name of its tag value): an object.
pub const fn union_branch_error(branch: &str, ty: &Shape) -> Option<Msg> {
    if ty.is_invalid() {
        return None;
    }
    if ty.is_object() {
        return None;
    }
    Some(
        Msg::new()
            .push("branch '")
            .push(branch)
            .push("' cannot use ")
            .append(&ty.describe())
            .push(" (QAPI union rule: a branch is a struct or union)"),
    )
}

/// The type of an alternate branch: neither `any`, nor an alternate, nor
/// optional.
pub const fn alternate_branch_error(branch: &str, ty: &Shape, optional: bool) -> Option<Msg> {
    let m = Msg::new().push("branch '").push(branch);
    if optional {
        return Some(m.push("' cannot be optional (QAPI alternate rule)"));
    }
    if ty.is_invalid() {
        return None;
    }
    if ty.is_any() || ty.is_alternate() {
        return Some(
            m.push("' cannot use ")
                .append(&ty.describe())
                .push(" (QAPI alternate rule)"),
        );
    }
    None
}

/// The named `data` type of a command or event (`what`).
pub const fn data_error(what: &str, ty: &Shape, optional: bool, boxed: bool) -> Option<Msg> {
    if ty.is_invalid() {
        return None;
    }
    let m = Msg::new().push(what);
    if optional {
        return Some(
            m.push("'s 'data' cannot be optional (QAPI ")
                .push(what)
                .push(" rule)"),
        );
    }
    if !ty.is_object() {
        return Some(
            m.push("'s 'data' cannot take ")
                .append(&ty.describe())
                .push(" (QAPI ")
                .push(what)
                .push(" rule)"),
        );
    }
    if boxed {
        return None;
    }
    if ty.is_union() {
        return Some(
            m.push("'s 'data' can take ")
                .append(&ty.describe())
                .push(" only with 'boxed': true (QAPI ")
                .push(what)
                .push(" rule)"),
        );
    }
    if ty.conditional_members {
        return Some(
            Msg::new()
                .push("conditional ")
                .push(what)
                .push(" arguments require 'boxed': true (QAPI ")
                .push(what)
                .push(" rule)"),
        );
    }
    None
}

/// A command's `returns`: an object or an array of objects, unless the
/// command has `pragma(command_returns_exception)`.
pub const fn returns_error(ty: &Shape, optional: bool, exception: bool) -> Option<Msg> {
    if optional {
        return Some(Msg::new().push("command's 'returns' cannot be optional (QAPI command rule)"));
    }
    if exception || ty.is_invalid() || ty.is_object_or_object_array() {
        return None;
    }
    Some(
        Msg::new()
            .push("command's 'returns' cannot take ")
            .append(&ty.describe())
            .push(" (QAPI command rule; pragma(command_returns_exception) allows it)"),
    )
}

/// Lets generated code use an object's members without requiring
/// [`QapiObject`] of a type that may not be one: where the type is not an
/// object the call resolves to [`NotObject`], which is never run, because
/// a `const` check then fails compilation with the rule's message instead
/// of a trait error ("autoref specialisation").
#[doc(hidden)]
pub struct ObjectProbe<T>(pub PhantomData<T>);

#[doc(hidden)]
pub trait IsObject<T> {
    fn write_members(&self, v: &T, d: &mut Dict);
    fn read_members(&self, d: &mut Dict) -> Result<T, Error>;
}

impl<T: QapiObject> IsObject<T> for ObjectProbe<T> {
    fn write_members(&self, v: &T, d: &mut Dict) {
        v.write_members(d)
    }
    fn read_members(&self, d: &mut Dict) -> Result<T, Error> {
        T::read_members(d)
    }
}

#[doc(hidden)]
pub trait NotObject<T> {
    fn write_members(&self, v: &T, d: &mut Dict);
    fn read_members(&self, d: &mut Dict) -> Result<T, Error>;
}

impl<T> NotObject<T> for &ObjectProbe<T> {
    fn write_members(&self, _: &T, _: &mut Dict) {
        unreachable!("a const check rejects non-object types at compile time")
    }
    fn read_members(&self, _: &mut Dict) -> Result<T, Error> {
        unreachable!("a const check rejects non-object types at compile time")
    }
}

/// A type reference (`what` names the place, as in "member 'x'"): an
/// array holds a type name, not another array.
pub const fn nested_array_error(what: &str, ty: &Shape) -> Option<Msg> {
    if ty.is_invalid() {
        return None;
    }
    match ty.element {
        Some(e) if ty.is_array() && e.is_array() => Some(
            Msg::new()
                .push(what)
                .push(" cannot use ")
                .append(&ty.describe())
                .push(": an array type must contain a single type name (QAPI type rule)"),
        ),
        _ => None,
    }
}
