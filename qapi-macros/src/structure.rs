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

use crate::attr::{Args, Pragmas};
use crate::common::{self, DefAttrs, MemberRules, MemberSpec};
use crate::ctxt::Ctxt;
use crate::names;

pub fn expand(args: TokenStream, input: TokenStream) -> TokenStream {
    let cx = Ctxt::new();
    let mut item: syn::ItemStruct =
        match common::parse_item(input, "#[qapi::structure] applies to a struct") {
            Ok(i) => i,
            Err(e) => return e,
        };
    common::check_single_meta(&cx, &mut item.attrs, "structure");
    let mut args = Args::parse(&cx, args);
    let def = DefAttrs::take(&cx, &mut args, item.ident.to_string(), item.ident.span());
    let pragmas = Pragmas::take(&cx, &mut args, &["member_name_exception"]);
    args.finish(&cx, "struct", &["name", "if", "features", "pragma"]);
    let members = parse_members(
        &cx,
        &mut item.fields,
        pragmas.member_name_exception,
        true,
        false,
    );
    common::forbid_generics(&cx, &item.generics);
    if let Err(e) = names::check_camel(&def.name, "struct") {
        cx.error_at(def.name_span, e);
    } else if let Err(e) = names::check_not_predefined(&def.name) {
        cx.error_at(def.name_span, e);
    }
    common::check_features(&cx, &def.features, true);
    break_base_cycle(&cx, &mut item, &members);

    if cx.has_errors() {
        let dummy = common::dummy_type_impl(&item.ident, &item.generics);
        let errors = cx.into_compile_errors();
        return quote!(#item #dummy #errors);
    }
    let entity = common::entity_static("STRUCT", &item.ident);
    let body = object_impls(&item.ident, &def, &members, &entity, false, quote!());
    let registered = common::registered(
        &entity,
        struct_entity_tokens(&item.ident, &def, &members, false),
    );
    quote! {
        #item
        #registered
        #body
    }
}

/// `#[qapi(base)] base: Self`: QEMU's "object contains itself".  Rust
/// would reject the infinitely large struct too, with follow-up errors
/// from every use; the error path replaces the field's type so that only
/// this error is shown.  (A cycle through several structs is left to
/// rustc: "recursive type has infinite size".)
fn break_base_cycle(cx: &Ctxt, item: &mut syn::ItemStruct, members: &[MemberSpec]) {
    let Some(b) = members.iter().find(|m| m.is_base.is_some()) else {
        return;
    };
    let name = item.ident.to_string();
    // `Loopy`, `Self`, or either in a `Box`.
    let cyclic = common::innermost_ident(&b.ty).is_some_and(|i| *i == name || i == "Self");
    if !cyclic {
        return;
    }
    cx.error_spanned_by(
        &b.ty,
        format!("object {name} contains itself (QAPI base rule)"),
    );
    if let syn::Fields::Named(named) = &mut item.fields
        && let Some(f) = named
            .named
            .iter_mut()
            .find(|f| f.ident.as_ref() == Some(&b.ident))
    {
        f.ty = syn::parse_quote!(::core::marker::PhantomData<Self>);
    }
}

/// Parses the fields of a struct-like item into members.
pub fn parse_members(
    cx: &Ctxt,
    fields: &mut syn::Fields,
    permissive: bool,
    allow_base: bool,
    allow_discriminator: bool,
) -> Vec<MemberSpec> {
    let rules = MemberRules {
        what: "'data' member",
        allow_base,
        allow_discriminator,
        permissive,
        forbid_if: None,
    };
    let mut members = Vec::new();
    match fields {
        syn::Fields::Named(named) => {
            for f in named.named.iter_mut() {
                let ident = f.ident.clone().expect("named field");
                members.push(MemberSpec::parse(
                    cx,
                    &mut f.attrs,
                    ident,
                    f.ty.clone(),
                    rules,
                ));
            }
        }
        syn::Fields::Unit => {}
        syn::Fields::Unnamed(u) => {
            cx.error_spanned_by(
                u,
                "'data' should be an object: a QAPI struct has named members, as in `{ name: Type, .. }` (QAPI struct rule)",
            );
        }
    }
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
    common::check_member_clashes(cx, &members, "member");
    members
}

/// The `Entity` of a struct (or of an implicit argument/data struct).
pub fn struct_entity_tokens(
    ident: &syn::Ident,
    def: &DefAttrs,
    members: &[MemberSpec],
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
    common::entity_tokens(
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
    def: &DefAttrs,
    members: &[MemberSpec],
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
    let shape = common::object_shape(
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
    let serde = common::serde_impls(ident);
    let probe_use = common::probe_use();
    let mut checks = TokenStream::new();
    for m in members
        .iter()
        .filter(|m| m.is_base.is_none() && m.is_discriminator.is_none())
    {
        checks.extend(common::nested_array_check(
            &format!("member '{}'", m.name),
            &m.ty,
        ));
    }
    if let Some(b) = base {
        let ty = &b.ty;
        let shape = quote_spanned!(ty.span()=> <#ty as ::qapi_runtime::QapiType>::SHAPE);
        checks.extend(common::const_check(
            ty.span(),
            quote!(::qapi_runtime::__private::check::base_error(#shape)),
        ));
        for m in members.iter().filter(|m| m.is_base.is_none() && m.name_ok) {
            let name = &m.name;
            checks.extend(common::const_check(
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
            fn to_value(&self) -> ::qapi_runtime::Value {
                let mut d = ::qapi_runtime::Dict::new();
                ::qapi_runtime::QapiObject::write_members(self, &mut d);
                ::qapi_runtime::Value::Dict(d)
            }
            fn from_value(v: ::qapi_runtime::Value) -> ::core::result::Result<Self, ::qapi_runtime::Error> {
                let mut d = ::qapi_runtime::__private::expect_dict(v)?;
                <Self as ::qapi_runtime::QapiObject>::read_members(&mut d)
            }
        }
        impl ::qapi_runtime::QapiObject for #ident {
            #[allow(unused_variables)]
            fn write_members(&self, d: &mut ::qapi_runtime::Dict) {
                #probe_use
                #(#writes)*
                #post_write
            }
            #[allow(unused_variables)]
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

fn write_member(m: &MemberSpec) -> TokenStream {
    let ident = &m.ident;
    let name = &m.name;
    let ty = &m.ty;
    if m.is_base.is_some() {
        // Through the probe: a base that is no struct is reported by a
        // const check (base_error), not by a trait error.
        let probe = common::probe(ty);
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

fn read_member(m: &MemberSpec) -> TokenStream {
    let ident = &m.ident;
    let name = &m.name;
    let ty = &m.ty;
    if m.is_base.is_some() {
        let probe = common::probe(ty);
        quote!(let #ident = #probe.read_members(d)?;)
    } else if m.is_discriminator.is_some() {
        // The branch is read after the other members (see object_impls).
        let tag = tag_local(ty);
        quote_spanned!(ty.span()=>
            let #tag = <<#ty as ::qapi_runtime::QapiBranches>::Tag as ::qapi_runtime::QapiType>
                ::from_member(#name, d.remove(#name))?;)
    } else if m.cond.is_some() && !common::is_option(ty) {
        // Absent where its condition is false.
        let take =
            quote_spanned!(ty.span()=> ::qapi_runtime::__private::take_member_or_default::<#ty>);
        quote!(let #ident = #take(d, #name)?;)
    } else {
        let t = quote_spanned!(ty.span()=> <#ty as ::qapi_runtime::QapiType>);
        quote!(let #ident = #t::from_member(#name, d.remove(#name))?;)
    }
}
