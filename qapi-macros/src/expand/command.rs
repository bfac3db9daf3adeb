//! `#[qapi::command]`: a QAPI command from a function signature.
//!
//! Without a body the function only declares the command; whoever serves
//! it binds a handler to the generated marker type.  With a body, the body
//! is the handler.
//!
//! ```text
//! #[qapi::command(allow_preconfig)]
//! pub fn query_status() -> Result<StatusInfo>;            // 'query-status'
//!
//! #[qapi::command(name = "block_resize", pragma(command_name_exception), coroutine)]
//! pub fn block_resize(device: Option<String>, node_name: Option<String>,
//!                     #[qapi(builtin = int)] size: i64) -> Result<()>;
//!
//! #[qapi::command(boxed)]
//! pub fn blockdev_add(options: BlockdevOptions) -> Result<()>;
//! ```
//!
//! Generated: a marker type named like the function (implementing
//! `qapi_runtime::Command`), the argument struct `<Name>Args` for inline
//! arguments (QAPI's `q_obj_<command>-arg`), and the registered descriptor.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::Definition;
use super::structure;
use crate::internals::ast::{Command, CommandItem, DataForm, Def};
use crate::internals::check;
use crate::internals::ctxt::Ctxt;
use crate::internals::names;

impl Definition for Command {
    type Item = CommandItem;
    const APPLIES_TO: &'static str = "#[qapi::command] applies to a function, as in `pub fn query_status() -> Result<StatusInfo>;`";

    fn from_ast(cx: &Ctxt, args: TokenStream, item: CommandItem) -> Self {
        Command::from_ast(cx, args, item)
    }

    fn check(&self, cx: &Ctxt) {
        check::check_command(cx, self);
    }

    fn expand(self) -> TokenStream {
        expand(&self)
    }

    /// Only the marker type: the function is not emitted.
    fn dummy(self) -> TokenStream {
        let vis = &self.item.vis;
        let fn_ident = &self.item.sig.ident;
        quote! {
            #[allow(non_camel_case_types)]
            #vis struct #fn_ident {}
        }
    }
}

