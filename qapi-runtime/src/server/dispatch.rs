//! The dispatcher: one request in, at most one response out
//! (`qapi/qmp-dispatch.c` and `monitor/qmp.c`).
//!
//! The checks run in QEMU's order; the first that fails gives the error.
//! Responses are built as [`Value`]s and written by the one JSON writer.

use std::collections::HashMap;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use crate::command::Handlers;
use crate::config::Config;
use crate::desc::{Entity, Kind, Special};
use crate::error::{Error, ErrorClass};
use crate::introspect::{self, Schema};
use crate::json::qdict_order;
use crate::protocol;
use crate::registry::Registry;
use crate::value::{Dict, Value};
use crate::visit::output::ShapingPlan;
use crate::visit::{input, output, policy_input_ok};

use super::Machine;
use super::events::EventSink;
use super::stop::Control;

/// The state of one monitor that the dispatcher reads and changes.
#[derive(Debug, Default, Clone)]
pub struct MonitorState {
    /// Capabilities negotiated (`qmp_capabilities` succeeded).
    pub negotiated: bool,
    /// The `oob` capability is enabled.
    pub oob: bool,
    /// Capabilities this monitor offers (`oob` for monitors with an I/O thread).
    pub offer_oob: bool,
}

/// What a request gets.
#[derive(Debug)]
pub enum Response {
    Reply(Value),
    /// A success whose return value is JSON text computed once
    /// (`query-commands`, `query-qmp-schema`).
    CachedReturn {
        ret: Arc<[u8]>,
        id: Option<Value>,
    },
    /// A command with `success-response: false` succeeded.
    Silent,
    /// `-compat ...=crash` applied: the process aborts.
    Abort,
}

/// Builds `{"error": {"class": .., "desc": ..}}` (plus `id`).
pub fn error_response(err: &Error, id: Option<Value>) -> Value {
    let mut e = Dict::with_capacity(2);
    e.push_unique("class", err.class.as_str());
    e.push_unique("desc", err.desc.as_str());
    let mut rsp = Dict::with_capacity(2);
    rsp.push_unique("error", e);
    if let Some(id) = id {
        rsp.push_unique("id", id);
    }
    Value::Dict(rsp)
}

fn success_response(ret: Value, id: Option<Value>) -> Value {
    let mut rsp = Dict::with_capacity(2);
    rsp.push_unique("return", ret);
    if let Some(id) = id {
        rsp.push_unique("id", id);
    }
    Value::Dict(rsp)
}

/// A command's return value.
enum Ret {
    Value(Value),
    Cached(Arc<[u8]>),
}

/// A request that passed the envelope checks.
struct Request {
    name: String,
    oob: bool,
    args: Dict,
}

/// `qmp_dispatch_check_obj`: the envelope, key by key in QDict order.
fn check_envelope(d: Dict, allow_oob: bool) -> Result<Request, Error> {
    let mut exec_key: Option<&str> = None;
    for i in qdict_order::order(d.keys()) {
        let (key, value) = &d.entries()[i];
        match key.as_str() {
            "execute" | "exec-oob" if key == "execute" || allow_oob => {
                if !matches!(value, Value::Str(_)) {
                    return Err(Error::generic(format!(
                        "QMP input member '{key}' must be a string"
                    )));
                }
                if let Some(prev) = exec_key {
                    return Err(Error::generic(format!(
                        "QMP input member '{key}' clashes with '{prev}'"
                    )));
                }
                exec_key = Some(if key == "execute" {
                    "execute"
                } else {
                    "exec-oob"
                });
            }
            "arguments" => {
                if !matches!(value, Value::Dict(_)) {
                    return Err(Error::generic(
                        "QMP input member 'arguments' must be an object",
                    ));
                }
            }
            "id" => {}
            _ => {
                return Err(Error::generic(format!(
                    "QMP input member '{key}' is unexpected"
                )));
            }
        }
    }
    let Some(exec_key) = exec_key else {
        return Err(Error::generic("QMP input lacks member 'execute'"));
    };
    let mut d = d;
    let name = match d.remove(exec_key) {
        Some(Value::Str(s)) => s,
        _ => return Err(Error::generic("QMP input lacks member 'execute'")),
    };
    let args = match d.remove("arguments") {
        Some(Value::Dict(a)) => a,
        _ => Dict::new(),
    };
    Ok(Request {
        name,
        oob: exec_key == "exec-oob",
        args,
    })
}

