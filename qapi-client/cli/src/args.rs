//! qmp-shell's `key=value` syntax: values are JSON when they parse as
//! JSON (`42`, `true`, `{"a": 1}`, `["x"]`), strings otherwise; dotted keys
//! build nested objects (`a.b=1` is `{"a": {"b": 1}}`).

use qapi_runtime::json::{Parsed, StreamParser};
use qapi_runtime::{Dict, Value};

/// The arguments object of `key=value` words.
pub fn parse(words: &[String]) -> Result<Dict, String> {
    let mut out = Dict::new();
    for w in words {
        let Some((key, text)) = w.split_once('=') else {
            return Err(format!("'{w}' is not key=value"));
        };
        if key.is_empty() {
            return Err(format!("'{w}' has an empty key"));
        }
        let value = json_or_string(text);
        insert(&mut out, key, value)?;
    }
    Ok(out)
}

fn json_or_string(text: &str) -> Value {
    let mut p = StreamParser::new();
    let mut got = Vec::new();
    p.feed(text.as_bytes(), &mut |m| got.push(m));
    p.flush(&mut |m| got.push(m));
    match got.as_slice() {
        // QEMU's dialect also reads 'single-quoted' strings.
        [Parsed::Value(v)] if !text.trim().is_empty() => v.clone(),
        _ => Value::Str(text.to_owned()),
    }
}

fn insert(d: &mut Dict, key: &str, value: Value) -> Result<(), String> {
    match key.split_once('.') {
        None => {
            if d.insert(key, value).is_some() {
                return Err(format!("'{key}' given twice"));
            }
            Ok(())
        }
        Some((head, rest)) => {
            if !d.contains_key(head) {
                d.push_unique(head, Dict::new());
            }
            match d.get_mut(head) {
                Some(Value::Dict(sub)) => insert(sub, rest, value),
                _ => Err(format!("'{head}' is both a value and an object")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(words: &[&str], path: &[&str]) -> String {
        let w: Vec<String> = words.iter().map(|s| s.to_string()).collect();
        let mut v = Value::Dict(parse(&w).unwrap());
        for k in path {
            v = v.as_dict().unwrap().get(k).unwrap().clone();
        }
        v.to_string()
    }

    #[test]
    fn values() {
        let w = [
            "a=1",
            "b=true",
            "c=hello",
            r#"d={"x": [1]}"#,
            "e.f=2",
            "e.g=x y",
            "h='q'",
        ];
        assert_eq!(get(&w, &["a"]), "1");
        assert_eq!(get(&w, &["b"]), "true");
        assert_eq!(get(&w, &["c"]), r#""hello""#);
        assert_eq!(get(&w, &["d", "x"]), "[1]");
        assert_eq!(get(&w, &["e", "f"]), "2");
        assert_eq!(get(&w, &["e", "g"]), r#""x y""#);
        assert_eq!(get(&w, &["h"]), r#""q""#);
    }

    #[test]
    fn errors() {
        assert!(parse(&["novalue".into()]).is_err());
        assert!(parse(&["a=1".into(), "a=2".into()]).is_err());
        assert!(parse(&["a=1".into(), "a.b=2".into()]).is_err());
    }
}
