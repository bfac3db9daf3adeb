//! The model each macro builds from its attribute and item: one type per
//! meta-type, with members, values and branches carrying their QAPI keys,
//! conditions, features and spans.
//!
//! `from_ast` walks the Rust item (the attributes are read by `attr.rs`)
//! and records what it finds, including shapes the meta-type cannot hold
//! ([`Misfit`]); `check.rs` then validates the model, and `expand/` turns a
//! valid one into code.  Like serde_derive's `internals::ast`.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::parse::{Parse, ParseStream};
use syn::{Attribute, Block, Ident, Signature, Token, Type, Visibility};

use super::attr::{self, Args};
use super::cond::Cond;
use super::ctxt::Ctxt;
use super::names;

/// One feature in `features = [...]`.
#[derive(Clone)]
pub struct Feature {
    pub name: String,
    pub span: Span,
    pub cond: Option<Cond>,
}

/// What every definition has: its name, `if` and features.
pub struct Def {
    pub name: String,
    pub name_span: Span,
    pub cond: Option<Cond>,
    pub features: Vec<Feature>,
}

/// The pragmas a definition may claim (QEMU's `pragma.json` lists, per item).
#[derive(Default, Clone, Copy)]
pub struct Pragmas {
    /// `command-name-exceptions`: the command name may use '_'.
    pub command_name_exception: bool,
    /// `command-returns-exceptions`: the command may return a non-object.
    pub command_returns_exception: bool,
    /// `member-name-exceptions`: member names and values may use uppercase and '_'.
    pub member_name_exception: bool,
}

/// A member: a struct field, union common member, command parameter or
/// inline event field.
pub struct Member {
    pub ident: Ident,
    pub name: String,
    pub name_span: Span,
    pub ty: Type,
    pub cond: Option<Cond>,
    pub features: Vec<Feature>,
    /// `builtin = size`: the exact integer built-in of the field.
    pub builtin: Option<(String, Span)>,
    pub is_base: Option<Span>,
    pub is_discriminator: Option<Span>,
}

/// A piece of the Rust item that the meta-type cannot hold, with the
/// tokens to point at; `check.rs` says which rule it breaks.
pub enum Misfit {
    /// A struct or union with tuple fields.
    TupleFields(TokenStream),
    /// An enum value with data.
    ValueData(TokenStream),
    /// An enum value with `= n`.
    Discriminant(TokenStream),
    /// A union branch that is neither `Name` nor `Name(Type)`; the branch's
    /// QAPI name.
    BranchFields(TokenStream, String),
    /// An alternate branch without a type; its QAPI name.
    AltUnit(TokenStream, String),
    /// An alternate branch with several fields.
    AltFields(TokenStream),
    /// A command parameter that is a pattern.
    ParamPattern(TokenStream),
    /// `self` in a command.
    SelfParam(TokenStream),
    /// A command's return type that is not `Result<T, E>`.
    Return(TokenStream),
    /// An event with several tuple fields.
    EventFields(TokenStream),
}

/// Everything of an item besides its meta-type's own model.
pub struct Common {
    /// This meta-type's macro (`structure`, ...).
    pub meta: &'static str,
    /// Other QAPI attribute macros on the same item.
    pub other_metas: Vec<Attribute>,
    pub misfits: Vec<Misfit>,
}

impl Common {
    fn new(attrs: &mut Vec<Attribute>, meta: &'static str) -> Common {
        Common {
            meta,
            other_metas: attr::other_metas(attrs),
            misfits: Vec::new(),
        }
    }
}

/// `#[qapi::structure]`.
pub struct Struct {
    pub item: syn::ItemStruct,
    pub common: Common,
    pub def: Def,
    pub pragmas: Pragmas,
    pub members: Vec<Member>,
}

/// `#[qapi::union]`: the common members, one of them the discriminator.
pub struct Union {
    pub item: syn::ItemStruct,
    pub common: Common,
    pub def: Def,
    /// `base = Name`: a named base whose members the struct repeats.
    pub base: Option<(Type, Span)>,
    pub pragmas: Pragmas,
    pub members: Vec<Member>,
}

