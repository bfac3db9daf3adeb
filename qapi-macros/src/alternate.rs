//! `#[qapi::alternate]`: a QAPI alternate from a Rust enum whose variants
//! each hold one type; the JSON type of a value picks the branch.
//!
//! ```text
//! #[qapi::alternate]
//! pub enum BlockdevRef {
//!     Definition(BlockdevOptions),   // 'definition': 'BlockdevOptions'
//!     Reference(String),             // 'reference': 'str'
//! }
//! ```

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::attr::Args;
use crate::common::{self, DefAttrs};
use crate::cond::{Cond, to_cond};
use crate::ctxt::Ctxt;
use crate::names;

struct BranchSpec {
    ident: syn::Ident,
    name: String,
    span: proc_macro2::Span,
    ty: syn::Type,
    cond: Option<Cond>,
}

pub fn expand(args: TokenStream, input: TokenStream) -> TokenStream {
    let cx = Ctxt::new();
    let mut item: syn::ItemEnum =
        match common::parse_item(input, "#[qapi::alternate] applies to an enum") {
            Ok(i) => i,
            Err(e) => return e,
        };
    common::check_single_meta(&cx, &mut item.attrs, "alternate");
    let mut args = Args::parse(&cx, args);
    let def = DefAttrs::take(&cx, &mut args, item.ident.to_string(), item.ident.span());
    args.finish(&cx, "alternate", &["name", "if", "features"]);
    common::forbid_generics(&cx, &item.generics);
    if let Err(e) = names::check_camel(&def.name, "alternate") {
        cx.error_at(def.name_span, e);
    } else if let Err(e) = names::check_not_predefined(&def.name) {
        cx.error_at(def.name_span, e);
    }
    common::check_features(&cx, &def.features, true);
    if item.variants.is_empty() {
        cx.error_spanned_by(
            &item.ident,
            "'data' must not be empty: an alternate needs branches (QAPI alternate rule)",
        );
    }

    let mut branches: Vec<BranchSpec> = Vec::new();
    for v in item.variants.iter_mut() {
        let mut a = Args::take_from(&cx, &mut v.attrs);
        let default = names::camel_to_dash(&names::unraw(&v.ident));
        let (name, span) = a.take_str(&cx, "name").unwrap_or((default, v.ident.span()));
        let cond = a.take_cond(&cx);
        a.finish(&cx, "#[qapi(...)] of an alternate branch", &["name", "if"]);
        let source = format!("'data' member '{name}'");
        // Branch names follow the member rules, without exceptions.
        let name_ok = match names::check_lower(&name, &source, false, false) {
            Ok(()) => true,
            Err(e) => {
                cx.error_at(span, e);
                false
            }
        };
        if let Some(prev) = branches
            .iter()
            .find(|p| names::c_name(&p.name) == names::c_name(&name))
            && name_ok
        {
            cx.error_at(
                span,
                format!(
                    "branch '{name}' collides with branch '{}' (QAPI clash rule)",
                    prev.name
                ),
            );
        }
        let ty = match &v.fields {
            syn::Fields::Unnamed(u) if u.unnamed.len() == 1 => u.unnamed[0].ty.clone(),
            syn::Fields::Unit => {
                cx.error_spanned_by(
                    &v.ident,
                    format!("alternate branch '{name}' misses its type: a branch holds one type, as in `Reference(String)` (QAPI alternate rule)"),
                );
                continue;
            }
            other => {
                cx.error_spanned_by(
                    other,
                    "an alternate branch holds one type, as in `Reference(String)` (QAPI alternate rule)",
                );
                continue;
            }
        };
        branches.push(BranchSpec {
            ident: v.ident.clone(),
            name,
            span,
            ty,
            cond,
        });
    }
    let ident = &item.ident;
    if cx.has_errors() {
        let dummy = common::dummy_type_impl(ident, &item.generics);
        let errors = cx.into_compile_errors();
        return quote!(#item #dummy #errors);
    }

    let mut checks = TokenStream::new();
    for (j, b) in branches.iter().enumerate() {
        let ty = &b.ty;
        let name = &b.name;
        let shape = quote_spanned!(ty.span()=> <#ty as ::qapi_runtime::QapiType>::SHAPE);
        let optional = quote_spanned!(ty.span()=> <#ty as ::qapi_runtime::QapiType>::OPTIONAL);
        checks.extend(common::const_check(
            ty.span(),
            quote!(::qapi_runtime::__private::check::alternate_branch_error(#name, #shape, #optional)),
        ));
        checks.extend(common::nested_array_check(&format!("branch '{name}'"), ty));
        // `if .. { panic } else if .. { panic }`: the first earlier branch
        // claiming one of the same JSON types.
        let arms = branches[..j].iter().map(|prev| {
            let pty = &prev.ty;
            let msg = format!(
                "branch '{name}' can't be distinguished from '{}' (QAPI alternate rule)",
                prev.name
            );
            let panic = quote_spanned!(b.span=> ::core::panic!(#msg));
            quote! {
                if #shape.alternate_claims() & <#pty as ::qapi_runtime::QapiType>::SHAPE.alternate_claims() != 0 {
                    #panic
                }
            }
        });
        if j > 0 {
            checks.extend(quote_spanned! {b.span=> const _: () = #(#arms)else*; });
        }
    }

    let entity = common::entity_static("ALTERNATE", ident);
    let name = &def.name;
    let descs = branches.iter().map(|b| {
        let (n, ty) = (&b.name, &b.ty);
        let c = to_cond(b.cond.as_ref());
        quote!(::qapi_runtime::desc::AltBranch { name: #n, ty: <#ty as ::qapi_runtime::QapiType>::TYPE, cond: #c })
    });
    let to_arms = branches.iter().map(|b| {
        let v = &b.ident;
        quote!(Self::#v(x) => ::qapi_runtime::QapiType::to_value(x),)
    });
    let from_tries = branches.iter().map(|b| {
        let (v, ty) = (&b.ident, &b.ty);
        quote! {
            if ::qapi_runtime::visit::input::alternate_qtype(<#ty as ::qapi_runtime::QapiType>::TYPE) == ::core::option::Option::Some(q) {
                return <#ty as ::qapi_runtime::QapiType>::from_value(v).map(Self::#v);
            }
        }
    });
    let registered = common::registered(
        &entity,
        common::entity_tokens(
            &def,
            ident,
            quote! { ::qapi_runtime::desc::Kind::Alternate(::qapi_runtime::desc::AlternateDesc {
                branches: &[#(#descs),*],
            }) },
            false,
        ),
    );
    let serde = common::serde_impls(ident);
    quote! {
        #item
        #registered
        impl ::qapi_runtime::QapiType for #ident {
            const TYPE: &'static ::qapi_runtime::desc::TypeRef =
                &::qapi_runtime::desc::TypeRef::Entity(|| &#entity);
            const SHAPE: &'static ::qapi_runtime::__private::check::Shape = &::qapi_runtime::__private::check::Shape {
                meta: ::qapi_runtime::__private::check::Meta::Alternate,
                name: #name,
                element: ::core::option::Option::None,
                values: &[],
                members: &[],
                base: ::core::option::Option::None,
                conditional_members: false,
                branches: &[],
            };
            fn to_value(&self) -> ::qapi_runtime::Value {
                match self { #(#to_arms)* }
            }
            fn from_value(v: ::qapi_runtime::Value) -> ::core::result::Result<Self, ::qapi_runtime::Error> {
                let q = v.qtype();
                #(#from_tries)*
                ::core::result::Result::Err(::qapi_runtime::Error::generic(
                    ::std::format!("Invalid parameter type, expected: {}", #name)))
            }
        }
        #serde
        #checks
    }
}
