//! Error collection, as in serde_derive: every check reports into one
//! context so that all mistakes of an item are shown at once, each at its
//! token, and expansion continues with a dummy so nothing cascades.

use std::cell::RefCell;
use std::fmt::Display;

use proc_macro2::TokenStream;
use quote::ToTokens;

#[derive(Default)]
pub struct Ctxt {
    errors: RefCell<Vec<syn::Error>>,
}

impl Ctxt {
    pub fn new() -> Self {
        Ctxt::default()
    }

    /// Reports `msg` at the tokens of `at`.
    pub fn error_spanned_by<T: ToTokens, M: Display>(&self, at: T, msg: M) {
        self.errors
            .borrow_mut()
            .push(syn::Error::new_spanned(at.into_token_stream(), msg));
    }

    /// Reports `msg` at a span.
    pub fn error_at<M: Display>(&self, span: proc_macro2::Span, msg: M) {
        self.errors.borrow_mut().push(syn::Error::new(span, msg));
    }

    pub fn syn_error(&self, err: syn::Error) {
        self.errors.borrow_mut().push(err);
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.borrow().is_empty()
    }

    /// All errors as `compile_error!` invocations.
    pub fn into_compile_errors(self) -> TokenStream {
        let errors = self.errors.into_inner();
        let mut ts = TokenStream::new();
        for e in errors {
            ts.extend(e.to_compile_error());
        }
        ts
    }
}
