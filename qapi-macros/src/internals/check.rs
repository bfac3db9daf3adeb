//! QAPI's rules, checked in one place against the model (QEMU's
//! `scripts/qapi/expr.py` and `schema.py` checks that need no other
//! definition).  Each error names the rule and points at the token.
//!
//! Rules that need other definitions (is the base a struct, do the branch
//! types clash, ...) cannot be checked here: the expansion emits them as
//! `const` assertions over `qapi_runtime::__private::check`.

use proc_macro2::Span;
use syn::spanned::Spanned;

use super::ast::{
    Alternate, Branches, Command, Common, DataForm, Enum, Event, EventData, Feature, Member,
    Misfit, Struct, Union, innermost_ident, is_option,
};
use super::cond::Cond;
use super::ctxt::Ctxt;
use super::names;

/// Where members are, and what they may carry there.
struct MemberRules {
    /// Where the member is (`'data' member`, `parameter`, ...), for messages.
    what: &'static str,
    /// Member names may use uppercase and '_' (pragma member-name-exceptions).
    permissive: bool,
    /// Error text for an `if` here, when not allowed.
    forbid_if: Option<&'static str>,
}

pub fn check_struct(cx: &Ctxt, s: &Struct) {
    single_meta(cx, &s.common);
    misfits(cx, &s.common);
    object_members(cx, &s.members, s.pragmas.member_name_exception);
    generics(cx, &s.item.generics);
    type_name(cx, &s.def.name, s.def.name_span, "struct");
    features(cx, &s.def.features, true);
    // `#[qapi(base)] base: Self`.  (A cycle through several structs is
    // left to rustc: "recursive type has infinite size".)
    if s.base_is_self() {
        let b = s.base().expect("base");
        cx.error_spanned_by(
            &b.ty,
            format!("object {} contains itself (QAPI base rule)", s.item.ident),
        );
    }
}

pub fn check_union(cx: &Ctxt, u: &Union) {
    single_meta(cx, &u.common);
    generics(cx, &u.item.generics);
    type_name(cx, &u.def.name, u.def.name_span, "union");
    features(cx, &u.def.features, true);
    misfits(cx, &u.common);
    object_members(cx, &u.members, u.pragmas.member_name_exception);
    match u.discriminators().as_slice() {
        [] => cx.error_spanned_by(
            &u.item.ident,
            "union misses key 'discriminator': mark the common member that selects the branch with #[qapi(discriminator)] (QAPI union rule)",
        ),
        [d] => {
            if is_option(&d.ty) {
                cx.error_spanned_by(
                    &d.ty,
                    format!(
                        "discriminator member '{}' must not be optional (QAPI union rule)",
                        d.name
                    ),
                );
            }
            if let Some(c) = &d.cond {
                cx.error_at(
                    cond_span(c),
                    format!(
                        "discriminator member '{}' must not be conditional (QAPI union rule)",
                        d.name
                    ),
                );
            }
        }
        [_, rest @ ..] => {
            for d in rest {
                cx.error_at(
                    d.is_discriminator.expect("flag"),
                    "a union has one discriminator (QAPI union rule)",
                );
            }
        }
    }
}

pub fn check_branches(cx: &Ctxt, b: &Branches) {
    single_meta(cx, &b.common);
    generics(cx, &b.item.generics);
    if b.tag.is_none() {
        cx.error_spanned_by(
            &b.item.ident,
            "#[qapi::branches(tag = EnumType)] needs the discriminator's enum type (QAPI union rule)",
        );
    }
    if b.item.variants.is_empty() {
        cx.error_spanned_by(
            &b.item.ident,
            "union has no branches: the discriminator's enum has no values (QAPI union rule)",
        );
    }
    for (branch, v) in b.branches.iter().zip(&b.item.variants) {
        if matches!(v.fields, syn::Fields::Unit)
            && let Some(c) = &branch.cond
        {
            cx.error_at(
                cond_span(c),
                "an implicit (empty) branch takes the condition of its enum value (QAPI union rule)",
            );
        }
    }
    misfits(cx, &b.common);
}

