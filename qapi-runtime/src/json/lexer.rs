//! The JSON lexer: a port of the table-driven state machine of QEMU's
//! `qobject/json-lexer.c` (without the `%` interpolation QMP never enables).
//!
//! It splits bytes into tokens and hands each one, with its raw text, to a
//! sink.  On a lexical error the sink gets an [`TokenKind::Error`] token
//! holding the bytes consumed so far (including the offending one), and the
//! lexer skips input until a byte that can start over cleanly.

/// Longest token the lexer lets grow; one more byte and the partial token is
/// handed over as [`TokenKind::Oversized`] and lexing starts over.
pub const MAX_TOKEN_SIZE: usize = 64 << 20;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    LCurly,
    RCurly,
    LSquare,
    RSquare,
    Colon,
    Comma,
    Integer,
    Float,
    Keyword,
    String,
    /// A lexical error; the text is what was consumed for the bad token.
    Error,
    /// A token cut off at [`MAX_TOKEN_SIZE`] + 1 bytes.  QEMU passes the
    /// lexer's state as the token type here, which the streamer treats like
    /// any ordinary token (and rejects by size).
    Oversized,
}

// Lexer states; 0 is reserved for "error" in the table.
const ERROR: u8 = 0;
const RECOVERY: u8 = 1;
const DQ_ESCAPE: u8 = 2;
const DQ_STRING: u8 = 3;
const SQ_ESCAPE: u8 = 4;
const SQ_STRING: u8 = 5;
const ZERO: u8 = 6;
const EXP_DIGITS: u8 = 7;
const EXP_SIGN: u8 = 8;
const EXP_E: u8 = 9;
const MANTISSA: u8 = 10;
const MANTISSA_DIGITS: u8 = 11;
const DIGITS: u8 = 12;
const SIGN: u8 = 13;
const KEYWORD: u8 = 14;
const START: u8 = 15;
const N_STATES: usize = 16;

// Token types (terminal "states"), above every lexer state.
const T_LCURLY: u8 = 100;
const T_RCURLY: u8 = 101;
const T_LSQUARE: u8 = 102;
const T_RSQUARE: u8 = 103;
const T_COLON: u8 = 104;
const T_COMMA: u8 = 105;
const T_INTEGER: u8 = 106;
const T_FLOAT: u8 = 107;
const T_KEYWORD: u8 = 108;
const T_STRING: u8 = 109;

/// Flag: the transition does not consume the byte; it is fed again.
const LOOKAHEAD: u8 = 0x80;

const fn set_range(row: &mut [u8; 256], lo: u8, hi: u8, v: u8) {
    let mut c = lo as usize;
    while c <= hi as usize {
        row[c] = v;
        c += 1;
    }
}

/// `next = TABLE[state][byte]`; entries not set are [`ERROR`] (consumed).
static TABLE: [[u8; 256]; N_STATES] = build_table();

