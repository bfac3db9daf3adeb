//! Attribute macros that define QAPI types, commands and events on Rust
//! items.  Use them through `qapi_runtime`, which re-exports them and holds
//! everything the expansions refer to.
//!
//! Shaped like serde_derive: each macro parses its attribute and item into
//! a small model (`internals::ast`, reading attributes with
//! `internals::attr`), checks QAPI's rules against it in one place
//! (`internals::check`), collecting every error with its span
//! (`internals::ctxt`), and only then generates code from the checked
//! model (`expand`, one module per meta-type): the item itself, a static
//! descriptor in the link-time registry, the `QapiType` conversions, serde
//! impls, and `const` assertions for the rules that need other definitions.
//! On error it emits the errors and a stand-in, so one mistake does not
//! cascade.
//!
//! Every rule's message names the QAPI rule it enforces; `tests/ui` holds a
//! compile-fail test per rule.

#![forbid(unsafe_code)]

extern crate proc_macro;

mod expand;
mod internals;

use proc_macro::TokenStream;

use expand::expand;
use internals::ast;

/// Defines a QAPI struct.  See the crate `qapi_runtime` for the DSL.
#[proc_macro_attribute]
pub fn structure(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::<ast::Struct>(args.into(), item.into()).into()
}

/// Defines a QAPI enum.
#[proc_macro_attribute]
pub fn enumeration(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::<ast::Enum>(args.into(), item.into()).into()
}

/// Defines a QAPI flat union: a struct of common members with one
/// `#[qapi(discriminator)]` member holding a `#[qapi::branches]` enum.
#[proc_macro_attribute]
pub fn union(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::<ast::Union>(args.into(), item.into()).into()
}

/// Defines the branches of a flat union, one variant per discriminator value.
#[proc_macro_attribute]
pub fn branches(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::<ast::Branches>(args.into(), item.into()).into()
}

/// Defines a QAPI alternate.
#[proc_macro_attribute]
pub fn alternate(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::<ast::Alternate>(args.into(), item.into()).into()
}

/// Defines a QAPI command from a function (declaration, or handler with a body).
#[proc_macro_attribute]
pub fn command(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::<ast::Command>(args.into(), item.into()).into()
}

/// Defines a QAPI event from a struct holding its data.
#[proc_macro_attribute]
pub fn event(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::<ast::Event>(args.into(), item.into()).into()
}
