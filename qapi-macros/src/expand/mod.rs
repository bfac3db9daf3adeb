//! Code generation from a checked model, one module per meta-type, and
//! what they share: descriptors, `QapiType` pieces, `const` checks and the
//! stand-ins emitted when an item has errors.
//!
//! [`expand`] drives every macro: parse the item and attribute into the
//! model (`internals::ast`), check it (`internals::check`), then expand it,
//! or on error emit the errors with a stand-in so that nothing cascades.

mod alternate;
mod command;
mod enumeration;
mod event;
mod structure;
mod union;

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Ident, Type};

use crate::internals::ast::{Def, Feature, Member, is_vec};
use crate::internals::cond::to_cond;
use crate::internals::ctxt::Ctxt;
use crate::internals::names;

/// A meta-type's model, from parsing to code.
pub trait Definition: Sized {
    /// The Rust item the macro applies to.
    type Item: syn::parse::Parse;
    /// The error when the item is of another kind.
    const APPLIES_TO: &'static str;
    /// Reads the attribute `args` and the item (`internals::ast`).
    fn from_ast(cx: &Ctxt, args: TokenStream, item: Self::Item) -> Self;
    /// Checks QAPI's rules (`internals::check`).
    fn check(&self, cx: &Ctxt);
    /// The code of a checked definition.
    fn expand(self) -> TokenStream;
    /// The item and stand-ins for its impls, when it has errors.
    fn dummy(self) -> TokenStream;
}

/// Runs one attribute macro.
pub fn expand<D: Definition>(args: TokenStream, input: TokenStream) -> TokenStream {
    let item = match syn::parse2::<D::Item>(input) {
        Ok(i) => i,
        Err(e) => return syn::Error::new(e.span(), D::APPLIES_TO).to_compile_error(),
    };
    let cx = Ctxt::new();
    let def = D::from_ast(&cx, args, item);
    def.check(&cx);
    match cx.check() {
        Ok(()) => def.expand(),
        Err(errors) => {
            let mut out = def.dummy();
            out.extend(errors.iter().map(syn::Error::to_compile_error));
            out
        }
    }
}

/// The `desc::Features` of a list: `&(&[Feature { .. }, ..] as &[Feature])`.
pub fn features_tokens(features: &[Feature]) -> TokenStream {
    if features.is_empty() {
        return quote!(::qapi_runtime::desc::NO_FEATURES);
    }
    let items = features.iter().map(|f| {
        let name = &f.name;
        let cond = to_cond(f.cond.as_ref());
        quote!(::qapi_runtime::desc::Feature { name: #name, cond: #cond })
    });
    quote!(&(&[#(#items),*] as &[::qapi_runtime::desc::Feature]))
}

/// The `Pos` of an item in its module: its identifier's position, with a
/// check that it is in the module's file (the descriptor names no file).
pub fn pos_tokens(ident: &Ident, module: &TokenStream) -> TokenStream {
    let check = const_check(
        ident.span(),
        quote_spanned!(ident.span()=>
            ::qapi_runtime::__private::check::module_file_error(#module, ::core::file!())),
    );
    quote_spanned!(ident.span()=> {
        #check
        ::qapi_runtime::desc::Pos {
            line: ::core::line!(),
            column: ::core::column!(),
        }
    })
}

/// The module every definition of this Rust module belongs to.
pub fn module_tokens(span: Span) -> TokenStream {
    quote_spanned!(span=> &QAPI_MODULE)
}

/// The `Entity { .. }` of a definition, given its descriptor `kind`.
pub fn entity_tokens(def: &Def, ident: &Ident, kind: TokenStream, implicit: bool) -> TokenStream {
    let name = &def.name;
    let module = module_tokens(def.name_span);
    let pos = pos_tokens(ident, &module);
    let cond = to_cond(def.cond.as_ref());
    let features = features_tokens(&def.features);
    quote! {
        ::qapi_runtime::desc::Entity {
            name: #name,
            module: #module,
            pos: #pos,
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

impl Member {
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

/// The `Shape` of an object type; `branches` is a union's
/// `&[&Shape]` of branch types.
pub fn object_shape(
    name: &str,
    union: bool,
    members: &[Member],
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