const fn build_table() -> [[u8; 256]; N_STATES] {
    let mut t = [[ERROR; 256]; N_STATES];

    // Recovery: skip until a structural byte, a control byte other than
    // tab, or 0xFE/0xFF; that byte is then lexed from the start state.
    let r = &mut t[RECOVERY as usize];
    set_range(r, 0x00, 0x1F, START | LOOKAHEAD);
    set_range(r, 0x20, 0xFD, RECOVERY);
    set_range(r, 0xFE, 0xFF, START | LOOKAHEAD);
    r[b'\t' as usize] = RECOVERY;
    r[b'[' as usize] = START | LOOKAHEAD;
    r[b']' as usize] = START | LOOKAHEAD;
    r[b'{' as usize] = START | LOOKAHEAD;
    r[b'}' as usize] = START | LOOKAHEAD;
    r[b':' as usize] = START | LOOKAHEAD;
    r[b',' as usize] = START | LOOKAHEAD;

    // Strings: any byte 0x20..=0xFD; validation is the parser's job.
    set_range(&mut t[DQ_ESCAPE as usize], 0x20, 0xFD, DQ_STRING);
    let r = &mut t[DQ_STRING as usize];
    set_range(r, 0x20, 0xFD, DQ_STRING);
    r[b'\\' as usize] = DQ_ESCAPE;
    r[b'"' as usize] = T_STRING;

    set_range(&mut t[SQ_ESCAPE as usize], 0x20, 0xFD, SQ_STRING);
    let r = &mut t[SQ_STRING as usize];
    set_range(r, 0x20, 0xFD, SQ_STRING);
    r[b'\\' as usize] = SQ_ESCAPE;
    r[b'\'' as usize] = T_STRING;

    // Numbers.
    let r = &mut t[ZERO as usize];
    set_range(r, 0x00, 0xFF, T_INTEGER | LOOKAHEAD);
    set_range(r, b'0', b'9', ERROR);
    r[b'.' as usize] = MANTISSA;

    let r = &mut t[EXP_DIGITS as usize];
    set_range(r, 0x00, 0xFF, T_FLOAT | LOOKAHEAD);
    set_range(r, b'0', b'9', EXP_DIGITS);

    set_range(&mut t[EXP_SIGN as usize], b'0', b'9', EXP_DIGITS);

    let r = &mut t[EXP_E as usize];
    r[b'-' as usize] = EXP_SIGN;
    r[b'+' as usize] = EXP_SIGN;
    set_range(r, b'0', b'9', EXP_DIGITS);

    let r = &mut t[MANTISSA_DIGITS as usize];
    set_range(r, 0x00, 0xFF, T_FLOAT | LOOKAHEAD);
    set_range(r, b'0', b'9', MANTISSA_DIGITS);
    r[b'e' as usize] = EXP_E;
    r[b'E' as usize] = EXP_E;

    set_range(&mut t[MANTISSA as usize], b'0', b'9', MANTISSA_DIGITS);

    let r = &mut t[DIGITS as usize];
    set_range(r, 0x00, 0xFF, T_INTEGER | LOOKAHEAD);
    set_range(r, b'0', b'9', DIGITS);
    r[b'e' as usize] = EXP_E;
    r[b'E' as usize] = EXP_E;
    r[b'.' as usize] = MANTISSA;

    let r = &mut t[SIGN as usize];
    r[b'0' as usize] = ZERO;
    set_range(r, b'1', b'9', DIGITS);

    // Keywords: any run of [a-z]; the parser rejects unknown ones.
    let r = &mut t[KEYWORD as usize];
    set_range(r, 0x00, 0xFF, T_KEYWORD | LOOKAHEAD);
    set_range(r, b'a', b'z', KEYWORD);

    let r = &mut t[START as usize];
    r[b'"' as usize] = DQ_STRING;
    r[b'\'' as usize] = SQ_STRING;
    r[b'0' as usize] = ZERO;
    set_range(r, b'1', b'9', DIGITS);
    r[b'-' as usize] = SIGN;
    r[b'{' as usize] = T_LCURLY;
    r[b'}' as usize] = T_RCURLY;
    r[b'[' as usize] = T_LSQUARE;
    r[b']' as usize] = T_RSQUARE;
    r[b',' as usize] = T_COMMA;
    r[b':' as usize] = T_COLON;
    set_range(r, b'a', b'z', KEYWORD);
    r[b' ' as usize] = START;
    r[b'\t' as usize] = START;
    r[b'\r' as usize] = START;
    r[b'\n' as usize] = START;

    t
}

fn terminal_kind(t: u8) -> Option<TokenKind> {
    Some(match t {
        T_LCURLY => TokenKind::LCurly,
        T_RCURLY => TokenKind::RCurly,
        T_LSQUARE => TokenKind::LSquare,
        T_RSQUARE => TokenKind::RSquare,
        T_COLON => TokenKind::Colon,
        T_COMMA => TokenKind::Comma,
        T_INTEGER => TokenKind::Integer,
        T_FLOAT => TokenKind::Float,
        T_KEYWORD => TokenKind::Keyword,
        T_STRING => TokenKind::String,
        _ => return None,
    })
}

/// Keep a buffer that once held a huge token from pinning its memory.
const KEEP_CAPACITY: usize = 64 << 10;

