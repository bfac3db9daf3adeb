//! Attribute arguments: `#[qapi::command(name = "x", if = ..., allow_oob)]`
//! on items and `#[qapi(...)]` on fields, parameters and variants.
//!
//! Arguments are parsed into a list of keys with typed values; each
//! meta-type then takes the keys it knows ([`Args::take_*`]) and reports the
//! rest as unknown, listing the valid keys, as QEMU's `check_keys` does.
//! Errors here are about the attribute's form (syntax, unknown or
//! duplicate keys, a value of the wrong kind); the QAPI rules on what the
//! keys say are in `check.rs`.

use proc_macro2::{Span, TokenStream};
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::{Ident, LitBool, LitStr, Token, bracketed, parenthesized};

use super::ast::{Def, Feature, Member, Pragmas};
use super::cond::Cond;
use super::ctxt::Ctxt;
use super::names;

pub enum Value {
    /// `key` alone.
    Flag,
    Str(LitStr),
    Bool(LitBool),
    Cond(Cond),
    Features(Vec<Feature>),
    /// `key = Type` (bases, tags, built-in overrides).
    Type(syn::Type),
    /// `key(a, b)`.
    List(Vec<Ident>),
    /// A value with a syntax error, already reported.
    Invalid,
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

fn parse_features(input: ParseStream) -> syn::Result<Vec<Feature>> {
    if !input.peek(syn::token::Bracket) {
        return Err(input.error(
            "'features' must be an array, as in features = [name, ...] (QAPI feature rule)",
        ));
    }
    let content;
    bracketed!(content in input);
    let r = parse_feature_list(&content);
    drain(&content, r)
}

/// Consumes what is left of a delimited group after an error, so that
/// syn does not report the leftover tokens as a second error.
pub fn drain<T>(content: ParseStream, r: syn::Result<T>) -> syn::Result<T> {
    if r.is_err() {
        let _ = content.parse::<TokenStream>();
    }
    r
}

fn parse_feature_list(content: ParseStream) -> syn::Result<Vec<Feature>> {
    let mut out = Vec::new();
    while !content.is_empty() {
        let (name, span) = if content.peek(LitStr) {
            let s: LitStr = content.parse()?;
            (s.value(), s.span())
        } else if content.peek(syn::token::Paren) {
            return Err(content.error(
                "'features' member misses key 'name': write the name first, as in foo(if = CONFIG_FOO) (QAPI feature rule)",
            ));
        } else if content.peek(Ident::peek_any) && !content.peek(LitBool) {
            let id = Ident::parse_any(content)?;
            (names::snake_to_dash(&names::unraw(&id)), id.span())
        } else {
            return Err(content.error(
                "'features' member requires a string name, as in [name] or [\"name\"] (QAPI feature rule)",
            ));
        };
        let mut cond = None;
        if content.peek(syn::token::Paren) {
            let inner;
            parenthesized!(inner in content);
            let r = parse_feature_cond(&inner);
            cond = Some(drain(&inner, r)?);
        }
        out.push(Feature { name, span, cond });
        if content.is_empty() {
            break;
        }
        content.parse::<Token![,]>()?;
    }
    Ok(out)
}

/// `(if = COND)` after a feature name.
fn parse_feature_cond(inner: ParseStream) -> syn::Result<Cond> {
    let key = Ident::parse_any(inner)?;
    if key != "if" {
        return Err(syn::Error::new(
            key.span(),
            format!(
                "'features' member has unknown key '{key}' (QAPI key rule)\nValid keys are 'if', 'name'."
            ),
        ));
    }
    inner.parse::<Token![=]>()?;
    let cond = inner.parse::<Cond>()?;
    if !inner.is_empty() {
        return Err(inner.error("expected `)` after the feature's condition"));
    }
    Ok(cond)
}

/// The value after `key =`, or after `key` when it is `key(...)`.
fn parse_value(key: &str, input: ParseStream) -> syn::Result<Value> {
    if input.peek(Token![=]) {
        input.parse::<Token![=]>()?;
        return Ok(match key {
            "if" => Value::Cond(input.parse()?),
            "features" => Value::Features(parse_features(input)?),
            _ if input.peek(LitStr) => Value::Str(input.parse()?),
            _ if input.peek(LitBool) => Value::Bool(input.parse()?),
            _ if input.peek(syn::Lit) => {
                return Err(input.error(format!(
                    "'{key}' takes a string, a boolean or a type, not this literal"
                )));
            }
            _ => Value::Type(input.parse()?),
        });
    }
    if input.peek(syn::token::Paren) {
        let content;
        parenthesized!(content in input);
        let parse_ids = |content: ParseStream| -> syn::Result<Vec<Ident>> {
            let mut ids = Vec::new();
            while !content.is_empty() {
                if !content.peek(Ident::peek_any) {
                    return Err(content.error(format!(
                        "'{key}(...)' takes a list of names, as in {key}(member_name_exception) (QAPI {key} rule)"
                    )));
                }
                ids.push(Ident::parse_any(content)?);
                if content.is_empty() {
                    break;
                }
                content.parse::<Token![,]>()?;
            }
            Ok(ids)
        };
        let r = parse_ids(&content);
        return Ok(Value::List(drain(&content, r)?));
    }
    Ok(Value::Flag)
}

/// Splits attribute arguments at the top-level commas.
fn split_commas(tokens: TokenStream) -> Vec<TokenStream> {
    let mut out = Vec::new();
    let mut cur = TokenStream::new();
    for tt in tokens {
        match &tt {
            proc_macro2::TokenTree::Punct(p) if p.as_char() == ',' => {
                out.push(std::mem::take(&mut cur));
            }
            _ => cur.extend([tt]),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

impl Args {
    /// Parses attribute arguments.  Errors go to `cx`; each argument is
    /// parsed on its own, so that a malformed one does not hide the others.
    pub fn parse(cx: &Ctxt, tokens: TokenStream) -> Args {
        let mut args = Args::default();
        for chunk in split_commas(tokens) {
            let parser = |input: ParseStream| -> syn::Result<(Ident, Value)> {
                let key = Ident::parse_any(input)
                    .map_err(|_| input.error("expected a key, as in name = \"...\""))?;
                let value = parse_value(&names::unraw(&key), input)?;
                if !input.is_empty() {
                    return Err(input.error("unexpected token: arguments are separated by `,`"));
                }
                Ok((key, value))
            };
            // The key, for an argument whose value is malformed.
            let first_key = match chunk.clone().into_iter().next() {
                Some(proc_macro2::TokenTree::Ident(i)) => Some(i),
                _ => None,
            };
            let (key_ident, value) = match parser.parse2(chunk) {
                Ok(kv) => kv,
                Err(e) => {
                    cx.syn_error(e);
                    match first_key {
                        // The key was given: do not report it as missing too.
                        Some(k) => (k, Value::Invalid),
                        None => continue,
                    }
                }
            };
            let key = names::unraw(&key_ident);
            let span = key_ident.span();
            if args.args.iter().any(|b| b.key == key) {
                cx.error_at(span, format!("duplicate key '{key}' (QAPI key rule)"));
            } else {
                args.args.push(Arg { key, span, value });
            }
        }
        args
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
                            cx.error_at(
                                m.span,
                                format!("duplicate key '{}' (QAPI key rule)", m.key),
                            );
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
            Value::Invalid => None,
            _ => {
                cx.error_at(
                    a.span,
                    format!("'{key}' must be a string, as in {key} = \"...\" (QAPI key rule)"),
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
            Value::Invalid => None,
            _ => {
                cx.error_at(
                    a.span,
                    format!("flag '{qapi_key}' may only use true value (QAPI flag rule)"),
                );
                None
            }
        }
    }

    /// A flag that may only be false (`gen = false`, `success_response = false`).
    pub fn take_false_flag(&mut self, cx: &Ctxt, key: &str, qapi_key: &str) -> Option<Span> {
        let a = self.take(key)?;
        match a.value {
            Value::Bool(b) if !b.value => Some(a.span),
            Value::Invalid => None,
            _ => {
                cx.error_at(
                    a.span,
                    format!("flag '{qapi_key}' may only use false value (QAPI flag rule)"),
                );
                None
            }
        }
    }

    pub fn take_cond(&mut self, cx: &Ctxt) -> Option<Cond> {
        let a = self.take("if")?;
        match a.value {
            Value::Cond(c) => Some(c),
            Value::Invalid => None,
            _ => {
                cx.error_at(a.span, "'if' needs a condition, as in if = CONFIG_LINUX");
                None
            }
        }
    }

    pub fn take_features(&mut self, cx: &Ctxt) -> Vec<Feature> {
        let Some(a) = self.take("features") else {
            return Vec::new();
        };
        match a.value {
            Value::Features(f) => f,
            Value::Invalid => Vec::new(),
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
            Value::Invalid => None,
            _ => {
                cx.error_at(
                    a.span,
                    format!("'{key}' must name a type, as in {key} = TypeName (QAPI key rule)"),
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
            Value::Invalid => Vec::new(),
            _ => {
                cx.error_at(
                    a.span,
                    format!("'{key}' takes a list, as in {key}(...) (QAPI {key} rule)"),
                );
                Vec::new()
            }
        }
    }

    /// A flag without value (`#[qapi(base)]`).  A value is an error, but
    /// the flag still counts as given.
    pub fn take_flag(&mut self, cx: &Ctxt, key: &str) -> Option<Span> {
        let a = self.take(key)?;
        match a.value {
            Value::Flag | Value::Invalid => {}
            _ => cx.error_at(
                a.span,
                format!("'{key}' takes no value, as in #[qapi({key})] (QAPI key rule)"),
            ),
        }
        Some(a.span)
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
                    "{what} has unknown key '{}' (QAPI key rule)\nValid keys are {valid}.",
                    a.key
                ),
            );
        }
    }
}

/// `pragma(...)`: the per-definition form of QEMU's `pragma.json` lists;
/// `allowed` are the ones this meta-type may claim.
pub fn pragmas(cx: &Ctxt, args: &mut Args, allowed: &[&str]) -> Pragmas {
    let mut p = Pragmas::default();
    for id in args.take_list(cx, "pragma") {
        let s = id.to_string();
        if !allowed.contains(&s.as_str()) {
            cx.error_spanned_by(
                &id,
                format!(
                    "unknown pragma '{s}' (QAPI pragma rule)\nValid here: {}.",
                    allowed.join(", ")
                ),
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

/// Takes `name`, `if` and `features`, which every definition has;
/// `default` is the name the naming rule gives.
pub fn definition(cx: &Ctxt, args: &mut Args, default: String, default_span: Span) -> Def {
    let (name, name_span) = args.take_str(cx, "name").unwrap_or((default, default_span));
    let cond = args.take_cond(cx);
    let features = args.take_features(cx);
    Def {
        name,
        name_span,
        cond,
        features,
    }
}

/// Reads the `#[qapi(...)]` of a member (field or parameter) and removes
/// it; `base` and `discriminator` are valid keys where allowed.
pub fn member(
    cx: &Ctxt,
    attrs: &mut Vec<syn::Attribute>,
    ident: Ident,
    ty: syn::Type,
    allow_base: bool,
    allow_discriminator: bool,
) -> Member {
    let mut args = Args::take_from(cx, attrs);
    let default = names::snake_to_dash(&names::unraw(&ident));
    let (name, name_span) = args.take_str(cx, "name").unwrap_or((default, ident.span()));
    let cond = args.take_cond(cx);
    let features = args.take_features(cx);
    let builtin = match args.take_type(cx, "builtin") {
        Some((syn::Type::Path(p), span)) if p.path.get_ident().is_some() => {
            Some((p.path.get_ident().expect("ident").to_string(), span))
        }
        Some((t, _)) => {
            cx.error_spanned_by(
                t,
                "'builtin' names an integer built-in, as in builtin = size (QAPI type rule)",
            );
            None
        }
        None => None,
    };
    let mut valid = vec!["name", "if", "features", "builtin"];
    let is_base = if allow_base {
        valid.push("base");
        args.take_flag(cx, "base")
    } else {
        None
    };
    let is_discriminator = if allow_discriminator {
        valid.push("discriminator");
        args.take_flag(cx, "discriminator")
    } else {
        None
    };
    args.finish(cx, "#[qapi(...)] of a member", &valid);
    Member {
        ident,
        name,
        name_span,
        ty,
        cond,
        features,
        builtin,
        is_base,
        is_discriminator,
    }
}

/// Removes every other QAPI attribute macro from an item and returns them:
/// an item is one definition, which `check.rs` reports (the removal keeps
/// them from expanding too).
pub fn other_metas(attrs: &mut Vec<syn::Attribute>) -> Vec<syn::Attribute> {
    const METAS: &[&str] = &[
        "structure",
        "enumeration",
        "union",
        "branches",
        "alternate",
        "command",
        "event",
    ];
    let mut others = Vec::new();
    attrs.retain(|a| {
        let segs: Vec<String> = a
            .path()
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect();
        let is_meta = segs.len() >= 2
            && matches!(
                segs[segs.len() - 2].as_str(),
                "qapi" | "qapi_runtime" | "qapi_macros"
            )
            && METAS.contains(&segs[segs.len() - 1].as_str());
        if is_meta {
            others.push(a.clone());
        }
        !is_meta
    });
    others
}
