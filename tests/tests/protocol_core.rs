//! A service of its own, outside QEMU's schema: one line (`qapi::protocol!()`)
//! gives it the QMP protocol core, numbered in its own schema; a program
//! without it cannot be served.  The service runs its monitors on its own
//! threads (unix, TCP) and gets control back when it ends.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::net::UnixStream;

use qapi_runtime as qapi;
use qapi_runtime::server::{Ended, Machine, Server, ServerError};
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

    #[qapi::command]
    pub fn halt(status: i64) -> qapi::Result<()>;

    qapi::program!(pub COUNTER, modules = ["counter"]);
}

mod bare {
    use super::qapi;

    qapi::module!("bare");

    #[qapi::command]
    pub fn ping() -> qapi::Result<()>;

    qapi::program!(pub BARE, modules = ["bare"]);
}

struct Count(i64, Option<i32>);
impl Machine for Count {
    fn exit_requested(&self) -> Option<i32> {
        self.1
    }
}

fn server() -> Server<Count> {
    let mut h = Handlers::new();
    h.add::<counter::bump>(|c: &mut Count, args| {
        c.0 += args.by.unwrap_or(1);
        Ok(counter::Total { total: c.0 })
    });
    h.add::<counter::halt>(|c: &mut Count, args| {
        c.1 = Some(args.status as i32);
        Ok(())
    });
    let config = Config::new(Identity::new((1, 2, 3), "counter-service"));
    let reg = Registry::of(&counter::COUNTER).expect("registry");
    Server::with_registry(reg, config, h, |_| Count(0, None)).expect("server")
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
        "{\"return\": [{\"name\": \"halt\"}, {\"name\": \"bump\"}, {\"name\": \"query-qmp-schema\"}, \
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
    match Server::with_registry(reg, config, Handlers::new(), |_| Count(0, None)) {
        Err(e @ ServerError::NoProtocolCore) => assert_eq!(
            e.to_string(),
            "the program's schema does not place the QMP protocol core (qmp_capabilities, \
             query-commands, query-qmp-schema): write `qapi::protocol!();` in one of its modules"
        ),
        Err(e) => panic!("unexpected error: {e}"),
        Ok(_) => panic!("a server without qmp_capabilities started"),
    }
}

/// Sends `requests` (after the greeting and negotiation) and returns the
/// replies, one line each.
fn converse(stream: impl Read + Write, requests: &[&str]) -> Vec<String> {
    let mut stream = BufReader::new(stream);
    let mut line = String::new();
    let mut replies = Vec::new();
    stream.read_line(&mut line).expect("greeting");
    for r in ["{\"execute\": \"qmp_capabilities\"}"]
        .iter()
        .chain(requests)
    {
        stream.get_mut().write_all(r.as_bytes()).expect("send");
        line.clear();
        stream.read_line(&mut line).expect("reply");
        replies.push(line.trim_end().to_owned());
    }
    replies
}

#[test]
fn monitors_on_the_programs_threads_and_control_back_at_quit() {
    let dir = std::env::temp_dir().join(format!("qapi-embed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("qmp.sock");
    let server = server();
    let listener = qapi_runtime::server::transport::bind_unix(&path).expect("bind");
    let tcp = TcpListener::bind("127.0.0.1:0").expect("bind tcp");
    let tcp_addr = tcp.local_addr().expect("addr");
    let threads = vec![
        {
            let s = server.clone();
            std::thread::spawn(move || s.serve_listener_with(listener, None, None))
        },
        {
            let s = server.clone();
            std::thread::spawn(move || s.serve_tcp_listener(tcp))
        },
    ];
    // Two monitors at once, sharing the machine state.
    let unix = UnixStream::connect(&path).expect("connect unix");
    let mut held = BufReader::new(TcpStream::connect(tcp_addr).expect("connect tcp"));
    let mut greeting = String::new();
    held.read_line(&mut greeting).expect("tcp greeting");
    assert!(greeting.starts_with("{\"QMP\": "), "{greeting}");
    assert_eq!(
        converse(
            unix,
            &[
                "{\"execute\": \"bump\", \"arguments\": {\"by\": 2}}",
                "{\"execute\": \"halt\", \"arguments\": {\"status\": 7}}",
            ]
        ),
        [
            "{\"return\": {}}",
            "{\"return\": {\"total\": 2}}",
            "{\"return\": {}}"
        ]
    );
    // The server ended: the status comes back, every serve call returns
    // (the idle TCP monitor is cut off), and the process goes on.
    assert_eq!(server.wait(), Ended::Exit(7));
    for t in threads {
        t.join().expect("serve thread").expect("serve result");
    }
    let mut rest = String::new();
    assert_eq!(held.read_line(&mut rest).expect("read after stop"), 0);
    assert_eq!(server.with_state(|c| c.0), 2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_stop_handle_stops_the_server_from_another_thread() {
    let server = server();
    let tcp = TcpListener::bind("127.0.0.1:0").expect("bind tcp");
    let addr = tcp.local_addr().expect("addr");
    let serving = {
        let s = server.clone();
        std::thread::spawn(move || s.serve_tcp_listener(tcp))
    };
    let mut client = BufReader::new(TcpStream::connect(addr).expect("connect"));
    let mut greeting = String::new();
    client.read_line(&mut greeting).expect("greeting");
    let stop = server.stop_handle();
    std::thread::spawn(move || stop.stop());
    assert_eq!(server.wait(), Ended::Stopped);
    serving.join().expect("serve thread").expect("serve result");
    // A stopped server serves nothing more.
    assert!(server.serve_tcp("127.0.0.1:0").is_ok());
}
