//! The QAPI module `stats.json`.

use crate::prelude::*;

qapi::module!("stats");

#[qapi::enumeration]
pub enum StatsType {
    Cumulative,
    Instant,
    Peak,
    LinearHistogram,
    Log2Histogram,
}

#[qapi::enumeration]
pub enum StatsUnit {
    Bytes,
    Seconds,
    Cycles,
    Boolean,
}

#[qapi::enumeration]
pub enum StatsProvider {
    Kvm,
    Cryptodev,
}

#[qapi::enumeration]
pub enum StatsTarget {
    Vm,
    Vcpu,
    Cryptodev,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct StatsRequest {
    pub provider: StatsProvider,
    pub names: Option<Vec<String>>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct StatsVCPUFilter {
    pub vcpus: Option<Vec<String>>,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct StatsFilter {
    #[qapi(discriminator)]
    pub target: StatsFilterBranch,
    pub providers: Option<Vec<StatsRequest>>,
}

#[qapi::branches(tag = StatsTarget)]
#[derive(Debug, Clone, PartialEq)]
pub enum StatsFilterBranch {
    Vcpu(StatsVCPUFilter),
    Vm,
    Cryptodev,
}

#[qapi::alternate]
#[derive(Debug, Clone, PartialEq)]
pub enum StatsValue {
    Scalar(u64),
    Boolean(bool),
    List(Vec<u64>),
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    pub name: String,
    pub value: StatsValue,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct StatsResult {
    pub provider: StatsProvider,
    pub qom_path: Option<String>,
    pub stats: Vec<Stats>,
}

#[qapi::command(boxed)]
pub fn query_stats(args: StatsFilter) -> Result<Vec<StatsResult>>;

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct StatsSchemaValue {
    pub name: String,
    pub r#type: StatsType,
    pub unit: Option<StatsUnit>,
    pub base: Option<i8>,
    pub exponent: i16,
    pub bucket_size: Option<u32>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct StatsSchema {
    pub provider: StatsProvider,
    pub target: StatsTarget,
    pub stats: Vec<StatsSchemaValue>,
}

#[qapi::command]
pub fn query_stats_schemas(provider: Option<StatsProvider>) -> Result<Vec<StatsSchema>>;
