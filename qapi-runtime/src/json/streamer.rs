//! Message framing: QEMU's `qobject/json-streamer.c`, and [`StreamParser`],
//! the sans-IO front end that turns received bytes into messages.
//!
//! Tokens from the lexer are collected until brackets and braces balance
//! (or either count goes negative); a top-level scalar is a message of its
//! own.  Limits on message size, token count and nesting depth bound what a
//! client can make the server hold.  Tokens are parsed as they arrive (see
//! [`super::parser`]) instead of being queued, which gives the same result.

use super::lexer::{Lexer, TokenKind};
use super::parser::{Parser, lossy};
use crate::value::Value;

/// Total bytes of a message's tokens.
pub const MAX_TOKEN_SIZE: u64 = 64 << 20;
/// Tokens per message.
pub const MAX_TOKEN_COUNT: u64 = 2 << 20;
/// Open brackets plus braces.
pub const MAX_NESTING: i64 = 1 << 10;

/// One message the stream produced.
#[derive(Clone, Debug, PartialEq)]
pub enum Parsed {
    /// A complete JSON value (not necessarily an object).
    Value(Value),
    /// QEMU's error description, e.g. `JSON parse error, expecting value`.
    Error(String),
}

/// Counts, limits and the parser of the message being collected.
#[derive(Debug, Default)]
struct Streamer {
    parser: Parser,
    brace_count: i64,
    bracket_count: i64,
    token_size: u64,
    token_count: u64,
}

impl Streamer {
    fn process(&mut self, kind: TokenKind, text: &[u8], emit: &mut dyn FnMut(Parsed)) {
        match kind {
            TokenKind::LCurly => self.brace_count += 1,
            TokenKind::RCurly => self.brace_count -= 1,
            TokenKind::LSquare => self.bracket_count += 1,
            TokenKind::RSquare => self.bracket_count -= 1,
            TokenKind::Error => {
                // `%s` of the token: it stops at a NUL byte.
                let text = text.split(|&b| b == 0).next().unwrap_or_default();
                let msg = format!("JSON parse error, stray '{}'", lossy(text));
                return self.emit_error(msg, emit);
            }
            _ => {}
        }

        if self.token_size + text.len() as u64 + 1 > MAX_TOKEN_SIZE {
            return self.emit_error("JSON token size limit exceeded".into(), emit);
        }
        if self.token_count + 1 > MAX_TOKEN_COUNT {
            return self.emit_error("JSON token count limit exceeded".into(), emit);
        }
        if self.bracket_count + self.brace_count > MAX_NESTING {
            return self.emit_error("JSON nesting depth limit exceeded".into(), emit);
        }

        self.token_size += text.len() as u64;
        self.token_count += 1;
        self.parser.push(kind, text);

        if (self.brace_count > 0 || self.bracket_count > 0)
            && self.brace_count >= 0
            && self.bracket_count >= 0
        {
            return;
        }
        let out = self.parser.finish();
        self.reset();
        emit(match out {
            Ok(v) => Parsed::Value(v),
            Err(e) => Parsed::Error(e),
        });
    }

    /// End of input: an incomplete message is parsed as it is.
    fn end_of_input(&mut self, emit: &mut dyn FnMut(Parsed)) {
        if self.token_count == 0 {
            return;
        }
        let out = self.parser.finish();
        self.reset();
        emit(match out {
            Ok(v) => Parsed::Value(v),
            Err(e) => Parsed::Error(e),
        });
    }

    fn emit_error(&mut self, msg: String, emit: &mut dyn FnMut(Parsed)) {
        self.reset();
        emit(Parsed::Error(msg));
    }

    fn reset(&mut self) {
        self.parser.reset();
        self.brace_count = 0;
        self.bracket_count = 0;
        self.token_size = 0;
        self.token_count = 0;
    }
}

/// QEMU's `JSONMessageParser`: feed it bytes, get messages.
///
/// ```
/// use qapi_runtime::json::{Parsed, StreamParser};
///
/// let mut p = StreamParser::new();
/// let mut out = Vec::new();
/// p.feed(b"{\"execute\": \"quit\"} 01 }", &mut |m| out.push(m));
/// assert!(matches!(out[0], Parsed::Value(_)));
/// assert_eq!(out[1], Parsed::Error("JSON parse error, stray '01'".into()));
/// assert_eq!(out[2], Parsed::Error("JSON parse error, expecting value".into()));
/// ```
#[derive(Debug, Default)]
pub struct StreamParser {
    lexer: Lexer,
    streamer: Streamer,
}

