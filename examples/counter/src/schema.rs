//! The counter's QAPI schema: one module, `counter`, in one program.

use qapi_runtime as qapi;

/// The condition symbols this schema declares.  The program chooses which
/// are defined (`qapi-counter --with-history` defines `CONFIG_HISTORY`).
pub mod sym {
    qapi_runtime::symbols! {
        /// Keep and report the values the counter went through.
        build CONFIG_HISTORY;
    }
}

qapi::module!("counter");

// `qmp_capabilities`, `query-commands`, `query-qmp-schema` and their
// types, placed here: the first definitions of the schema.
qapi::protocol!();

/// The counter's value.
#[qapi::structure]
#[derive(Clone, Debug, PartialEq)]
pub struct CounterValue {
    pub value: i64,
    /// The earlier values, oldest first (only with `CONFIG_HISTORY`).
    #[qapi(if = CONFIG_HISTORY)]
    pub history: Option<Vec<i64>>,
}

/// A named step.
#[qapi::enumeration]
pub enum Preset {
    One,
    Ten,
    Hundred,
}

/// How much to add: a number, or a preset's name.
#[qapi::alternate]
#[derive(Clone, Debug, PartialEq)]
pub enum Amount {
    Number(i64),
    Preset(Preset),
}

/// What `counter-apply` does.
#[qapi::enumeration]
pub enum CounterOp {
    Add,
    Reset,
}

/// The arguments of the `add` operation.
#[qapi::structure]
#[derive(Clone, Debug, PartialEq)]
pub struct CounterAdd {
    pub amount: Amount,
}

/// An operation on the counter: a flat union on `op`.
#[qapi::union]
#[derive(Clone, Debug, PartialEq)]
pub struct CounterAction {
    #[qapi(discriminator)]
    pub op: CounterActionBranch,
}

#[qapi::branches(tag = CounterOp)]
#[derive(Clone, Debug, PartialEq)]
pub enum CounterActionBranch {
    Add(CounterAdd),
    Reset, // no members
}

/// Adds `amount` to the counter.
#[qapi::command]
pub fn counter_add(amount: Amount) -> qapi::Result<CounterValue>;

/// Sets the counter back to zero.
#[qapi::command]
pub fn counter_reset() -> qapi::Result<CounterValue>;

/// Applies an operation; the union is the command's whole argument.
#[qapi::command(boxed)]
pub fn counter_apply(action: CounterAction) -> qapi::Result<CounterValue>;

/// Reads the counter.
#[qapi::command(allow_oob)]
pub fn query_counter() -> qapi::Result<CounterValue>;

/// The earlier values (only with `CONFIG_HISTORY`).
#[qapi::structure(if = CONFIG_HISTORY)]
pub struct CounterHistory {
    pub values: Vec<i64>,
}

#[qapi::command(if = CONFIG_HISTORY)]
pub fn query_counter_history() -> qapi::Result<CounterHistory>;

/// Ends the service with `status` (0 when absent).
#[qapi::command]
pub fn quit(status: Option<i64>) -> qapi::Result<()>;

/// The counter changed (`COUNTER_CHANGED`).
#[qapi::event]
pub struct CounterChanged {
    pub previous: i64,
    pub value: i64,
}

qapi::program!(pub COUNTER, modules = ["counter"]);