/// The lexer: current state plus the text of the token being built.
#[derive(Debug)]
pub struct Lexer {
    state: u8,
    token: Vec<u8>,
}

impl Default for Lexer {
    fn default() -> Self {
        Self::new()
    }
}

impl Lexer {
    pub fn new() -> Self {
        Lexer {
            state: START,
            token: Vec::with_capacity(64),
        }
    }

    /// Back to the initial state, dropping any partial token.
    pub fn reset(&mut self) {
        *self = Lexer::new();
    }

    /// True when no partial token is pending (start or recovery state).
    pub fn is_idle(&self) -> bool {
        self.state == START || self.state == RECOVERY
    }

    #[cfg(test)]
    pub(crate) fn token_capacity(&self) -> usize {
        self.token.capacity()
    }

    fn clear_token(&mut self) {
        self.token.clear();
        if self.token.capacity() > KEEP_CAPACITY {
            self.token.shrink_to(KEEP_CAPACITY);
        }
    }

    /// Lexes `bytes`, calling `sink(kind, text)` for every token.
    pub fn feed<F: FnMut(TokenKind, &[u8])>(&mut self, bytes: &[u8], sink: &mut F) {
        let mut i = 0;
        while i < bytes.len() {
            // Fast path: a run of bytes that loop on the current state.  In
            // the start and recovery states the token stays empty.
            let s = self.state;
            let row = &TABLE[s as usize];
            let idle = s == START || s == RECOVERY;
            let limit = if idle {
                bytes.len()
            } else {
                let room = (MAX_TOKEN_SIZE + 1).saturating_sub(self.token.len());
                bytes.len().min(i.saturating_add(room))
            };
            let mut j = i;
            while j < limit && row[bytes[j] as usize] == s {
                j += 1;
            }
            if j > i {
                if !idle {
                    self.token.extend_from_slice(&bytes[i..j]);
                    self.check_size(sink);
                }
                i = j;
                continue;
            }
            self.feed_byte(bytes[i], sink);
            i += 1;
        }
    }

    fn feed_byte<F: FnMut(TokenKind, &[u8])>(&mut self, ch: u8, sink: &mut F) {
        loop {
            let entry = TABLE[self.state as usize][ch as usize];
            let consumed = entry & LOOKAHEAD == 0;
            if consumed {
                self.token.push(ch);
            }
            self.transition(entry & !LOOKAHEAD, sink);
            // A lookahead transition always lands in the start state, where
            // every byte is consumed: at most two rounds.
            if consumed {
                break;
            }
        }
        self.check_size(sink);
    }

    fn transition<F: FnMut(TokenKind, &[u8])>(&mut self, next: u8, sink: &mut F) {
        match next {
            START => {
                self.clear_token();
                self.state = START;
            }
            ERROR => {
                sink(TokenKind::Error, &self.token);
                self.clear_token();
                self.state = RECOVERY;
            }
            RECOVERY => {
                self.clear_token();
                self.state = RECOVERY;
            }
            _ => match terminal_kind(next) {
                Some(kind) => {
                    sink(kind, &self.token);
                    self.clear_token();
                    self.state = START;
                }
                None => self.state = next,
            },
        }
    }

    fn check_size<F: FnMut(TokenKind, &[u8])>(&mut self, sink: &mut F) {
        if self.token.len() > MAX_TOKEN_SIZE {
            sink(TokenKind::Oversized, &self.token);
            self.clear_token();
            self.state = START;
        }
    }

