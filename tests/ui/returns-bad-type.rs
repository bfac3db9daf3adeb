use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::enumeration]
pub enum TpmModel {
    TpmTis,
}

#[qapi::command(pragma(command_returns_exception))]
pub fn human_monitor_command(command_line: String, cpu_index: Option<i64>) -> qapi::Result<String>;

#[qapi::command(pragma(command_returns_exception))]
pub fn query_tpm_models() -> qapi::Result<Vec<TpmModel>>;

#[qapi::command]
pub fn no_way_this_will_get_whitelisted() -> qapi::Result<Vec<i64>>;

fn main() {}
