//! `if = ...`: QAPI's condition grammar, parsed from the attribute and
//! emitted as a constant `Pred` tree.
//!
//! ```text
//! COND = SYMBOL | path::to::SYMBOL | all(COND, ...) | any(COND, ...) | not(COND)
//! ```
//!
//! A bare symbol names a constant of the module `sym` in scope where the
//! definition is written (QEMU's schema: `use qapi_defs::sym;`); a path
//! names any symbol declared with `qapi_runtime::symbols!`.  Either
//! way the symbol is an expression at the user's token, so a misspelt
//! symbol is a compile error pointing at it.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::{Ident, Token, parenthesized};

#[derive(Clone)]
pub enum Cond {
    Sym(syn::Path),
    Not(Ident, Box<Cond>),
    All(Ident, Vec<Cond>),
    Any(Ident, Vec<Cond>),
}

impl Parse for Cond {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.peek(syn::LitStr) {
            let lit: syn::LitStr = input.parse()?;
            return Err(syn::Error::new(
                lit.span(),
                format!(
                    "'if' condition '{}' is not a valid identifier: write the symbol bare, as in if = CONFIG_LINUX (QAPI condition grammar)",
                    lit.value()
                ),
            ));
        }
        if input.peek(syn::Lit) || !input.peek(Ident::peek_any) {
            return Err(input.error(
                "'if' condition must be a symbol, all(...), any(...) or not(...) (QAPI condition grammar)",
            ));
        }
        let lookahead_path = input.fork();
        let first = Ident::parse_any(&lookahead_path)?;
        if lookahead_path.peek(syn::token::Paren) {
            let op = Ident::parse_any(input)?;
            let content;
            parenthesized!(content in input);
            let r = content.parse_terminated(Cond::parse, Token![,]);
            let operands = super::attr::drain(&content, r)?;
            let operands: Vec<Cond> = operands.into_iter().collect();
            return match op.to_string().as_str() {
                "not" => {
                    if operands.len() != 1 {
                        return Err(syn::Error::new(
                            op.span(),
                            "'not' takes exactly one condition (QAPI condition grammar)",
                        ));
                    }
                    Ok(Cond::Not(
                        op,
                        Box::new(operands.into_iter().next().expect("one")),
                    ))
                }
                "all" | "any" if operands.is_empty() => Err(syn::Error::new(
                    op.span(),
                    format!(
                        "'if' condition {op}() is useless: an empty list (QAPI condition grammar)"
                    ),
                )),
                "all" => Ok(Cond::All(op, operands)),
                "any" => Ok(Cond::Any(op, operands)),
                _ => Err(syn::Error::new(
                    op.span(),
                    format!(
                        "'if' condition has unknown operator '{op}': valid are all(...), any(...), not(...) (QAPI condition grammar)"
                    ),
                )),
            };
        }
        if matches!(first.to_string().as_str(), "all" | "any" | "not") {
            return Err(syn::Error::new(
                first.span(),
                format!(
                    "'{first}' condition must be a list, as in {first}(CONFIG_A, CONFIG_B) (QAPI condition grammar)"
                ),
            ));
        }
        let path: syn::Path = input.call(syn::Path::parse_mod_style)?;
        let last = &path.segments.last().expect("non-empty path").ident;
        let s = last.to_string();
        let valid = s.starts_with(|c: char| c.is_ascii_uppercase())
            && s.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
        if !valid {
            return Err(syn::Error::new(
                last.span(),
                format!(
                    "'if' condition '{s}' is not a valid identifier: symbols match [A-Z][A-Z0-9_]* (QAPI condition grammar)"
                ),
            ));
        }
        Ok(Cond::Sym(path))
    }
}

impl Cond {
    /// The `Pred` expression (without the leading `&`).
    pub fn to_pred(&self) -> TokenStream {
        match self {
            Cond::Sym(path) => {
                let span = path.segments.last().expect("path").ident.span();
                let sym = if path.segments.len() == 1 && path.leading_colon.is_none() {
                    quote_spanned!(span=> sym::#path)
                } else {
                    quote!(#path)
                };
                quote_spanned!(span=> ::qapi_runtime::Pred::Sym(#sym))
            }
            Cond::Not(_, c) => {
                let inner = c.to_pred();
                quote!(::qapi_runtime::Pred::Not(&#inner))
            }
            Cond::All(_, cs) => {
                let inner = cs.iter().map(Cond::to_pred);
                quote!(::qapi_runtime::Pred::All(&[#(#inner),*]))
            }
            Cond::Any(_, cs) => {
                let inner = cs.iter().map(Cond::to_pred);
                quote!(::qapi_runtime::Pred::Any(&[#(#inner),*]))
            }
        }
    }
}

/// An optional condition as a `Cond` (`Option<&'static Pred>`) expression.
pub fn to_cond(c: Option<&Cond>) -> TokenStream {
    match c {
        None => quote!(::core::option::Option::None),
        Some(c) => {
            let p = c.to_pred();
            quote!(::core::option::Option::Some(&#p))
        }
    }
}