    /// Ends the input as `json_lexer_flush` does: the pending token is
    /// finished as if a NUL byte followed (which is not consumed).
    pub fn flush<F: FnMut(TokenKind, &[u8])>(&mut self, sink: &mut F) {
        while self.state != START {
            let entry = TABLE[self.state as usize][0];
            self.transition(entry & !LOOKAHEAD, sink);
        }
        self.check_size(sink);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(input: &[u8]) -> Vec<(TokenKind, String)> {
        let mut out = Vec::new();
        let mut lx = Lexer::new();
        lx.feed(input, &mut |k, t: &[u8]| {
            out.push((k, String::from_utf8_lossy(t).into_owned()))
        });
        lx.flush(&mut |k, t: &[u8]| out.push((k, String::from_utf8_lossy(t).into_owned())));
        out
    }

    fn kinds(input: &[u8]) -> Vec<String> {
        lex(input)
            .into_iter()
            .map(|(k, t)| format!("{k:?}:{t}"))
            .collect()
    }

    #[test]
    fn structural_and_scalars() {
        assert_eq!(
            kinds(b"{\"a\": [1, -2.5e+3, 0, true]}"),
            [
                "LCurly:{",
                "String:\"a\"",
                "Colon::",
                "LSquare:[",
                "Integer:1",
                "Comma:,",
                "Float:-2.5e+3",
                "Comma:,",
                "Integer:0",
                "Comma:,",
                "Keyword:true",
                "RSquare:]",
                "RCurly:}",
            ]
        );
    }

    #[test]
    fn single_quotes_and_escapes() {
        assert_eq!(kinds(br#"'it\'s "q"'"#), [r#"String:'it\'s "q"'"#]);
        assert_eq!(kinds(br#""a\"b""#), [r#"String:"a\"b""#]);
    }

    #[test]
    fn errors_include_offending_byte_then_recover() {
        assert_eq!(kinds(b"01,"), ["Error:01", "Comma:,"]);
        assert_eq!(kinds(b"-}"), ["Error:-}"]);
        assert_eq!(kinds(b"1.}"), ["Error:1.}"]);
        assert_eq!(kinds(b"True}"), ["Error:T", "RCurly:}"]);
        // tab does not end recovery, LF does (and is then whitespace)
        assert_eq!(kinds(b"X a\tb\n1 "), ["Error:X", "Integer:1"]);
        // a control byte ends recovery and is itself an error again
        assert_eq!(kinds(b"X ab\x01{"), ["Error:X", "Error:\x01", "LCurly:{"]);
        assert_eq!(kinds(b"\"a\tb\"}"), ["Error:\"a\t", "RCurly:}"]);
    }

    #[test]
    fn keywords_split_at_non_letters() {
        assert_eq!(kinds(b"true1 "), ["Keyword:true", "Integer:1"]);
        assert_eq!(kinds(b"query-version\n"), ["Keyword:query", "Error:-v"]);
    }

    #[test]
    fn flush_finishes_or_rejects_pending_token() {
        assert_eq!(kinds(b"12"), ["Integer:12"]);
        assert_eq!(kinds(b"nul"), ["Keyword:nul"]);
        assert_eq!(kinds(b"\"abc"), ["Error:\"abc"]);
        assert_eq!(kinds(b"-"), ["Error:-"]);
    }

    #[test]
    fn feeding_byte_by_byte_is_the_same() {
        let input = b"{'a':[1,2.5e3,\"x\\\"y\"],\"b\":nul} 01 X\x01 -} [true]\n";
        let whole = kinds(input);
        let mut out = Vec::new();
        let mut lx = Lexer::new();
        for b in input {
            lx.feed(std::slice::from_ref(b), &mut |k, t: &[u8]| {
                out.push(format!("{k:?}:{}", String::from_utf8_lossy(t)))
            });
        }
        lx.flush(&mut |k, t: &[u8]| out.push(format!("{k:?}:{}", String::from_utf8_lossy(t))));
        assert_eq!(out, whole);
    }

    #[test]
    fn oversized_token_is_cut() {
        let mut lx = Lexer::new();
        let mut got = Vec::new();
        let mut input = vec![b'"'];
        input.resize(MAX_TOKEN_SIZE + 10, b'a');
        lx.feed(&input, &mut |k, t: &[u8]| got.push((k, t.len())));
        assert_eq!(got, [(TokenKind::Oversized, MAX_TOKEN_SIZE + 1)]);
        // The rest is lexed from the start state: a keyword of 9 letters.
        lx.feed(b" ", &mut |k, t: &[u8]| got.push((k, t.len())));
        assert_eq!(got[1], (TokenKind::Keyword, 9));
    }
}