impl StreamParser {
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds bytes; calls `emit` for every complete message, in order.
    pub fn feed(&mut self, bytes: &[u8], emit: &mut dyn FnMut(Parsed)) {
        let StreamParser { lexer, streamer } = self;
        lexer.feed(bytes, &mut |kind, text| streamer.process(kind, text, emit));
    }

    /// Ends the input (`json_message_parser_flush`): a pending token is
    /// finished and a pending message parsed, which then fails with
    /// `premature EOI` unless it has an earlier error.  QMP never does this
    /// on a live connection.
    pub fn flush(&mut self, emit: &mut dyn FnMut(Parsed)) {
        let StreamParser { lexer, streamer } = self;
        lexer.flush(&mut |kind, text| streamer.process(kind, text, emit));
        streamer.end_of_input(emit);
    }

    /// Discards all state (connection closed / reset).
    pub fn reset(&mut self) {
        // Fresh buffers too: nothing of the old connection stays allocated.
        *self = StreamParser::new();
    }

    /// True when no message or token is partly received.
    pub fn is_idle(&self) -> bool {
        self.lexer.is_idle() && self.streamer.token_count == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::to_vec;

    /// Messages as text: values in QEMU's JSON, errors as `E:` + text.
    fn run(input: &[u8]) -> Vec<String> {
        let mut out = Vec::new();
        let mut p = StreamParser::new();
        p.feed(input, &mut |m| out.push(show(m)));
        out
    }

    fn show(m: Parsed) -> String {
        match m {
            Parsed::Value(v) => String::from_utf8(to_vec(&v)).unwrap(),
            Parsed::Error(e) => format!("E:{e}"),
        }
    }

    const EV: &str = "E:JSON parse error, expecting value";

    #[test]
    fn framing() {
        assert_eq!(
            run(b"{\"a\":1}{\"b\":[2]} 3 \"x\" null [] "),
            [r#"{"a": 1}"#, r#"{"b": [2]}"#, "3", r#""x""#, "null", "[]"]
        );
        // A top-level number needs a following byte to end.
        assert_eq!(run(b"42"), Vec::<String>::new());
        assert_eq!(run(b"}"), [EV]);
        assert_eq!(run(b"]"), [EV]);
        assert_eq!(run(b":,"), [EV, EV]);
        // Mismatched closers: counted per kind.
        assert_eq!(run(b"{\"a\":[1}"), Vec::<String>::new());
        assert_eq!(
            run(b"{\"a\":[1}]"),
            ["E:JSON parse error, expected separator in list"]
        );
        assert_eq!(
            run(b"{\"a\":1]"),
            ["E:JSON parse error, expected separator in dict"]
        );
    }

    #[test]
    fn parse_errors() {
        let one = |s: &str| run(s.as_bytes());
        assert_eq!(one(r#"{"execute": }"#), [EV]);
        assert_eq!(one(r#"{"execute":"q",}"#), [EV]);
        assert_eq!(one(r#"[1,]"#), [EV]);
        assert_eq!(
            one(r#"{"a" "b":1}"#),
            ["E:JSON parse error, missing : in object pair"]
        );
        assert_eq!(
            one(r#"{"a":1 "b":1}"#),
            ["E:JSON parse error, expected separator in dict"]
        );
        assert_eq!(
            one(r#"{"a":1,"a":2}"#),
            ["E:JSON parse error, duplicate key"]
        );
        assert_eq!(
            one(r#"{1:2}"#),
            ["E:JSON parse error, key is not a string in object"]
        );
        assert_eq!(
            one(r#"{{"a":1}:2}"#),
            ["E:JSON parse error, key is not a string in object"]
        );
        assert_eq!(one("nul\n"), ["E:JSON parse error, invalid keyword 'nul'"]);
        assert_eq!(
            one(r#"{"a":"\x"}"#),
            ["E:JSON parse error, invalid escape sequence in string"]
        );
    }

    #[test]
    fn lexical_errors_and_recovery() {
        let one = |s: &[u8]| run(s);
        assert_eq!(
            one(b"{\"execute\":\"query-status\",\"id\":True}\n"),
            ["E:JSON parse error, stray 'T'", EV]
        );
        assert_eq!(
            one(b"\x01{\"a\":1}\n"),
            ["E:JSON parse error, stray '\u{1}'", r#"{"a": 1}"#]
        );
        assert_eq!(one(b"\x00\n"), ["E:JSON parse error, stray ''"]);
        assert_eq!(one(b"\"ab\x00cd\"\n"), ["E:JSON parse error, stray '\"ab'"]);
        assert_eq!(
            one(b"{\"id\":\"\xff\"}\n"),
            ["E:JSON parse error, stray '\"\u{FFFD}'", EV]
        );
        assert_eq!(
            one(b"{\"id\":\"a\xC0\x80\x01\"}\n"),
            ["E:JSON parse error, stray '\"a\0\u{1}'", EV]
        );
        assert_eq!(
            one(b"query-version\n"),
            [
                "E:JSON parse error, invalid keyword 'query'",
                "E:JSON parse error, stray '-v'"
            ]
        );
    }

    #[test]
    fn values() {
        assert_eq!(
            run(br#"{'execute':'x','id':'it\'s "q"'}"#),
            [r#"{"execute": "x", "id": "it's \"q\""}"#]
        );
        assert_eq!(
            run(b"[1e999,-0,0.1,18446744073709551615,18446744073709551616,1E2,-1.5e-3]"),
            ["[inf, 0, 0.10000000000000001, 18446744073709551615, \
                 1.8446744073709552e+19, 100, -0.0015]"]
        );
        assert_eq!(
            run(b"[\"a\xC0\x80b\", \"\\u0000\"]"),
            [r#"["a\u0000b", "\u0000"]"#]
        );
        // Keys keep input order in the Dict (the writer reorders).
        let mut p = StreamParser::new();
        let mut got = Vec::new();
        p.feed(br#"{"z":1,"a":2,"m":3}"#, &mut |m| got.push(m));
        let Parsed::Value(Value::Dict(d)) = &got[0] else {
            panic!("{got:?}")
        };
        assert_eq!(d.keys().collect::<Vec<_>>(), ["z", "a", "m"]);
    }

    #[test]
    fn split_feeding_is_the_same() {
        let input: &[u8] = b"{'a':[1,2.5e3,\"x\\\"y\"],\"b\":nul} 01 X\x01 -} [true]\n\
            {\"execute\":\"q\",\"id\":\"\\ud83d\\ude00\"}\n\"\xC3\xA9\"\n";
        let whole = run(input);
        assert_eq!(whole.len(), 7, "{whole:?}");
        for chunk in 1..8 {
            let mut out = Vec::new();
            let mut p = StreamParser::new();
            for c in input.chunks(chunk) {
                p.feed(c, &mut |m| out.push(show(m)));
            }
            assert_eq!(out, whole, "chunk {chunk}");
        }
    }

    #[test]
    fn flush_reports_premature_eoi() {
        let mut p = StreamParser::new();
        let mut out = Vec::new();
        p.feed(b"{\"a\":[1,2", &mut |m| out.push(show(m)));
        p.flush(&mut |m| out.push(show(m)));
        assert_eq!(out, ["E:JSON parse error, premature EOI"]);
        assert!(p.is_idle());
        out.clear();
        p.feed(b"{\"a\":[1,}", &mut |m| out.push(show(m)));
        p.flush(&mut |m| out.push(show(m)));
        assert_eq!(out, [EV]);
        out.clear();
        p.feed(b"12", &mut |m| out.push(show(m)));
        p.flush(&mut |m| out.push(show(m)));
        assert_eq!(out, ["12"]);
    }

    #[test]
    fn reset_discards_partial_message() {
        let mut p = StreamParser::new();
        let mut out = Vec::new();
        p.feed(b"{\"a\":\"abc", &mut |m| out.push(show(m)));
        assert!(!p.is_idle());
        p.reset();
        p.feed(b"{\"b\":1}", &mut |m| out.push(show(m)));
        assert_eq!(out, [r#"{"b": 1}"#]);
    }

    #[test]
    fn nesting_limit() {
        let deep = |n: usize| {
            let mut v = vec![b'['; n];
            v.extend(std::iter::repeat_n(b']', n));
            v
        };
        // 1024 levels parse (iteratively; dropping it is fine too).
        let out = run(&deep(1024));
        assert_eq!(out.len(), 1);
        assert!(out[0].starts_with("[[[[") && !out[0].starts_with("E:"));
        // 1025: the last opening fails; the rest form a shallower value;
        // the surplus closers fail one by one.
        let out = run(&deep(2000));
        assert_eq!(out[0], "E:JSON nesting depth limit exceeded");
        assert!(out[1].starts_with("[[") && out[1].len() == 2 * 975);
        assert_eq!(out.len(), 2 + 1025);
        assert!(out[2..].iter().all(|m| m == EV));
        // Braces and brackets count together.
        let mut mixed = b"{\"a\":".repeat(512);
        mixed.extend(b"[".repeat(513));
        assert_eq!(run(&mixed), ["E:JSON nesting depth limit exceeded"]);
    }

    #[test]
    fn token_count_limit() {
        let count = |v: &[u8]| {
            let mut n = 0u64;
            Lexer::new().feed(v, &mut |_, _| n += 1);
            n
        };
        let n = MAX_TOKEN_COUNT as usize;
        // '[' + k x "1," + "[]" + ']': exactly the limit, accepted.
        let mut v = b"[".to_vec();
        v.extend(b"1,".repeat((n - 4) / 2));
        v.extend_from_slice(b"[]]");
        assert_eq!(count(&v), MAX_TOKEN_COUNT);
        let out = run(&v);
        assert_eq!(out.len(), 1);
        assert!(out[0].starts_with("[1, 1") && out[0].ends_with("1, []]"));
        // One token more: the closing bracket is rejected (and dropped).
        let mut v = b"[".to_vec();
        v.extend(b"1,".repeat((n - 2) / 2));
        v.extend_from_slice(b"1]");
        assert_eq!(count(&v), MAX_TOKEN_COUNT + 1);
        assert_eq!(run(&v), ["E:JSON token count limit exceeded"]);
    }

    #[test]
    fn message_size_limit() {
        // A string token of MAX - 1 bytes is accepted alone, MAX is not.
        let string = |len: usize| {
            let mut v = vec![b'"'];
            v.resize(len - 1, b'a');
            v.push(b'"');
            v
        };
        let out = run(&string(MAX_TOKEN_SIZE as usize - 1));
        assert_eq!(out.len(), 1);
        assert!(!out[0].starts_with("E:"));
        assert_eq!(
            run(&string(MAX_TOKEN_SIZE as usize)),
            ["E:JSON token size limit exceeded"]
        );
        // The limit is on the sum of a message's tokens.
        let mut msg = b"[".to_vec();
        msg.extend(string(MAX_TOKEN_SIZE as usize / 2));
        msg.push(b',');
        msg.extend(string(MAX_TOKEN_SIZE as usize / 2));
        msg.push(b']');
        assert_eq!(run(&msg), ["E:JSON token size limit exceeded", EV]);
    }

    #[test]
    fn huge_string_is_cut_and_rest_relexed() {
        // A 100 MB string is cut at 64 MiB + 1 bytes (quote included); the
        // rest lexes as a keyword that ends at the closing quote, which
        // opens a new string that a LF breaks; then recovery resyncs.
        let total = 100_000_000;
        let mut v = b"{\"execute\":\"".to_vec();
        v.resize(v.len() + total, b'a');
        v.extend_from_slice(b"\"}\n{\"x\":1}\n");
        let out = run(&v);
        let short: Vec<_> = out.iter().map(|s| &s[..s.len().min(80)]).collect();
        assert_eq!(out.len(), 4, "{short:?}");
        assert_eq!(out[0], "E:JSON token size limit exceeded");
        let kw = format!("invalid keyword '{}", "a".repeat(1023 - 17));
        assert_eq!(out[1], format!("E:JSON parse error, {kw}"));
        assert_eq!(out[2], "E:JSON parse error, stray '\"}\n'");
        assert_eq!(out[3], r#"{"x": 1}"#);
    }

    #[test]
    fn random_input_any_chunking() {
        // No panics, and the split of the input never matters.
        let frags: &[&[u8]] = &[
            b"{",
            b"}",
            b"[",
            b"]",
            b":",
            b",",
            b" ",
            b"\n",
            b"\"",
            b"'",
            b"\\",
            b"\"a\"",
            b"\\u",
            b"d800",
            b"\xC3",
            b"\xA9",
            b"\xC0\x80",
            b"\xFF",
            b"\x00",
            b"\x01",
            b"0",
            b"1",
            b"-",
            b".",
            b"e",
            b"+",
            b"9223372036854775808",
            b"true",
            b"nul",
            b"T",
        ];
        let mut seed = 0x2545F4914F6CDD1Du64;
        let mut rnd = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..3000 {
            let mut input = Vec::new();
            for _ in 0..rnd(40) {
                input.extend_from_slice(frags[rnd(frags.len())]);
            }
            let whole = run(&input);
            let mut out = Vec::new();
            let mut p = StreamParser::new();
            let mut i = 0;
            while i < input.len() {
                let n = 1 + rnd(input.len() - i);
                p.feed(&input[i..i + n], &mut |m| out.push(show(m)));
                i += n;
            }
            assert_eq!(out, whole, "{:?}", String::from_utf8_lossy(&input));
            p.flush(&mut |m| out.push(show(m)));
            assert!(p.is_idle());
        }
    }

    #[test]
    fn garbage_does_not_accumulate() {
        let mut p = StreamParser::new();
        let mut n = 0usize;
        let chunk: Vec<u8> = (0..65536u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        for _ in 0..64 {
            p.feed(&chunk, &mut |_| n += 1);
        }
        assert!(n > 0);
        assert!(p.lexer.token_capacity() <= 64 << 10);
    }
}