/// `#[qapi::branches]`: a union's branches, one per discriminator value.
pub struct Branches {
    pub item: syn::ItemEnum,
    pub common: Common,
    pub tag: Option<(Type, Span)>,
    pub branches: Vec<Branch>,
}

pub struct Branch {
    pub ident: Ident,
    /// `None`: an implicit (empty) branch.
    pub ty: Option<Type>,
    pub cond: Option<Cond>,
}

/// `#[qapi::alternate]`.
pub struct Alternate {
    pub item: syn::ItemEnum,
    pub common: Common,
    pub def: Def,
    pub branches: Vec<AltBranch>,
}

pub struct AltBranch {
    pub ident: Ident,
    pub name: String,
    pub span: Span,
    /// `None` when the variant holds no single type (a [`Misfit`]).
    pub ty: Option<Type>,
    pub cond: Option<Cond>,
}

/// `#[qapi::enumeration]`.
pub struct Enum {
    pub item: syn::ItemEnum,
    pub common: Common,
    pub def: Def,
    pub prefix: Option<String>,
    pub pragmas: Pragmas,
    pub values: Vec<EnumValue>,
}

pub struct EnumValue {
    pub ident: Ident,
    pub name: String,
    pub span: Span,
    pub cond: Option<Cond>,
    pub features: Vec<Feature>,
}

/// A function with or without a body.
pub struct CommandItem {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub sig: Signature,
    pub body: Option<Box<Block>>,
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

/// How a command's `data` is given, from the flags.
#[derive(PartialEq, Clone, Copy)]
pub enum DataForm {
    None,
    Inline,
    Named,
    Boxed,
}

/// `#[qapi::command]`.
pub struct Command {
    pub item: CommandItem,
    pub common: Common,
    pub def: Def,
    pub boxed: Option<Span>,
    pub named_data: Option<Span>,
    pub allow_oob: Option<Span>,
    pub allow_preconfig: Option<Span>,
    pub coroutine: Option<Span>,
    /// `gen = false`.
    pub no_gen: Option<Span>,
    /// `success_response = false`.
    pub no_success: Option<Span>,
    pub pragmas: Pragmas,
    pub params: Vec<Member>,
    /// `T` of `-> Result<T, E>`; `None` for `()` or no return type.
    pub ret: Option<Type>,
}

/// The data of an event.
pub enum EventData {
    None,
    Inline(Vec<Member>),
    Named(Box<Type>),
}

/// `#[qapi::event]`.
pub struct Event {
    pub item: syn::ItemStruct,
    pub common: Common,
    pub def: Def,
    pub boxed: Option<Span>,
    pub data: EventData,
}

impl Struct {
    pub fn from_ast(cx: &Ctxt, args: TokenStream, mut item: syn::ItemStruct) -> Struct {
        let mut common = Common::new(&mut item.attrs, "structure");
        let mut args = Args::parse(cx, args);
        let def = attr::definition(cx, &mut args, item.ident.to_string(), item.ident.span());
        let pragmas = attr::pragmas(cx, &mut args, &["member_name_exception"]);
        args.finish(cx, "struct", &["name", "if", "features", "pragma"]);
        let members = fields(cx, &mut common, &mut item.fields, true, false);
        Struct {
            item,
            common,
            def,
            pragmas,
            members,
        }
    }

    /// The `#[qapi(base)]` member.
    pub fn base(&self) -> Option<&Member> {
        self.members.iter().find(|m| m.is_base.is_some())
    }

