//! Pieces every meta-type shares: definition attributes (name, `if`,
//! features), members, and the code that turns them into descriptors.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Ident, Type};

use crate::attr::{Args, FeatureSpec};
use crate::cond::{Cond, to_cond};
use crate::ctxt::Ctxt;
use crate::names;

/// The attributes every definition has.
pub struct DefAttrs {
    pub name: String,
    pub name_span: Span,
    pub cond: Option<Cond>,
    pub features: Vec<FeatureSpec>,
}

impl DefAttrs {
    /// Takes `name`, `if` and `features`; `default` is the name the
    /// naming rule gives.
    pub fn take(cx: &Ctxt, args: &mut Args, default: String, default_span: Span) -> DefAttrs {
        let (name, name_span) = args.take_str(cx, "name").unwrap_or((default, default_span));
        let cond = args.take_cond(cx);
        let features = args.take_features(cx);
        DefAttrs {
            name,
            name_span,
            cond,
            features,
        }
    }
}

/// Checks a feature list: valid names, no clash, and no special feature on
/// a type when `for_type`.
pub fn check_features(cx: &Ctxt, features: &[FeatureSpec], for_type: bool) {
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

/// `&[Feature { .. }, ..]`.
pub fn features_tokens(features: &[FeatureSpec]) -> TokenStream {
    let items = features.iter().map(|f| {
        let name = &f.name;
        let cond = to_cond(f.cond.as_ref());
        quote!(::qapi_runtime::desc::Feature { name: #name, cond: #cond })
    });
    quote!(&[#(#items),*])
}

/// The `Loc` of an item: its identifier's position.
pub fn loc_tokens(ident: &Ident) -> TokenStream {
    quote_spanned!(ident.span()=> ::qapi_runtime::desc::Loc {
        file: ::core::file!(),
        line: ::core::line!(),
        column: ::core::column!(),
    })
}

/// The module every definition of this Rust module belongs to.
pub fn module_tokens(span: Span) -> TokenStream {
    quote_spanned!(span=> &QAPI_MODULE)
}

/// Parses the item an attribute macro is on; on failure, the error says
/// what the macro applies to.
pub fn parse_item<T: syn::parse::Parse>(
    input: TokenStream,
    applies_to: &str,
) -> Result<T, TokenStream> {
    syn::parse2(input).map_err(|e| syn::Error::new(e.span(), applies_to).to_compile_error())
}

/// The `Entity { .. }` of a definition, given its descriptor `kind`.
pub fn entity_tokens(
    def: &DefAttrs,
    ident: &Ident,
    kind: TokenStream,
    implicit: bool,
) -> TokenStream {
    let name = &def.name;
    let module = module_tokens(def.name_span);
    let loc = loc_tokens(ident);
    let cond = to_cond(def.cond.as_ref());
    let features = features_tokens(&def.features);
    quote! {
        ::qapi_runtime::desc::Entity {
            name: #name,
            module: #module,
            loc: #loc,
            cond: #cond,
            features: #features,
            kind: #kind,
            implicit: #implicit,
        }
    }
}

/// Wraps an entity static so it lands in the registry.
pub fn registered(static_ident: &Ident, entity: TokenStream) -> TokenStream {
    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals)]
        #[::qapi_runtime::__private::linkme::distributed_slice(::qapi_runtime::registry::QAPI_ENTITIES)]
        #[linkme(crate = ::qapi_runtime::__private::linkme)]
        static #static_ident: ::qapi_runtime::desc::Entity = #entity;
    }
}

/// An entity static that stays out of the registry (implicit types).
pub fn unregistered(static_ident: &Ident, entity: TokenStream) -> TokenStream {
    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals)]
        static #static_ident: ::qapi_runtime::desc::Entity = #entity;
    }
}

/// The name of the static holding a definition's descriptor.
pub fn entity_static(prefix: &str, ident: &Ident) -> Ident {
    format_ident!("__QAPI_{}_{}", prefix, names::unraw(ident))
}

/// serde `Serialize` and `Deserialize` through `Value`.
pub fn serde_impls(ty: &Ident) -> TokenStream {
    quote! {
        impl ::qapi_runtime::__private::serde::Serialize for #ty {
            fn serialize<S: ::qapi_runtime::__private::serde::Serializer>(&self, s: S) -> ::core::result::Result<S::Ok, S::Error> {
                ::qapi_runtime::__private::serde_impl::serialize(self, s)
            }
        }
        impl<'de> ::qapi_runtime::__private::serde::Deserialize<'de> for #ty {
            fn deserialize<D: ::qapi_runtime::__private::serde::Deserializer<'de>>(d: D) -> ::core::result::Result<Self, D::Error> {
                ::qapi_runtime::__private::serde_impl::deserialize(d)
            }
        }
    }
}

