//! `#[qapi::union]` and `#[qapi::branches]`: a QAPI flat union.
//!
//! A union is a struct of common members, one of which is the
//! discriminator; the discriminator field holds a branches enum, whose
//! variant is the discriminator value and carries that branch's members:
//!
//! ```text
//! #[qapi::union]
//! pub struct SocketAddress {
//!     #[qapi(discriminator)]
//!     pub r#type: SocketAddressBranch,        // 'type': 'SocketAddressType'
//! }
//!
//! #[qapi::branches(tag = SocketAddressType)]
//! pub enum SocketAddressBranch {
//!     Inet(InetSocketAddress),                 // 'inet': 'InetSocketAddress'
//!     Unix(UnixSocketAddress),
//!     #[qapi(if = CONFIG_LINUX)] Vsock(VsockSocketAddress),
//!     Fd,                                      // implicit empty branch
//! }
//! ```
//!
//! Each variant of the branches enum is named like the tag enum's variant
//! it stands for; constant checks report a branch that is no value and a
//! value without a branch, with the QAPI rule.
//! `base = Name` records a named base (whose members the struct repeats).

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::Definition;
use super::structure;
use crate::internals::ast::{Branches, Union};
use crate::internals::check;
use crate::internals::cond::to_cond;
use crate::internals::ctxt::Ctxt;
use crate::internals::names;

impl Definition for Union {
    type Item = syn::ItemStruct;
    const APPLIES_TO: &'static str = "#[qapi::union] applies to a struct of the common members, one of them #[qapi(discriminator)]";

    fn from_ast(cx: &Ctxt, args: TokenStream, item: syn::ItemStruct) -> Self {
        Union::from_ast(cx, args, item)
    }

    fn check(&self, cx: &Ctxt) {
        check::check_union(cx, self);
    }

    fn expand(self) -> TokenStream {
        expand_union(&self)
    }