    /// Whether the base is the struct itself (`Self`, its name, or either
    /// in a `Box`): QEMU's "object contains itself".
    pub fn base_is_self(&self) -> bool {
        let name = self.item.ident.to_string();
        self.base()
            .and_then(|b| innermost_ident(&b.ty))
            .is_some_and(|i| *i == name || i == "Self")
    }
}

/// Reads the fields of a struct-like item as members.
fn fields(
    cx: &Ctxt,
    common: &mut Common,
    fields: &mut syn::Fields,
    allow_base: bool,
    allow_discriminator: bool,
) -> Vec<Member> {
    match fields {
        syn::Fields::Named(named) => named
            .named
            .iter_mut()
            .map(|f| {
                let ident = f.ident.clone().expect("named field");
                attr::member(
                    cx,
                    &mut f.attrs,
                    ident,
                    f.ty.clone(),
                    allow_base,
                    allow_discriminator,
                )
            })
            .collect(),
        syn::Fields::Unit => Vec::new(),
        syn::Fields::Unnamed(u) => {
            common
                .misfits
                .push(Misfit::TupleFields(u.to_token_stream()));
            Vec::new()
        }
    }
}

impl Union {
    pub fn from_ast(cx: &Ctxt, args: TokenStream, mut item: syn::ItemStruct) -> Union {
        let mut common = Common::new(&mut item.attrs, "union");
        let mut args = Args::parse(cx, args);
        let def = attr::definition(cx, &mut args, item.ident.to_string(), item.ident.span());
        let base = args.take_type(cx, "base");
        let pragmas = attr::pragmas(cx, &mut args, &["member_name_exception"]);
        args.finish(cx, "union", &["name", "if", "features", "base", "pragma"]);
        let members = fields(cx, &mut common, &mut item.fields, false, true);
        Union {
            item,
            common,
            def,
            base,
            pragmas,
            members,
        }
    }

