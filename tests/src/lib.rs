//! Helpers shared by the integration tests: where the reference data is,
//! and readable diffs.

pub use qapi_test_support::{reference_dir as captures_dir, shared_dir};

/// Every capture folder (one per captured binary), sorted.
pub fn capture_targets() -> Vec<String> {
    let dir = captures_dir();
    let mut v: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Splits a JSON array reply into its top-level elements (as text), so a
/// mismatch can be shown entry by entry.
pub fn split_entries(reply: &str) -> Vec<String> {
    let body = reply.trim_end();
    let start = body.find('[').map_or(0, |i| i + 1);
    let mut out = Vec::new();
    let (mut depth, mut in_str, mut esc, mut cur) = (0i32, false, false, String::new());
    for c in body[start..].chars() {
        if in_str {
            cur.push(c);
            match (esc, c) {
                (true, _) => esc = false,
                (false, '\\') => esc = true,
                (false, '"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_str = true;
                cur.push(c);
            }
            '{' | '[' => {
                depth += 1;
                cur.push(c);
            }
            '}' | ']' if depth == 0 => break,
            '}' | ']' => {
                depth -= 1;
                cur.push(c);
            }
            ',' if depth == 0 => out.push(std::mem::take(&mut cur).trim().to_owned()),
            _ => cur.push(c),
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_owned());
    }
    out
}

/// A readable account of how two byte strings differ: for array replies,
/// the first differing entries (with the entry's "name"); else the first
/// differing position with context.
pub fn describe_difference(got: &[u8], want: &[u8]) -> String {
    let (g, w) = (String::from_utf8_lossy(got), String::from_utf8_lossy(want));
    let mut msg = format!("got {} bytes, want {} bytes\n", got.len(), want.len());
    if g.ends_with("\r\n") != w.ends_with("\r\n") {
        msg += "line terminators differ (CR LF expected)\n";
    }
    let (ge, we) = (split_entries(&g), split_entries(&w));
    if ge.len() > 1 || we.len() > 1 {
        msg += &format!("{} entries, want {}\n", ge.len(), we.len());
        let mut shown = 0;
        for i in 0..ge.len().max(we.len()) {
            let (a, b) = (ge.get(i), we.get(i));
            if a != b {
                msg += &format!(
                    "entry {i}:\n   got: {}\n  want: {}\n",
                    a.map_or("<none>", |s| s.as_str()),
                    b.map_or("<none>", |s| s.as_str())
                );
                shown += 1;
                if shown == 3 {
                    break;
                }
            }
        }
        return msg;
    }
    let pos = got
        .iter()
        .zip(want)
        .position(|(a, b)| a != b)
        .unwrap_or(got.len().min(want.len()));
    let ctx = |s: &str| {
        let lo = s
            .char_indices()
            .map(|(i, _)| i)
            .find(|&i| i + 60 >= pos)
            .unwrap_or(0);
        s[lo..].chars().take(160).collect::<String>()
    };
    msg += &format!(
        "first difference at byte {pos}\n   got: …{}\n  want: …{}\n",
        ctx(&g),
        ctx(&w)
    );
    msg
}
