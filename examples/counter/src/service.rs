//! The state the commands keep, their handlers, and the server.

use qapi_runtime::server::{EventSink, Machine, Server, ServerError};
use qapi_runtime::{Config, Error, Handlers, Identity};

use crate::schema::{
    self, Amount, CounterActionBranch, CounterChanged, CounterHistory, CounterValue, Preset, sym,
};

/// The machine state: every monitor's commands run on it, one at a time.
pub struct Counter {
    value: i64,
    history: Vec<i64>,
    events: EventSink,
    exit: Option<i32>,
}

impl Machine for Counter {
    // Once set, the monitor answers the command and the server ends.
    fn exit_requested(&self) -> Option<i32> {
        self.exit
    }
}

impl Counter {
    fn new(events: EventSink) -> Counter {
        Counter {
            value: 0,
            history: Vec::new(),
            events,
            exit: None,
        }
    }

    fn current(&self) -> CounterValue {
        CounterValue {
            value: self.value,
            // Always filled: the server leaves it out unless the program
            // defines CONFIG_HISTORY.
            history: Some(self.history.clone()),
        }
    }

    fn set(&mut self, value: i64) -> CounterValue {
        let previous = std::mem::replace(&mut self.value, value);
        self.history.push(previous);
        self.events.emit(&CounterChanged { previous, value });
        self.current()
    }

    fn add(&mut self, amount: &Amount) -> Result<CounterValue, Error> {
        let n = match amount {
            Amount::Number(n) => *n,
            Amount::Preset(Preset::One) => 1,
            Amount::Preset(Preset::Ten) => 10,
            Amount::Preset(Preset::Hundred) => 100,
        };
        let value = self
            .value
            .checked_add(n)
            .ok_or_else(|| Error::generic(format!("counter overflow adding {n}")))?;
        Ok(self.set(value))
    }
}

/// The handlers of every command the schema declares.
pub fn handlers() -> Handlers<Counter> {
    let mut h = Handlers::new();
    h.add::<schema::counter_add>(|c: &mut Counter, args| c.add(&args.amount));
    h.add::<schema::counter_reset>(|c: &mut Counter, _| Ok(c.set(0)));
    h.add::<schema::counter_apply>(|c: &mut Counter, action| match action.op {
        CounterActionBranch::Add(add) => c.add(&add.amount),
        CounterActionBranch::Reset => Ok(c.set(0)),
    });
    h.add::<schema::query_counter>(|c: &mut Counter, _| Ok(c.current()));
    h.add::<schema::query_counter_history>(|c: &mut Counter, _| {
        Ok(CounterHistory {
            values: c.history.clone(),
        })
    });
    h.add::<schema::quit>(|c: &mut Counter, args| {
        let status = args.status.unwrap_or(0);
        let status = i32::try_from(status)
            .ok()
            .filter(|s| (0..=255).contains(s))
            .ok_or_else(|| {
                Error::generic(format!(
                    "Parameter 'status' expects a value in 0..255, not {status}"
                ))
            })?;
        c.exit = Some(status);
        Ok(())
    });
    h
}

/// The configuration: who we are, and whether `CONFIG_HISTORY` is defined.
pub fn config(with_history: bool) -> Config {
    let config = Config::new(Identity::new((0, 1, 0), "qapi-example-counter"))
        .with_program(&schema::COUNTER);
    if with_history {
        config.define([sym::CONFIG_HISTORY])
    } else {
        config
    }
}

/// A server for the counter; serve it on as many monitors as you like.
pub fn server(with_history: bool) -> Result<Server<Counter>, ServerError> {
    Server::new(config(with_history), handlers(), Counter::new)
}
