//! Attribute arguments: `#[qapi::command(name = "x", if = ..., allow_oob)]`
//! on items and `#[qapi(...)]` on fields, parameters and variants.
//!
//! Arguments are parsed into a list of keys with typed values; each macro
//! then takes the keys it knows ([`Args::take_*`]) and reports the rest as
//! unknown, listing the valid keys, as QEMU's `check_keys` does.

use proc_macro2::{Span, TokenStream};
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Ident, LitBool, LitStr, Token, bracketed, parenthesized};

use crate::cond::Cond;
use crate::ctxt::Ctxt;

/// One feature in `features = [...]`.
#[derive(Clone)]
pub struct FeatureSpec {
    pub name: String,
    pub span: Span,
    pub cond: Option<Cond>,
}

pub enum Value {
    /// `key` alone.
    Flag,
    Str(LitStr),
    Bool(LitBool),
    Cond(Cond),
    Features(Vec<FeatureSpec>),
    /// `key = Type` (bases, tags, built-in overrides).
    Type(syn::Type),
    /// `key(a, b)`.
    List(Vec<Ident>),
}

pub struct Arg {
    pub key: String,
    pub span: Span,
    pub value: Value,
}

/// The parsed arguments of one attribute.
#[derive(Default)]
pub struct Args {
    args: Vec<Arg>,
}

fn parse_features(input: ParseStream) -> syn::Result<Vec<FeatureSpec>> {
    let content;
    bracketed!(content in input);
    let mut out = Vec::new();
    while !content.is_empty() {
        let (name, span) = if content.peek(LitStr) {
            let s: LitStr = content.parse()?;
            (s.value(), s.span())
        } else {
            let id = Ident::parse_any(&content)?;
            (
                crate::names::snake_to_dash(&crate::names::unraw(&id)),
                id.span(),
            )
        };
        let mut cond = None;
        if content.peek(syn::token::Paren) {
            let inner;
            parenthesized!(inner in content);
            let key = Ident::parse_any(&inner)?;
            if key != "if" {
                return Err(syn::Error::new(
                    key.span(),
                    format!(
                        "'features' member has unknown key '{key}'\nValid keys are 'if', 'name'."
                    ),
                ));
            }
            inner.parse::<Token![=]>()?;
            cond = Some(inner.parse::<Cond>()?);
            if !inner.is_empty() {
                return Err(inner.error("expected `)` after the feature's condition"));
            }
        }
        out.push(FeatureSpec { name, span, cond });
        if content.is_empty() {
            break;
        }
        content.parse::<Token![,]>()?;
    }
    Ok(out)
}

fn parse_arg(input: ParseStream) -> syn::Result<Arg> {
    let key_ident = Ident::parse_any(input)?;
    let key = key_ident.to_string();
    let span = key_ident.span();
    let value = if input.peek(Token![=]) {
        input.parse::<Token![=]>()?;
        match key.as_str() {
            "if" => Value::Cond(input.parse()?),
            "features" => Value::Features(parse_features(input)?),
            _ if input.peek(LitStr) => Value::Str(input.parse()?),
            _ if input.peek(LitBool) => Value::Bool(input.parse()?),
            _ => Value::Type(input.parse()?),
        }
    } else if input.peek(syn::token::Paren) {
        let content;
        parenthesized!(content in input);
        let ids =
            Punctuated::<Ident, Token![,]>::parse_terminated_with(&content, Ident::parse_any)?;
        Value::List(ids.into_iter().collect())
    } else {
        Value::Flag
    };
    Ok(Arg { key, span, value })
}

impl Args {
    /// Parses attribute arguments; syntax errors go to `cx`.
    pub fn parse(cx: &Ctxt, tokens: TokenStream) -> Args {
        let parser = Punctuated::<Arg, Token![,]>::parse_terminated_with;
        match (|input: ParseStream| parser(input, parse_arg)).parse2(tokens) {
            Ok(list) => {
                let mut args = Args::default();
                for a in list {
                    if args.args.iter().any(|b| b.key == a.key) {
                        cx.error_at(a.span, format!("duplicate key '{}'", a.key));
                        continue;
                    }
                    args.args.push(a);
                }
                args
            }
            Err(e) => {
                cx.syn_error(e);
                Args::default()
            }
        }
    }

    /// Parses every `#[qapi(...)]` of `attrs` into one argument list and
    /// removes them; other attributes stay.
    pub fn take_from(cx: &Ctxt, attrs: &mut Vec<syn::Attribute>) -> Args {
        let mut args = Args::default();
        attrs.retain(|a| {
            if !a.path().is_ident("qapi") {
                return true;
            }
            match &a.meta {
                syn::Meta::List(l) => {
                    let more = Args::parse(cx, l.tokens.clone());
                    for m in more.args {
                        if args.args.iter().any(|b| b.key == m.key) {
                            cx.error_at(m.span, format!("duplicate key '{}'", m.key));
                        } else {
                            args.args.push(m);
                        }
                    }
                }
                other => cx.error_spanned_by(other, "expected #[qapi(...)]"),
            }
            false
        });
        args
    }

