//! The QAPI module `introspect.json`.

use crate::prelude::*;

qapi::module!("introspect");

#[qapi::command(allow_preconfig)]
pub fn query_qmp_schema() -> Result<Vec<SchemaInfo>>;

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
