//! Parsing and checking, before any code is generated (serde_derive's
//! `internals`): the model ([`ast`]), the attribute grammar ([`attr`], with
//! [`cond`] for `if`), QAPI's rules ([`check`], with [`names`] for the
//! naming rules) and the error context ([`ctxt`]).

pub mod ast;
pub mod attr;
pub mod check;
pub mod cond;
pub mod ctxt;
pub mod names;