pub fn check_alternate(cx: &Ctxt, a: &Alternate) {
    single_meta(cx, &a.common);
    generics(cx, &a.item.generics);
    type_name(cx, &a.def.name, a.def.name_span, "alternate");
    features(cx, &a.def.features, true);
    if a.item.variants.is_empty() {
        cx.error_spanned_by(
            &a.item.ident,
            "'data' must not be empty: an alternate needs branches (QAPI alternate rule)",
        );
    }
    for (j, b) in a.branches.iter().enumerate() {
        let source = format!("'data' member '{}'", b.name);
        // Branch names follow the member rules, without exceptions.
        let name_ok = match names::check_lower(&b.name, &source, false, false) {
            Ok(()) => true,
            Err(e) => {
                cx.error_at(b.span, e);
                false
            }
        };
        // Against the earlier branches that hold a type (the others are
        // reported as misfits).
        if let Some(prev) = a.branches[..j]
            .iter()
            .filter(|p| p.ty.is_some())
            .find(|p| names::c_name(&p.name) == names::c_name(&b.name))
            && name_ok
        {
            cx.error_at(
                b.span,
                format!(
                    "branch '{}' collides with branch '{}' (QAPI clash rule)",
                    b.name, prev.name
                ),
            );
        }
    }
    misfits(cx, &a.common);
}

pub fn check_enum(cx: &Ctxt, e: &Enum) {
    single_meta(cx, &e.common);
    generics(cx, &e.item.generics);
    type_name(cx, &e.def.name, e.def.name_span, "enum");
    features(cx, &e.def.features, true);
    misfits(cx, &e.common);
    for (j, v) in e.values.iter().enumerate() {
        let source = format!("'data' member '{}'", v.name);
        let name_ok =
            match names::check_enum_value(&v.name, &source, e.pragmas.member_name_exception) {
                Ok(()) => true,
                Err(err) => {
                    cx.error_at(v.span, err);
                    false
                }
            };
        features(cx, &v.features, false);
        if let Some(prev) = e.values[..j]
            .iter()
            .find(|p| names::c_name(&p.name) == names::c_name(&v.name))
            && name_ok
        {
            cx.error_at(
                v.span,
                format!(
                    "value '{}' collides with value '{}' (QAPI clash rule)",
                    v.name, prev.name
                ),
            );
        }
    }
}

pub fn check_command(cx: &Ctxt, c: &Command) {
    single_meta(cx, &c.common);
    if let (Some(_), Some(span)) = (c.allow_oob, c.coroutine) {
        cx.error_at(
            span,
            "flags 'allow-oob' and 'coroutine' are incompatible (QAPI flag rule)",
        );
    }
    if let Err(e) = names::check_lower(
        &c.def.name,
        "command",
        false,
        c.pragmas.command_name_exception,
    ) {
        cx.error_at(c.def.name_span, e);
    } else if let Err(e) = names::check_not_predefined(&c.def.name) {
        cx.error_at(c.def.name_span, e);
    }
    features(cx, &c.def.features, false);
    generics(cx, &c.item.sig.generics);
    if let Some(a) = &c.item.sig.asyncness {
        cx.error_spanned_by(a, "QAPI command handlers are not async");
    }
    if let (Some(_), Some(span)) = (c.boxed, c.named_data) {
        cx.error_at(
            span,
            "'boxed' already names the argument type; drop 'data' (QAPI command rule)",
        );
    }
    let rules = MemberRules {
        what: "parameter",
        permissive: false,
        forbid_if: Some("conditional command arguments require 'boxed': true (QAPI command rule)"),
    };
    let names_ok: Vec<bool> = c.params.iter().map(|p| member(cx, p, &rules)).collect();
    misfits(cx, &c.common);
    member_clashes(cx, &c.params, &names_ok, "parameter");
    if matches!(c.form(), DataForm::Boxed | DataForm::Named) && c.params.len() != 1 {
        let span = c.boxed.or(c.named_data).unwrap_or_else(Span::call_site);
        if c.params.is_empty() {
            cx.error_at(
                span,
                "'boxed': true requires 'data': give the function one parameter of the argument type (QAPI command rule)",
            );
        } else {
            cx.error_at(
                span,
                "'data' should be a type name: a command with a named argument type takes one parameter (QAPI command rule)",
            );
        }
    }
}

