//! The QAPI module `yank.json`.

use crate::prelude::*;

qapi::module!("yank");

#[qapi::enumeration]
pub enum YankInstanceType {
    BlockNode,
    Chardev,
    Migration,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct YankInstanceBlockNode {
    pub node_name: String,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct YankInstanceChardev {
    pub id: String,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct YankInstance {
    #[qapi(discriminator)]
    pub r#type: YankInstanceBranch,
}

#[qapi::branches(tag = YankInstanceType)]
#[derive(Debug, Clone, PartialEq)]
pub enum YankInstanceBranch {
    BlockNode(YankInstanceBlockNode),
    Chardev(YankInstanceChardev),
    Migration,
}

#[qapi::command(allow_oob)]
pub fn yank(instances: Vec<YankInstance>) -> Result<()>;

#[qapi::command(allow_oob)]
pub fn query_yank() -> Result<Vec<YankInstance>>;
