use qapi_runtime as qapi;

qapi::module!("ui");

#[qapi::command(pragma(command_returns_exception, "human-monitor-command"))]
pub fn human_monitor_command(command_line: String) -> qapi::Result<String>;

fn main() {}
