//! The blocking client: a [`Protocol`] over a unix or TCP socket.

use std::io::{self, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::time::{Duration, Instant};

use qapi_runtime::{Command, Dict, QapiType, Value};

use crate::error::QmpError;
use crate::message::{EventMessage, Greeting, Typed};
use crate::protocol::{Protocol, ReplyResult, RequestId};
use crate::schema::ServerInfo;
use crate::typed;

/// How to connect.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Ask for out-of-band execution (`oob`); fails if not offered.
    pub oob: bool,
}

/// A connected socket.
#[derive(Debug)]
pub enum Stream {
    Unix(UnixStream),
    Tcp(TcpStream),
}

impl Stream {
    fn set_read_timeout(&self, t: Option<Duration>) -> io::Result<()> {
        match self {
            Stream::Unix(s) => s.set_read_timeout(t),
            Stream::Tcp(s) => s.set_read_timeout(t),
        }
    }

    fn set_nonblocking(&self, on: bool) -> io::Result<()> {
        match self {
            Stream::Unix(s) => s.set_nonblocking(on),
            Stream::Tcp(s) => s.set_nonblocking(on),
        }
    }
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Stream::Unix(s) => s.read(buf),
            Stream::Tcp(s) => s.read(buf),
        }
    }
}

impl Write for Stream {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Stream::Unix(s) => s.write(buf),
            Stream::Tcp(s) => s.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Stream::Unix(s) => s.flush(),
            Stream::Tcp(s) => s.flush(),
        }
    }
}

/// A QMP client in command mode (capabilities negotiated).
///
/// ```no_run
/// # fn demo(sock: &std::path::Path) -> Result<(), qapi_client::QmpError> {
/// use qapi_client::Client;
/// let mut c = Client::connect_unix(sock, Default::default())?;
/// let names = c.execute_value("query-commands", None)?;
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct Client {
    stream: Stream,
    proto: Protocol,
    oob: bool,
    buf: Vec<u8>,
    info: Option<ServerInfo>,
}

impl Client {
    pub fn connect_unix(path: impl AsRef<Path>, opts: Options) -> Result<Client, QmpError> {
        Client::handshake(Stream::Unix(UnixStream::connect(path)?), opts)
    }

    pub fn connect_tcp(addr: impl ToSocketAddrs, opts: Options) -> Result<Client, QmpError> {
        let s = TcpStream::connect(addr)?;
        s.set_nodelay(true)?;
        Client::handshake(Stream::Tcp(s), opts)
    }

    /// Reads the greeting and negotiates capabilities.
    pub fn handshake(stream: Stream, opts: Options) -> Result<Client, QmpError> {
        let mut c = Client {
            stream,
            proto: Protocol::new(),
            oob: false,
            buf: vec![0; 64 * 1024],
            info: None,
        };
        while c.proto.greeting().is_none() {
            c.read_some()?;
        }
        let offered = c.greeting().capabilities.iter().any(|s| s == "oob");
        if opts.oob && !offered {
            return Err(QmpError::Protocol(
                "the server does not offer the 'oob' capability".into(),
            ));
        }
        let mut args = Dict::new();
        if opts.oob {
            args.push_unique("enable", Value::List(vec!["oob".into()]));
        }
        c.call("qmp_capabilities", Some(args), false)?;
        c.oob = opts.oob;
        Ok(c)
    }

    pub fn greeting(&self) -> &Greeting {
        self.proto.greeting().expect("read by handshake")
    }

    /// Whether out-of-band execution was negotiated.
    pub fn oob_enabled(&self) -> bool {
        self.oob
    }