/// A member: a struct field, union base field, command parameter or
/// inline event field.
pub struct MemberSpec {
    pub ident: Ident,
    pub name: String,
    pub name_span: Span,
    pub ty: Type,
    pub cond: Option<Cond>,
    pub features: Vec<FeatureSpec>,
    /// `builtin = size`: the exact integer built-in of the field.
    pub builtin: Option<(String, Span)>,
    pub is_base: Option<Span>,
    pub is_discriminator: Option<Span>,
    /// The name passed the naming rules (clash checks skip it otherwise,
    /// so that one mistake gives one error).
    pub name_ok: bool,
}

/// What a member may carry, by context.
#[derive(Clone, Copy)]
pub struct MemberRules {
    /// Where the member is (`'data' member`, `parameter`, ...), for messages.
    pub what: &'static str,
    pub allow_base: bool,
    pub allow_discriminator: bool,
    /// Member names may use uppercase and '_' (pragma member-name-exceptions).
    pub permissive: bool,
    /// Error text for an `if` here, when not allowed.
    pub forbid_if: Option<&'static str>,
}

impl MemberSpec {
    pub fn parse(
        cx: &Ctxt,
        attrs: &mut Vec<syn::Attribute>,
        ident: Ident,
        ty: Type,
        rules: MemberRules,
    ) -> MemberSpec {
        let mut args = Args::take_from(cx, attrs);
        let default = names::snake_to_dash(&names::unraw(&ident));
        let (name, name_span) = args.take_str(cx, "name").unwrap_or((default, ident.span()));
        let cond = args.take_cond(cx);
        let features = args.take_features(cx);
        let builtin = match args.take_type(cx, "builtin") {
            Some((Type::Path(p), span)) if p.path.get_ident().is_some() => {
                Some((p.path.get_ident().expect("ident").to_string(), span))
            }
            Some((t, _)) => {
                cx.error_spanned_by(
                    t,
                    "'builtin' names an integer built-in, as in builtin = size (QAPI type rule)",
                );
                None
            }
            None => None,
        };
        let mut valid = vec!["name", "if", "features", "builtin"];
        let is_base = if rules.allow_base {
            valid.push("base");
            args.take_flag(cx, "base")
        } else {
            None
        };
        let is_discriminator = if rules.allow_discriminator {
            valid.push("discriminator");
            args.take_flag(cx, "discriminator")
        } else {
            None
        };
        args.finish(cx, "#[qapi(...)] of a member", &valid);

        let m = MemberSpec {
            ident,
            name,
            name_span,
            ty,
            cond,
            features,
            builtin,
            is_base,
            is_discriminator,
            name_ok: true,
        };
        let name_ok = m.check(cx, rules);
        MemberSpec { name_ok, ..m }
    }

