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

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::parse::{Parse, ParseStream};
use syn::spanned::Spanned;
use syn::{Attribute, Block, Signature, Token, Visibility};

use crate::attr::{Args, Pragmas};
use crate::common::{self, DefAttrs, MemberRules, MemberSpec};
use crate::ctxt::Ctxt;
use crate::names;
use crate::structure;

/// A function with or without a body.
struct CommandItem {
    attrs: Vec<Attribute>,
    vis: Visibility,
    sig: Signature,
    body: Option<Box<Block>>,
}

impl Parse for CommandItem {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        let vis: Visibility = input.parse()?;
        let sig: Signature = input.parse()?;
        let body = if input.peek(Token![;]) {
            input.parse::<Token![;]>()?;
            None
        } else {
            Some(Box::new(input.parse()?))
        };
        Ok(CommandItem {
            attrs,
            vis,
            sig,
            body,
        })
    }
}

/// How `data` is given, from the flags.
#[derive(PartialEq, Clone, Copy)]
pub enum DataForm {
    None,
    Inline,
    Named,
    Boxed,
}

pub fn expand(args: TokenStream, input: TokenStream) -> TokenStream {
    let cx = Ctxt::new();
    let mut item: CommandItem = match common::parse_item(
        input,
        "#[qapi::command] applies to a function, as in `pub fn query_status() -> Result<StatusInfo>;`",
    ) {
        Ok(i) => i,
        Err(e) => return e,
    };
    let fn_ident = item.sig.ident.clone();
    common::check_single_meta(&cx, &mut item.attrs, "command");
    let mut args = Args::parse(&cx, args);
    let def = DefAttrs::take(
        &cx,
        &mut args,
        names::snake_to_dash(&names::unraw(&fn_ident)),
        fn_ident.span(),
    );
    let boxed = args.take_true_flag(&cx, "boxed", "boxed");
    let named_data = args.take_flag(&cx, "data");
    let allow_oob = args.take_true_flag(&cx, "allow_oob", "allow-oob");
    let allow_preconfig = args.take_true_flag(&cx, "allow_preconfig", "allow-preconfig");
    let coroutine = args.take_true_flag(&cx, "coroutine", "coroutine");
    let no_gen = args.take_false_flag(&cx, "gen", "gen");
    let no_success = args.take_false_flag(&cx, "success_response", "success-response");
    let pragmas = Pragmas::take(
        &cx,
        &mut args,
        &["command_name_exception", "command_returns_exception"],
    );
    args.finish(
        &cx,
        "command",
        &[
            "name",
            "if",
            "features",
            "boxed",
            "data",
            "allow_oob",
            "allow_preconfig",
            "coroutine",
            "gen",
            "success_response",
            "pragma",
        ],
    );
    if let (Some(_), Some(span)) = (allow_oob, coroutine) {
        cx.error_at(
            span,
            "flags 'allow-oob' and 'coroutine' are incompatible (QAPI flag rule)",
        );
    }
    if let Err(e) = names::check_lower(&def.name, "command", false, pragmas.command_name_exception)
    {
        cx.error_at(def.name_span, e);
    } else if let Err(e) = names::check_not_predefined(&def.name) {
        cx.error_at(def.name_span, e);
    }
    common::check_features(&cx, &def.features, false);
    common::forbid_generics(&cx, &item.sig.generics);
    if let Some(a) = &item.sig.asyncness {
        cx.error_spanned_by(a, "QAPI command handlers are not async");
    }

    // Parameters.
    let form = match (boxed, named_data) {
        (Some(_), Some(span)) => {
            cx.error_at(
                span,
                "'boxed' already names the argument type; drop 'data' (QAPI command rule)",
            );
            DataForm::Boxed
        }
        (Some(_), None) => DataForm::Boxed,
        (None, Some(_)) => DataForm::Named,
        (None, None) if item.sig.inputs.is_empty() => DataForm::None,
        (None, None) => DataForm::Inline,
    };
    let rules = MemberRules {
        what: "parameter",
        allow_base: false,
        allow_discriminator: false,
        permissive: false,
        forbid_if: Some("conditional command arguments require 'boxed': true (QAPI command rule)"),
    };
    let mut params = Vec::new();
    for input in item.sig.inputs.iter_mut() {
        match input {
            syn::FnArg::Typed(pt) => {
                let ident = match &*pt.pat {
                    syn::Pat::Ident(pi) => pi.ident.clone(),
                    other => {
                        cx.error_spanned_by(other, "a command parameter is a plain name");
                        continue;
                    }
                };
                params.push(MemberSpec::parse(
                    &cx,
                    &mut pt.attrs,
                    ident,
                    (*pt.ty).clone(),
                    rules,
                ));
            }
            syn::FnArg::Receiver(r) => {
                cx.error_spanned_by(r, "a command is a free function, without self")
            }
        }
    }
    common::check_member_clashes(&cx, &params, "parameter");
    if matches!(form, DataForm::Boxed | DataForm::Named) && params.len() != 1 {
        let span = boxed.or(named_data).unwrap_or_else(Span::call_site);
        if params.is_empty() {
            cx.error_at(span, "'boxed': true requires 'data': give the function one parameter of the argument type (QAPI command rule)");
        } else {
            cx.error_at(span, "'data' should be a type name: a command with a named argument type takes one parameter (QAPI command rule)");
        }
    }

    // Return type: Result<T, E>, T = () when there is no 'returns'.
    let ret_ty = return_type(&cx, &item.sig.output);

    item.attrs.retain(|a| !a.path().is_ident("qapi"));
    if cx.has_errors() {
        let errors = cx.into_compile_errors();
        let vis = &item.vis;
        return quote! {
            #[allow(non_camel_case_types)]
            #vis struct #fn_ident {}
            #errors
        };
    }

    let cmd_name = &def.name;
    let entity = common::entity_static("COMMAND", &fn_ident);
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
                format_ident!("{}Args", names::snake_to_camel(&names::unraw(&fn_ident)));
            let args_def = DefAttrs {
                name: format!("q_obj_{cmd_name}-arg"),
                name_span: def.name_span,
                cond: def.cond.clone(),
                features: Vec::new(),
            };
            let args_entity = common::entity_static("ARGS", &fn_ident);
            let fields = params.iter().map(|p| {
                let (i, t) = (&p.ident, &p.ty);
                quote!(pub #i: #t)
            });
            let doc = format!("The arguments of `{cmd_name}`.");
            out.extend(quote! {
                #[doc = #doc]
                #vis struct #args_ident { #(#fields),* }
            });
            out.extend(common::unregistered(
                &args_entity,
                structure::struct_entity_tokens(&args_ident, &args_def, &params, true),
            ));
            out.extend(structure::object_impls(
                &args_ident,
                &args_def,
                &params,
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
    let (ret, ret_typeref, ret_to_value) = match &ret_ty {
        None => (
            quote!(()),
            quote!(::core::option::Option::None),
            quote!(::qapi_runtime::Value::empty_dict()),
        ),
        Some(t) => {
            let exception = pragmas.command_returns_exception;
            let shape = quote_spanned!(t.span()=> <#t as ::qapi_runtime::QapiType>::SHAPE);
            let optional = quote_spanned!(t.span()=> <#t as ::qapi_runtime::QapiType>::OPTIONAL);
            out.extend(common::const_check(
                t.span(),
                quote!(::qapi_runtime::__private::check::returns_error(#shape, #optional, #exception)),
            ));
            if exception {
                out.extend(common::nested_array_check("command's 'returns'", t));
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
            let thunk = format_ident!("__qapi_handler_{}", names::unraw(&fn_ident));
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
        no_gen.is_none(),
        no_success.is_none(),
        allow_oob.is_some(),
        allow_preconfig.is_some(),
        coroutine.is_some(),
    );
    out.extend(common::registered(
        &entity,
        common::entity_tokens(
            &def,
            &fn_ident,
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

/// `-> Result<T, E>`: `Some(T)`, or `None` for `()` / no return type.
fn return_type(cx: &Ctxt, output: &syn::ReturnType) -> Option<syn::Type> {
    let syn::ReturnType::Type(_, ty) = output else {
        return None;
    };
    if let syn::Type::Path(p) = &**ty
        && let Some(seg) = p.path.segments.last()
        && seg.ident == "Result"
        && let syn::PathArguments::AngleBracketed(a) = &seg.arguments
        && let Some(syn::GenericArgument::Type(t)) = a.args.first()
    {
        if matches!(t, syn::Type::Tuple(tt) if tt.elems.is_empty()) {
            return None;
        }
        return Some(t.clone());
    }
    if matches!(&**ty, syn::Type::Tuple(tt) if tt.elems.is_empty()) {
        return None;
    }
    cx.error_spanned_by(
        ty,
        "a command returns Result<T, Error> (T = () when it has no 'returns') (QAPI command rule)",
    );
    None
}

/// The rules for a named `data` type of a command or event.
pub fn data_checks(ty: &syn::Type, boxed: bool, what: &str) -> TokenStream {
    let shape = quote_spanned!(ty.span()=> <#ty as ::qapi_runtime::QapiType>::SHAPE);
    let optional = quote_spanned!(ty.span()=> <#ty as ::qapi_runtime::QapiType>::OPTIONAL);
    common::const_check(
        ty.span(),
        quote!(::qapi_runtime::__private::check::data_error(#what, #shape, #optional, #boxed)),
    )
}
