//! Naming: the default QAPI name of each kind of Rust item, and QAPI's
//! rules for names (`scripts/qapi/expr.py`).
//!
//! One rule per kind of name, so the common case needs no attribute:
//!
//! | item | rule | example |
//! |---|---|---|
//! | type (struct, enum, union, alternate) | the Rust name | `StatusInfo` |
//! | command (fn) | snake_case to dash-case | `query_status` -> `query-status` |
//! | member (field, parameter) | snake_case to dash-case | `cpu_index` -> `cpu-index` |
//! | event (struct) | UpperCamelCase to UPPER_SNAKE | `BlockJobCompleted` -> `BLOCK_JOB_COMPLETED` |
//! | enum value, alternate branch | UpperCamelCase to lower dash-case | `InternalError` -> `internal-error` |
//! | feature | snake_case to dash-case | `json_cli` -> `json-cli` |
//!
//! `name = "..."` overrides any of them (`x86_64`, `block_resize`, `9p`).

/// The name an identifier stands for, without a raw prefix (`r#type`).
pub fn unraw(ident: &syn::Ident) -> String {
    let s = ident.to_string();
    s.strip_prefix("r#").map(str::to_owned).unwrap_or(s)
}

/// `cpu_index` -> `cpu-index`.
pub fn snake_to_dash(s: &str) -> String {
    s.replace('_', "-")
}

/// `BlockJobCompleted` -> `BLOCK_JOB_COMPLETED`.
pub fn camel_to_upper_snake(s: &str) -> String {
    let mut out = String::new();
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if c.is_ascii_uppercase()
            && prev.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit())
        {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
        prev = Some(c);
    }
    out
}

/// `InternalError` -> `internal-error`, `Qcow2` -> `qcow2`.
pub fn camel_to_dash(s: &str) -> String {
    let mut out = String::new();
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if c.is_ascii_uppercase()
            && prev.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit())
        {
            out.push('-');
        }
        if c == '_' {
            out.push('-');
        } else {
            out.push(c.to_ascii_lowercase());
        }
        prev = Some(c);
    }
    out
}

/// `query_status` -> `QueryStatus` (names the generated argument struct).
pub fn snake_to_camel(s: &str) -> String {
    let mut out = String::new();
    let mut up = true;
    for c in s.chars() {
        if c == '_' || c == '-' {
            up = true;
        } else if up {
            out.push(c.to_ascii_uppercase());
            up = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// QAPI's `c_name(name, protect=False)`: every character outside
/// `[A-Za-z0-9_]` becomes `_`.  Names clash when their C names are equal.
pub fn c_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// `valid_name`: optional `__rfqdn_` prefix, optional `x-`, then a stem
/// starting with a letter.  Returns the stem.
fn stem(name: &str) -> Option<&str> {
    let mut rest = name;
    if let Some(r) = rest.strip_prefix("__") {
        // __[a-z0-9.-]+_ (case-insensitive); the prefix ends at the last
        // '_' such that the remainder is a valid stem, as the regex would
        // backtrack to.
        let bytes = r.as_bytes();
        let mut found = None;
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'_'
                && i > 0
                && r[..i]
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || c == b'.' || c == b'-')
            {
                let cand = &r[i + 1..];
                if plain_stem(cand.strip_prefix("x-").unwrap_or(cand)).is_some()
                    || plain_stem(cand).is_some()
                {
                    found = Some(cand);
                    break;
                }
            }
        }
        rest = found?;
    }
    if let Some(r) = rest.strip_prefix("x-").or_else(|| rest.strip_prefix("X-"))
        && plain_stem(r).is_some()
    {
        return Some(r);
    }
    plain_stem(rest)
}

fn plain_stem(s: &str) -> Option<&str> {
    let mut chars = s.chars();
    let first = chars.next()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    if chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
        Some(s)
    } else {
        None
    }
}

/// `check_name_str`: a valid name not in the reserved `q_` namespace.
pub fn check_name(name: &str, source: &str) -> Result<String, String> {
    match stem(name) {
        Some(st) if !c_name(name).starts_with("q_") => Ok(st.to_owned()),
        _ => Err(format!("{source} has an invalid name (QAPI naming rule)")),
    }
}

/// `check_name_lower`: commands, members, enum values, features.
pub fn check_lower(
    name: &str,
    source: &str,
    permit_upper: bool,
    permit_underscore: bool,
) -> Result<(), String> {
    let stem = check_name(name, source)?;
    if (!permit_upper && stem.chars().any(|c| c.is_ascii_uppercase()))
        || (!permit_underscore && stem.contains('_'))
    {
        return Err(format!(
            "name of {source} must not use uppercase or '_' (QAPI naming rule)"
        ));
    }
    Ok(())
}

