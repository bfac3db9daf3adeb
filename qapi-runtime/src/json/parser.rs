//! The JSON parser: QEMU's `qobject/json-parser.c` as a push parser.
//!
//! QEMU's parser is recursive descent over the complete token list of a
//! message.  This one receives the same tokens one at a time and keeps an
//! explicit stack, so a deeply nested message needs no native stack.  It
//! makes exactly the decisions of the recursive version in the same token
//! order, hence reports the same (first) error; after an error it ignores
//! the rest of the message, as QEMU's only reports the first one.

use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher, RandomState};

use super::lexer::TokenKind;
use crate::value::{Dict, Value};

/// `parse_error` formats into a 1024-byte buffer: at most 1023 bytes.
const MAX_ERROR_TEXT: usize = 1023;

/// Objects switch from linear key search to a hash index at this size.
const INDEX_THRESHOLD: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Any value (top level, list element, object key or member value).
    Value,
    /// Just after `[`: `]` or a value.
    ListFirst,
    /// After a list element: `,` or `]`.
    ListSep,
    /// Just after `{`: `}` or a key.
    DictFirst,
    /// After a key: `:`.
    DictColon,
    /// After a member: `,` or `}`.
    DictSep,
    /// The top-level value is complete.
    Done,
}

/// Hashes are already SipHash outputs; use them as they are.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type KeyIndex = HashMap<u64, usize, BuildHasherDefault<IdHasher>>;

struct DictFrame {
    dict: Dict,
    /// Key hash -> index of the first entry with that hash, once the object
    /// is big enough for linear search to hurt.
    index: Option<KeyIndex>,
    /// The key whose value is being parsed.
    key: Option<String>,
}

impl DictFrame {
    /// Appends a member unless its key is already present (then `false`).
    fn insert_unique(&mut self, key: String, value: Value, hasher: &RandomState) -> bool {
        let entries = self.dict.entries();
        match &mut self.index {
            None => {
                if entries.iter().any(|(k, _)| *k == key) {
                    return false;
                }
            }
            Some(index) => {
                let hash = hasher.hash_one(key.as_str());
                match index.get(&hash) {
                    Some(&i) if entries.get(i).is_some_and(|(k, _)| *k == key) => return false,
                    // Hash collision between different keys: rare, search all.
                    Some(_) if entries.iter().any(|(k, _)| *k == key) => return false,
                    Some(_) => {}
                    None => {
                        index.insert(hash, entries.len());
                    }
                }
            }
        }
        self.dict.push_unique(key, value);
        if self.index.is_none() && self.dict.len() >= INDEX_THRESHOLD {
            let mut index = KeyIndex::default();
            for (i, (k, _)) in self.dict.entries().iter().enumerate() {
                index.entry(hasher.hash_one(k.as_str())).or_insert(i);
            }
            self.index = Some(index);
        }
        true
    }
}

enum Frame {
    List(Vec<Value>),
    Dict(DictFrame),
}

/// The parser of one message at a time; [`Parser::finish`] ends a message.
pub struct Parser {
    stack: Vec<Frame>,
    expect: Expect,
    error: Option<String>,
    result: Option<Value>,
    hasher: RandomState,
}

impl Default for Parser {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for Parser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Parser")
            .field("depth", &self.stack.len())
            .field("expect", &self.expect)
            .field("error", &self.error)
            .finish()
    }
}

impl Parser {
    pub fn new() -> Self {
        Parser {
            stack: Vec::new(),
            expect: Expect::Value,
            error: None,
            result: None,
            hasher: RandomState::new(),
        }
    }

    /// Forgets the current message.
    pub fn reset(&mut self) {
        // The stack is at most MAX_NESTING frames: keep its allocation.
        self.stack.clear();
        self.expect = Expect::Value;
        self.error = None;
        self.result = None;
    }

