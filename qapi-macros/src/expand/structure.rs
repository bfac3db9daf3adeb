//! `#[qapi::structure]`: a QAPI struct from a Rust struct.
//!
//! ```text
//! #[qapi::structure(if = CONFIG_LINUX, features = [unstable_thing])]
//! pub struct Example {
//!     #[qapi(base)]
//!     pub base: ExampleBase,                 // 'base': its members come first
//!     pub cpu_index: i64,                     // 'cpu-index': 'int'
//!     pub label: Option<String>,              // '*label': 'str'
//!     #[qapi(if = CONFIG_POSIX, features = [deprecated], builtin = size)]
//!     pub limit: Option<u64>,                 // '*limit': 'size', conditional
//! }
//! ```

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::Definition;
use crate::internals::ast::{Def, Member, Struct, is_option};
use crate::internals::check;
use crate::internals::ctxt::Ctxt;

impl Definition for Struct {
    type Item = syn::ItemStruct;
    const APPLIES_TO: &'static str = "#[qapi::structure] applies to a struct";

    fn from_ast(cx: &Ctxt, args: TokenStream, item: syn::ItemStruct) -> Self {
        Struct::from_ast(cx, args, item)
    }

    fn check(&self, cx: &Ctxt) {
        check::check_struct(cx, self);
    }

    fn expand(self) -> TokenStream {
        let item = &self.item;
        let entity = super::entity_static("STRUCT", &item.ident);
        let body = object_impls(
            &item.ident,
            &self.def,
            &self.members,
            &entity,
            false,
            quote!(),
        );
        let registered = super::registered(
            &entity,
            struct_entity_tokens(&item.ident, &self.def, &self.members, false),
        );
        quote! {
            #item
            #registered
            #body
        }
    }