    fn take(&mut self, key: &str) -> Option<Arg> {
        let i = self.args.iter().position(|a| a.key == key)?;
        Some(self.args.remove(i))
    }

    pub fn take_str(&mut self, cx: &Ctxt, key: &str) -> Option<(String, Span)> {
        let a = self.take(key)?;
        match a.value {
            Value::Str(s) => Some((s.value(), s.span())),
            _ => {
                cx.error_at(
                    a.span,
                    format!("'{key}' must be a string, as in {key} = \"...\""),
                );
                None
            }
        }
    }

    /// A flag that may only be true (`allow_oob`, `boxed`, ...).
    pub fn take_true_flag(&mut self, cx: &Ctxt, key: &str, qapi_key: &str) -> Option<Span> {
        let a = self.take(key)?;
        match a.value {
            Value::Flag => Some(a.span),
            Value::Bool(b) if b.value => Some(a.span),
            _ => {
                cx.error_at(a.span, format!("flag '{qapi_key}' may only use true value"));
                None
            }
        }
    }

    /// A flag that may only be false (`gen = false`, `success_response = false`).
    pub fn take_false_flag(&mut self, cx: &Ctxt, key: &str, qapi_key: &str) -> Option<Span> {
        let a = self.take(key)?;
        match a.value {
            Value::Bool(b) if !b.value => Some(a.span),
            _ => {
                cx.error_at(
                    a.span,
                    format!("flag '{qapi_key}' may only use false value"),
                );
                None
            }
        }
    }

    pub fn take_cond(&mut self, cx: &Ctxt) -> Option<Cond> {
        let a = self.take("if")?;
        match a.value {
            Value::Cond(c) => Some(c),
            _ => {
                cx.error_at(a.span, "'if' needs a condition, as in if = CONFIG_LINUX");
                None
            }
        }
    }

    pub fn take_features(&mut self, cx: &Ctxt) -> Vec<FeatureSpec> {
        let Some(a) = self.take("features") else {
            return Vec::new();
        };
        match a.value {
            Value::Features(f) => f,
            _ => {
                cx.error_at(
                    a.span,
                    "'features' must be an array, as in features = [deprecated]",
                );
                Vec::new()
            }
        }
    }

    pub fn take_type(&mut self, cx: &Ctxt, key: &str) -> Option<(syn::Type, Span)> {
        let a = self.take(key)?;
        match a.value {
            Value::Type(t) => Some((t, a.span)),
            _ => {
                cx.error_at(
                    a.span,
                    format!("'{key}' must name a type, as in {key} = TypeName"),
                );
                None
            }
        }
    }

    /// `pragma(a, b)`: the per-definition form of QAPI's schema pragmas.
    pub fn take_list(&mut self, cx: &Ctxt, key: &str) -> Vec<Ident> {
        let Some(a) = self.take(key) else {
            return Vec::new();
        };
        match a.value {
            Value::List(l) => l,
            _ => {
                cx.error_at(a.span, format!("'{key}' takes a list, as in {key}(...)"));
                Vec::new()
            }
        }
    }

    /// A flag without value (`#[qapi(base)]`).
    pub fn take_flag(&mut self, cx: &Ctxt, key: &str) -> Option<Span> {
        let a = self.take(key)?;
        match a.value {
            Value::Flag => Some(a.span),
            _ => {
                cx.error_at(a.span, format!("'{key}' takes no value"));
                None
            }
        }
    }

    /// Reports every key not taken, listing the valid ones.
    pub fn finish(self, cx: &Ctxt, what: &str, valid: &[&str]) {
        if self.args.is_empty() {
            return;
        }
        let mut list: Vec<&str> = valid.to_vec();
        list.sort_unstable();
        let valid = list
            .iter()
            .map(|k| format!("'{k}'"))
            .collect::<Vec<_>>()
            .join(", ");
        for a in self.args {
            cx.error_at(
                a.span,
                format!(
                    "{what} has unknown key '{}'\nValid keys are {valid}.",
                    a.key
                ),
            );
        }
    }
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

impl Pragmas {
    pub fn take(cx: &Ctxt, args: &mut Args, allowed: &[&str]) -> Pragmas {
        let mut p = Pragmas::default();
        for id in args.take_list(cx, "pragma") {
            let s = id.to_string();
            if !allowed.contains(&s.as_str()) {
                cx.error_spanned_by(
                    &id,
                    format!("unknown pragma '{s}' here; valid: {}", allowed.join(", ")),
                );
                continue;
            }
            match s.as_str() {
                "command_name_exception" => p.command_name_exception = true,
                "command_returns_exception" => p.command_returns_exception = true,
                "member_name_exception" => p.member_name_exception = true,
                _ => {}
            }
        }
        p
    }
}