/// Everything the monitors of one server share.
pub(crate) struct Shared<S> {
    pub registry: &'static Registry,
    pub config: Config,
    pub handlers: Handlers<S>,
    /// The commands whose condition holds, by name.
    pub commands: HashMap<&'static str, &'static Entity>,
    pub state: Mutex<S>,
    pub events: EventSink,
    /// Replies computed once and kept as JSON text.
    query_commands: OnceLock<Arc<[u8]>>,
    query_qmp_schema: OnceLock<Arc<[u8]>>,
    /// Which commands' replies need shaping, computed at the first reply.
    shaping: OnceLock<ShapingPlan>,
    /// Set when the machine asked to exit.
    exit: AtomicI32,
    /// How the server ended, and what wakes its transports.
    pub control: Arc<Control>,
}

const NO_EXIT: i32 = i32::MIN;

impl<S: Machine> Shared<S> {
    pub fn new(
        registry: &'static Registry,
        config: Config,
        handlers: Handlers<S>,
        state: S,
        events: EventSink,
    ) -> Shared<S> {
        let commands = registry
            .commands()
            .filter(|c| config.eval(c.cond))
            .map(|c| (c.name, c))
            .collect();
        Shared {
            registry,
            config,
            handlers,
            commands,
            state: Mutex::new(state),
            events,
            query_commands: OnceLock::new(),
            query_qmp_schema: OnceLock::new(),
            shaping: OnceLock::new(),
            exit: AtomicI32::new(NO_EXIT),
            control: Arc::new(Control::default()),
        }
    }

    pub fn lock_state(&self) -> MutexGuard<'_, S> {
        // A panicking handler is contained by the dispatcher; a poisoned
        // lock only means one did, and the state is still usable.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn note_exit(&self, state: &S) {
        if let Some(code) = state.exit_requested() {
            self.exit.store(code, Ordering::SeqCst);
        }
    }

    pub fn exit_status(&self) -> Option<i32> {
        match self.exit.load(Ordering::SeqCst) {
            NO_EXIT => None,
            c => Some(c),
        }
    }

    /// `query-commands`: the command list in reverse registration order.
    /// QEMU registers the generated commands in schema order, then the
    /// hand-written ones (`gen: false`).
    pub fn query_commands(&self) -> Arc<[u8]> {
        self.query_commands
            .get_or_init(|| {
                let enabled = |c: &&'static Entity| self.config.eval(c.cond);
                let generated =
                    |c: &&'static Entity| matches!(&c.kind, Kind::Command(d) if d.generated);
                let mut order: Vec<&'static Entity> = self
                    .registry
                    .commands()
                    .filter(enabled)
                    .filter(generated)
                    .collect();
                order.extend(
                    self.registry
                        .commands()
                        .filter(enabled)
                        .filter(|c| !generated(c)),
                );
                let list = order
                    .iter()
                    .rev()
                    .map(|c| {
                        let mut d = Dict::with_capacity(1);
                        d.push_unique("name", c.name);
                        Value::Dict(d)
                    })
                    .collect::<Vec<_>>();
                raw(&Value::List(list))
            })
            .clone()
    }

    /// Which commands' replies need shaping (see [`crate::visit::output`]).
    pub fn shaping(&self) -> &ShapingPlan {
        self.shaping.get_or_init(|| {
            let rets = self
                .commands
                .values()
                .filter_map(|c| Some((c.name, c.as_command()?.ret?)));
            ShapingPlan::new(rets, &self.config)
        })
    }

    /// `query-qmp-schema`, computed once per server.
    pub fn query_qmp_schema(&self) -> Arc<[u8]> {
        self.query_qmp_schema
            .get_or_init(|| {
                let schema = Schema::compute(self.registry);
                raw(&introspect::query_qmp_schema(&schema, &self.config))
            })
            .clone()
    }
}

impl<S: Machine> Shared<S> {
    /// Handles one parsed request for a monitor (`qmp_dispatch` plus the
    /// negotiation-mode rewrite of `monitor_qmp_dispatch`).
    pub(crate) fn dispatch(&self, mon: &mut MonitorState, req: Value, state: &mut S) -> Response {
        let Value::Dict(mut d) = req else {
            return Response::Reply(error_response(
                &Error::generic("QMP input must be a JSON object"),
                None,
            ));
        };
        // Taken out rather than copied (it may be large); the envelope
        // check accepts `id` whatever it is, so it need not see it.
        let id = d.remove("id");
        let result = self.run(mon, d, state);
        match result {
            Ok(Some(Ret::Value(ret))) => Response::Reply(success_response(ret, id)),
            Ok(Some(Ret::Cached(ret))) => Response::CachedReturn { ret, id },
            Ok(None) => Response::Silent,
            Err(e) if e.is_fatal() => Response::Abort,
            Err(mut e) => {
                if !mon.negotiated && e.class == ErrorClass::CommandNotFound {
                    e.desc =
                        "Expecting capabilities negotiation with 'qmp_capabilities'".to_owned();
                }
                Response::Reply(error_response(&e, id))
            }
        }
    }

