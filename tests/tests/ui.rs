//! Compile-fail tests: one file per QAPI schema rule in `tests/ui/`, each
//! with the expected compiler output beside it.  See `tests/ui/README.md`.

#[test]
fn ui() {
    trybuild::TestCases::new().compile_fail("ui/*.rs");
}