    /// The `#[qapi(discriminator)]` members (one in a valid union).
    pub fn discriminators(&self) -> Vec<&Member> {
        self.members
            .iter()
            .filter(|m| m.is_discriminator.is_some())
            .collect()
    }
}

impl Branches {
    pub fn from_ast(cx: &Ctxt, args: TokenStream, mut item: syn::ItemEnum) -> Branches {
        let mut common = Common::new(&mut item.attrs, "branches");
        let mut args = Args::parse(cx, args);
        let tag = args.take_type(cx, "tag");
        args.finish(cx, "union branches", &["tag"]);
        let mut branches = Vec::new();
        for v in item.variants.iter_mut() {
            let mut a = Args::take_from(cx, &mut v.attrs);
            let cond = a.take_cond(cx);
            a.finish(cx, "#[qapi(...)] of a union branch", &["if"]);
            let ty = match &v.fields {
                syn::Fields::Unit => None,
                syn::Fields::Unnamed(u) if u.unnamed.len() == 1 => Some(u.unnamed[0].ty.clone()),
                other => {
                    common.misfits.push(Misfit::BranchFields(
                        other.to_token_stream(),
                        names::camel_to_dash(&names::unraw(&v.ident)),
                    ));
                    None
                }
            };
            branches.push(Branch {
                ident: v.ident.clone(),
                ty,
                cond,
            });
        }
        Branches {
            item,
            common,
            tag,
            branches,
        }
    }
}

impl Alternate {
    pub fn from_ast(cx: &Ctxt, args: TokenStream, mut item: syn::ItemEnum) -> Alternate {
        let mut common = Common::new(&mut item.attrs, "alternate");
        let mut args = Args::parse(cx, args);
        let def = attr::definition(cx, &mut args, item.ident.to_string(), item.ident.span());
        args.finish(cx, "alternate", &["name", "if", "features"]);
        let mut branches = Vec::new();
        for v in item.variants.iter_mut() {
            let mut a = Args::take_from(cx, &mut v.attrs);
            let default = names::camel_to_dash(&names::unraw(&v.ident));
            let (name, span) = a.take_str(cx, "name").unwrap_or((default, v.ident.span()));
            let cond = a.take_cond(cx);
            a.finish(cx, "#[qapi(...)] of an alternate branch", &["name", "if"]);
            let ty = match &v.fields {
                syn::Fields::Unnamed(u) if u.unnamed.len() == 1 => Some(u.unnamed[0].ty.clone()),
                syn::Fields::Unit => {
                    common
                        .misfits
                        .push(Misfit::AltUnit(v.ident.to_token_stream(), name.clone()));
                    None
                }
                other => {
                    common
                        .misfits
                        .push(Misfit::AltFields(other.to_token_stream()));
                    None
                }
            };
            branches.push(AltBranch {
                ident: v.ident.clone(),
                name,
                span,
                ty,
                cond,
            });
        }
        Alternate {
            item,
            common,
            def,
            branches,
        }
    }
}

impl Enum {
    pub fn from_ast(cx: &Ctxt, args: TokenStream, mut item: syn::ItemEnum) -> Enum {
        let mut common = Common::new(&mut item.attrs, "enumeration");
        let mut args = Args::parse(cx, args);
        let def = attr::definition(cx, &mut args, item.ident.to_string(), item.ident.span());
        let prefix = args.take_str(cx, "prefix").map(|(p, _)| p);
        let pragmas = attr::pragmas(cx, &mut args, &["member_name_exception"]);
        args.finish(cx, "enum", &["name", "if", "features", "prefix", "pragma"]);
        let mut values = Vec::new();
        for v in item.variants.iter_mut() {
            let mut a = Args::take_from(cx, &mut v.attrs);
            let default = names::camel_to_dash(&names::unraw(&v.ident));
            let (name, span) = a.take_str(cx, "name").unwrap_or((default, v.ident.span()));
            let cond = a.take_cond(cx);
            let features = a.take_features(cx);
            a.finish(
                cx,
                "#[qapi(...)] of an enum value",
                &["name", "if", "features"],
            );
            if !matches!(v.fields, syn::Fields::Unit) {
                common
                    .misfits
                    .push(Misfit::ValueData(v.fields.to_token_stream()));
            }
            if let Some((_, d)) = &v.discriminant {
                common
                    .misfits
                    .push(Misfit::Discriminant(d.to_token_stream()));
            }
            values.push(EnumValue {
                ident: v.ident.clone(),
                name,
                span,
                cond,
                features,
            });
        }
        Enum {
            item,
            common,
            def,
            prefix,
            pragmas,
            values,
        }
    }
}

impl Command {
    pub fn from_ast(cx: &Ctxt, args: TokenStream, mut item: CommandItem) -> Command {
        let fn_ident = item.sig.ident.clone();
        let mut common = Common::new(&mut item.attrs, "command");
        let mut args = Args::parse(cx, args);
        let def = attr::definition(
            cx,
            &mut args,
            names::snake_to_dash(&names::unraw(&fn_ident)),
            fn_ident.span(),
        );
        let boxed = args.take_true_flag(cx, "boxed", "boxed");
        let named_data = args.take_flag(cx, "data");
        let allow_oob = args.take_true_flag(cx, "allow_oob", "allow-oob");
        let allow_preconfig = args.take_true_flag(cx, "allow_preconfig", "allow-preconfig");
        let coroutine = args.take_true_flag(cx, "coroutine", "coroutine");
        let no_gen = args.take_false_flag(cx, "gen", "gen");
        let no_success = args.take_false_flag(cx, "success_response", "success-response");
        let pragmas = attr::pragmas(
            cx,
            &mut args,
            &["command_name_exception", "command_returns_exception"],
        );
        args.finish(
            cx,
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
        let mut params = Vec::new();
        for input in item.sig.inputs.iter_mut() {
            match input {
                syn::FnArg::Typed(pt) => {
                    let ident = match &*pt.pat {
                        syn::Pat::Ident(pi) => pi.ident.clone(),
                        other => {
                            common
                                .misfits
                                .push(Misfit::ParamPattern(other.to_token_stream()));
                            continue;
                        }
                    };
                    params.push(attr::member(
                        cx,
                        &mut pt.attrs,
                        ident,
                        (*pt.ty).clone(),
                        false,
                        false,
                    ));
                }
                syn::FnArg::Receiver(r) => {
                    common.misfits.push(Misfit::SelfParam(r.to_token_stream()))
                }
            }
        }
        let ret = return_type(&mut common, &item.sig.output);
        // A `#[qapi(...)]` on the function itself says nothing.
        item.attrs.retain(|a| !a.path().is_ident("qapi"));
        Command {
            item,
            common,
            def,
            boxed,
            named_data,
            allow_oob,
            allow_preconfig,
            coroutine,
            no_gen,
            no_success,
            pragmas,
            params,
            ret,
        }
    }

    pub fn form(&self) -> DataForm {
        match (self.boxed, self.named_data) {
            (Some(_), _) => DataForm::Boxed,
            (None, Some(_)) => DataForm::Named,
            (None, None) if self.item.sig.inputs.is_empty() => DataForm::None,
            (None, None) => DataForm::Inline,
        }
    }
}

/// `-> Result<T, E>`: `Some(T)`, or `None` for `()` / no return type.
fn return_type(common: &mut Common, output: &syn::ReturnType) -> Option<Type> {
    let syn::ReturnType::Type(_, ty) = output else {
        return None;
    };
    if let Type::Path(p) = &**ty
        && let Some(seg) = p.path.segments.last()
        && seg.ident == "Result"
        && let syn::PathArguments::AngleBracketed(a) = &seg.arguments
        && let Some(syn::GenericArgument::Type(t)) = a.args.first()
    {
        if matches!(t, Type::Tuple(tt) if tt.elems.is_empty()) {
            return None;
        }
        return Some(t.clone());
    }
    if !matches!(&**ty, Type::Tuple(tt) if tt.elems.is_empty()) {
        common.misfits.push(Misfit::Return(ty.to_token_stream()));
    }
    None
}

impl Event {
    pub fn from_ast(cx: &Ctxt, args: TokenStream, mut item: syn::ItemStruct) -> Event {
        let mut common = Common::new(&mut item.attrs, "event");
        let mut args = Args::parse(cx, args);
        let def = attr::definition(
            cx,
            &mut args,
            names::camel_to_upper_snake(&names::unraw(&item.ident)),
            item.ident.span(),
        );
        let boxed = args.take_true_flag(cx, "boxed", "boxed");
        args.finish(cx, "event", &["name", "if", "features", "boxed"]);
        let data = match &mut item.fields {
            syn::Fields::Unit => EventData::None,
            syn::Fields::Named(n) if n.named.is_empty() => EventData::None,
            syn::Fields::Named(n) => EventData::Inline(
                n.named
                    .iter_mut()
                    .map(|f| {
                        let id = f.ident.clone().expect("named");
                        attr::member(cx, &mut f.attrs, id, f.ty.clone(), false, false)
                    })
                    .collect(),
            ),
            syn::Fields::Unnamed(u) if u.unnamed.len() == 1 => {
                EventData::Named(Box::new(u.unnamed[0].ty.clone()))
            }
            syn::Fields::Unnamed(u) => {
                common
                    .misfits
                    .push(Misfit::EventFields(u.to_token_stream()));
                EventData::None
            }
        };
        Event {
            item,
            common,
            def,
            boxed,
            data,
        }
    }
}

/// `Option<Box<Vec<T>>>` -> the identifier of `T`.
pub fn innermost_ident(ty: &Type) -> Option<&Ident> {
    let Type::Path(p) = ty else { return None };
    let seg = p.path.segments.last()?;
    if matches!(seg.ident.to_string().as_str(), "Option" | "Box" | "Vec")
        && let syn::PathArguments::AngleBracketed(a) = &seg.arguments
        && let Some(syn::GenericArgument::Type(inner)) = a.args.first()
    {
        return innermost_ident(inner);
    }
    Some(&seg.ident)
}

/// Whether the type is an array (`Vec<T>`, possibly in `Option`/`Box`).
pub fn is_vec(ty: &Type) -> bool {
    let Type::Path(p) = ty else { return false };
    let Some(seg) = p.path.segments.last() else {
        return false;
    };
    let inner = match &seg.arguments {
        syn::PathArguments::AngleBracketed(a) => match a.args.first() {
            Some(syn::GenericArgument::Type(t)) => Some(t),
            _ => None,
        },
        _ => None,
    };
    match (seg.ident.to_string().as_str(), inner) {
        ("Vec", _) => true,
        ("Option" | "Box", Some(t)) => is_vec(t),
        _ => false,
    }
}

/// Whether the type is written `Option<...>`.
pub fn is_option(ty: &Type) -> bool {
    matches!(ty, Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Option"))
}