    fn run(&self, mon: &mut MonitorState, d: Dict, state: &mut S) -> Result<Option<Ret>, Error> {
        let req = check_envelope(d, mon.oob)?;
        let cmd = self.find_command(mon, &req.name).ok_or_else(|| {
            Error::command_not_found(format!("The command {} has not been found", req.name))
        })?;
        let Kind::Command(desc) = &cmd.kind else {
            unreachable!("find_command returns commands")
        };
        policy_input_ok(
            Special::of(cmd.features),
            &self.config.compat,
            ErrorClass::CommandNotFound,
            "command",
            &req.name,
        )?;
        if req.oob && !desc.allow_oob {
            return Err(Error::generic(format!(
                "The command {} does not support OOB",
                req.name
            )));
        }
        if !desc.allow_preconfig && !state.machine_ready() {
            return Err(Error::generic(format!(
                "The command '{}' is permitted only after machine initialization has completed",
                req.name
            )));
        }
        // QEMU hands a `gen: false` command the arguments dictionary as it
        // came: its handler checks them itself.
        let args = if desc.generated {
            input::check_arguments(desc.args, req.args, Some(&self.config))?
        } else {
            req.args
        };
        let ret = self.call(mon, cmd, Value::Dict(args), state)?;
        if !desc.success_response {
            return Ok(None);
        }
        // What this configuration compiles out never reaches the wire.
        let ret = match (ret, desc.ret) {
            (Ret::Value(v), Some(t)) if self.shaping().needs(cmd.name) => {
                Ret::Value(output::shape(t, v, &self.config).ok_or_else(|| {
                    Error::generic(format!(
                        "The reply of {} does not exist in this configuration",
                        req.name
                    ))
                })?)
            }
            (ret, _) => ret,
        };
        Ok(Some(ret))
    }

    /// The commands a monitor has: only `qmp_capabilities` until
    /// negotiation, then every command whose condition holds.
    fn find_command(&self, mon: &MonitorState, name: &str) -> Option<&'static Entity> {
        if !mon.negotiated && name != protocol::QMP_CAPABILITIES.name {
            return None;
        }
        self.commands.get(name).copied()
    }

    fn call(
        &self,
        mon: &mut MonitorState,
        cmd: &'static Entity,
        args: Value,
        state: &mut S,
    ) -> Result<Ret, Error> {
        // The protocol core is answered here (a program may still bind
        // its own handler for the two queries).
        if protocol::is(cmd, protocol::QMP_CAPABILITIES) {
            return self.qmp_capabilities(mon, args).map(Ret::Value);
        }
        if !self.handlers.contains(cmd.name) {
            // Already shaped for the policy.
            if protocol::is(cmd, protocol::QUERY_COMMANDS) {
                return Ok(Ret::Cached(self.query_commands()));
            }
            if protocol::is(cmd, protocol::QUERY_QMP_SCHEMA) {
                return Ok(Ret::Cached(self.query_qmp_schema()));
            }
        }
        if let Some(h) = self.handlers.get(cmd.name) {
            return guard(cmd.name, || h(state, args)).map(Ret::Value);
        }
        if let Some(h) = cmd.as_command().and_then(|c| c.handler) {
            return guard(cmd.name, || h(args)).map(Ret::Value);
        }
        Err(Error::generic(format!(
            "The command {} is not implemented by this emulator",
            cmd.name
        )))
    }

    /// `qmp_qmp_capabilities`.
    fn qmp_capabilities(&self, mon: &mut MonitorState, args: Value) -> Result<Value, Error> {
        if mon.negotiated {
            return Err(Error::command_not_found(
                "Capabilities negotiation is already complete, command ignored",
            ));
        }
        // `qmp_caps_accept`: every requested capability not offered is
        // named, repeats included.
        let mut want_oob = false;
        let mut unavailable = Vec::new();
        if let Some(Value::List(caps)) = args.as_dict().and_then(|a| a.get("enable")) {
            for cap in caps {
                if cap.as_str() == Some("oob") {
                    want_oob = true;
                    if !mon.offer_oob {
                        unavailable.push("oob");
                    }
                }
            }
        }
        if !unavailable.is_empty() {
            return Err(Error::generic(format!(
                "Capability {} not available",
                unavailable.join(", ")
            )));
        }
        mon.oob = want_oob;
        mon.negotiated = true;
        Ok(Value::empty_dict())
    }
}

/// Runs a handler; a panic becomes a `GenericError` and the server goes on.
fn guard(name: &str, f: impl FnOnce() -> Result<Value, Error>) -> Result<Value, Error> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(_) => Err(Error::generic(format!(
            "Internal error: the handler of {name} failed"
        ))),
    }
}

/// A value written once, to be sent many times.
fn raw(v: &Value) -> Arc<[u8]> {
    Arc::from(crate::json::to_vec(v))
}
