//! A handler that panics is reported to its client as a `GenericError`
//! and the server goes on: the same monitor and the machine state stay
//! usable, and the next request is answered.

use qapi_defs::{NameInfo, query_name, query_uuid};
use qapi_runtime::Handlers;
use qapi_runtime::server::{Machine, Server};

/// A machine whose state counts the calls, to show it survives a panic.
struct Counter(u32);

impl Machine for Counter {}

fn exchange(session: &mut qapi_runtime::server::Session<Counter>, req: &str) -> String {
    String::from_utf8(session.exchange(req.as_bytes())).expect("UTF-8 output")
}

#[test]
fn panicking_handler_is_a_generic_error() {
    let mut h = Handlers::new();
    h.add::<query_uuid>(|m: &mut Counter, _| {
        m.0 += 1;
        panic!("a bug in the handler");
    });
    h.add::<query_name>(|m: &mut Counter, _| {
        m.0 += 1;
        Ok(NameInfo {
            name: Some(format!("calls {}", m.0)),
        })
    });
    let config = qapi_defs::qemu::config("x86_64").expect("x86_64 config");
    let server = Server::new(config, h, |_| Counter(0)).expect("server");
    let mut s = server.session(false);
    s.greet();
    let _greeting = s.outbox().take();
    assert_eq!(
        exchange(&mut s, r#"{"execute": "qmp_capabilities"}"#),
        "{\"return\": {}}\r\n"
    );
    // Quiet the default hook for the deliberate panic only.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let reply = exchange(&mut s, r#"{"execute": "query-uuid", "id": 1}"#);
    std::panic::set_hook(hook);
    assert_eq!(
        reply,
        "{\"id\": 1, \"error\": {\"class\": \"GenericError\", \"desc\": \
         \"Internal error: the handler of query-uuid failed\"}}\r\n"
    );
    // The state was not poisoned: it kept the first call's count.
    assert_eq!(
        exchange(&mut s, r#"{"execute": "query-name", "id": 2}"#),
        "{\"return\": {\"name\": \"calls 2\"}, \"id\": 2}\r\n"
    );
    // Another monitor is served too.
    let mut other = server.session(false);
    other.greet();
    let _ = other.outbox().take();
    exchange(&mut other, r#"{"execute": "qmp_capabilities"}"#);
    assert_eq!(
        exchange(&mut other, r#"{"execute": "query-name"}"#),
        "{\"return\": {\"name\": \"calls 3\"}}\r\n"
    );
}
