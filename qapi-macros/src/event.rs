//! `#[qapi::event]`: a QAPI event from a struct holding its data.
//!
//! ```text
//! #[qapi::event]
//! pub struct Shutdown { pub guest: bool, pub reason: ShutdownCause }  // SHUTDOWN
//!
//! #[qapi::event]
//! pub struct Resume;                                                   // RESUME, no data
//!
//! #[qapi::event(name = "HV_BALLOON_STATUS_REPORT")]
//! pub struct HvBalloonStatusReport(pub HvBalloonInfo);                 // 'data': 'HvBalloonInfo'
//! ```
//!
//! Named fields are the event's inline data (QAPI's `q_obj_<EVENT>-arg`),
//! a newtype names the data type (add `boxed` for `'boxed': true`), and a
//! unit struct has no data.

use proc_macro2::TokenStream;
use quote::quote;

use crate::attr::Args;
use crate::command::data_checks;
use crate::common::{self, DefAttrs, MemberRules, MemberSpec};
use crate::ctxt::Ctxt;
use crate::names;
use crate::structure;

pub fn expand(args: TokenStream, input: TokenStream) -> TokenStream {
    let cx = Ctxt::new();
    let mut item: syn::ItemStruct =
        match common::parse_item(input, "#[qapi::event] applies to a struct") {
            Ok(i) => i,
            Err(e) => return e,
        };
    let ident = item.ident.clone();
    common::check_single_meta(&cx, &mut item.attrs, "event");
    let mut args = Args::parse(&cx, args);
    let def = DefAttrs::take(
        &cx,
        &mut args,
        names::camel_to_upper_snake(&names::unraw(&ident)),
        ident.span(),
    );
    let boxed = args.take_true_flag(&cx, "boxed", "boxed");
    args.finish(&cx, "event", &["name", "if", "features", "boxed"]);
    if let Err(e) = names::check_upper(&def.name, "event") {
        cx.error_at(def.name_span, e);
    }
    common::check_features(&cx, &def.features, false);
    common::forbid_generics(&cx, &item.generics);

    let rules = MemberRules {
        what: "member",
        allow_base: false,
        allow_discriminator: false,
        permissive: false,
        forbid_if: Some("conditional event arguments require 'boxed': true (QAPI event rule)"),
    };
    enum Data {
        None,
        Inline(Vec<MemberSpec>),
        Named(Box<syn::Type>),
    }
    let data = match &mut item.fields {
        syn::Fields::Unit => Data::None,
        syn::Fields::Named(n) if n.named.is_empty() => Data::None,
        syn::Fields::Named(n) => {
            let members: Vec<MemberSpec> = n
                .named
                .iter_mut()
                .map(|f| {
                    let id = f.ident.clone().expect("named");
                    MemberSpec::parse(&cx, &mut f.attrs, id, f.ty.clone(), rules)
                })
                .collect();
            common::check_member_clashes(&cx, &members, "member");
            Data::Inline(members)
        }
        syn::Fields::Unnamed(u) if u.unnamed.len() == 1 => {
            Data::Named(Box::new(u.unnamed[0].ty.clone()))
        }
        syn::Fields::Unnamed(u) => {
            cx.error_spanned_by(
                u,
                "an event's named data type is one field, as in `struct Event(pub Data);` (QAPI event rule)",
            );
            Data::None
        }
    };
    if let Some(span) = boxed {
        match &data {
            Data::None => cx.error_at(span, "'boxed': true requires 'data' (QAPI event rule)"),
            Data::Inline(_) => cx.error_at(
                span,
                "'data' should be a type name: a boxed event is a newtype (QAPI event rule)",
            ),
            Data::Named(_) => {}
        }
    }

    if cx.has_errors() {
        let errors = cx.into_compile_errors();
        return quote!(#item #errors);
    }

    let name = &def.name;
    let entity = common::entity_static("EVENT", &ident);
    let mut out = TokenStream::new();
    let (data_typeref, data_value) = match &data {
        Data::None => (
            quote!(::core::option::Option::None),
            quote!(::core::option::Option::None),
        ),
        Data::Inline(members) => {
            let arg_def = DefAttrs {
                name: format!("q_obj_{name}-arg"),
                name_span: def.name_span,
                cond: def.cond.clone(),
                features: Vec::new(),
            };
            let arg_entity = common::entity_static("ARGS", &ident);
            out.extend(common::unregistered(
                &arg_entity,
                structure::struct_entity_tokens(&ident, &arg_def, members, true),
            ));
            out.extend(structure::object_impls(
                &ident,
                &arg_def,
                members,
                &arg_entity,
                false,
                quote!(),
            ));
            (
                quote!(::core::option::Option::Some(<#ident as ::qapi_runtime::QapiType>::TYPE)),
                quote!(::core::option::Option::Some(
                    ::qapi_runtime::QapiType::to_value(self)
                )),
            )
        }
        Data::Named(ty) => {
            out.extend(data_checks(ty, boxed.is_some(), "event"));
            (
                quote!(::core::option::Option::Some(<#ty as ::qapi_runtime::QapiType>::TYPE)),
                quote!(::core::option::Option::Some(
                    ::qapi_runtime::QapiType::to_value(&self.0)
                )),
            )
        }
    };
    // The inverse of `data`, for clients reading events.
    let from_data = match (&data, &item.fields) {
        (Data::None, syn::Fields::Unit) => quote!(::core::result::Result::Ok(#ident)),
        (Data::None, _) => quote!(::core::result::Result::Ok(#ident {})),
        (Data::Inline(_), _) => quote!(<Self as ::qapi_runtime::QapiType>::from_value(
            data.unwrap_or_else(::qapi_runtime::Value::empty_dict)
        )),
        (Data::Named(ty), _) => quote!(::core::result::Result::Ok(#ident(
            <#ty as ::qapi_runtime::QapiType>::from_value(
                data.unwrap_or_else(::qapi_runtime::Value::empty_dict)
            )?
        ))),
    };
    let is_boxed = boxed.is_some();
    out.extend(common::registered(
        &entity,
        common::entity_tokens(
            &def,
            &ident,
            quote! { ::qapi_runtime::desc::Kind::Event(::qapi_runtime::desc::EventDesc {
                data: #data_typeref,
                boxed: #is_boxed,
            }) },
            false,
        ),
    ));
    quote! {
        #item
        impl ::qapi_runtime::Event for #ident {
            const NAME: &'static str = #name;
            fn entity() -> &'static ::qapi_runtime::desc::Entity {
                &#entity
            }
            fn data(&self) -> ::core::option::Option<::qapi_runtime::Value> {
                #data_value
            }
            #[allow(unused_variables)]
            fn from_data(
                data: ::core::option::Option<::qapi_runtime::Value>,
            ) -> ::core::result::Result<Self, ::qapi_runtime::Error> {
                #from_data
            }
        }
        #out
    }
}
