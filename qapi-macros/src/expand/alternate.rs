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

use super::Definition;
use crate::internals::ast::Alternate;
use crate::internals::check;
use crate::internals::cond::to_cond;
use crate::internals::ctxt::Ctxt;

impl Definition for Alternate {
    type Item = syn::ItemEnum;
    const APPLIES_TO: &'static str = "#[qapi::alternate] applies to an enum";

    fn from_ast(cx: &Ctxt, args: TokenStream, item: syn::ItemEnum) -> Self {
        Alternate::from_ast(cx, args, item)
    }

    fn check(&self, cx: &Ctxt) {
        check::check_alternate(cx, self);
    }

    fn expand(self) -> TokenStream {
        expand(&self)
    }

    fn dummy(self) -> TokenStream {
        let item = &self.item;
        let dummy = super::dummy_type_impl(&item.ident, &item.generics);
        quote!(#item #dummy)
    }
}

/// A checked alternate: every branch holds a type.
struct Branch<'a> {
    ident: &'a syn::Ident,
    name: &'a String,
    span: proc_macro2::Span,
    ty: &'a syn::Type,
    cond: Option<&'a crate::internals::cond::Cond>,
}

fn expand(a: &Alternate) -> TokenStream {
    let (item, def) = (&a.item, &a.def);
    let ident = &item.ident;
    let branches: Vec<Branch> = a
        .branches
        .iter()
        .map(|b| Branch {
            ident: &b.ident,
            name: &b.name,
            span: b.span,
            ty: b.ty.as_ref().expect("checked"),
            cond: b.cond.as_ref(),
        })
        .collect();
    let mut checks = TokenStream::new();
    for (j, b) in branches.iter().enumerate() {
        let ty = b.ty;
        let name = b.name;
        let shape = quote_spanned!(ty.span()=> <#ty as ::qapi_runtime::QapiType>::SHAPE);
        let optional = quote_spanned!(ty.span()=> <#ty as ::qapi_runtime::QapiType>::OPTIONAL);
        checks.extend(super::const_check(
            ty.span(),
            quote!(::qapi_runtime::__private::check::alternate_branch_error(#name, #shape, #optional)),
        ));
        checks.extend(super::nested_array_check(&format!("branch '{name}'"), ty));
        // `if .. { panic } else if .. { panic }`: the first earlier branch
        // claiming one of the same JSON types.
        let arms = branches[..j].iter().map(|prev| {
            let pty = prev.ty;
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

    let entity = super::entity_static("ALTERNATE", ident);
    let name = &def.name;
    let descs = branches.iter().map(|b| {
        let (n, ty) = (b.name, b.ty);
        let c = to_cond(b.cond);
        quote!(::qapi_runtime::desc::AltBranch { name: #n, ty: <#ty as ::qapi_runtime::QapiType>::TYPE, cond: #c })
    });
    let to_arms = branches.iter().map(|b| {
        let v = b.ident;
        quote!(Self::#v(x) => ::qapi_runtime::QapiType::to_value(x),)
    });
    let from_tries = branches.iter().map(|b| {
        let (v, ty) = (b.ident, b.ty);
        quote! {
            if ::qapi_runtime::visit::input::alternate_qtype(<#ty as ::qapi_runtime::QapiType>::TYPE) == ::core::option::Option::Some(q) {
                return <#ty as ::qapi_runtime::QapiType>::from_value(v).map(Self::#v);
            }
        }
    });
    let registered = super::registered(
        &entity,
        super::entity_tokens(
            def,
            ident,
            quote! { ::qapi_runtime::desc::Kind::Alternate(::qapi_runtime::desc::AlternateDesc {
                branches: &[#(#descs),*],
            }) },
            false,
        ),
    );
    let serde = super::serde_impls(ident);
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