fn expand(c: &Command) -> TokenStream {
    let (item, def, params, pragmas) = (&c.item, &c.def, &c.params, &c.pragmas);
    let fn_ident = &item.sig.ident;
    let form = c.form();
    let ret_ty = &c.ret;
    let cmd_name = &def.name;
    let entity = super::entity_static("COMMAND", fn_ident);
    let vis = &item.vis;
    let mut out = TokenStream::new();

    // The argument type.
    let (args_ty, args_typeref): (TokenStream, TokenStream) = match form {
        DataForm::None => (
            quote!(::qapi_runtime::Empty),
            quote!(::core::option::Option::None),
        ),
        DataForm::Inline => {
            let args_ident =
                format_ident!("{}Args", names::snake_to_camel(&names::unraw(fn_ident)));
            let args_def = Def {
                name: format!("q_obj_{cmd_name}-arg"),
                name_span: def.name_span,
                cond: def.cond.clone(),
                features: Vec::new(),
            };
            let args_entity = super::entity_static("ARGS", fn_ident);
            let fields = params.iter().map(|p| {
                let (i, t) = (&p.ident, &p.ty);
                quote!(pub #i: #t)
            });
            let doc = format!("The arguments of `{cmd_name}`.");
            out.extend(quote! {
                #[doc = #doc]
                #vis struct #args_ident { #(#fields),* }
            });
            out.extend(super::unregistered(
                &args_entity,
                structure::struct_entity_tokens(&args_ident, &args_def, params, true),
            ));
            out.extend(structure::object_impls(
                &args_ident,
                &args_def,
                params,
                &args_entity,
                false,
                quote!(),
            ));
            (
                quote!(#args_ident),
                quote!(::core::option::Option::Some(<#args_ident as ::qapi_runtime::QapiType>::TYPE)),
            )
        }
        DataForm::Named | DataForm::Boxed => {
            let ty = &params[0].ty;
            out.extend(data_checks(ty, form == DataForm::Boxed, "command"));
            (
                quote!(#ty),
                quote!(::core::option::Option::Some(<#ty as ::qapi_runtime::QapiType>::TYPE)),
            )
        }
    };

    // The return type.
    let (ret, ret_typeref, ret_to_value) = match ret_ty {
        None => (
            quote!(()),
            quote!(::core::option::Option::None),
            quote!(::qapi_runtime::Value::empty_dict()),
        ),
        Some(t) => {
            let exception = pragmas.command_returns_exception;
            let shape = quote_spanned!(t.span()=> <#t as ::qapi_runtime::QapiType>::SHAPE);
            let optional = quote_spanned!(t.span()=> <#t as ::qapi_runtime::QapiType>::OPTIONAL);
            out.extend(super::const_check(
                t.span(),
                quote!(::qapi_runtime::__private::check::returns_error(#shape, #optional, #exception)),
            ));
            if exception {
                out.extend(super::nested_array_check("command's 'returns'", t));
            }
            (
                quote!(#t),
                quote!(::core::option::Option::Some(<#t as ::qapi_runtime::QapiType>::TYPE)),
                quote!(::qapi_runtime::QapiType::to_value(&ret)),
            )
        }
    };

    // The handler, when the function has a body.
    let handler = match &item.body {
        None => quote!(::core::option::Option::None),
        Some(body) => {
            let thunk = format_ident!("__qapi_handler_{}", names::unraw(fn_ident));
            let call = match form {
                DataForm::None => quote!(#fn_ident()),
                DataForm::Inline => {
                    let fields = params.iter().map(|p| &p.ident);
                    quote!(#fn_ident(#(a.#fields),*))
                }
                DataForm::Named | DataForm::Boxed => quote!(#fn_ident(a)),
            };
            let bind = if form == DataForm::None {
                quote!(let _ = args;)
            } else {
                quote!(let a = <#args_ty as ::qapi_runtime::QapiType>::from_value(args)?;)
            };
            let attrs = &item.attrs;
            let sig = &item.sig;
            out.extend(quote! {
                #(#attrs)*
                #vis #sig #body

                #[doc(hidden)]
                fn #thunk(args: ::qapi_runtime::Value) -> ::core::result::Result<::qapi_runtime::Value, ::qapi_runtime::Error> {
                    #bind
                    let ret = #call.map_err(::core::convert::Into::<::qapi_runtime::Error>::into)?;
                    ::core::result::Result::Ok(<#fn_ident as ::qapi_runtime::Command>::ret_to_value(ret))
                }
            });
            quote!(::core::option::Option::Some(#thunk))
        }
    };

    let args_form = match form {
        DataForm::None => quote!(None),
        DataForm::Inline => quote!(Inline),
        DataForm::Named => quote!(Named),
        DataForm::Boxed => quote!(Boxed),
    };
    let (generated, success, oob, preconfig, coro) = (
        c.no_gen.is_none(),
        c.no_success.is_none(),
        c.allow_oob.is_some(),
        c.allow_preconfig.is_some(),
        c.coroutine.is_some(),
    );
    out.extend(super::registered(
        &entity,
        super::entity_tokens(
            def,
            fn_ident,
            quote! { ::qapi_runtime::desc::Kind::Command(::qapi_runtime::desc::CommandDesc {
                args: #args_typeref,
                args_form: ::qapi_runtime::desc::ArgsForm::#args_form,
                ret: #ret_typeref,
                generated: #generated,
                success_response: #success,
                allow_oob: #oob,
                allow_preconfig: #preconfig,
                coroutine: #coro,
                handler: #handler,
            }) },
            false,
        ),
    ));

    let docs = item.attrs.iter().filter(|a| a.path().is_ident("doc"));
    let marker_doc = format!("The QMP command `{cmd_name}`.");
    let marker = if item.body.is_some() {
        quote!()
    } else {
        quote!(#(#docs)*)
    };
    quote! {
        #marker
        #[doc = #marker_doc]
        #[allow(non_camel_case_types)]
        #vis struct #fn_ident {}

        impl ::qapi_runtime::Command for #fn_ident {
            const NAME: &'static str = #cmd_name;
            type Args = #args_ty;
            type Ret = #ret;
            fn entity() -> &'static ::qapi_runtime::desc::Entity {
                &#entity
            }
            #[allow(unused_variables)]
            fn ret_to_value(ret: Self::Ret) -> ::qapi_runtime::Value {
                #ret_to_value
            }
        }
        #out
    }
}

/// The rules for a named `data` type of a command or event.
pub fn data_checks(ty: &syn::Type, boxed: bool, what: &str) -> TokenStream {
    let shape = quote_spanned!(ty.span()=> <#ty as ::qapi_runtime::QapiType>::SHAPE);
    let optional = quote_spanned!(ty.span()=> <#ty as ::qapi_runtime::QapiType>::OPTIONAL);
    super::const_check(
        ty.span(),
        quote!(::qapi_runtime::__private::check::data_error(#what, #shape, #optional, #boxed)),
    )
}