    /// Feeds the next token of the current message.  Lexical error tokens
    /// never get here: the streamer handles them.
    pub fn push(&mut self, kind: TokenKind, text: &[u8]) {
        if self.error.is_some() {
            return;
        }
        match self.expect {
            Expect::Value => self.value(kind, text),
            Expect::ListFirst => match kind {
                TokenKind::RSquare => self.close(),
                _ => self.value(kind, text),
            },
            Expect::DictFirst => match kind {
                TokenKind::RCurly => self.close(),
                _ => self.value(kind, text),
            },
            Expect::ListSep => match kind {
                TokenKind::RSquare => self.close(),
                TokenKind::Comma => self.expect = Expect::Value,
                _ => self.fail(b"expected separator in list"),
            },
            Expect::DictColon => match kind {
                TokenKind::Colon => self.expect = Expect::Value,
                _ => self.fail(b"missing : in object pair"),
            },
            Expect::DictSep => match kind {
                TokenKind::RCurly => self.close(),
                TokenKind::Comma => self.expect = Expect::Value,
                _ => self.fail(b"expected separator in dict"),
            },
            // The streamer ends a message as soon as its value is complete,
            // so nothing can follow (QEMU asserts this).
            Expect::Done => self.fail(b"expecting value"),
        }
    }

    /// Ends the current message and returns its value or first error text
    /// (the full error description, `JSON parse error, ...`).
    pub fn finish(&mut self) -> Result<Value, String> {
        let out = match (self.error.take(), self.result.take()) {
            (Some(e), _) => Err(e),
            (None, Some(v)) => Ok(v),
            // Only reachable when input ends mid-value (flush).
            (None, None) => Err("JSON parse error, premature EOI".to_owned()),
        };
        self.reset();
        out
    }

    /// `parse_value`: the token starts a value.
    fn value(&mut self, kind: TokenKind, text: &[u8]) {
        match kind {
            TokenKind::LCurly => {
                self.stack.push(Frame::Dict(DictFrame {
                    dict: Dict::new(),
                    index: None,
                    key: None,
                }));
                self.expect = Expect::DictFirst;
            }
            TokenKind::LSquare => {
                self.stack.push(Frame::List(Vec::new()));
                self.expect = Expect::ListFirst;
            }
            TokenKind::Integer => self.complete(parse_integer(text)),
            TokenKind::Float => self.complete(Value::Double(strtod(text))),
            TokenKind::String => match parse_string(text) {
                Ok(s) => self.complete(Value::Str(s)),
                Err(msg) => self.fail(&msg),
            },
            TokenKind::Keyword => match text {
                b"true" => self.complete(Value::Bool(true)),
                b"false" => self.complete(Value::Bool(false)),
                b"null" => self.complete(Value::Null),
                _ => {
                    let mut msg = b"invalid keyword '".to_vec();
                    msg.extend_from_slice(text);
                    msg.push(b'\'');
                    self.fail(&msg);
                }
            },
            _ => self.fail(b"expecting value"),
        }
    }

    /// Pops the innermost container and completes it as a value.
    fn close(&mut self) {
        let v = match self.stack.pop() {
            Some(Frame::List(items)) => Value::List(items),
            Some(Frame::Dict(f)) => Value::Dict(f.dict),
            None => return self.fail(b"expecting value"),
        };
        self.complete(v);
    }

    /// A value is complete: attach it to whatever contains it.
    fn complete(&mut self, v: Value) {
        match self.stack.last_mut() {
            None => {
                self.result = Some(v);
                self.expect = Expect::Done;
            }
            Some(Frame::List(items)) => {
                items.push(v);
                self.expect = Expect::ListSep;
            }
            Some(Frame::Dict(f)) => match f.key.take() {
                // Any value may be parsed as a key; only then is it checked.
                None => match v {
                    Value::Str(s) => {
                        f.key = Some(s);
                        self.expect = Expect::DictColon;
                    }
                    _ => self.fail(b"key is not a string in object"),
                },
                Some(key) => {
                    if f.insert_unique(key, v, &self.hasher) {
                        self.expect = Expect::DictSep;
                    } else {
                        self.fail(b"duplicate key");
                    }
                }
            },
        }
    }

    fn fail(&mut self, msg: &[u8]) {
        if self.error.is_none() {
            let msg = &msg[..msg.len().min(MAX_ERROR_TEXT)];
            self.error = Some(format!("JSON parse error, {}", lossy(msg)));
        }
        // Nothing of the message is needed any more.
        self.stack = Vec::new();
    }
}