    /// Reads what is available (blocking), into the protocol state.
    fn read_some(&mut self) -> Result<(), QmpError> {
        let n = loop {
            match self.stream.read(&mut self.buf) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e.into()),
            }
        };
        if n == 0 {
            return Err(self.proto.eof());
        }
        self.proto.feed(&self.buf[..n])
    }

    /// Sends a request without waiting; its reply is then taken with
    /// [`Client::wait`].  Requests can be pipelined.
    pub fn send(
        &mut self,
        name: &str,
        args: Option<Dict>,
        oob: bool,
        expect_reply: bool,
    ) -> Result<RequestId, QmpError> {
        self.proto.check()?;
        if oob && !self.oob {
            return Err(QmpError::Request(
                "out-of-band execution was not negotiated".into(),
            ));
        }
        let pipelining = self.proto.in_flight() > 0;
        let (id, bytes) = self.proto.request(name, args, oob, expect_reply);
        if pipelining {
            self.write_draining(&bytes)?;
        } else {
            self.stream.write_all(&bytes)?;
        }
        Ok(id)
    }

    /// Writes while requests are in flight: a server that stops reading
    /// until its replies are read (QEMU's monitor, ours) would otherwise
    /// deadlock with a client that stops reading until its request is
    /// written.  Whatever arrives meanwhile goes to the protocol.
    fn write_draining(&mut self, bytes: &[u8]) -> Result<(), QmpError> {
        self.stream.set_nonblocking(true)?;
        let r = self.write_draining_nonblocking(bytes);
        self.stream.set_nonblocking(false)?;
        r
    }

    fn write_draining_nonblocking(&mut self, mut bytes: &[u8]) -> Result<(), QmpError> {
        use io::ErrorKind::{Interrupted, WouldBlock};
        while !bytes.is_empty() {
            match self.stream.write(bytes) {
                Ok(0) => return Err(io::Error::from(io::ErrorKind::WriteZero).into()),
                Ok(n) => bytes = &bytes[n..],
                Err(e) if e.kind() == Interrupted => {}
                Err(e) if e.kind() == WouldBlock => match self.stream.read(&mut self.buf) {
                    Ok(0) => return Err(self.proto.eof()),
                    Ok(n) => self.proto.feed(&self.buf[..n])?,
                    Err(e) if e.kind() == Interrupted => {}
                    // Neither side can move yet: wait a little.
                    Err(e) if e.kind() == WouldBlock => {
                        std::thread::sleep(Duration::from_micros(100))
                    }
                    Err(e) => return Err(e.into()),
                },
                Err(e) => return Err(e.into()),
            }
        }
        Ok(())
    }

    /// Waits for the reply to request `id`; events arriving meanwhile are
    /// kept for [`Client::next_event`].
    pub fn wait(&mut self, id: RequestId) -> Result<ReplyResult, QmpError> {
        loop {
            if let Some(r) = self.proto.take_reply(id) {
                return Ok(r);
            }
            if !self.proto.is_in_flight(id) {
                return Err(QmpError::Request(format!("no request {id} in flight")));
            }
            self.read_some()?;
        }
    }

    fn call(&mut self, name: &str, args: Option<Dict>, oob: bool) -> Result<Value, QmpError> {
        let id = self.send(name, args, oob, true)?;
        self.wait(id)?.map_err(QmpError::Reply)
    }

    /// Runs a command by name with untyped arguments; the `return` value.
    pub fn execute_value(&mut self, name: &str, args: Option<Dict>) -> Result<Value, QmpError> {
        self.call(name, args, false)
    }

    /// Runs command `C`: its typed result, or the server's error.
    pub fn execute<C: Command>(&mut self, args: C::Args) -> Result<C::Ret, QmpError>
    where
        C::Ret: QapiType,
    {
        self.execute_full::<C>(args, false).map(|t| t.value)
    }

    /// Runs command `C` out of band (`exec-oob`).
    pub fn execute_oob<C: Command>(&mut self, args: C::Args) -> Result<C::Ret, QmpError>
    where
        C::Ret: QapiType,
    {
        self.execute_full::<C>(args, true).map(|t| t.value)
    }

    /// Runs command `C`: the typed result with what the definitions did
    /// not know (see [`Typed`]).  A `success-response: false` command
    /// returns as soon as it is sent.
    pub fn execute_full<C: Command>(
        &mut self,
        args: C::Args,
        oob: bool,
    ) -> Result<Typed<C::Ret>, QmpError>
    where
        C::Ret: QapiType,
    {
        typed::check_oob::<C>(oob)?;
        let expect = typed::expects_reply::<C>();
        let id = self.send(C::NAME, typed::encode_args::<C>(&args), oob, expect)?;
        if !expect {
            return typed::decode_return::<C>(Value::empty_dict());
        }
        let v = self.wait(id)?.map_err(QmpError::Reply)?;
        typed::decode_return::<C>(v)
    }

    /// The next event, waiting at most `timeout` (`None`: forever).
    pub fn next_event(
        &mut self,
        timeout: Option<Duration>,
    ) -> Result<Option<EventMessage>, QmpError> {
        let deadline = timeout.map(|t| Instant::now() + t);
        loop {
            if let Some(e) = self.proto.next_event() {
                return Ok(Some(e));
            }
            let left = match deadline {
                Some(d) => match d.checked_duration_since(Instant::now()) {
                    Some(l) if !l.is_zero() => Some(l),
                    _ => return Ok(None),
                },
                None => None,
            };
            self.stream.set_read_timeout(left)?;
            let r = self.read_some();
            self.stream.set_read_timeout(None)?;
            match r {
                Err(QmpError::Io(e))
                    if matches!(
                        e.kind(),
                        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                    ) =>
                {
                    return Ok(None);
                }
                r => r?,
            }
        }
    }

    /// Events received so far and not taken, without reading.
    pub fn take_events(&mut self) -> Vec<EventMessage> {
        std::iter::from_fn(|| self.proto.next_event()).collect()
    }

    /// Events dropped because nobody took them (see [`crate::protocol::MAX_EVENTS`]).
    pub fn dropped_events(&self) -> u64 {
        self.proto.dropped_events()
    }

    /// The server's target and schema (`query-target`, `query-qmp-schema`),
    /// asked once.
    pub fn server_info(&mut self) -> Result<&ServerInfo, QmpError> {
        if self.info.is_none() {
            let target = self.execute_value("query-target", None)?;
            let schema = self.execute_value("query-qmp-schema", None)?;
            self.info = Some(ServerInfo::new(target, schema)?);
        }
        Ok(self.info.as_ref().expect("just set"))
    }

    /// Whether the server has command `C` (see [`ServerInfo::supports`]).
    pub fn supports<C: Command>(&mut self) -> Result<bool, QmpError> {
        Ok(self.server_info()?.supports::<C>())
    }
}