pub fn check_event(cx: &Ctxt, e: &Event) {
    single_meta(cx, &e.common);
    if let Err(err) = names::check_upper(&e.def.name, "event") {
        cx.error_at(e.def.name_span, err);
    }
    features(cx, &e.def.features, false);
    generics(cx, &e.item.generics);
    if let EventData::Inline(members) = &e.data {
        let rules = MemberRules {
            what: "member",
            permissive: false,
            forbid_if: Some("conditional event arguments require 'boxed': true (QAPI event rule)"),
        };
        let names_ok: Vec<bool> = members.iter().map(|m| member(cx, m, &rules)).collect();
        member_clashes(cx, members, &names_ok, "member");
    }
    misfits(cx, &e.common);
    if let Some(span) = e.boxed {
        match &e.data {
            EventData::None => cx.error_at(span, "'boxed': true requires 'data' (QAPI event rule)"),
            EventData::Inline(_) => cx.error_at(
                span,
                "'data' should be a type name: a boxed event is a newtype (QAPI event rule)",
            ),
            EventData::Named(_) => {}
        }
    }
}

/// One item, one meta-type.
fn single_meta(cx: &Ctxt, common: &Common) {
    for a in &common.other_metas {
        let other = a.path().segments.last().expect("path").ident.to_string();
        let this = common.meta;
        cx.error_spanned_by(
            a,
            format!(
                "an item is one QAPI definition: #[qapi::{this}] and #[qapi::{other}] cannot both apply (QAPI expression rule)"
            ),
        );
    }
}

/// The parts of the Rust item the meta-type cannot hold.
fn misfits(cx: &Ctxt, common: &Common) {
    for m in &common.misfits {
        match m {
            Misfit::TupleFields(at) => cx.error_spanned_by(
                at,
                "'data' should be an object: a QAPI struct has named members, as in `{ name: Type, .. }` (QAPI struct rule)",
            ),
            Misfit::ValueData(at) => cx.error_spanned_by(
                at,
                "'data' of an enum is a list of names: QAPI enum values carry no data (QAPI enum rule)",
            ),
            Misfit::Discriminant(at) => cx.error_spanned_by(
                at,
                "QAPI enum values are numbered in declaration order; remove the discriminant (QAPI enum rule)",
            ),
            Misfit::BranchFields(at, name) => cx.error_spanned_by(
                at,
                format!(
                    "union branch '{name}' misses its type: a branch holds one object type, as in `Inet(InetSocketAddress)`, or nothing (QAPI union rule)"
                ),
            ),
            Misfit::AltUnit(at, name) => cx.error_spanned_by(
                at,
                format!(
                    "alternate branch '{name}' misses its type: a branch holds one type, as in `Reference(String)` (QAPI alternate rule)"
                ),
            ),
            Misfit::AltFields(at) => cx.error_spanned_by(
                at,
                "an alternate branch holds one type, as in `Reference(String)` (QAPI alternate rule)",
            ),
            Misfit::ParamPattern(at) => {
                cx.error_spanned_by(at, "a command parameter is a plain name")
            }
            Misfit::SelfParam(at) => {
                cx.error_spanned_by(at, "a command is a free function, without self")
            }
            Misfit::Return(at) => cx.error_spanned_by(
                at,
                "a command returns Result<T, Error> (T = () when it has no 'returns') (QAPI command rule)",
            ),
            Misfit::EventFields(at) => cx.error_spanned_by(
                at,
                "an event's named data type is one field, as in `struct Event(pub Data);` (QAPI event rule)",
            ),
        }
    }
}

/// The members of a struct or union: each member, the base's place, and
/// clashes.
fn object_members(cx: &Ctxt, members: &[Member], permissive: bool) {
    let rules = MemberRules {
        what: "'data' member",
        permissive,
        forbid_if: None,
    };
    let names_ok: Vec<bool> = members.iter().map(|m| member(cx, m, &rules)).collect();
    for (i, m) in members.iter().enumerate() {
        if let Some(span) = m.is_base
            && i != 0
        {
            cx.error_at(
                span,
                "the base must be the first field: its members come first (QAPI base rule)",
            );
        }
    }
    member_clashes(cx, members, &names_ok, "member");
}

