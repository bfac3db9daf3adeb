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

use crate::attr::{Args, FeatureSpec, Pragmas};
use crate::common::{self, DefAttrs};
use crate::cond::{Cond, to_cond};
use crate::ctxt::Ctxt;
use crate::names;

struct ValueSpec {
    ident: syn::Ident,
    name: String,
    cond: Option<Cond>,
    features: Vec<FeatureSpec>,
}

pub fn expand(args: TokenStream, input: TokenStream) -> TokenStream {
    let cx = Ctxt::new();
    let mut item: syn::ItemEnum =
        match common::parse_item(input, "#[qapi::enumeration] applies to an enum") {
            Ok(i) => i,
            Err(e) => return e,
        };
    common::check_single_meta(&cx, &mut item.attrs, "enumeration");
    let mut args = Args::parse(&cx, args);
    let def = DefAttrs::take(&cx, &mut args, item.ident.to_string(), item.ident.span());
    let prefix = args.take_str(&cx, "prefix").map(|(p, _)| p);
    let pragmas = Pragmas::take(&cx, &mut args, &["member_name_exception"]);
    args.finish(&cx, "enum", &["name", "if", "features", "prefix", "pragma"]);
    common::forbid_generics(&cx, &item.generics);
    if let Err(e) = names::check_camel(&def.name, "enum") {
        cx.error_at(def.name_span, e);
    } else if let Err(e) = names::check_not_predefined(&def.name) {
        cx.error_at(def.name_span, e);
    }
    common::check_features(&cx, &def.features, true);

    let mut values: Vec<ValueSpec> = Vec::new();
    for v in item.variants.iter_mut() {
        let mut a = Args::take_from(&cx, &mut v.attrs);
        let default = names::camel_to_dash(&names::unraw(&v.ident));
        let (name, span) = a.take_str(&cx, "name").unwrap_or((default, v.ident.span()));
        let cond = a.take_cond(&cx);
        let features = a.take_features(&cx);
        a.finish(
            &cx,
            "#[qapi(...)] of an enum value",
            &["name", "if", "features"],
        );
        if !matches!(v.fields, syn::Fields::Unit) {
            cx.error_spanned_by(
                &v.fields,
                "'data' of an enum is a list of names: QAPI enum values carry no data (QAPI enum rule)",
            );
        }
        if let Some((_, d)) = &v.discriminant {
            cx.error_spanned_by(
                d,
                "QAPI enum values are numbered in declaration order; remove the discriminant (QAPI enum rule)",
            );
        }
        let source = format!("'data' member '{name}'");
        let name_ok = match names::check_enum_value(&name, &source, pragmas.member_name_exception) {
            Ok(()) => true,
            Err(e) => {
                cx.error_at(span, e);
                false
            }
        };
        common::check_features(&cx, &features, false);
        if let Some(prev) = values
            .iter()
            .find(|p| names::c_name(&p.name) == names::c_name(&name))
            && name_ok
        {
            cx.error_at(
                span,
                format!(
                    "value '{name}' collides with value '{}' (QAPI clash rule)",
                    prev.name
                ),
            );
        }
        values.push(ValueSpec {
            ident: v.ident.clone(),
            name,
            cond,
            features,
        });
    }

    // Not on a variant with data (an error): Copy would fail too.
    if item
        .variants
        .iter()
        .all(|v| matches!(v.fields, syn::Fields::Unit))
    {
        // What QapiEnum needs (Copy, Eq) and what every enum wants; the
        // ones the user derives already are left to the user's derive.
        let derived = common::derived_traits(&item.attrs);
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
    let ident = &item.ident;
    if cx.has_errors() {
        let dummy = common::dummy_type_impl(ident, &item.generics);
        let errors = cx.into_compile_errors();
        return quote!(#item #dummy #errors);
    }

    let entity = common::entity_static("ENUM", ident);
    let name = &def.name;
    let prefix = match prefix {
        Some(p) => quote!(::core::option::Option::Some(#p)),
        None => quote!(::core::option::Option::None),
    };
    let value_descs = values.iter().map(|v| {
        let n = &v.name;
        let c = to_cond(v.cond.as_ref());
        let f = common::features_tokens(&v.features);
        quote!(::qapi_runtime::desc::EnumValue { name: #n, cond: #c, features: #f })
    });
    let value_names: Vec<&String> = values.iter().map(|v| &v.name).collect();
    let variants: Vec<&syn::Ident> = values.iter().map(|v| &v.ident).collect();
    let rust_names: Vec<String> = variants.iter().map(|v| names::unraw(v)).collect();
    let registered = common::registered(
        &entity,
        common::entity_tokens(
            &def,
            ident,
            quote! { ::qapi_runtime::desc::Kind::Enum(::qapi_runtime::desc::EnumDesc {
                values: &[#(#value_descs),*],
                prefix: #prefix,
            }) },
            false,
        ),
    );
    let serde = common::serde_impls(ident);
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
