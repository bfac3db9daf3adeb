//! Prints how many definitions the schema registers (linked by name).
//! `scripts/bench-build.sh` compares its size with `qapi-runtime`'s
//! `empty_registry` example to get the bytes each definition costs.

use qapi_defs as _;

fn main() {
    let reg = qapi_runtime::Registry::of(&qapi_defs::QEMU_SYSTEM).expect("registry");
    println!("{}", reg.entities().len());
}