/// An integer token: int64 if it fits, else uint64 if non-negative and it
/// fits, else a double (as `qemu_strtoi64`, `qemu_strtou64`, `strtod`).
fn parse_integer(text: &[u8]) -> Value {
    let (neg, digits) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text),
    };
    let mut acc: u64 = 0;
    let mut fits = !digits.is_empty();
    for &d in digits {
        match acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(u64::from(d.wrapping_sub(b'0'))))
        {
            Some(a) if d.is_ascii_digit() => acc = a,
            _ => {
                fits = false;
                break;
            }
        }
    }
    if fits {
        if neg {
            if acc <= 1 << 63 {
                return Value::Int((acc as i64).wrapping_neg());
            }
        } else if let Ok(i) = i64::try_from(acc) {
            return Value::Int(i);
        } else {
            return Value::UInt(acc);
        }
    }
    Value::Double(strtod(text))
}

/// `strtod` on a lexer-checked number; both it and Rust's parser round
/// correctly, and overflow to infinity.
fn strtod(text: &[u8]) -> f64 {
    std::str::from_utf8(text)
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .unwrap_or(0.0)
}

/// `is_valid_codepoint` of `util/unicode.c`: Unicode scalar values except
/// the 66 noncharacters.
fn valid_codepoint(cp: i64) -> bool {
    (0..=0x10FFFF).contains(&cp)
        && !(0xFDD0..=0xFDEF).contains(&cp)
        && (cp & 0xFFFE) != 0xFFFE
        && !(0xD800..=0xDFFF).contains(&cp)
}

fn to_char(cp: i64) -> Option<char> {
    if valid_codepoint(cp) {
        u32::try_from(cp).ok().and_then(char::from_u32)
    } else {
        None
    }
}

/// `mod_utf8_codepoint` with n = 6 on a NUL-terminated string (bytes past
/// the slice read as NUL): the code point (-1 if invalid) and where the
/// sequence ends.
pub(crate) fn mod_utf8_codepoint(s: &[u8], pos: usize) -> (i64, usize) {
    const MIN_CP: [i64; 5] = [0x80, 0x800, 0x10000, 0x200000, 0x4000000];
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let lead = at(pos);
    if lead == 0 {
        return (-1, pos);
    }
    if lead < 0x80 {
        return (i64::from(lead), pos + 1);
    }
    if lead >= 0xFE || lead & 0x40 == 0 {
        return (-1, pos + 1);
    }
    let len = lead.leading_ones() as usize; // 2..=6
    let mut cp = i64::from(lead & (0x7F >> len));
    let mut p = pos + 1;
    for _ in 1..len {
        let b = at(p);
        if b & 0xC0 != 0x80 {
            return (-1, p);
        }
        p += 1;
        cp = (cp << 6) | i64::from(b & 0x3F);
    }
    if !valid_codepoint(cp) || (cp < MIN_CP[len - 2] && !(cp == 0 && len == 2)) {
        return (-1, p);
    }
    (cp, p)
}

/// How QEMU's JSON writer reads a C string it outputs: modified UTF-8 up to
/// the first NUL, each invalid sequence becoming one U+FFFD.  Error texts
/// that quote client bytes go through this.
pub(crate) fn lossy(bytes: &[u8]) -> String {
    if let Ok(s) = std::str::from_utf8(bytes)
        && !s.contains('\0')
        && s.chars().all(|c| valid_codepoint(i64::from(u32::from(c))))
    {
        return s.to_owned();
    }
    let mut out = String::with_capacity(bytes.len());
    let mut pos = 0;
    while pos < bytes.len() && bytes[pos] != 0 {
        let (cp, end) = mod_utf8_codepoint(bytes, pos);
        out.push(to_char(cp).unwrap_or('\u{FFFD}'));
        pos = end;
    }
    out
}

/// `cvt4hex`: four hex digits at `p` (NUL past the end), or -1.
fn cvt4hex(s: &[u8], p: usize) -> i64 {
    let mut cp = 0i64;
    for i in 0..4 {
        let c = s.get(p + i).copied().unwrap_or(0);
        match (c as char).to_digit(16) {
            Some(d) => cp = (cp << 4) | i64::from(d),
            None => return -1,
        }
    }
    cp
}

