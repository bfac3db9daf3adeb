//! The async client (feature `tokio`): the same [`Protocol`] over tokio's
//! unix and TCP sockets.  Reads are cancel-safe: dropping a pending call
//! loses no received byte (what was read is fed to the protocol before
//! the next await).

use qapi_runtime::{Command, Dict, QapiType, Value};
use tokio::io::AsyncReadExt;
use tokio::net::{TcpStream, ToSocketAddrs, UnixStream};

use crate::blocking::Options;
use crate::error::QmpError;
use crate::message::{EventMessage, Greeting, Typed};
use crate::protocol::{Protocol, ReplyResult, RequestId};
use crate::schema::ServerInfo;
use crate::typed;

/// A connected tokio socket.
#[derive(Debug)]
pub enum AsyncStream {
    Unix(UnixStream),
    Tcp(TcpStream),
}

/// An async QMP client in command mode.  See [`crate::Client`] for the
/// meaning of each method.
#[derive(Debug)]
pub struct AsyncClient {
    stream: AsyncStream,
    proto: Protocol,
    oob: bool,
    buf: Vec<u8>,
    info: Option<ServerInfo>,
}

impl AsyncClient {
    pub async fn connect_unix(
        path: impl AsRef<std::path::Path>,
        opts: Options,
    ) -> Result<AsyncClient, QmpError> {
        let s = UnixStream::connect(path).await?;
        AsyncClient::handshake(AsyncStream::Unix(s), opts).await
    }

    pub async fn connect_tcp(
        addr: impl ToSocketAddrs,
        opts: Options,
    ) -> Result<AsyncClient, QmpError> {
        let s = TcpStream::connect(addr).await?;
        s.set_nodelay(true)?;
        AsyncClient::handshake(AsyncStream::Tcp(s), opts).await
    }

    /// Reads the greeting and negotiates capabilities.
    pub async fn handshake(stream: AsyncStream, opts: Options) -> Result<AsyncClient, QmpError> {
        let mut c = AsyncClient {
            stream,
            proto: Protocol::new(),
            oob: false,
            buf: vec![0; 64 * 1024],
            info: None,
        };
        while c.proto.greeting().is_none() {
            c.read_some().await?;
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
        let id = c.send("qmp_capabilities", Some(args), false, true).await?;
        c.wait(id).await?.map_err(QmpError::Reply)?;
        c.oob = opts.oob;
        Ok(c)
    }

    pub fn greeting(&self) -> &Greeting {
        self.proto.greeting().expect("read by handshake")
    }

    pub fn oob_enabled(&self) -> bool {
        self.oob
    }

    async fn read_some(&mut self) -> Result<(), QmpError> {
        let n = match &mut self.stream {
            AsyncStream::Unix(s) => s.read(&mut self.buf).await?,
            AsyncStream::Tcp(s) => s.read(&mut self.buf).await?,
        };
        if n == 0 {
            return Err(self.proto.eof());
        }
        self.proto.feed(&self.buf[..n])
    }

    pub async fn send(
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
        let (id, bytes) = self.proto.request(name, args, oob, expect_reply);
        self.write_draining(&bytes).await?;
        Ok(id)
    }

    /// Writes, taking in what the server sends meanwhile: a server that
    /// stops reading until its replies are read would otherwise deadlock
    /// with pipelined requests.  Not cancel-safe: a request dropped half
    /// written breaks the stream.
    async fn write_draining(&mut self, mut bytes: &[u8]) -> Result<(), QmpError> {
        use std::io::ErrorKind::WouldBlock;
        use tokio::io::Interest;
        while !bytes.is_empty() {
            let ready = match &self.stream {
                AsyncStream::Unix(s) => s.ready(Interest::READABLE | Interest::WRITABLE).await?,
                AsyncStream::Tcp(s) => s.ready(Interest::READABLE | Interest::WRITABLE).await?,
            };
            if ready.is_writable() {
                let r = match &self.stream {
                    AsyncStream::Unix(s) => s.try_write(bytes),
                    AsyncStream::Tcp(s) => s.try_write(bytes),
                };
                match r {
                    Ok(n) => bytes = &bytes[n..],
                    Err(e) if e.kind() == WouldBlock => {}
                    Err(e) => return Err(e.into()),
                }
            }
            if ready.is_readable() && !bytes.is_empty() {
                let r = match &self.stream {
                    AsyncStream::Unix(s) => s.try_read(&mut self.buf),
                    AsyncStream::Tcp(s) => s.try_read(&mut self.buf),
                };
                match r {
                    Ok(0) => return Err(self.proto.eof()),
                    Ok(n) => self.proto.feed(&self.buf[..n])?,
                    Err(e) if e.kind() == WouldBlock => {}
                    Err(e) => return Err(e.into()),
                }
            }
        }
        Ok(())
    }

    pub async fn wait(&mut self, id: RequestId) -> Result<ReplyResult, QmpError> {
        loop {
            if let Some(r) = self.proto.take_reply(id) {
                return Ok(r);
            }
            if !self.proto.is_in_flight(id) {
                return Err(QmpError::Request(format!("no request {id} in flight")));
            }
            self.read_some().await?;
        }
    }

    pub async fn execute_value(
        &mut self,
        name: &str,
        args: Option<Dict>,
    ) -> Result<Value, QmpError> {
        let id = self.send(name, args, false, true).await?;
        self.wait(id).await?.map_err(QmpError::Reply)
    }

    pub async fn execute<C: Command>(&mut self, args: C::Args) -> Result<C::Ret, QmpError>
    where
        C::Ret: QapiType,
    {
        self.execute_full::<C>(args, false).await.map(|t| t.value)
    }

    pub async fn execute_oob<C: Command>(&mut self, args: C::Args) -> Result<C::Ret, QmpError>
    where
        C::Ret: QapiType,
    {
        self.execute_full::<C>(args, true).await.map(|t| t.value)
    }

    pub async fn execute_full<C: Command>(
        &mut self,
        args: C::Args,
        oob: bool,
    ) -> Result<Typed<C::Ret>, QmpError>
    where
        C::Ret: QapiType,
    {
        typed::check_oob::<C>(oob)?;
        let expect = typed::expects_reply::<C>();
        let id = self
            .send(C::NAME, typed::encode_args::<C>(&args), oob, expect)
            .await?;
        if !expect {
            return typed::decode_return::<C>(Value::empty_dict());
        }
        let v = self.wait(id).await?.map_err(QmpError::Reply)?;
        typed::decode_return::<C>(v)
    }

    /// The next event (wrap in `tokio::time::timeout` to bound the wait).
    pub async fn next_event(&mut self) -> Result<EventMessage, QmpError> {
        loop {
            if let Some(e) = self.proto.next_event() {
                return Ok(e);
            }
            self.read_some().await?;
        }
    }

    /// Events received so far and not taken, without reading.
    pub fn take_events(&mut self) -> Vec<EventMessage> {
        std::iter::from_fn(|| self.proto.next_event()).collect()
    }

    pub async fn server_info(&mut self) -> Result<&ServerInfo, QmpError> {
        if self.info.is_none() {
            let target = self.execute_value("query-target", None).await?;
            let schema = self.execute_value("query-qmp-schema", None).await?;
            self.info = Some(ServerInfo::new(target, schema)?);
        }
        Ok(self.info.as_ref().expect("just set"))
    }

    pub async fn supports<C: Command>(&mut self) -> Result<bool, QmpError> {
        Ok(self.server_info().await?.supports::<C>())
    }
}