    /// Checks the member; returns whether its name is valid.
    fn check(&self, cx: &Ctxt, rules: MemberRules) -> bool {
        if self.is_base.is_some() {
            return true;
        }
        let source = format!("{} '{}'", rules.what, self.name);
        let mut name_ok = false;
        if let Err(e) = names::check_lower(&self.name, &source, rules.permissive, rules.permissive)
        {
            cx.error_at(self.name_span, e);
        } else if let Err(e) = names::check_member_reserved(&self.name, &source) {
            cx.error_at(self.name_span, e);
        } else {
            name_ok = true;
        }
        check_features(cx, &self.features, false);
        if let (Some(msg), Some(c)) = (rules.forbid_if, &self.cond) {
            cx.error_at(cond_span(c), msg);
        }
        if let Some((b, span)) = &self.builtin {
            let inner = innermost_ident(&self.ty).map(|i| i.to_string());
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

    /// `&'static TypeRef` of the member.
    pub fn typeref(&self) -> TokenStream {
        let ty = &self.ty;
        if self.is_discriminator.is_some() {
            return quote_spanned!(ty.span()=>
                <<#ty as ::qapi_runtime::QapiBranches>::Tag as ::qapi_runtime::QapiType>::TYPE);
        }
        match &self.builtin {
            Some((b, span)) => {
                let variant = match b.as_str() {
                    "int" => quote!(Int),
                    "int64" => quote!(Int64),
                    "uint64" => quote!(Uint64),
                    _ => quote!(Size),
                };
                let scalar = quote_spanned!(*span=> ::qapi_runtime::desc::TypeRef::Builtin(::qapi_runtime::desc::Builtin::#variant));
                if is_vec(&self.ty) {
                    quote!(&::qapi_runtime::desc::TypeRef::Array(&#scalar))
                } else {
                    quote!(&#scalar)
                }
            }
            None => quote_spanned!(ty.span()=> <#ty as ::qapi_runtime::QapiType>::TYPE),
        }
    }

    /// The `Member { .. }` descriptor; `ty_override` replaces the type.
    pub fn member_tokens(&self, ty_override: Option<TokenStream>) -> TokenStream {
        let name = &self.name;
        let ty = &self.ty;
        let tyref = ty_override.unwrap_or_else(|| self.typeref());
        let optional = if self.is_discriminator.is_some() {
            quote!(false)
        } else {
            quote_spanned!(ty.span()=> <#ty as ::qapi_runtime::QapiType>::OPTIONAL)
        };
        let cond = to_cond(self.cond.as_ref());
        let features = features_tokens(&self.features);
        quote! {
            ::qapi_runtime::desc::Member {
                name: #name,
                ty: #tyref,
                optional: #optional,
                cond: #cond,
                features: #features,
            }
        }
    }
}

/// Reports members whose C names clash.
pub fn check_member_clashes(cx: &Ctxt, members: &[MemberSpec], what: &str) {
    for (i, m) in members.iter().enumerate() {
        if m.is_base.is_some() || !m.name_ok {
            continue;
        }
        if let Some(prev) = members[..i]
            .iter()
            .filter(|p| p.is_base.is_none() && p.name_ok)
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

pub fn cond_span(c: &Cond) -> Span {
    match c {
        Cond::Sym(p) => p.span(),
        Cond::Not(op, _) | Cond::All(op, _) | Cond::Any(op, _) => op.span(),
    }
}

/// `Option<Box<Vec<T>>>` -> the identifier of `T`.
pub fn innermost_ident(ty: &Type) -> Option<&Ident> {
    let Type::Path(p) = ty else { return None };
    let seg = p.path.segments.last()?;
    if matches!(seg.ident.to_string().as_str(), "Option" | "Box" | "Vec")
        && let syn::PathArguments::AngleBracketed(a) = &seg.arguments
        && let Some(syn::GenericArgument::Type(inner)) = a.args.first()
    {
        return innermost_ident(inner);
    }
    Some(&seg.ident)
}

fn is_vec(ty: &Type) -> bool {
    let Type::Path(p) = ty else { return false };
    let Some(seg) = p.path.segments.last() else {
        return false;
    };
    let inner = match &seg.arguments {
        syn::PathArguments::AngleBracketed(a) => match a.args.first() {
            Some(syn::GenericArgument::Type(t)) => Some(t),
            _ => None,
        },
        _ => None,
    };
    match (seg.ident.to_string().as_str(), inner) {
        ("Vec", _) => true,
        ("Option" | "Box", Some(t)) => is_vec(t),
        _ => false,
    }
}

/// Whether the type is written `Option<...>`.
pub fn is_option(ty: &Type) -> bool {
    matches!(ty, Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Option"))
}

/// Rejects generics: QAPI types are concrete.
pub fn forbid_generics(cx: &Ctxt, g: &syn::Generics) {
    if !g.params.is_empty() {
        cx.error_spanned_by(
            g,
            "QAPI definitions cannot be generic (QAPI type rule: a QAPI type is one concrete type)",
        );
    }
}

/// The `Shape` of an object type; `branches` is a union's
/// `&[&Shape]` of branch types.
pub fn object_shape(
    name: &str,
    union: bool,
    members: &[MemberSpec],
    base: Option<&Type>,
    branches: Option<TokenStream>,
) -> TokenStream {
    let meta = if union { quote!(Union) } else { quote!(Struct) };
    let names = members
        .iter()
        .filter(|m| m.is_base.is_none())
        .map(|m| &m.name);
    let conditional = members.iter().any(|m| m.cond.is_some());
    let base = match base {
        Some(b) => quote!(::core::option::Option::Some(<#b as ::qapi_runtime::QapiType>::SHAPE)),
        None => quote!(::core::option::Option::None),
    };
    let branches = branches.unwrap_or_else(|| quote!(&[]));
    quote! {
        &::qapi_runtime::__private::check::Shape {
            meta: ::qapi_runtime::__private::check::Meta::#meta,
            name: #name,
            element: ::core::option::Option::None,
            values: &[],
            members: &[#(#names),*],
            base: #base,
            conditional_members: #conditional,
            branches: #branches,
        }
    }
}

/// A `const` check that fails compilation at `span` with the message
/// `call` (an `Option<check::Msg>` expression) returns, if any.
pub fn const_check(span: Span, call: TokenStream) -> TokenStream {
    quote_spanned! {span=>
        const _: () = if let ::core::option::Option::Some(m) = #call {
            ::core::panic!("{}", m.as_str())
        };
    }
}

/// Rejects an array of arrays (`Vec<Vec<T>>`), which QAPI cannot express;
/// `what` names the place ("member 'x'").  Only types that mention `Vec`
/// get the check.
pub fn nested_array_check(what: &str, ty: &Type) -> TokenStream {
    if !quote!(#ty).to_string().contains("Vec") {
        return TokenStream::new();
    }
    let shape = quote_spanned!(ty.span()=> <#ty as ::qapi_runtime::QapiType>::SHAPE);
    const_check(
        ty.span(),
        quote!(::qapi_runtime::__private::check::nested_array_error(#what, #shape)),
    )
}

/// `Probe.write_members(&value, d)` / `Probe.read_members(d)` for a type
/// that should be an object: compiles for any type, so that a non-object
/// is reported once, by a `const` check, rather than by trait errors.
pub fn probe(ty: &Type) -> TokenStream {
    quote_spanned! {ty.span()=>
        (&::qapi_runtime::__private::check::ObjectProbe::<#ty>(::core::marker::PhantomData))
    }
}

/// The `use` that brings the probe's methods into scope.
pub fn probe_use() -> TokenStream {
    quote!(
        #[allow(unused_imports)]
        use ::qapi_runtime::__private::check::{IsObject as _, NotObject as _};
    )
}

/// One item, one meta-type: reports (and removes, so it does not expand
/// too) any other QAPI attribute macro on the item.
pub fn check_single_meta(cx: &Ctxt, attrs: &mut Vec<syn::Attribute>, this: &str) {
    const METAS: &[&str] = &[
        "structure",
        "enumeration",
        "union",
        "branches",
        "alternate",
        "command",
        "event",
    ];
    attrs.retain(|a| {
        let segs: Vec<String> = a
            .path()
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect();
        let is_meta = segs.len() >= 2
            && matches!(
                segs[segs.len() - 2].as_str(),
                "qapi" | "qapi_runtime" | "qapi_macros"
            )
            && METAS.contains(&segs[segs.len() - 1].as_str());
        if is_meta {
            cx.error_spanned_by(
                a,
                format!(
                    "an item is one QAPI definition: #[qapi::{this}] and #[qapi::{}] cannot both apply (QAPI expression rule)",
                    segs[segs.len() - 1]
                ),
            );
        }
        !is_meta
    });
}

/// A stand-in `QapiType` impl, emitted when an item has errors so that
/// its users do not fail too (none for a generic item, which is an error
/// itself).
pub fn dummy_type_impl(ident: &Ident, generics: &syn::Generics) -> TokenStream {
    if !generics.params.is_empty() {
        return TokenStream::new();
    }
    let name = names::unraw(ident);
    quote! {
        impl ::qapi_runtime::QapiType for #ident {
            const TYPE: &'static ::qapi_runtime::desc::TypeRef =
                &::qapi_runtime::desc::TypeRef::Builtin(::qapi_runtime::desc::Builtin::Any);
            const SHAPE: &'static ::qapi_runtime::__private::check::Shape =
                &::qapi_runtime::__private::check::Shape::invalid(#name);
            fn to_value(&self) -> ::qapi_runtime::Value { ::qapi_runtime::Value::Null }
            fn from_value(_: ::qapi_runtime::Value) -> ::core::result::Result<Self, ::qapi_runtime::Error> {
                ::core::result::Result::Err(::qapi_runtime::Error::generic("invalid definition"))
            }
        }
    }
}

/// The last path segment of every trait in the item's `#[derive(...)]`
/// attributes (`Debug` for both `Debug` and `std::fmt::Debug`).
pub fn derived_traits(attrs: &[syn::Attribute]) -> Vec<String> {
    let mut names = Vec::new();
    for a in attrs.iter().filter(|a| a.path().is_ident("derive")) {
        let _ = a.parse_nested_meta(|m| {
            if let Some(last) = m.path.segments.last() {
                names.push(last.ident.to_string());
            }
            Ok(())
        });
    }
    names
}