/// Appends a run of string bytes without escapes, checking it is modified
/// UTF-8 of valid characters.
fn decode_plain(run: &[u8], out: &mut String) -> Result<(), ()> {
    if let Ok(s) = std::str::from_utf8(run) {
        // Standard UTF-8 only lacks QEMU's ban on noncharacters.
        if s.is_ascii() || s.chars().all(|c| valid_codepoint(i64::from(u32::from(c)))) {
            out.push_str(s);
            return Ok(());
        }
        return Err(());
    }
    // Slow path; also accepts the overlong NUL C0 80.
    let mut pos = 0;
    while pos < run.len() {
        let (cp, end) = mod_utf8_codepoint(run, pos);
        out.push(to_char(cp).ok_or(())?);
        pos = end;
    }
    Ok(())
}

/// `parse_string`: the text of a string token (quotes included) to its
/// value, or the error text (without the `JSON parse error, ` prefix).
pub(crate) fn parse_string(tok: &[u8]) -> Result<String, Vec<u8>> {
    // The token is a C string in QEMU: reading past its end yields NUL.
    let at = |i: usize| tok.get(i).copied().unwrap_or(0);
    let quote = at(0);
    let mut out = String::with_capacity(tok.len());
    let mut p = 1;
    loop {
        let c = at(p);
        // The lexer guarantees the closing quote is the last byte and that
        // there is no NUL inside.
        if c == quote || c == 0 {
            return Ok(out);
        }
        if c != b'\\' {
            let end = tok[p..]
                .iter()
                .position(|&b| b == b'\\' || b == quote)
                .map_or(tok.len(), |n| p + n);
            decode_plain(&tok[p..end], &mut out)
                .map_err(|()| b"invalid UTF-8 sequence in string".to_vec())?;
            p = end;
            continue;
        }
        let beg = p;
        let esc = at(p + 1);
        p += 2;
        let ch = match esc {
            b'"' => '"',
            b'\'' => '\'',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let mut cp = cvt4hex(tok, p);
                p += 4;
                if (0xD800..=0xDBFF).contains(&cp) && at(p) == b'\\' && at(p + 1) == b'u' {
                    cp = 0x10000 + ((cp & 0x3FF) << 10);
                    let trailing = cvt4hex(tok, p + 2);
                    if (0xDC00..=0xDFFF).contains(&trailing) {
                        cp |= trailing & 0x3FF;
                        p += 6;
                    } else {
                        cp = -1;
                    }
                }
                match to_char(cp) {
                    Some(ch) => ch,
                    None => {
                        // QEMU prints the escape as written: the bytes from
                        // the backslash to where it stopped reading.
                        let mut msg = tok[beg..p.min(tok.len())].to_vec();
                        msg.extend_from_slice(b" is not a valid Unicode character");
                        return Err(msg);
                    }
                }
            }
            _ => return Err(b"invalid escape sequence in string".to_vec()),
        };
        out.push(ch);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(tok: &str) -> Result<String, String> {
        parse_string(tok.as_bytes()).map_err(|e| lossy(&e))
    }

    #[test]
    fn escapes() {
        assert_eq!(
            s(r#""\"\\\/\b\f\n\r\t\'""#).unwrap(),
            "\"\\/\u{8}\u{c}\n\r\t'"
        );
        assert_eq!(s(r#"'a"b\'c'"#).unwrap(), "a\"b'c");
        assert_eq!(s(r#""\u00e9\uD83D\uDE00\u0000""#).unwrap(), "é😀\0");
        assert_eq!(s("\"a\u{e9}\u{1F600}b\"").unwrap(), "aé😀b");
    }

    #[test]
    fn overlong_nul_is_nul() {
        assert_eq!(parse_string(b"\"a\xC0\x80b\"").unwrap(), "a\0b");
        assert!(parse_string(b"\"a\xC1\x81b\"").is_err());
        assert!(parse_string(b"\"\xE0\x80\x80\"").is_err());
    }

    #[test]
    fn bad_escapes() {
        assert_eq!(
            s(r#""a\qb""#).unwrap_err(),
            "invalid escape sequence in string"
        );
        assert_eq!(
            s(r#""\u12""#).unwrap_err(),
            r#"\u12" is not a valid Unicode character"#
        );
        assert_eq!(
            s(r#""\ud800""#).unwrap_err(),
            r#"\ud800 is not a valid Unicode character"#
        );
        assert_eq!(
            s(r#""\uDC00x""#).unwrap_err(),
            r#"\uDC00 is not a valid Unicode character"#
        );
        assert_eq!(
            s(r#""\uD800\u0041""#).unwrap_err(),
            r#"\uD800 is not a valid Unicode character"#
        );
        assert_eq!(
            s(r#""\uD800\u""#).unwrap_err(),
            r#"\uD800 is not a valid Unicode character"#
        );
        // Noncharacters, also as pairs.
        assert_eq!(
            s(r#""\uFFFE""#).unwrap_err(),
            r#"\uFFFE is not a valid Unicode character"#
        );
        assert_eq!(
            s(r#""\uFDD0""#).unwrap_err(),
            r#"\uFDD0 is not a valid Unicode character"#
        );
        assert_eq!(
            s(r#""\uD83F\uDFFF""#).unwrap_err(),
            r#"\uD83F\uDFFF is not a valid Unicode character"#
        );
        assert_eq!(
            s(r#""\u12x4abc""#).unwrap_err(),
            r#"\u12x4 is not a valid Unicode character"#
        );
        // The four bytes after \u are quoted as they are, even when that
        // cuts a UTF-8 sequence (which the writer then replaces).
        assert_eq!(
            s("\"\\u1\u{e9}x\"").unwrap_err(),
            "\\u1\u{e9}x is not a valid Unicode character"
        );
        assert_eq!(
            lossy(&parse_string("\"\\u123\u{e9}x\"".as_bytes()).unwrap_err()),
            "\\u123\u{FFFD} is not a valid Unicode character"
        );
    }

    #[test]
    fn bad_utf8() {
        for bad in [
            &b"\"\xED\xA0\x80\""[..],
            b"\"\xEF\xBF\xBF\"",
            b"\"\xEF\xB7\x90\"",
            b"\"\xF0\x9F\xBF\xBE\"",
            b"\"\xC3\"",
            b"\"\xC3\\n\"",
            b"\"\xF8\x88\x80\x80\x80\"",
            b"\"\x80\"",
        ] {
            assert_eq!(
                lossy(&parse_string(bad).unwrap_err()),
                "invalid UTF-8 sequence in string",
                "{bad:?}"
            );
        }
    }

    #[test]
    fn lossy_like_qemu_writer() {
        assert_eq!(lossy(b"ab"), "ab");
        assert_eq!(lossy(b"a\0b"), "a");
        assert_eq!(lossy(b"\"\xFF"), "\"\u{FFFD}");
        assert_eq!(lossy(b"\xC0\x80"), "\0");
        // truncated sequence: one replacement for lead + continuations seen
        assert_eq!(lossy(b"\xE2\x82x"), "\u{FFFD}x");
        // well-formed but invalid: one replacement for the whole sequence
        assert_eq!(lossy(b"\xED\xA0\x80"), "\u{FFFD}");
        assert_eq!(lossy(b"\xEF\xBF\xBE"), "\u{FFFD}");
        assert_eq!(lossy(b"\x80\x80"), "\u{FFFD}\u{FFFD}");
    }

    #[test]
    fn integers() {
        let i = |t: &str| parse_integer(t.as_bytes());
        assert_eq!(i("0"), Value::Int(0));
        assert_eq!(i("-0"), Value::Int(0));
        assert_eq!(i("9223372036854775807"), Value::Int(i64::MAX));
        assert_eq!(i("-9223372036854775808"), Value::Int(i64::MIN));
        assert_eq!(i("9223372036854775808"), Value::UInt(1 << 63));
        assert_eq!(i("18446744073709551615"), Value::UInt(u64::MAX));
        assert_eq!(
            i("18446744073709551616"),
            Value::Double(18446744073709551616.0)
        );
        assert_eq!(
            i("-9223372036854775809"),
            Value::Double(-9223372036854775808.0)
        );
        assert_eq!(
            i("123456789012345678901234567890"),
            Value::Double(1.2345678901234568e29)
        );
    }

    #[test]
    fn floats() {
        assert_eq!(strtod(b"1e999"), f64::INFINITY);
        assert_eq!(strtod(b"-1e999"), f64::NEG_INFINITY);
        assert_eq!(strtod(b"1E2"), 100.0);
        assert_eq!(strtod(b"1.5e+3"), 1500.0);
        assert_eq!(strtod(b"1.5E-3"), 0.0015);
        assert_eq!(strtod(b"0.1"), 0.1);
        assert_eq!(strtod(b"1e-999"), 0.0);
        assert!(strtod(b"-0.0").is_sign_negative());
    }

    fn parse(tokens: &[(TokenKind, &str)]) -> Result<Value, String> {
        let mut p = Parser::new();
        for (k, t) in tokens {
            p.push(*k, t.as_bytes());
        }
        p.finish()
    }

    #[test]
    fn first_error_wins() {
        use TokenKind::*;
        // A container as key is parsed fully before the key check.
        assert_eq!(
            parse(&[
                (LCurly, "{"),
                (LSquare, "["),
                (Integer, "1"),
                (RSquare, "]"),
                (Colon, ":"),
                (Integer, "2"),
                (RCurly, "}"),
            ])
            .unwrap_err(),
            "JSON parse error, key is not a string in object"
        );
        assert_eq!(
            parse(&[
                (LCurly, "{"),
                (LSquare, "["),
                (Keyword, "nul"),
                (RSquare, "]"),
                (RCurly, "}"),
            ])
            .unwrap_err(),
            "JSON parse error, invalid keyword 'nul'"
        );
        assert_eq!(
            parse(&[
                (LCurly, "{"),
                (String, "\"a\""),
                (Colon, ":"),
                (RCurly, "}")
            ])
            .unwrap_err(),
            "JSON parse error, expecting value"
        );
        assert_eq!(
            parse(&[
                (LCurly, "{"),
                (String, "\"a\""),
                (Integer, "1"),
                (RCurly, "}")
            ])
            .unwrap_err(),
            "JSON parse error, missing : in object pair"
        );
        assert_eq!(
            parse(&[
                (LSquare, "["),
                (Integer, "1"),
                (Integer, "2"),
                (RSquare, "]")
            ])
            .unwrap_err(),
            "JSON parse error, expected separator in list"
        );
        assert_eq!(
            parse(&[(LSquare, "["), (Integer, "1")]).unwrap_err(),
            "JSON parse error, premature EOI"
        );
    }

    #[test]
    fn long_keyword_message_is_truncated() {
        let word = "a".repeat(5000);
        let e = parse(&[(TokenKind::Keyword, &word)]).unwrap_err();
        assert_eq!(e.len(), "JSON parse error, ".len() + 1023);
        assert!(e.ends_with("aaa"));
    }

    #[test]
    fn hash_collisions_fall_back_to_search() {
        let hasher = RandomState::new();
        let mut f = DictFrame {
            dict: Dict::new(),
            index: None,
            key: None,
        };
        for i in 0..10 {
            assert!(f.insert_unique(format!("k{i}"), Value::Null, &hasher));
        }
        // Pretend every indexed hash belongs to another key, and that a
        // new key collides with an existing one.
        let index = f.index.as_mut().unwrap();
        index.values_mut().for_each(|i| *i = 0);
        index.insert(hasher.hash_one("new"), 3);
        assert!(!f.insert_unique("k5".into(), Value::Null, &hasher));
        assert!(f.insert_unique("new".into(), Value::Null, &hasher));
        assert!(!f.insert_unique("new".into(), Value::Null, &hasher));
        assert_eq!(f.dict.len(), 11);
    }

    #[test]
    fn many_keys_duplicate_found() {
        use TokenKind::*;
        let mut p = Parser::new();
        p.push(LCurly, b"{");
        let n = 100_000;
        for i in 0..n {
            if i > 0 {
                p.push(Comma, b",");
            }
            p.push(String, format!("\"k{i}\"").as_bytes());
            p.push(Colon, b":");
            p.push(Integer, b"1");
        }
        p.push(Comma, b",");
        p.push(String, b"\"k77777\"");
        p.push(Colon, b":");
        p.push(Integer, b"1");
        p.push(RCurly, b"}");
        assert_eq!(p.finish().unwrap_err(), "JSON parse error, duplicate key");
    }
}
