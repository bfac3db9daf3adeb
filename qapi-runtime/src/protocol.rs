//! The QMP protocol core: `qmp_capabilities`, `query-commands` and
//! `query-qmp-schema` with their types (QEMU's `control.json` and
//! `introspect.json`), defined once here and served by the server itself.
//!
//! These definitions belong to no program until a schema places them: a
//! service writes `qapi::protocol!();` in one of its modules (they then
//! come first in that module, in the order of [`ALL`]); QEMU's schema
//! places each at its position in `control.json` and `introspect.json`
//! with [`place!`](crate::place), so that its module order and type
//! numbering are QEMU's.  Without them the server refuses to start.

// The names are QEMU's.
#![allow(non_camel_case_types)]

use crate as qapi;
use crate::desc::Entity;
use crate::value::Value;

crate::module!("qmp-protocol");

/// Enables capabilities the greeting offered; the monitor leaves
/// capabilities negotiation mode and every other command becomes usable.
#[qapi::command(
    name = "qmp_capabilities",
    allow_preconfig,
    pragma(command_name_exception)
)]
pub fn qmp_capabilities(enable: Option<Vec<QMPCapability>>) -> qapi::Result<()>;

/// A capability of a QMP monitor (`oob`: out-of-band execution).
#[qapi::enumeration]
pub enum QMPCapability {
    Oob,
}

/// A command's name, as `query-commands` lists it.
#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct CommandInfo {
    pub name: String,
}

/// The commands this monitor offers, in reverse registration order.
#[qapi::command(allow_preconfig)]
pub fn query_commands() -> qapi::Result<Vec<CommandInfo>>;

/// The schema of this program as it is configured (QEMU's introspection).
#[qapi::command(allow_preconfig)]
pub fn query_qmp_schema() -> qapi::Result<Vec<SchemaInfo>>;

#[qapi::enumeration]
pub enum SchemaMetaType {
    Builtin,
    Enum,
    Array,
    Object,
    Alternate,
    Command,
    Event,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaInfo {
    pub name: String,
    #[qapi(discriminator)]
    pub meta_type: SchemaInfoBranch,
    pub features: Option<Vec<String>>,
}

#[qapi::branches(tag = SchemaMetaType)]
#[derive(Debug, Clone, PartialEq)]
pub enum SchemaInfoBranch {
    Builtin(SchemaInfoBuiltin),
    Enum(SchemaInfoEnum),
    Array(SchemaInfoArray),
    Object(SchemaInfoObject),
    Alternate(SchemaInfoAlternate),
    Command(SchemaInfoCommand),
    Event(SchemaInfoEvent),
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaInfoBuiltin {
    pub json_type: JSONType,
}

#[qapi::enumeration]
pub enum JSONType {
    String,
    Number,
    Int,
    Boolean,
    Null,
    Object,
    Array,
    Value,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaInfoEnum {
    pub members: Vec<SchemaInfoEnumMember>,
    #[qapi(features = [deprecated])]
    pub values: Vec<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaInfoEnumMember {
    pub name: String,
    pub features: Option<Vec<String>>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaInfoArray {
    pub element_type: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaInfoObject {
    pub members: Vec<SchemaInfoObjectMember>,
    pub tag: Option<String>,
    pub variants: Option<Vec<SchemaInfoObjectVariant>>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaInfoObjectMember {
    pub name: String,
    pub r#type: String,
    pub default: Option<Value>,
    pub features: Option<Vec<String>>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaInfoObjectVariant {
    pub case: String,
    pub r#type: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaInfoAlternate {
    pub members: Vec<SchemaInfoAlternateMember>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaInfoAlternateMember {
    pub r#type: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaInfoCommand {
    pub arg_type: String,
    pub ret_type: String,
    pub allow_oob: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaInfoEvent {
    pub arg_type: String,
}

// The descriptors, for `place!`.  QEMU's `control.json` holds the first
// four, `introspect.json` the rest (and nothing else).
pub const QMP_CAPABILITIES: &Entity = &__QAPI_COMMAND_qmp_capabilities;
pub const QMP_CAPABILITY: &Entity = &__QAPI_ENUM_QMPCapability;
pub const COMMAND_INFO: &Entity = &__QAPI_STRUCT_CommandInfo;
pub const QUERY_COMMANDS: &Entity = &__QAPI_COMMAND_query_commands;
pub const QUERY_QMP_SCHEMA: &Entity = &__QAPI_COMMAND_query_qmp_schema;
pub const SCHEMA_META_TYPE: &Entity = &__QAPI_ENUM_SchemaMetaType;
pub const SCHEMA_INFO: &Entity = &__QAPI_UNION_SchemaInfo;
pub const SCHEMA_INFO_BUILTIN: &Entity = &__QAPI_STRUCT_SchemaInfoBuiltin;
pub const JSON_TYPE: &Entity = &__QAPI_ENUM_JSONType;
pub const SCHEMA_INFO_ENUM: &Entity = &__QAPI_STRUCT_SchemaInfoEnum;
pub const SCHEMA_INFO_ENUM_MEMBER: &Entity = &__QAPI_STRUCT_SchemaInfoEnumMember;
pub const SCHEMA_INFO_ARRAY: &Entity = &__QAPI_STRUCT_SchemaInfoArray;
pub const SCHEMA_INFO_OBJECT: &Entity = &__QAPI_STRUCT_SchemaInfoObject;
pub const SCHEMA_INFO_OBJECT_MEMBER: &Entity = &__QAPI_STRUCT_SchemaInfoObjectMember;
pub const SCHEMA_INFO_OBJECT_VARIANT: &Entity = &__QAPI_STRUCT_SchemaInfoObjectVariant;
pub const SCHEMA_INFO_ALTERNATE: &Entity = &__QAPI_STRUCT_SchemaInfoAlternate;
pub const SCHEMA_INFO_ALTERNATE_MEMBER: &Entity = &__QAPI_STRUCT_SchemaInfoAlternateMember;
pub const SCHEMA_INFO_COMMAND: &Entity = &__QAPI_STRUCT_SchemaInfoCommand;
pub const SCHEMA_INFO_EVENT: &Entity = &__QAPI_STRUCT_SchemaInfoEvent;

/// Every definition of the protocol core, in the order `protocol!` places
/// them (QEMU's order).
pub const ALL: [&Entity; 19] = [
    QMP_CAPABILITIES,
    QMP_CAPABILITY,
    COMMAND_INFO,
    QUERY_COMMANDS,
    QUERY_QMP_SCHEMA,
    SCHEMA_META_TYPE,
    SCHEMA_INFO,
    SCHEMA_INFO_BUILTIN,
    JSON_TYPE,
    SCHEMA_INFO_ENUM,
    SCHEMA_INFO_ENUM_MEMBER,
    SCHEMA_INFO_ARRAY,
    SCHEMA_INFO_OBJECT,
    SCHEMA_INFO_OBJECT_MEMBER,
    SCHEMA_INFO_OBJECT_VARIANT,
    SCHEMA_INFO_ALTERNATE,
    SCHEMA_INFO_ALTERNATE_MEMBER,
    SCHEMA_INFO_COMMAND,
    SCHEMA_INFO_EVENT,
];

/// Whether `e` is the protocol core's definition `core` (the server
/// answers those itself).
pub fn is(e: &Entity, core: &Entity) -> bool {
    std::ptr::eq(e, core)
}
