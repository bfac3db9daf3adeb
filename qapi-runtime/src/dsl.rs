//! The QAPI DSL: one attribute macro per meta-type.
//!
//! Every Rust module holding definitions declares its QAPI module first:
//! `qapi::module!("name")`.  A program lists its modules once, in the
//! order QEMU's include tree meets them, with
//! `qapi::program!(NAME, modules = ["first", "second"])`; definitions
//! inside a module keep source order.  The QMP protocol core
//! (`qmp_capabilities`, `query-commands`, `query-qmp-schema` and their
//! types, [`crate::protocol`](mod@crate::protocol)) is placed into a module with
//! `qapi::protocol!();`.
//!
//! Keys shared by all macros: `name = "..."` (when the naming rule does not
//! give the QAPI name), `if = COND` (`SYMBOL`, `all(..)`, `any(..)`,
//! `not(..)`; a bare symbol names a constant of the module `sym` in scope,
//! a path any constant declared with [`symbols!`](crate::symbols)),
//! `features = [name, other(if = COND)]`.  Fields,
//! parameters and variants take the same keys in `#[qapi(...)]`.
//!
//! `docs/guide.md` in the repository builds a whole service (the crate
//! `examples/counter`) and lists every key of every macro.
//!
//! What the macros generate:
//!
//! | Macro | Derives | Implements |
//! |---|---|---|
//! | `structure`, `union` | nothing | [`QapiType`](crate::QapiType), [`QapiObject`](crate::QapiObject), serde's `Serialize` and `Deserialize` |
//! | `enumeration` | `Clone, Copy, Debug, PartialEq, Eq, Hash`, each unless the item derives it itself | [`QapiType`](crate::QapiType), [`QapiEnum`](crate::QapiEnum), serde |
//! | `branches` | nothing | [`QapiBranches`](crate::QapiBranches) |
//! | `alternate` | nothing | [`QapiType`](crate::QapiType), serde |
//! | `command` | — | a marker type named like the function, implementing [`Command`](crate::Command); `<Name>Args` for inline arguments |
//! | `event` | nothing | [`Event`](crate::Event) |
//!
//! # `structure`
//!
//! ```
//! use qapi_runtime as qapi;
//! qapi::module!("doc");
//!
//! mod sym {
//!     qapi_runtime::symbols! { build CONFIG_LINUX; }
//! }
//!
//! #[qapi::structure]
//! #[derive(Debug, PartialEq)]
//! pub struct Base {
//!     pub id: String,
//! }
//!
//! #[qapi::structure(features = [unstable_thing])]
//! #[derive(Debug, PartialEq)]
//! pub struct Disk {
//!     #[qapi(base)]
//!     pub base: Base,                       // base members come first
//!     pub node_name: Option<String>,        // '*node-name': 'str'
//!     #[qapi(builtin = size, if = CONFIG_LINUX, features = [deprecated])]
//!     pub limit: Option<u64>,               // '*limit': 'size', conditional
//! }
//!
//! let d = Disk { base: Base { id: "d0".into() }, node_name: None, limit: Some(4096) };
//! let v = qapi::QapiType::to_value(&d);
//! // Keys come out in QEMU's QDict order, not declaration order.
//! assert_eq!(qapi::json::to_vec(&v), br#"{"limit": 4096, "id": "d0"}"#);
//! assert_eq!(<Disk as qapi::QapiType>::from_value(v).unwrap(), d);
//! ```
//!
//! # `enumeration`
//!
//! The enum gets `Clone, Copy, Debug, PartialEq, Eq, Hash`; a trait the
//! item derives itself is left to its own derive (no E0119).
//!
//! ```
//! use qapi_runtime as qapi;
//! use qapi::QapiEnum;
//! qapi::module!("doc");
//!
//! # mod sym { qapi_runtime::symbols! { build CONFIG_LINUX; } }
//! // '_' in a value needs QEMU's member-name-exceptions pragma.
//! #[qapi::enumeration(prefix = "DOC_STATE", pragma(member_name_exception))]
//! #[derive(Debug)]                          // allowed: the rest is derived
//! pub enum DocState {
//!     Running,                              // 'running'
//!     InternalError,                        // 'internal-error'
//!     #[qapi(name = "utf_8")]
//!     Utf8,
//!     #[qapi(if = CONFIG_LINUX, features = [deprecated])]
//!     Legacy,
//! }
//!
//! assert_eq!(DocState::InternalError.as_str(), "internal-error");
//! assert_eq!(DocState::from_name("utf_8"), Some(DocState::Utf8));
//!
//! // Derived: Copy, PartialEq, Eq, Hash.
//! let s = DocState::Running;
//! let set: std::collections::HashSet<DocState> = [s, s].into_iter().collect();
//! assert_eq!(set.len(), 1);
//! ```
//!
//! # `union` and `branches`
//!
//! A flat union is a struct of its common members; the discriminator
//! member holds the branches enum, one variant per discriminator value,
//! named like that value's variant: a payload for an explicit branch,
//! nothing for an implicit empty one.
//!
//! ```
//! use qapi_runtime as qapi;
//! qapi::module!("doc");
//!
//! #[qapi::enumeration]
//! pub enum AddrKind { Inet, Unix, Fd }
//!
//! #[qapi::structure]
//! #[derive(Debug, PartialEq)]
//! pub struct Inet { pub host: String, pub port: String }
//!
//! #[qapi::structure]
//! #[derive(Debug, PartialEq)]
//! pub struct Unix { pub path: String }
//!
//! #[qapi::union]
//! #[derive(Debug, PartialEq)]
//! pub struct Addr {
//!     #[qapi(discriminator)]
//!     pub r#type: AddrBranch,               // 'type': 'AddrKind'
//! }
//!
//! #[qapi::branches(tag = AddrKind)]
//! #[derive(Debug, PartialEq)]
//! pub enum AddrBranch {
//!     Inet(Inet),
//!     Unix(Unix),
//!     Fd,                                   // implicit empty branch
//! }
//!
//! let a = Addr { r#type: AddrBranch::Unix(Unix { path: "/tmp/s".into() }) };
//! assert_eq!(
//!     qapi::json::to_vec(&qapi::QapiType::to_value(&a)),
//!     br#"{"path": "/tmp/s", "type": "unix"}"#
//! );
//! ```
//!
//! The union's base: without `base`, the struct's members are the union's
//! own (QAPI's inline base).  `#[qapi::union(base = Type)]` names a base
//! struct; the union struct still lists the base's members, one for one
//! and with the same names, the discriminator among them (a missing or
//! extra member is a compile error naming the QAPI union rule).
//!
//! ```
//! use qapi_runtime as qapi;
//! qapi::module!("doc");
//!
//! #[qapi::enumeration]
//! pub enum Format { Qcow, Luks }
//!
//! #[qapi::structure]
//! #[derive(Debug, PartialEq)]
//! pub struct Luks { pub key_secret: String }
//!
//! #[qapi::structure]
//! pub struct OptionsBase {
//!     pub format: Format,
//!     pub read_only: Option<bool>,
//! }
//!
//! #[qapi::union(base = OptionsBase)]
//! #[derive(Debug, PartialEq)]
//! pub struct Options {
//!     #[qapi(discriminator)]
//!     pub format: OptionsBranch,
//!     pub read_only: Option<bool>,
//! }
//!
//! #[qapi::branches(tag = Format)]
//! #[derive(Debug, PartialEq)]
//! pub enum OptionsBranch {
//!     Qcow,
//!     Luks(Luks),
//! }
//!
//! let o: Options = serde_json::from_str(r#"{"format": "luks", "key-secret": "s0"}"#).unwrap();
//! assert_eq!(o.format, OptionsBranch::Luks(Luks { key_secret: "s0".into() }));
//! assert_eq!(o.read_only, None);
//! ```
//!
//! # `alternate`
//!
//! ```
//! use qapi_runtime as qapi;
//! qapi::module!("doc");
//!
//! #[qapi::structure]
//! #[derive(Debug, PartialEq)]
//! pub struct Options { pub driver: String }
//!
//! #[qapi::alternate]
//! #[derive(Debug, PartialEq)]
//! pub enum Ref {
//!     Definition(Options),                  // an object picks this branch
//!     Reference(String),                    // a string picks this one
//! }
//!
//! let r: Ref = serde_json::from_str(r#""node0""#).unwrap();
//! assert_eq!(r, Ref::Reference("node0".into()));
//! ```
//!
//! # `command`
//!
//! Without a body the function declares the command; a handler is bound to
//! the generated marker type elsewhere ([`crate::Handlers::add`]).  With a
//! body, the body is the handler.
//!
//! Keys besides `name`, `if`, `features`: `boxed` (the one parameter's
//! type is the whole argument), `data` (a named argument struct),
//! `allow_oob`, `allow_preconfig`, `coroutine`, `gen = false`,
//! `success_response = false` (success sends no reply),
//! `pragma(command_name_exception, command_returns_exception)`.
//!
//! ```
//! use qapi_runtime as qapi;
//! qapi::module!("doc");
//!
//! #[qapi::structure]
//! pub struct Sum { pub total: i64 }
//!
//! /// Declared only: someone else serves it.
//! #[qapi::command(allow_preconfig)]
//! pub fn query_thing() -> qapi::Result<Sum>;
//!
//! /// With its handler.
//! #[qapi::command]
//! pub fn add_up(values: Vec<i64>, #[qapi(name = "x-bias")] bias: Option<i64>) -> qapi::Result<Sum> {
//!     Ok(Sum { total: values.iter().sum::<i64>() + bias.unwrap_or(0) })
//! }
//!
//! #[qapi::command(name = "legacy_name", pragma(command_name_exception))]
//! pub fn legacy_name() -> qapi::Result<()>;
//!
//! #[qapi::command(allow_oob, success_response = false)]
//! pub fn x_ping() -> qapi::Result<()>;
//!
//! #[qapi::command(boxed)]
//! pub fn sum_boxed(args: Sum) -> qapi::Result<Sum>;
//!
//! assert_eq!(<add_up as qapi::Command>::NAME, "add-up");
//! let args = AddUpArgs { values: vec![1, 2], bias: Some(3) };
//! assert_eq!(add_up(args.values, args.bias).unwrap().total, 6);
//! ```
//!
//! # `event`
//!
//! ```
//! use qapi_runtime as qapi;
//! qapi::module!("doc");
//!
//! #[qapi::event]
//! pub struct BlockJobReady { pub device: String, pub len: i64 }   // BLOCK_JOB_READY
//!
//! #[qapi::event(features = [unstable])]
//! pub struct Resumed;                                             // RESUMED, no data
//!
//! // `boxed`: the data is a named type, as a newtype.
//! #[qapi::structure]
//! pub struct JobInfo { pub id: String }
//! #[qapi::event(name = "JOB_INFO", boxed)]
//! pub struct JobInfoEvent(pub JobInfo);
//!
//! assert_eq!(<BlockJobReady as qapi::Event>::NAME, "BLOCK_JOB_READY");
//! assert_eq!(<JobInfoEvent as qapi::Event>::NAME, "JOB_INFO");
//! ```
//!
//! A program emits events through the [`EventSink`](crate::server::EventSink)
//! its state receives from [`Server::new`](crate::server::Server::new):
//! `sink.emit(&BlockJobReady { .. })`.