/// Checks a member; returns whether its name is valid (clash checks skip
/// it otherwise, so that one mistake gives one error).
fn member(cx: &Ctxt, m: &Member, rules: &MemberRules) -> bool {
    if m.is_base.is_some() {
        return true;
    }
    let source = format!("{} '{}'", rules.what, m.name);
    let mut name_ok = false;
    if let Err(e) = names::check_lower(&m.name, &source, rules.permissive, rules.permissive) {
        cx.error_at(m.name_span, e);
    } else if let Err(e) = names::check_member_reserved(&m.name, &source) {
        cx.error_at(m.name_span, e);
    } else {
        name_ok = true;
    }
    features(cx, &m.features, false);
    if let (Some(msg), Some(c)) = (rules.forbid_if, &m.cond) {
        cx.error_at(cond_span(c), msg);
    }
    if let Some((b, span)) = &m.builtin {
        let inner = innermost_ident(&m.ty).map(|i| i.to_string());
        let ok = matches!(
            (b.as_str(), inner.as_deref()),
            ("int" | "int64", Some("i64")) | ("uint64" | "size", Some("u64"))
        );
        if !ok {
            cx.error_at(
                *span,
                "'builtin' chooses between int/int64 (for i64) and uint64/size (for u64); other built-ins follow from the Rust type (QAPI type rule)",
            );
        }
    }
    name_ok
}

/// Reports members whose C names clash; `names_ok` says whose names are
/// valid.
fn member_clashes(cx: &Ctxt, members: &[Member], names_ok: &[bool], what: &str) {
    let counts = |i: usize| members[i].is_base.is_none() && names_ok[i];
    for (i, m) in members.iter().enumerate() {
        if !counts(i) {
            continue;
        }
        if let Some(prev) = (0..i)
            .filter(|&j| counts(j))
            .map(|j| &members[j])
            .find(|p| names::c_name(&p.name) == names::c_name(&m.name))
        {
            cx.error_at(
                m.name_span,
                format!(
                    "{what} '{}' collides with {what} '{}' (QAPI clash rule)",
                    m.name, prev.name
                ),
            );
        }
    }
}

/// Checks a feature list: valid names, no clash, and no special feature on
/// a type when `for_type`.
fn features(cx: &Ctxt, features: &[Feature], for_type: bool) {
    for (i, f) in features.iter().enumerate() {
        let source = format!("'features' member '{}'", f.name);
        if let Err(e) = names::check_lower(&f.name, &source, false, false) {
            cx.error_at(f.span, e);
            continue;
        }
        if for_type && (f.name == "deprecated" || f.name == "unstable") {
            cx.error_at(
                f.span,
                format!(
                    "feature '{}' is not supported for types (QAPI feature rule: special features go on commands, events, members and values)",
                    f.name
                ),
            );
        }
        if let Some(prev) = features[..i]
            .iter()
            .find(|p| names::c_name(&p.name) == names::c_name(&f.name))
            && names::check_lower(&prev.name, "", false, false).is_ok()
        {
            cx.error_at(
                f.span,
                format!(
                    "feature '{}' collides with feature '{}' (QAPI clash rule)",
                    f.name, prev.name
                ),
            );
        }
    }
}

/// The name of a type: CamelCase, and not a predefined type's.
fn type_name(cx: &Ctxt, name: &str, span: Span, meta: &str) {
    if let Err(e) = names::check_camel(name, meta) {
        cx.error_at(span, e);
    } else if let Err(e) = names::check_not_predefined(name) {
        cx.error_at(span, e);
    }
}

/// Rejects generics: QAPI types are concrete.
fn generics(cx: &Ctxt, g: &syn::Generics) {
    if !g.params.is_empty() {
        cx.error_spanned_by(
            g,
            "QAPI definitions cannot be generic (QAPI type rule: a QAPI type is one concrete type)",
        );
    }
}

/// The token an `if` error points at.
fn cond_span(c: &Cond) -> Span {
    match c {
        Cond::Sym(p) => p.span(),
        Cond::Not(op, _) | Cond::All(op, _) | Cond::Any(op, _) => op.span(),
    }
}
