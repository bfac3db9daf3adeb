//! Events: the typed emit API, timestamps, `-compat` output policy,
//! QEMU's rate limiting (of the events the program names), and broadcast to every negotiated monitor
//! (`monitor/monitor.c`, `qapi/qmp-event.c`).

use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex, Weak};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::config::Config;
use crate::desc::{Kind, Special};
use crate::event::Event;
use crate::value::{Dict, Value};
use crate::visit::output;

use super::outbox::Outbox;

/// An event the sink rate-limits to one per [`RATE`], per value of a data
/// member when `member` is given (QEMU's `monitor_qapi_event_conf` and
/// `qapi_event_throttle_hash`).  The program supplies the table
/// ([`EventSink::set_throttled`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Throttled {
    pub event: &'static str,
    /// The data member (a string) that tells instances apart.
    pub member: Option<&'static str>,
}

impl Throttled {
    pub const fn new(event: &'static str, member: Option<&'static str>) -> Throttled {
        Throttled { event, member }
    }
}

/// The throttling period.
pub const RATE: Duration = Duration::from_secs(1);

type ThrottleKey = (&'static str, Option<String>);

struct Window {
    /// When the current window closes.
    deadline: Instant,
    /// The latest event that arrived during the window.
    pending: Option<Arc<[u8]>>,
}

struct Throttle {
    windows: HashMap<ThrottleKey, Window>,
    /// Whether the thread that closes windows runs.
    timer_running: bool,
}

struct Hub {
    config: Config,
    throttled: Mutex<&'static [Throttled]>,
    monitors: Mutex<Vec<Weak<Outbox>>>,
    throttle: Mutex<Throttle>,
    timer: Condvar,
}

/// Emits events to every monitor that completed capability negotiation.
#[derive(Clone)]
pub struct EventSink {
    hub: Arc<Hub>,
}

impl EventSink {
    pub(crate) fn new(config: Config) -> EventSink {
        EventSink {
            hub: Arc::new(Hub {
                config,
                throttled: Mutex::new(&[]),
                monitors: Mutex::new(Vec::new()),
                throttle: Mutex::new(Throttle {
                    windows: HashMap::new(),
                    timer_running: false,
                }),
                timer: Condvar::new(),
            }),
        }
    }

    pub(crate) fn attach(&self, out: &Arc<Outbox>) {
        let mut mons = lock(&self.hub.monitors);
        mons.retain(|w| w.strong_count() > 0);
        mons.push(Arc::downgrade(out));
    }

    /// Rate-limits the events of `table` (none are by default).
    pub fn set_throttled(&self, table: &'static [Throttled]) {
        *lock(&self.hub.throttled) = table;
    }

    /// Emits `ev`, unless its condition is false for this configuration or
    /// the output policy hides it.
    pub fn emit<E: Event>(&self, ev: &E) {
        let entity = E::entity();
        let cfg = &self.hub.config;
        if !cfg.eval(entity.cond) || output::hidden(Special::of(entity.features), &cfg.compat) {
            return;
        }
        let data = match (ev.data(), &entity.kind) {
            (Some(v), Kind::Event(desc)) => match desc.data {
                // Data this configuration cannot have: no such event.
                Some(t) => match output::shape(t, v, cfg) {
                    Some(v) => Some(v),
                    None => return,
                },
                None => Some(v),
            },
            (d, _) => d,
        };
        self.emit_value(E::NAME, data);
    }

    /// Emits an event given by name and data value.
    pub fn emit_value(&self, name: &'static str, data: Option<Value>) {
        // `data` is left out when there is none or it is empty.
        let data = data.filter(|d| !matches!(d, Value::Dict(d) if d.is_empty()));
        let table: &'static [Throttled] = *lock(&self.hub.throttled);
        let key = table
            .iter()
            .find(|t| t.event == name)
            .map(|&Throttled { member, .. }| {
                let id = member.and_then(|m| {
                    data.as_ref()
                        .and_then(Value::as_dict)
                        .and_then(|d| d.get(m))
                        .and_then(Value::as_str)
                        .map(str::to_owned)
                });
                (name, id)
            });
        // Stamped now: a delayed event keeps the time it happened.
        let message: Arc<[u8]> = Arc::from(crate::json::to_message(&build(name, data)));
        match key {
            None => self.broadcast(&message),
            Some(key) => self.throttled(key, message),
        }
    }

    /// Waits up to `timeout` for every monitor's output to be written.
    pub fn drain_all(&self, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        let mons: Vec<_> = lock(&self.hub.monitors)
            .iter()
            .filter_map(Weak::upgrade)
            .collect();
        for m in mons {
            m.wait_drained(deadline);
        }
    }

    fn broadcast(&self, message: &[u8]) {
        let mons = lock(&self.hub.monitors);
        for m in mons.iter().filter_map(Weak::upgrade) {
            if m.is_negotiated() {
                m.push(message);
            }
        }
    }

    /// The first event of a key is sent at once and opens a window; later
    /// ones replace a single pending event, sent when the window closes.
    fn throttled(&self, key: ThrottleKey, message: Arc<[u8]>) {
        let mut t = lock(&self.hub.throttle);
        if let Some(w) = t.windows.get_mut(&key) {
            w.pending = Some(message);
            return;
        }
        self.broadcast(&message);
        t.windows.insert(
            key,
            Window {
                deadline: Instant::now() + RATE,
                pending: None,
            },
        );
        if t.timer_running {
            self.hub.timer.notify_all();
        } else {
            t.timer_running = true;
            let sink = self.clone();
            let spawned = std::thread::Builder::new()
                .name("qmp-event-throttle".into())
                .spawn(move || sink.timer_loop());
            if spawned.is_err() {
                // No thread: fall back to forgetting windows at once.
                t.timer_running = false;
                t.windows.clear();
            }
        }
    }

    /// Closes windows as they expire: sends the pending event and opens a
    /// new window, or forgets the key when nothing is pending.
    fn timer_loop(&self) {
        let mut t = lock(&self.hub.throttle);
        loop {
            let now = Instant::now();
            let mut due = Vec::new();
            t.windows.retain(|_, w| {
                if w.deadline > now {
                    return true;
                }
                match w.pending.take() {
                    Some(m) => {
                        due.push(m);
                        w.deadline = now + RATE;
                        true
                    }
                    None => false,
                }
            });
            for m in due {
                self.broadcast(&m);
            }
            let Some(next) = t.windows.values().map(|w| w.deadline).min() else {
                t.timer_running = false;
                return;
            };
            let wait = next.saturating_duration_since(Instant::now());
            t = match self.hub.timer.wait_timeout(t, wait) {
                Ok((g, _)) => g,
                Err(p) => p.into_inner().0,
            };
        }
    }
}

/// `{"timestamp": {...}, "event": NAME, "data": {...}}`, stamped now.
fn build(name: &str, data: Option<Value>) -> Value {
    let micros = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_micros() as i64)
        .unwrap_or(0);
    let mut ts = Dict::with_capacity(2);
    ts.push_unique("seconds", micros / 1_000_000);
    ts.push_unique("microseconds", micros % 1_000_000);
    let mut ev = Dict::with_capacity(3);
    ev.push_unique("event", name);
    ev.push_unique("timestamp", ts);
    if let Some(d) = data {
        ev.push_unique("data", d);
    }
    Value::Dict(ev)
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}
