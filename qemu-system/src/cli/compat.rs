//! `-compat`: the policy for deprecated and unstable interfaces.

use qapi_defs::{CompatPolicy as QapiCompat, CompatPolicyInput, CompatPolicyOutput};
use qapi_runtime::config::{CompatPolicy, InputPolicy, OutputPolicy};
use qapi_runtime::{Config, Dict, QapiType, Value};

use super::keyval::NO_HELP;
use super::{CliError, Reporter, keyval};

/// `-compat`: keyval or JSON, visited as `CompatPolicy`; each `-compat`
/// replaces the whole policy.
pub(super) fn compat_spec(
    r: &Reporter,
    loc: &str,
    spec: &str,
    cfg: &Config,
) -> Result<CompatPolicy, CliError> {
    let value = if spec.trim_start().starts_with('{') {
        parse_json(spec).map_err(|m| r.at(loc, m))?
    } else {
        let mut d = Dict::new();
        if keyval::keyval(spec, None, &mut d).map_err(|m| r.at(loc, m))? {
            return Err(r.at(loc, NO_HELP));
        }
        Value::Dict(d)
    };
    let checked = qapi_runtime::visit::input::check_value(QapiCompat::TYPE, value, Some(cfg))
        .map_err(|e| r.at(loc, e.desc))?;
    let p = QapiCompat::from_value(checked).map_err(|e| r.at(loc, e.desc))?;
    let input = |i: Option<CompatPolicyInput>| match i {
        None | Some(CompatPolicyInput::Accept) => InputPolicy::Accept,
        Some(CompatPolicyInput::Reject) => InputPolicy::Reject,
        Some(CompatPolicyInput::Crash) => InputPolicy::Crash,
    };
    let output = |o: Option<CompatPolicyOutput>| match o {
        None | Some(CompatPolicyOutput::Accept) => OutputPolicy::Accept,
        Some(CompatPolicyOutput::Hide) => OutputPolicy::Hide,
    };
    Ok(CompatPolicy {
        deprecated_input: input(p.deprecated_input),
        deprecated_output: output(p.deprecated_output),
        unstable_input: input(p.unstable_input),
        unstable_output: output(p.unstable_output),
    })
}

/// One JSON value, with QEMU's parse errors.
fn parse_json(text: &str) -> Result<Value, String> {
    let mut parser = qapi_runtime::json::StreamParser::new();
    let mut out: Vec<qapi_runtime::json::Parsed> = Vec::new();
    parser.feed(text.as_bytes(), &mut |p| out.push(p));
    parser.flush(&mut |p| out.push(p));
    if out.len() > 1 && matches!(out[0], qapi_runtime::json::Parsed::Value(_)) {
        return Err("Expecting at most one JSON value".to_owned());
    }
    match out.into_iter().next() {
        Some(qapi_runtime::json::Parsed::Value(v)) => Ok(v),
        Some(qapi_runtime::json::Parsed::Error(e)) => Err(e),
        None => Err("JSON parse error, premature EOI".to_owned()),
    }
}