    fn dummy(self) -> TokenStream {
        let item = &self.item;
        let dummy = super::dummy_type_impl(&item.ident, &item.generics);
        quote!(#item #dummy)
    }
}

fn expand_union(u: &Union) -> TokenStream {
    let (item, def, members, base) = (&u.item, &u.def, &u.members, &u.base);
    let disc = u.discriminators()[0];
    let disc_ty = &disc.ty;
    let ident = &item.ident;
    let entity = super::entity_static("UNION", ident);

    // Checks that need the branch types and the named base.
    let mut checks = TokenStream::new();
    let branch_shapes =
        quote_spanned!(disc_ty.span()=> <#disc_ty as ::qapi_runtime::QapiBranches>::BRANCH_SHAPES);
    for m in members {
        let name = &m.name;
        checks.extend(super::const_check(
            m.name_span,
            quote!(::qapi_runtime::__private::check::branch_clash_error(#branch_shapes, #name)),
        ));
    }
    if let Some((b, span)) = base {
        let shape = quote_spanned!(b.span()=> <#b as ::qapi_runtime::QapiType>::SHAPE);
        checks.extend(super::const_check(
            b.span(),
            quote!(::qapi_runtime::__private::check::base_error(#shape)),
        ));
        let names: Vec<&String> = members.iter().map(|m| &m.name).collect();
        checks.extend(super::const_check(
            *span,
            quote!(::qapi_runtime::__private::check::named_base_count_error(#shape, &[#(#names),*])),
        ));
        for m in members {
            let name = &m.name;
            let is_disc = m.is_discriminator.is_some();
            checks.extend(super::const_check(
                m.name_span,
                quote!(::qapi_runtime::__private::check::named_base_member_error(#shape, #name, #is_disc)),
            ));
        }
    }

    let body = structure::object_impls(ident, def, members, &entity, true, checks);
    let descs = members.iter().map(|m| m.member_tokens(None));
    let base_tokens = match base {
        Some((b, _)) => {
            quote!(::core::option::Option::Some(*<#b as ::qapi_runtime::QapiType>::TYPE))
        }
        None => quote!(::core::option::Option::None),
    };
    let disc_name = &disc.name;
    let branches_desc =
        quote_spanned!(disc_ty.span()=> <#disc_ty as ::qapi_runtime::QapiBranches>::BRANCHES);
    let registered = super::registered(
        &entity,
        super::entity_tokens(
            def,
            ident,
            quote! { ::qapi_runtime::desc::Kind::Union(&::qapi_runtime::desc::UnionDesc {
                base: #base_tokens,
                members: &[#(#descs),*],
                discriminator: #disc_name,
                branches: #branches_desc,
            }) },
            false,
        ),
    );
    quote! {
        #item
        #registered
        #body
    }
}

impl Definition for Branches {
    type Item = syn::ItemEnum;
    const APPLIES_TO: &'static str = "#[qapi::branches] applies to an enum";

    fn from_ast(cx: &Ctxt, args: TokenStream, item: syn::ItemEnum) -> Self {
        Branches::from_ast(cx, args, item)
    }

    fn check(&self, cx: &Ctxt) {
        check::check_branches(cx, self);
    }

    fn expand(self) -> TokenStream {
        expand_branches(&self)
    }

    fn dummy(self) -> TokenStream {
        let item = &self.item;
        let dummy =
            dummy_branches_impl(&item.ident, &item.generics, self.tag.as_ref().map(|t| &t.0));
        quote!(#item #dummy)
    }
}

fn expand_branches(b: &Branches) -> TokenStream {
    let (item, branches) = (&b.item, &b.branches);
    let ident = &item.ident;
    let (tag, _) = b.tag.as_ref().expect("checked");
    // Branches are matched to the tag's values by Rust name, through
    // constants rather than paths like `Tag::Value`: a branch that is no
    // value, or a value without a branch, is then reported once, with the
    // QAPI rule, instead of as an unknown variant or a non-exhaustive match.
    let tag_shape = quote!(<#tag as ::qapi_runtime::QapiType>::SHAPE);
    let tag_names = quote!(<#tag as ::qapi_runtime::QapiEnum>::RUST_NAMES);
    let tag_values = quote!(<#tag as ::qapi_runtime::QapiEnum>::VARIANTS);
    let mut checks = TokenStream::new();
    let mut index_consts = Vec::new();
    let mut descs = Vec::new();
    let mut shapes = Vec::new();
    let mut tag_arms = Vec::new();
    let mut write_arms = Vec::new();
    let mut read_arms = Vec::new();
    let mut branch_names = Vec::new();
    for b in branches {
        let v = &b.ident;
        let rust_name = names::unraw(v);
        let index = quote::format_ident!("__QAPI_TAG_{}", rust_name);
        checks.extend(super::const_check(
            v.span(),
            quote!(::qapi_runtime::__private::check::branch_tag_error(#tag_shape, #tag_names, #rust_name)),
        ));
        index_consts.push(quote! {
            const #index: usize = ::qapi_runtime::__private::check::branch_tag_index(#tag_names, #rust_name);
        });
        branch_names.push(rust_name);
        let tag_variant = quote!(#tag_values[Self::#index]);
        match &b.ty {
            Some(ty) => {
                let cond = to_cond(b.cond.as_ref());
                descs.push(quote! {
                    ::qapi_runtime::desc::Branch {
                        case: #tag_shape.values[Self::#index],
                        ty: <#ty as ::qapi_runtime::QapiType>::TYPE,
                        cond: #cond,
                    }
                });
                let shape = quote_spanned!(ty.span()=> <#ty as ::qapi_runtime::QapiType>::SHAPE);
                shapes.push(shape.clone());
                checks.extend(super::const_check(
                    ty.span(),
                    quote!(::qapi_runtime::__private::check::union_branch_error(
                        #tag_shape.values[#ident::#index],
                        #shape)),
                ));
                // Through the probe: a branch that is no object is
                // reported once, by union_branch_error.
                let probe = super::probe(ty);
                tag_arms.push(quote!(Self::#v(_) => #tag_variant,));
                write_arms.push(quote!(Self::#v(b) => #probe.write_members(b, d),));
                read_arms
                    .push(quote!(i if i == Self::#index => Self::#v(#probe.read_members(d)?),));
            }
            None => {
                tag_arms.push(quote!(Self::#v => #tag_variant,));
                write_arms.push(quote!(Self::#v => {}));
                read_arms.push(quote!(i if i == Self::#index => Self::#v,));
            }
        }
    }
    checks.extend(super::const_check(
        ident.span(),
        quote!(::qapi_runtime::__private::check::branches_cover_error(#tag_shape, #tag_names, &[#(#branch_names),*])),
    ));
    // Every value has a branch (checked above), so the last arm is never
    // taken in a program that compiles.
    let read_match = quote! {
        match ::qapi_runtime::QapiEnum::index(&tag) {
            #(#read_arms)*
            _ => return ::core::result::Result::Err(::qapi_runtime::Error::generic("invalid definition")),
        }
    };
    let probe_use = super::probe_use();
    quote! {
        #item
        #[doc(hidden)]
        #[allow(non_upper_case_globals)]
        impl #ident {
            #(#index_consts)*
        }
        impl ::qapi_runtime::QapiBranches for #ident {
            type Tag = #tag;
            const BRANCHES: &'static [::qapi_runtime::desc::Branch] = &[#(#descs),*];
            const BRANCH_SHAPES: &'static [&'static ::qapi_runtime::__private::check::Shape] = &[#(#shapes),*];
            fn tag(&self) -> #tag {
                match self { #(#tag_arms)* }
            }
            #[allow(unused_variables)]
            fn write_members(&self, d: &mut ::qapi_runtime::Dict) {
                #probe_use
                match self { #(#write_arms)* }
            }
            #[allow(unused_variables)]
            fn read_members(tag: #tag, d: &mut ::qapi_runtime::Dict) -> ::core::result::Result<Self, ::qapi_runtime::Error> {
                #probe_use
                ::core::result::Result::Ok(#read_match)
            }
        }
        #checks
    }
}

/// A stand-in `QapiBranches` impl for a branches enum with errors, so
/// that the union using it does not fail too.
fn dummy_branches_impl(
    ident: &syn::Ident,
    generics: &syn::Generics,
    tag: Option<&syn::Type>,
) -> TokenStream {
    if !generics.params.is_empty() {
        return TokenStream::new();
    }
    let tag = match tag {
        Some(t) => quote!(#t),
        None => quote!(::qapi_runtime::QType),
    };
    quote! {
        impl ::qapi_runtime::QapiBranches for #ident {
            type Tag = #tag;
            const BRANCHES: &'static [::qapi_runtime::desc::Branch] = &[];
            const BRANCH_SHAPES: &'static [&'static ::qapi_runtime::__private::check::Shape] = &[];
            fn tag(&self) -> #tag {
                ::core::unreachable!("invalid definition")
            }
            fn write_members(&self, _: &mut ::qapi_runtime::Dict) {}
            fn read_members(_: #tag, _: &mut ::qapi_runtime::Dict) -> ::core::result::Result<Self, ::qapi_runtime::Error> {
                ::core::result::Result::Err(::qapi_runtime::Error::generic("invalid definition"))
            }
        }
    }
}
