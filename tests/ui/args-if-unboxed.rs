use qapi_runtime as qapi;
use qapi_defs::sym;
qapi::module!("ui");

#[qapi::structure]
pub struct TestIfCmdArgs {
    pub foo: i64,
    #[qapi(if = CONFIG_LINUX)]
    pub bar: Option<String>,
}

#[qapi::command(data)]
pub fn test_if_cmd(args: TestIfCmdArgs) -> qapi::Result<()>;

fn main() {}
