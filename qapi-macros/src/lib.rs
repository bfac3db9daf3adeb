//! Attribute macros that define QAPI types, commands and events on Rust
//! items.  Use them through `qapi_runtime`, which re-exports them and holds
//! everything the expansions refer to.
//!
//! Each macro parses its attribute into a small model ([`attr`],
//! [`common`]), checks QAPI's rules while collecting every error with its
//! span ([`ctxt`]), and only then generates code: the item itself, a static
//! descriptor in the link-time registry, the `QapiType` conversions, serde
//! impls, and `const` assertions for the rules that need other definitions.
//! On error it emits the errors and a stand-in, so one mistake does not
//! cascade.
//!
//! Every rule's message names the QAPI rule it enforces; `tests/ui` holds a
//! compile-fail test per rule.

#![forbid(unsafe_code)]

extern crate proc_macro;

mod alternate;
mod attr;
mod command;
mod common;
mod cond;
mod ctxt;
mod enumeration;
mod event;
mod names;
mod structure;
mod union;

use proc_macro::TokenStream;

/// Defines a QAPI struct.  See the crate `qapi_runtime` for the DSL.
#[proc_macro_attribute]
pub fn structure(args: TokenStream, item: TokenStream) -> TokenStream {
    structure::expand(args.into(), item.into()).into()
}

/// Defines a QAPI enum.
#[proc_macro_attribute]
pub fn enumeration(args: TokenStream, item: TokenStream) -> TokenStream {
    enumeration::expand(args.into(), item.into()).into()
}

/// Defines a QAPI flat union: a struct of common members with one
/// `#[qapi(discriminator)]` member holding a `#[qapi::branches]` enum.
#[proc_macro_attribute]
pub fn union(args: TokenStream, item: TokenStream) -> TokenStream {
    union::expand(args.into(), item.into()).into()
}

/// Defines the branches of a flat union, one variant per discriminator value.
#[proc_macro_attribute]
pub fn branches(args: TokenStream, item: TokenStream) -> TokenStream {
    union::expand_branches(args.into(), item.into()).into()
}

/// Defines a QAPI alternate.
#[proc_macro_attribute]
pub fn alternate(args: TokenStream, item: TokenStream) -> TokenStream {
    alternate::expand(args.into(), item.into()).into()
}

/// Defines a QAPI command from a function (declaration, or handler with a body).
#[proc_macro_attribute]
pub fn command(args: TokenStream, item: TokenStream) -> TokenStream {
    command::expand(args.into(), item.into()).into()
}

/// Defines a QAPI event from a struct holding its data.
#[proc_macro_attribute]
pub fn event(args: TokenStream, item: TokenStream) -> TokenStream {
    event::expand(args.into(), item.into()).into()
}
