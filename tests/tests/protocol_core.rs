//! A service of its own, outside QEMU's schema: one line (`qapi::protocol!()`)
//! gives it the QMP protocol core, numbered in its own schema; a program
//! without it cannot be served.

use qapi_runtime as qapi;
use qapi_runtime::server::{Machine, Server, ServerError};
use qapi_runtime::{Config, Handlers, Identity, Registry};

mod counter {
    use super::qapi;

    qapi::module!("counter");
    qapi::protocol!();

    #[qapi::structure]
    pub struct Total {
        pub total: i64,
    }

    #[qapi::command]
    pub fn bump(by: Option<i64>) -> qapi::Result<Total>;

    qapi::program!(pub COUNTER, modules = ["counter"]);
}

mod bare {
    use super::qapi;

    qapi::module!("bare");

    #[qapi::command]
    pub fn ping() -> qapi::Result<()>;

    qapi::program!(pub BARE, modules = ["bare"]);
}

struct Count(i64);
impl Machine for Count {}

fn server() -> Server<Count> {
    let mut h = Handlers::new();
    h.add::<counter::bump>(|c: &mut Count, args| {
        c.0 += args.by.unwrap_or(1);
        Ok(counter::Total { total: c.0 })
    });
    let config = Config::new(Identity::new((1, 2, 3), "counter-service"));
    let reg = Registry::of(&counter::COUNTER).expect("registry");
    Server::with_registry(reg, config, h, |_| Count(0)).expect("server")
}

fn text(b: Vec<u8>) -> String {
    String::from_utf8(b).expect("UTF-8")
}

#[test]
fn one_line_gives_a_service_the_protocol_core() {
    let server = server();
    let mut s = server.session(false);
    s.greet();
    assert_eq!(
        text(s.exchange(b"")),
        "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 3, \"minor\": 2, \"major\": 1}, \
         \"package\": \"counter-service\"}, \"capabilities\": []}}\r\n"
    );
    assert_eq!(
        text(s.exchange(b"{\"execute\": \"qmp_capabilities\"}")),
        "{\"return\": {}}\r\n"
    );
    assert_eq!(
        text(s.exchange(b"{\"execute\": \"bump\", \"arguments\": {\"by\": 5}}")),
        "{\"return\": {\"total\": 5}}\r\n"
    );
    assert_eq!(
        text(s.exchange(b"{\"execute\": \"query-commands\"}")),
        "{\"return\": [{\"name\": \"bump\"}, {\"name\": \"query-qmp-schema\"}, \
         {\"name\": \"query-commands\"}, {\"name\": \"qmp_capabilities\"}]}\r\n"
    );
    let schema = text(s.exchange(b"{\"execute\": \"query-qmp-schema\"}"));
    // The service's own numbering: its commands first, then the types
    // they use, in QEMU's order.
    assert!(
        schema.starts_with(
            "{\"return\": [{\"name\": \"qmp_capabilities\", \"ret-type\": \"1\", \
             \"meta-type\": \"command\", \"arg-type\": \"0\"}"
        ),
        "{schema}"
    );
    assert!(
        schema.contains("{\"name\": \"bump\", \"ret-type\": \"5\", \"meta-type\": \"command\", \"arg-type\": \"4\"}"),
        "{schema}"
    );
}

#[test]
fn a_program_without_the_protocol_core_is_refused() {
    let reg = Registry::of(&bare::BARE).expect("registry");
    let config = Config::new(Identity::default());
    match Server::with_registry(reg, config, Handlers::new(), |_| Count(0)) {
        Err(e @ ServerError::NoProtocolCore) => assert_eq!(
            e.to_string(),
            "the program's schema does not place the QMP protocol core (qmp_capabilities, \
             query-commands, query-qmp-schema): write `qapi::protocol!();` in one of its modules"
        ),
        Err(e) => panic!("unexpected error: {e}"),
        Ok(_) => panic!("a server without qmp_capabilities started"),
    }
}
