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
use quote::{ToTokens, quote};

use super::Definition;
use super::command::data_checks;
use super::structure;
use crate::internals::ast::{Def, Event, EventData as Data};
use crate::internals::check;
use crate::internals::ctxt::Ctxt;

impl Definition for Event {
    type Item = syn::ItemStruct;
    const APPLIES_TO: &'static str = "#[qapi::event] applies to a struct";

    fn from_ast(cx: &Ctxt, args: TokenStream, item: syn::ItemStruct) -> Self {
        Event::from_ast(cx, args, item)
    }

    fn check(&self, cx: &Ctxt) {
        check::check_event(cx, self);
    }

    fn expand(self) -> TokenStream {
        expand(&self)
    }

    fn dummy(self) -> TokenStream {
        self.item.into_token_stream()
    }
}

fn expand(e: &Event) -> TokenStream {
    let (item, def, data, boxed) = (&e.item, &e.def, &e.data, e.boxed);
    let ident = &item.ident;
    let name = &def.name;
    let entity = super::entity_static("EVENT", ident);
    let mut out = TokenStream::new();
    let (data_typeref, data_value) = match data {
        Data::None => (
            quote!(::core::option::Option::None),
            quote!(::core::option::Option::None),
        ),
        Data::Inline(members) => {
            let arg_def = Def {
                name: format!("q_obj_{name}-arg"),
                name_span: def.name_span,
                cond: def.cond.clone(),
                features: Vec::new(),
            };
            let arg_entity = super::entity_static("ARGS", ident);
            out.extend(super::unregistered(
                &arg_entity,
                structure::struct_entity_tokens(ident, &arg_def, members, true),
            ));
            out.extend(structure::object_impls(
                ident,
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
    let from_data = match (data, &item.fields) {
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
    out.extend(super::registered(
        &entity,
        super::entity_tokens(
            def,
            ident,
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