/// `check_name_upper`: events.
pub fn check_upper(name: &str, source: &str) -> Result<(), String> {
    let stem = check_name(name, source)?;
    if stem.chars().any(|c| c.is_ascii_lowercase() || c == '-') {
        return Err(format!(
            "name of {source} must not use lowercase or '-' (QAPI naming rule)"
        ));
    }
    Ok(())
}

/// `check_name_camel` plus the `List` suffix rule: type names.
pub fn check_camel(name: &str, meta: &str) -> Result<(), String> {
    let stem = check_name(name, meta)?;
    let b = stem.as_bytes();
    let camel = b.first().is_some_and(u8::is_ascii_uppercase)
        && b.iter().all(u8::is_ascii_alphanumeric)
        && b[1..].iter().any(u8::is_ascii_lowercase);
    if !camel {
        return Err(format!(
            "name of {meta} must use CamelCase (QAPI naming rule)"
        ));
    }
    if name.ends_with("List") {
        return Err(format!(
            "{meta} name should not end in 'List' (QAPI naming rule: 'List' is reserved for array types)"
        ));
    }
    Ok(())
}

/// Enum values may start with a digit; otherwise they follow member rules.
pub fn check_enum_value(name: &str, source: &str, permissive: bool) -> Result<(), String> {
    let checked = if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("d{name}")
    } else {
        name.to_owned()
    };
    check_lower(&checked, source, permissive, permissive)
}

/// Member names whose C name is `u` or starts with `has_` are reserved.
pub fn check_member_reserved(name: &str, source: &str) -> Result<(), String> {
    let c = c_name(name);
    if c == "u" || c.starts_with("has_") {
        return Err(format!(
            "{source} uses reserved name (QAPI naming rule: 'u' and 'has-*' are reserved)"
        ));
    }
    Ok(())
}

/// The names QAPI predefines in its `./builtin` module: the built-in
/// types (each with its array type `<name>List`), `QType` and `q_empty`.
const BUILTINS: &[&str] = &[
    "str", "number", "int", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32",
    "uint64", "size", "bool", "any", "null",
];

/// Types, commands and events share one namespace with the predefined
/// types: a definition may not take a predefined name.
pub fn check_not_predefined(name: &str) -> Result<(), String> {
    let what = if BUILTINS.contains(&name)
        || name
            .strip_suffix("List")
            .is_some_and(|b| BUILTINS.contains(&b))
    {
        "built-in type"
    } else if name == "QType" {
        "enum type"
    } else if name == "q_empty" {
        "struct type"
    } else {
        return Ok(());
    };
    Err(format!(
        "{what} '{name}' is already defined (QAPI namespace rule: types, commands and events share one namespace with the predefined types)"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions() {
        assert_eq!(
            camel_to_upper_snake("BlockJobCompleted"),
            "BLOCK_JOB_COMPLETED"
        );
        assert_eq!(camel_to_upper_snake("BlockIoError"), "BLOCK_IO_ERROR");
        assert_eq!(camel_to_dash("InternalError"), "internal-error");
        assert_eq!(camel_to_dash("Qcow2"), "qcow2");
        assert_eq!(snake_to_dash("cpu_index"), "cpu-index");
        assert_eq!(snake_to_camel("query_status"), "QueryStatus");
    }

    #[test]
    fn rules() {
        assert!(check_lower("query-status", "command", false, false).is_ok());
        assert!(check_lower("block_resize", "command", false, false).is_err());
        assert!(check_lower("x-query-jit", "command", false, false).is_ok());
        assert!(check_lower("__org.qemu_x-command", "command", false, false).is_ok());
        assert!(check_lower("q-unix", "member", false, false).is_err());
        assert!(check_upper("SHUTDOWN", "event").is_ok());
        assert!(check_upper("Shutdown", "event").is_err());
        assert!(check_camel("StatusInfo", "struct").is_ok());
        assert!(check_camel("STATUS", "struct").is_err());
        assert!(check_camel("FooList", "struct").is_err());
        assert!(check_enum_value("9p", "value", false).is_ok());
        assert!(check_member_reserved("has-a", "member").is_err());
        assert!(check_not_predefined("int").is_err());
        assert!(check_not_predefined("QType").is_err());
        assert!(check_not_predefined("query-status").is_ok());
    }
}
