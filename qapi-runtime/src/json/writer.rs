//! The one JSON writer for everything the server sends.
//!
//! It reproduces `qobject/json-writer.c`: compact form with `", "` and
//! `": "` separators, strings as pure ASCII with upper-case `\uXXXX`
//! escapes, doubles as `%.17g`, and object keys in QDict order
//! ([`super::qdict_order`]).

use super::number::format_g17;
use super::qdict_order;
use crate::value::Value;

/// Appends the compact JSON text of `v` to `out`.
pub fn write(v: &Value, out: &mut Vec<u8>) {
    match v {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(true) => out.extend_from_slice(b"true"),
        Value::Bool(false) => out.extend_from_slice(b"false"),
        Value::Int(i) => out.extend_from_slice(i.to_string().as_bytes()),
        Value::UInt(u) => out.extend_from_slice(u.to_string().as_bytes()),
        Value::Double(d) => {
            let mut s = String::new();
            format_g17(*d, &mut s);
            out.extend_from_slice(s.as_bytes());
        }
        Value::Str(s) => write_str(s, out),
        Value::List(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.extend_from_slice(b", ");
                }
                write(item, out);
            }
            out.push(b']');
        }
        Value::Dict(d) => {
            out.push(b'{');
            let entries = d.entries();
            for (n, i) in qdict_order::order(d.keys()).into_iter().enumerate() {
                if n > 0 {
                    out.extend_from_slice(b", ");
                }
                let (k, v) = &entries[i];
                write_str(k, out);
                out.extend_from_slice(b": ");
                write(v, out);
            }
            out.push(b'}');
        }
    }
}

/// Appends a success response whose return value is JSON text written
/// before (a cached reply): `{"return": RET, "id": ID}` in QDict order.
pub fn write_return_text(ret: &[u8], id: Option<&Value>, out: &mut Vec<u8>) {
    let keys: &[&str] = if id.is_some() {
        &["return", "id"]
    } else {
        &["return"]
    };
    out.push(b'{');
    for (n, i) in qdict_order::order(keys.iter().copied())
        .into_iter()
        .enumerate()
    {
        if n > 0 {
            out.extend_from_slice(b", ");
        }
        write_str(keys[i], out);
        out.extend_from_slice(b": ");
        match id {
            Some(id) if i == 1 => write(id, out),
            _ => out.extend_from_slice(ret),
        }
    }
    out.push(b'}');
}

/// Appends `s` as a quoted JSON string in QEMU's escaping.
pub fn write_str(s: &str, out: &mut Vec<u8>) {
    out.push(b'"');
    for ch in s.chars() {
        match ch {
            '"' => out.extend_from_slice(b"\\\""),
            '\\' => out.extend_from_slice(b"\\\\"),
            '\u{8}' => out.extend_from_slice(b"\\b"),
            '\u{c}' => out.extend_from_slice(b"\\f"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            '\t' => out.extend_from_slice(b"\\t"),
            c if (' '..'\u{7f}').contains(&c) => out.push(c as u8),
            c => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.extend_from_slice(format!("\\u{:04X}", unit).as_bytes());
                }
            }
        }
    }
    out.push(b'"');
}

/// The compact JSON text of `v`.
pub fn to_vec(v: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    write(v, &mut out);
    out
}

/// The text of `v` followed by CR LF, as the monitor sends every message.
pub fn to_message(v: &Value) -> Vec<u8> {
    let mut out = to_vec(v);
    out.extend_from_slice(b"\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Dict;

    #[test]
    fn greeting_shape() {
        let mut qemu = Dict::new();
        qemu.insert("major", 10i64);
        qemu.insert("minor", 0i64);
        qemu.insert("micro", 2i64);
        let mut version = Dict::new();
        version.insert("qemu", qemu);
        version.insert("package", "p");
        let mut qmp = Dict::new();
        qmp.insert("version", version);
        qmp.insert("capabilities", Value::List(vec!["oob".into()]));
        let mut top = Dict::new();
        top.insert("QMP", qmp);
        assert_eq!(
            String::from_utf8(to_vec(&top.into())).unwrap(),
            r#"{"QMP": {"version": {"qemu": {"micro": 2, "minor": 0, "major": 10}, "package": "p"}, "capabilities": ["oob"]}}"#
        );
    }

    #[test]
    fn escapes() {
        let s = "\"\\/\u{8}\u{c}\n\r\t\u{7f}\u{e9}\u{1F600}\u{0}";
        assert_eq!(
            String::from_utf8(to_vec(&Value::from(s))).unwrap(),
            r#""\"\\/\b\f\n\r\t\u007F\u00E9\uD83D\uDE00\u0000""#
        );
    }
}
