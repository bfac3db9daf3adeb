//! Commands: the trait the macro implements for each declaration, and the
//! tables that bind handlers to declarations.
//!
//! A command declared without a body (`pub fn query_status() -> Result<StatusInfo>;`)
//! is registered, introspected and argument-checked; whoever serves it binds
//! a handler with [`Handlers::add`].  A command written with a body has that
//! body as its handler ([`crate::desc::CommandDesc::handler`]).

use std::collections::HashMap;

use crate::desc::Entity;
use crate::error::Error;
use crate::types::QapiType;
use crate::value::Value;

/// A handler written with its declaration: checked arguments in, result out.
pub type HandlerFn = fn(Value) -> Result<Value, Error>;

/// Implemented by the marker type the `command` macro generates.
pub trait Command: 'static {
    /// The command's wire name.
    const NAME: &'static str;
    /// The arguments: the generated argument struct, the named type, or
    /// [`crate::Empty`] when the command has none.
    type Args: QapiType;
    /// The return type (`()` when the command has no `returns`).
    type Ret;
    /// The command's descriptor.
    fn entity() -> &'static Entity;
    /// The return value on the wire (`{}` when the command has no `returns`).
    fn ret_to_value(ret: Self::Ret) -> Value;
}

/// A handler bound to a state type, taking and returning values.
pub type Handler<S> = dyn Fn(&mut S, Value) -> Result<Value, Error> + Send + Sync;

type Bound<S> = Box<Handler<S>>;

/// Handlers over a state `S`, by command name.
pub struct Handlers<S> {
    map: HashMap<&'static str, Bound<S>>,
}

impl<S> Default for Handlers<S> {
    fn default() -> Self {
        Handlers {
            map: HashMap::new(),
        }
    }
}

impl<S> Handlers<S> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Binds `f` as the handler of command `C`.
    pub fn add<C: Command>(
        &mut self,
        f: impl Fn(&mut S, C::Args) -> Result<C::Ret, Error> + Send + Sync + 'static,
    ) -> &mut Self {
        self.map.insert(
            C::NAME,
            Box::new(move |state, args| {
                let args = C::Args::from_value(args)?;
                f(state, args).map(C::ret_to_value)
            }),
        );
        self
    }

    /// Binds `f` as the handler of command `C`, given the arguments as the
    /// dispatcher passes them: unchecked for a `gen: false` command, whose
    /// handler takes QEMU's raw dictionary.
    pub fn add_raw<C: Command>(
        &mut self,
        f: impl Fn(&mut S, Value) -> Result<C::Ret, Error> + Send + Sync + 'static,
    ) -> &mut Self {
        self.map.insert(
            C::NAME,
            Box::new(move |state, args| f(state, args).map(C::ret_to_value)),
        );
        self
    }

    pub fn get(&self, name: &str) -> Option<&Handler<S>> {
        self.map.get(name).map(|b| &**b)
    }

    pub fn contains(&self, name: &str) -> bool {
        self.map.contains_key(name)
    }
}
