//! QEMU's two option-argument syntaxes: `keyval` (`util/keyval.c`, used
//! by `-machine`, `-display`, `-compat`) and `QemuOpts` (`util/qemu-option.c`,
//! used by `-chardev`, `-mon`, `-name`, `-accel`), plus the keyval
//! visitor's string-to-type conversion for QAPI-typed options.

use qapi_runtime::desc::{Builtin, Entity, Kind, TypeRef};
use qapi_runtime::{Config, Dict, Value};

/// Splits `s` at commas; `,,` is a literal comma.  Each part is returned
/// raw (escapes resolved).
fn split_params(s: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ',' {
            if chars.peek() == Some(&',') {
                chars.next();
                if let Some(last) = parts.last_mut() {
                    last.push(',');
                }
            } else {
                parts.push(String::new());
            }
        } else if let Some(last) = parts.last_mut() {
            last.push(c);
        }
    }
    parts
}

/// What an option without help says when asked for it (`keyval_parse`
/// without a help pointer).
pub const NO_HELP: &str = "Help is not available for this option";

/// Finds the first `=` that is not part of `,,` (keys cannot contain
/// commas, so the first `=` of the raw text before any `,` decides).
fn key_len(raw: &str) -> usize {
    raw.find(['=', ',']).unwrap_or(raw.len())
}

/// `keyval_parse_into`: `key=value,...`, the first item may omit `key=`
/// when `implied` is given (its value then ends at the first comma).
/// Dotted keys build nested dictionaries; later keys replace earlier ones.
/// `Ok(true)` when an item asks for help (`help` or `?` without a value);
/// callers that have no help answer QEMU's "Help is not available for
/// this option".
pub fn keyval(s: &str, implied: Option<&str>, into: &mut Dict) -> Result<bool, String> {
    let mut rest = s;
    let mut first = true;
    let mut help = false;
    while !rest.is_empty() {
        let klen = key_len(rest);
        let next: &str;
        if klen > 0
            && rest.as_bytes().get(klen) != Some(&b'=')
            && matches!(&rest[..klen], "help" | "?")
        {
            help = true;
            next = &rest[klen..];
        } else if klen > 0 && rest.as_bytes().get(klen) != Some(&b'=') && first && implied.is_some()
        {
            let key = implied.unwrap_or_default();
            insert_dotted(into, key, rest[..klen].to_owned())?;
            next = &rest[klen..];
        } else {
            let k = &rest[..klen];
            if !valid_key(k) {
                return Err(format!("Invalid parameter '{k}'"));
            }
            if rest.as_bytes().get(klen) != Some(&b'=') {
                return Err(format!("Expected '=' after parameter '{k}'"));
            }
            let (v, n) = take_value(&rest[klen + 1..]);
            insert_dotted(into, k, v)?;
            next = n;
        }
        first = false;
        rest = next.strip_prefix(',').unwrap_or(next);
    }
    Ok(help)
}

/// A value up to an unescaped comma; the remaining text (starting at
/// that comma, or empty).
fn take_value(s: &str) -> (String, &str) {
    let mut out = String::new();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b',' {
            if bytes.get(i + 1) == Some(&b',') {
                out.push(',');
                i += 2;
                continue;
            }
            return (out, &s[i..]);
        }
        let ch = s[i..].chars().next().unwrap_or('\0');
        out.push(ch);
        i += ch.len_utf8();
    }
    (out, "")
}

/// Key fragments separated by dots: QAPI names (a letter, then letters,
/// digits, `-`, `_`), or list indices after the first.
fn valid_key(k: &str) -> bool {
    k.split('.').enumerate().all(|(i, f)| {
        let name = f.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && f.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        let index = i > 0 && !f.is_empty() && f.chars().all(|c| c.is_ascii_digit());
        name || index
    })
}

fn insert_dotted(d: &mut Dict, key: &str, value: String) -> Result<(), String> {
    match key.split_once('.') {
        None => {
            if matches!(d.get(key), Some(Value::Dict(_))) {
                return Err(format!("Parameter '{key}' used inconsistently"));
            }
            d.insert(key, value);
            Ok(())
        }
        Some((head, tail)) => {
            if d.get(head).is_none() {
                d.insert(head, Value::Dict(Dict::new()));
            }
            match d.get_mut(head) {
                Some(Value::Dict(sub)) => insert_dotted(sub, tail, value),
                _ => Err(format!("Parameter '{head}' used inconsistently")),
            }
        }
    }
}

