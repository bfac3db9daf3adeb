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

use crate::attr::{Args, Pragmas};
use crate::common::{self, DefAttrs};
use crate::cond::to_cond;
use crate::ctxt::Ctxt;
use crate::names;
use crate::structure;

pub fn expand(args: TokenStream, input: TokenStream) -> TokenStream {
    let cx = Ctxt::new();
    let mut item: syn::ItemStruct = match common::parse_item(
        input,
        "#[qapi::union] applies to a struct of the common members, one of them #[qapi(discriminator)]",
    ) {
        Ok(i) => i,
        Err(e) => return e,
    };
    common::check_single_meta(&cx, &mut item.attrs, "union");
    let mut args = Args::parse(&cx, args);
    let def = DefAttrs::take(&cx, &mut args, item.ident.to_string(), item.ident.span());
    let base = args.take_type(&cx, "base");
    let pragmas = Pragmas::take(&cx, &mut args, &["member_name_exception"]);
    args.finish(&cx, "union", &["name", "if", "features", "base", "pragma"]);
    common::forbid_generics(&cx, &item.generics);
    if let Err(e) = names::check_camel(&def.name, "union") {
        cx.error_at(def.name_span, e);
    } else if let Err(e) = names::check_not_predefined(&def.name) {
        cx.error_at(def.name_span, e);
    }
    common::check_features(&cx, &def.features, true);
    let members = structure::parse_members(
        &cx,
        &mut item.fields,
        pragmas.member_name_exception,
        false,
        true,
    );

    let discs: Vec<_> = members
        .iter()
        .filter(|m| m.is_discriminator.is_some())
        .collect();
    match discs.as_slice() {
        [] => cx.error_spanned_by(
            &item.ident,
            "union misses key 'discriminator': mark the common member that selects the branch with #[qapi(discriminator)] (QAPI union rule)",
        ),
        [d] => {
            if common::is_option(&d.ty) {
                cx.error_spanned_by(
                    &d.ty,
                    format!("discriminator member '{}' must not be optional (QAPI union rule)", d.name),
                );
            }
            if let Some(c) = &d.cond {
                cx.error_at(
                    common::cond_span(c),
                    format!("discriminator member '{}' must not be conditional (QAPI union rule)", d.name),
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

    if cx.has_errors() {
        let dummy = common::dummy_type_impl(&item.ident, &item.generics);
        let errors = cx.into_compile_errors();
        return quote!(#item #dummy #errors);
    }
    let disc = discs[0];
    let disc_ty = &disc.ty;
    let ident = &item.ident;
    let entity = common::entity_static("UNION", ident);

    // Checks that need the branch types and the named base.
    let mut checks = TokenStream::new();
    let branch_shapes =
        quote_spanned!(disc_ty.span()=> <#disc_ty as ::qapi_runtime::QapiBranches>::BRANCH_SHAPES);
    for m in members.iter().filter(|m| m.name_ok) {
        let name = &m.name;
        checks.extend(common::const_check(
            m.name_span,
            quote!(::qapi_runtime::__private::check::branch_clash_error(#branch_shapes, #name)),
        ));
    }
    if let Some((b, span)) = &base {
        let shape = quote_spanned!(b.span()=> <#b as ::qapi_runtime::QapiType>::SHAPE);
        checks.extend(common::const_check(
            b.span(),
            quote!(::qapi_runtime::__private::check::base_error(#shape)),
        ));
        let names: Vec<&String> = members.iter().map(|m| &m.name).collect();
        checks.extend(common::const_check(
            *span,
            quote!(::qapi_runtime::__private::check::named_base_count_error(#shape, &[#(#names),*])),
        ));
        for m in &members {
            let name = &m.name;
            let is_disc = m.is_discriminator.is_some();
            checks.extend(common::const_check(
                m.name_span,
                quote!(::qapi_runtime::__private::check::named_base_member_error(#shape, #name, #is_disc)),
            ));
        }
    }

    let body = structure::object_impls(ident, &def, &members, &entity, true, checks);
    let descs = members.iter().map(|m| m.member_tokens(None));
    let base_tokens = match &base {
        Some((b, _)) => {
            quote!(::core::option::Option::Some(*<#b as ::qapi_runtime::QapiType>::TYPE))
        }
        None => quote!(::core::option::Option::None),
    };
    let disc_name = &disc.name;
    let branches_desc =
        quote_spanned!(disc_ty.span()=> <#disc_ty as ::qapi_runtime::QapiBranches>::BRANCHES);
    let registered = common::registered(
        &entity,
        common::entity_tokens(
            &def,
            ident,
            quote! { ::qapi_runtime::desc::Kind::Union(::qapi_runtime::desc::UnionDesc {
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

pub fn expand_branches(args: TokenStream, input: TokenStream) -> TokenStream {
    let cx = Ctxt::new();
    let mut item: syn::ItemEnum =
        match common::parse_item(input, "#[qapi::branches] applies to an enum") {
            Ok(i) => i,
            Err(e) => return e,
        };
    common::check_single_meta(&cx, &mut item.attrs, "branches");
    let mut args = Args::parse(&cx, args);
    let tag = args.take_type(&cx, "tag");
    args.finish(&cx, "union branches", &["tag"]);
    common::forbid_generics(&cx, &item.generics);
    if tag.is_none() {
        cx.error_spanned_by(
            &item.ident,
            "#[qapi::branches(tag = EnumType)] needs the discriminator's enum type (QAPI union rule)",
        );
    }
    if item.variants.is_empty() {
        cx.error_spanned_by(
            &item.ident,
            "union has no branches: the discriminator's enum has no values (QAPI union rule)",
        );
    }

    struct BranchSpec {
        ident: syn::Ident,
        ty: Option<syn::Type>,
        cond: Option<crate::cond::Cond>,
    }
    let mut branches = Vec::new();
    for v in item.variants.iter_mut() {
        let mut a = Args::take_from(&cx, &mut v.attrs);
        let cond = a.take_cond(&cx);
        a.finish(&cx, "#[qapi(...)] of a union branch", &["if"]);
        let ty = match &v.fields {
            syn::Fields::Unit => {
                if let Some(c) = &cond {
                    cx.error_at(
                        common::cond_span(c),
                        "an implicit (empty) branch takes the condition of its enum value (QAPI union rule)",
                    );
                }
                None
            }
            syn::Fields::Unnamed(u) if u.unnamed.len() == 1 => Some(u.unnamed[0].ty.clone()),
            other => {
                cx.error_spanned_by(
                    other,
                    format!(
                        "union branch '{}' misses its type: a branch holds one object type, as in `Inet(InetSocketAddress)`, or nothing (QAPI union rule)",
                        names::camel_to_dash(&names::unraw(&v.ident))
                    ),
                );
                None
            }
        };
        branches.push(BranchSpec {
            ident: v.ident.clone(),
            ty,
            cond,
        });
    }

    let ident = &item.ident;
    if cx.has_errors() {
        let errors = cx.into_compile_errors();
        let dummy = dummy_branches_impl(ident, &item.generics, tag.as_ref().map(|t| &t.0));
        return quote!(#item #dummy #errors);
    }
    let (tag, _) = tag.expect("checked");
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
    for b in &branches {
        let v = &b.ident;
        let rust_name = names::unraw(v);
        let index = quote::format_ident!("__QAPI_TAG_{}", rust_name);
        checks.extend(common::const_check(
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
                checks.extend(common::const_check(
                    ty.span(),
                    quote!(::qapi_runtime::__private::check::union_branch_error(
                        #tag_shape.values[#ident::#index],
                        #shape)),
                ));
                // Through the probe: a branch that is no object is
                // reported once, by union_branch_error.
                let probe = common::probe(ty);
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
    checks.extend(common::const_check(
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
    let probe_use = common::probe_use();
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