    /// A base that is the struct itself would make rustc report an
    /// infinitely large struct too, with follow-up errors from every use:
    /// the stand-in gives that field another type.
    fn dummy(mut self) -> TokenStream {
        if self.base_is_self()
            && let Some(base) = self.base().map(|b| b.ident.clone())
            && let syn::Fields::Named(named) = &mut self.item.fields
            && let Some(f) = named
                .named
                .iter_mut()
                .find(|f| f.ident.as_ref() == Some(&base))
        {
            f.ty = syn::parse_quote!(::core::marker::PhantomData<Self>);
        }
        let item = &self.item;
        let dummy = super::dummy_type_impl(&item.ident, &item.generics);
        quote!(#item #dummy)
    }
}

/// The `Entity` of a struct (or of an implicit argument/data struct).
pub fn struct_entity_tokens(
    ident: &syn::Ident,
    def: &Def,
    members: &[Member],
    implicit: bool,
) -> TokenStream {
    let base = match members.iter().find(|m| m.is_base.is_some()) {
        Some(b) => {
            let ty = &b.ty;
            quote!(::core::option::Option::Some(*<#ty as ::qapi_runtime::QapiType>::TYPE))
        }
        None => quote!(::core::option::Option::None),
    };
    let descs = members
        .iter()
        .filter(|m| m.is_base.is_none())
        .map(|m| m.member_tokens(None));
    super::entity_tokens(
        def,
        ident,
        quote! { ::qapi_runtime::desc::Kind::Struct(::qapi_runtime::desc::StructDesc {
            base: #base,
            members: &[#(#descs),*],
        }) },
        implicit,
    )
}

/// `QapiType`, `QapiObject` and serde impls of an object type, plus the
/// compile-time checks against its base.  `extra_checks` are appended.
pub fn object_impls(
    ident: &syn::Ident,
    def: &Def,
    members: &[Member],
    entity: &syn::Ident,
    union: bool,
    extra: TokenStream,
) -> TokenStream {
    let base = members.iter().find(|m| m.is_base.is_some());
    let disc = members.iter().find(|m| m.is_discriminator.is_some());
    let branch_shapes = disc.map(|m| {
        let ty = &m.ty;
        quote_spanned!(ty.span()=> <#ty as ::qapi_runtime::QapiBranches>::BRANCH_SHAPES)
    });
    let shape = super::object_shape(
        &def.name,
        union,
        members,
        base.map(|b| &b.ty),
        branch_shapes,
    );
    let writes = members.iter().map(write_member);
    let reads = members.iter().map(read_member);
    // A union's branch members come after all common members.
    // Everything that uses the discriminator's type is spanned at that
    // type, so that a type that is no branches enum gets one error there.
    let (post_write, post_read) = match disc {
        Some(m) => {
            let (f, ty) = (&m.ident, &m.ty);
            let tag = tag_local(ty);
            (
                quote_spanned!(ty.span()=>
                    <#ty as ::qapi_runtime::QapiBranches>::write_members(&self.#f, d);),
                quote_spanned!(ty.span()=>
                    let #f = <#ty as ::qapi_runtime::QapiBranches>::read_members(#tag, d)?;),
            )
        }
        None => (quote!(), quote!()),
    };
    let field_idents = members.iter().map(|m| &m.ident);
    let construct = quote!(#ident { #(#field_idents),* });
    let serde = super::serde_impls(ident);
    let probe_use = super::probe_use();
    let mut checks = TokenStream::new();
    for m in members
        .iter()
        .filter(|m| m.is_base.is_none() && m.is_discriminator.is_none())
    {
        checks.extend(super::nested_array_check(
            &format!("member '{}'", m.name),
            &m.ty,
        ));
    }
    if let Some(b) = base {
        let ty = &b.ty;
        let shape = quote_spanned!(ty.span()=> <#ty as ::qapi_runtime::QapiType>::SHAPE);
        checks.extend(super::const_check(
            ty.span(),
            quote!(::qapi_runtime::__private::check::base_error(#shape)),
        ));
        for m in members.iter().filter(|m| m.is_base.is_none()) {
            let name = &m.name;
            checks.extend(super::const_check(
                m.name_span,
                quote!(::qapi_runtime::__private::check::base_clash_error(#shape, #name)),
            ));
        }
    }
    quote! {
        impl ::qapi_runtime::QapiType for #ident {
            const TYPE: &'static ::qapi_runtime::desc::TypeRef =
                &::qapi_runtime::desc::TypeRef::Entity(|| &#entity);
            const SHAPE: &'static ::qapi_runtime::__private::check::Shape = #shape;
            // Inline: a few calls around `write_members`/`read_members`,
            // generated only where used.  Out of line, each type's copy
            // was kept with its unwinding table, used or not.
            #[inline]
            fn to_value(&self) -> ::qapi_runtime::Value {
                let mut d = ::qapi_runtime::Dict::new();
                ::qapi_runtime::QapiObject::write_members(self, &mut d);
                ::qapi_runtime::Value::Dict(d)
            }
            #[inline]
            fn from_value(v: ::qapi_runtime::Value) -> ::core::result::Result<Self, ::qapi_runtime::Error> {
                let mut d = ::qapi_runtime::__private::expect_dict(v)?;
                <Self as ::qapi_runtime::QapiObject>::read_members(&mut d)
            }
        }
        impl ::qapi_runtime::QapiObject for #ident {
            // Out of line: `to_value`/`from_value` and the types that
            // extend this one all call it; inlined, each caller would
            // carry a copy of every member's conversion.
            #[allow(unused_variables)]
            #[inline(never)]
            fn write_members(&self, d: &mut ::qapi_runtime::Dict) {
                #probe_use
                #(#writes)*
                #post_write
            }
            #[allow(unused_variables)]
            #[inline(never)]
            fn read_members(d: &mut ::qapi_runtime::Dict) -> ::core::result::Result<Self, ::qapi_runtime::Error> {
                #probe_use
                #(#reads)*
                #post_read
                ::core::result::Result::Ok(#construct)
            }
        }
        #serde
        #checks
        #extra
    }
}

fn write_member(m: &Member) -> TokenStream {
    let ident = &m.ident;
    let name = &m.name;
    let ty = &m.ty;
    if m.is_base.is_some() {
        // Through the probe: a base that is no struct is reported by a
        // const check (base_error), not by a trait error.
        let probe = super::probe(ty);
        quote!(#probe.write_members(&self.#ident, d);)
    } else if m.is_discriminator.is_some() {
        quote_spanned! {ty.span()=>
            d.push_unique(#name, ::qapi_runtime::QapiType::to_value(
                &<#ty as ::qapi_runtime::QapiBranches>::tag(&self.#ident)));
        }
    } else {
        // Direct trait calls, spanned at the type: a type that is no QAPI
        // type gets one error there (identical errors are merged).
        let t = quote_spanned!(ty.span()=> <#ty as ::qapi_runtime::QapiType>);
        quote! {
            if #t::is_present(&self.#ident) {
                d.push_unique(#name, #t::to_value(&self.#ident));
            }
        }
    }
}

/// The local variable holding a union's discriminator value while its
/// branch is read.
fn tag_local(ty: &syn::Type) -> syn::Ident {
    syn::Ident::new("__qapi_tag", ty.span())
}

fn read_member(m: &Member) -> TokenStream {
    let ident = &m.ident;
    let name = &m.name;
    let ty = &m.ty;
    if m.is_base.is_some() {
        let probe = super::probe(ty);
        quote!(let #ident = #probe.read_members(d)?;)
    } else if m.is_discriminator.is_some() {
        // The branch is read after the other members (see object_impls).
        let tag = tag_local(ty);
        quote_spanned!(ty.span()=>
            let #tag = <<#ty as ::qapi_runtime::QapiBranches>::Tag as ::qapi_runtime::QapiType>
                ::from_member(#name, d.remove(#name))?;)
    } else if m.cond.is_some() && !is_option(ty) {
        // Absent where its condition is false.
        let take =
            quote_spanned!(ty.span()=> ::qapi_runtime::__private::take_member_or_default::<#ty>);
        quote!(let #ident = #take(d, #name)?;)
    } else {
        let t = quote_spanned!(ty.span()=> <#ty as ::qapi_runtime::QapiType>);
        quote!(let #ident = #t::from_member(#name, d.remove(#name))?;)
    }
}