/// `qemu_opts_do_parse`: `key=value` items, `key` alone meaning `key=on`
/// (and `nokey` meaning `key=off`), the first item may be the value of
/// `implied`.  Returns the items in order (repeats kept).
pub fn opts(s: &str, implied: Option<&str>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if s.is_empty() {
        return out;
    }
    for (n, part) in split_params(s).into_iter().enumerate() {
        match part.split_once('=') {
            Some((k, v)) => out.push((k.to_owned(), v.to_owned())),
            None if n == 0 && implied.is_some() => {
                out.push((implied.unwrap_or_default().to_owned(), part));
            }
            None => match part.strip_prefix("no") {
                Some(k) if !k.is_empty() => out.push((k.to_owned(), "off".to_owned())),
                _ => out.push((part, "on".to_owned())),
            },
        }
    }
    out
}

/// `qapi_bool_parse`.
pub fn parse_bool(v: &str) -> Option<bool> {
    match v {
        "on" | "yes" | "true" | "y" => Some(true),
        "off" | "no" | "false" | "n" => Some(false),
        _ => None,
    }
}

/// The keyval visitor's conversion of the string scalars of `v` to the
/// types of `ty` (booleans and integers; enums and strings stay strings).
/// `path` is the dotted name for messages.
pub fn typed(ty: &'static TypeRef, v: Value, name: &str, cfg: &Config) -> Result<Value, String> {
    match (ty, v) {
        (TypeRef::Builtin(b), Value::Str(s)) => builtin(*b, s, name),
        (TypeRef::Entity(f), Value::Dict(d)) => object(f(), d, name, cfg).map(Value::Dict),
        (_, v) => Ok(v),
    }
}

fn builtin(b: Builtin, s: String, name: &str) -> Result<Value, String> {
    let expects = |what: &str| format!("Parameter '{name}' expects {what}");
    Ok(match b {
        Builtin::Bool => Value::Bool(parse_bool(&s).ok_or_else(|| expects("'on' or 'off'"))?),
        Builtin::Int | Builtin::Int8 | Builtin::Int16 | Builtin::Int32 | Builtin::Int64 => {
            Value::Int(s.parse::<i64>().map_err(|_| expects("integer"))?)
        }
        Builtin::Uint8 | Builtin::Uint16 | Builtin::Uint32 | Builtin::Uint64 | Builtin::Size => {
            Value::from(s.parse::<u64>().map_err(|_| expects("integer"))?)
        }
        Builtin::Number => Value::Double(s.parse::<f64>().map_err(|_| expects("number"))?),
        _ => Value::Str(s),
    })
}

fn object(e: &'static Entity, mut d: Dict, prefix: &str, cfg: &Config) -> Result<Dict, String> {
    let full = |m: &str| {
        if prefix.is_empty() {
            m.to_owned()
        } else {
            format!("{prefix}.{m}")
        }
    };
    let mut members = e.object_members();
    if let Kind::Union(u) = &e.kind
        && let Some(Value::Str(tag)) = d.get(u.discriminator)
        && let Some(b) = u
            .branches
            .iter()
            .find(|b| b.case == tag.as_str() && cfg.eval(b.cond))
        && let Some(be) = b.ty.entity()
    {
        members.extend(be.object_members());
    }
    for m in members {
        if let Some(v) = d.get_mut(m.name) {
            let taken = std::mem::replace(v, Value::Null);
            *v = typed(m.ty, taken, &full(m.name), cfg)?;
        }
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyval_forms() {
        let mut d = Dict::new();
        assert_eq!(
            keyval("none,accel=kvm:tcg,x.y=1,a=b,,c", Some("type"), &mut d),
            Ok(false)
        );
        assert_eq!(
            String::from_utf8_lossy(&qapi_runtime::json::to_vec(&Value::Dict(d))),
            r#"{"x": {"y": "1"}, "a": "b,c", "accel": "kvm:tcg", "type": "none"}"#
        );
        assert_eq!(keyval("help", Some("type"), &mut Dict::new()), Ok(true));
        let mut d = Dict::new();
        assert_eq!(
            keyval("none,usb", Some("type"), &mut d),
            Err("Expected '=' after parameter 'usb'".to_owned())
        );
        assert_eq!(
            keyval("none,,", Some("type"), &mut Dict::new()),
            Err("Invalid parameter ''".to_owned())
        );
        assert_eq!(
            keyval(",", None, &mut Dict::new()),
            Err("Invalid parameter ''".to_owned())
        );
        assert_eq!(
            keyval("deprecated-input", None, &mut Dict::new()),
            Err("Expected '=' after parameter 'deprecated-input'".to_owned())
        );
    }

    #[test]
    fn opts_forms() {
        assert_eq!(
            opts("socket,id=c,,x,server,nowait", Some("backend")),
            vec![
                ("backend".to_owned(), "socket".to_owned()),
                ("id".to_owned(), "c,x".to_owned()),
                ("server".to_owned(), "on".to_owned()),
                ("wait".to_owned(), "off".to_owned()),
            ]
        );
    }
}
