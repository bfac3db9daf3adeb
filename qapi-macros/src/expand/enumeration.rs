//! `#[qapi::enumeration]`: a QAPI enum from a Rust enum of unit variants.
//!
//! ```text
//! #[qapi::enumeration(prefix = "QAPI_EVENT")]
//! pub enum Example {
//!     Running,                                         // 'running'
//!     InternalError,                                   // 'internal-error'
//!     #[qapi(name = "x86_64")] X8664,                  // renamed
//!     #[qapi(if = CONFIG_LINUX, features = [deprecated])] Legacy,
//! }
//! ```
//!
//! The macro derives `Clone, Copy, Debug, PartialEq, Eq, Hash`.

use proc_macro2::TokenStream;
use quote::quote;

use super::Definition;
use crate::internals::ast::Enum;
use crate::internals::check;
use crate::internals::cond::to_cond;
use crate::internals::ctxt::Ctxt;
use crate::internals::names;

impl Definition for Enum {
    type Item = syn::ItemEnum;
    const APPLIES_TO: &'static str = "#[qapi::enumeration] applies to an enum";

    fn from_ast(cx: &Ctxt, args: TokenStream, item: syn::ItemEnum) -> Self {
        Enum::from_ast(cx, args, item)
    }

    fn check(&self, cx: &Ctxt) {
        check::check_enum(cx, self);
    }

    fn expand(mut self) -> TokenStream {
        add_derives(&mut self.item);
        expand(&self)
    }

    fn dummy(mut self) -> TokenStream {
        add_derives(&mut self.item);
        let item = &self.item;
        let dummy = super::dummy_type_impl(&item.ident, &item.generics);
        quote!(#item #dummy)
    }
}

/// The item with the derives `QapiEnum` needs (`Copy`, `Eq`) and every
/// enum wants; the ones the user derives already are left to the user's
/// derive.  Not on a variant with data (an error): `Copy` would fail too.
fn add_derives(item: &mut syn::ItemEnum) {
    if item
        .variants
        .iter()
        .all(|v| matches!(v.fields, syn::Fields::Unit))
    {
        let derived = super::derived_traits(&item.attrs);
        let wanted: [(&str, syn::Path); 6] = [
            ("Clone", syn::parse_quote!(::core::clone::Clone)),
            ("Copy", syn::parse_quote!(::core::marker::Copy)),
            ("Debug", syn::parse_quote!(::core::fmt::Debug)),
            ("PartialEq", syn::parse_quote!(::core::cmp::PartialEq)),
            ("Eq", syn::parse_quote!(::core::cmp::Eq)),
            ("Hash", syn::parse_quote!(::core::hash::Hash)),
        ];
        let missing: Vec<syn::Path> = wanted
            .into_iter()
            .filter(|(name, _)| !derived.iter().any(|d| d == name))
            .map(|(_, path)| path)
            .collect();
        if !missing.is_empty() {
            item.attrs.push(syn::parse_quote!(#[derive(#(#missing),*)]));
        }
    }
}

fn expand(e: &Enum) -> TokenStream {
    let item = &e.item;
    let (ident, def, values) = (&item.ident, &e.def, &e.values);
    let prefix = &e.prefix;
    let entity = super::entity_static("ENUM", ident);
    let name = &def.name;
    let prefix = match prefix {
        Some(p) => quote!(::core::option::Option::Some(#p)),
        None => quote!(::core::option::Option::None),
    };
    let value_descs = values.iter().map(|v| {
        let n = &v.name;
        let c = to_cond(v.cond.as_ref());
        let f = super::features_tokens(&v.features);
        quote!(::qapi_runtime::desc::EnumValue { name: #n, cond: #c, features: #f })
    });
    let value_names: Vec<&String> = values.iter().map(|v| &v.name).collect();
    let variants: Vec<&syn::Ident> = values.iter().map(|v| &v.ident).collect();
    let rust_names: Vec<String> = variants.iter().map(|v| names::unraw(v)).collect();
    let registered = super::registered(
        &entity,
        super::entity_tokens(
            def,
            ident,
            quote! { ::qapi_runtime::desc::Kind::Enum(::qapi_runtime::desc::EnumDesc {
                values: &[#(#value_descs),*],
                prefix: #prefix,
            }) },
            false,
        ),
    );
    let serde = super::serde_impls(ident);
    let index_body = if values.is_empty() {
        quote!(match *self {})
    } else {
        quote!(*self as usize)
    };
    quote! {
        #item
        #registered
        impl ::qapi_runtime::QapiType for #ident {
            const TYPE: &'static ::qapi_runtime::desc::TypeRef =
                &::qapi_runtime::desc::TypeRef::Entity(|| &#entity);
            const SHAPE: &'static ::qapi_runtime::__private::check::Shape = &::qapi_runtime::__private::check::Shape {
                meta: ::qapi_runtime::__private::check::Meta::Enum,
                name: #name,
                element: ::core::option::Option::None,
                values: &[#(#value_names),*],
                members: &[],
                base: ::core::option::Option::None,
                conditional_members: false,
                branches: &[],
            };
            fn to_value(&self) -> ::qapi_runtime::Value {
                ::qapi_runtime::Value::Str(::std::string::String::from(
                    ::qapi_runtime::QapiEnum::as_str(self)))
            }
            fn from_value(v: ::qapi_runtime::Value) -> ::core::result::Result<Self, ::qapi_runtime::Error> {
                ::qapi_runtime::__private::enum_from_value(v)
            }
        }
        impl ::qapi_runtime::QapiEnum for #ident {
            const VARIANTS: &'static [Self] = &[#(Self::#variants),*];
            const NAMES: &'static [&'static str] = &[#(#value_names),*];
            const RUST_NAMES: &'static [&'static str] = &[#(#rust_names),*];
            fn index(&self) -> usize {
                #index_body
            }
        }
        #serde
    }
}
