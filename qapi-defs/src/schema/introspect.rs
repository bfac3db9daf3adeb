//! The QAPI module `introspect.json`: all of it is the runtime's protocol
//! core, placed here in QEMU's order.

use crate::prelude::*;

pub use qapi::protocol::{
    JSONType, SchemaInfo, SchemaInfoAlternate, SchemaInfoAlternateMember, SchemaInfoArray,
    SchemaInfoBranch, SchemaInfoBuiltin, SchemaInfoCommand, SchemaInfoEnum, SchemaInfoEnumMember,
    SchemaInfoEvent, SchemaInfoObject, SchemaInfoObjectMember, SchemaInfoObjectVariant,
    SchemaMetaType, query_qmp_schema,
};

qapi::module!("introspect");

qapi::place!(
    qapi::protocol::QUERY_QMP_SCHEMA,
    qapi::protocol::SCHEMA_META_TYPE,
    qapi::protocol::SCHEMA_INFO,
    qapi::protocol::SCHEMA_INFO_BUILTIN,
    qapi::protocol::JSON_TYPE,
    qapi::protocol::SCHEMA_INFO_ENUM,
    qapi::protocol::SCHEMA_INFO_ENUM_MEMBER,
    qapi::protocol::SCHEMA_INFO_ARRAY,
    qapi::protocol::SCHEMA_INFO_OBJECT,
    qapi::protocol::SCHEMA_INFO_OBJECT_MEMBER,
    qapi::protocol::SCHEMA_INFO_OBJECT_VARIANT,
    qapi::protocol::SCHEMA_INFO_ALTERNATE,
    qapi::protocol::SCHEMA_INFO_ALTERNATE_MEMBER,
    qapi::protocol::SCHEMA_INFO_COMMAND,
    qapi::protocol::SCHEMA_INFO_EVENT,
);
