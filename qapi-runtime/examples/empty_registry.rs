//! The same program as `qapi-defs`'s `registry_size` example, without a
//! schema linked: the baseline of `scripts/bench-build.sh`.

fn main() {
    match qapi_runtime::Registry::global() {
        Ok(reg) => println!("{}", reg.entities().len()),
        Err(e) => println!("{e}"),
    }
}
