//! Word tokens of one sentence, with byte offsets into the sentence text.

use regex::Regex;
use std::borrow::Cow;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    Punct,
    /// A quotation mark that opens a quotation.
    OpenQuote,
    /// A quotation mark that closes one.
    CloseQuote,
}

#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub text: &'a str,
    pub lower: Cow<'a, str>,
    /// Byte offsets into the sentence text.
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Starts with a capital letter.
    pub cap: bool,
}

impl Token<'_> {
    pub fn is(&self, w: &str) -> bool {
        self.lower == w
    }
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    pub fn is_quote(&self) -> bool {
        matches!(self.kind, TokKind::OpenQuote | TokKind::CloseQuote)
    }
}

/// `[\p{L}\p{N}\p{M}]` for one character: ASCII is decided inline, other
/// characters by a small Unicode class (rare in English news text).
fn is_word_char(c: char) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    in_class(c, char::is_ascii_alphanumeric, &RE, r"^[\p{L}\p{N}\p{M}]$")
}

/// `\p{L}` for one character.
fn is_letter(c: char) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    in_class(c, char::is_ascii_alphabetic, &RE, r"^\p{L}$")
}

fn in_class(c: char, ascii: fn(&char) -> bool, re: &OnceLock<Regex>, class: &str) -> bool {
    if c.is_ascii() {
        return ascii(&c);
    }
    if let Some(known) = common_non_ascii(c) {
        return known;
    }
    let re = re.get_or_init(|| Regex::new(class).expect("class compiles"));
    let mut buf = [0u8; 4];
    re.is_match(c.encode_utf8(&mut buf))
}

/// Whether a common non-ASCII character of news text is a letter, decided
/// without the Unicode class: typographic punctuation (U+2000–U+206F: dashes,
/// curly quotes, ellipsis) is not, Latin-1 and Latin Extended letters
/// (U+00C0–U+024F but × and ÷) are, and so are their combining accents.
fn common_non_ascii(c: char) -> Option<bool> {
    match c {
        '\u{2000}'..='\u{206F}' | '«' | '»' | '×' | '÷' | '€' | '£' | '°' | '·' | '§' => {
            Some(false)
        }
        '\u{00C0}'..='\u{024F}' => Some(true),
        _ => None,
    }
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|r| r.chars().next())
}

/// The end of the token that starts at byte `i` (a non-space character). The
/// first of these shapes that matches wins:
/// 1. abbreviations of single letters with dots: `U.S.`, `a.m.`;
/// 2. numbers with thousands separators: `1,000`, `12,700.5`;
/// 3. words: runs of letters, digits and marks joined by `-`, `'`, `’`, `.`
///    or `&` (`2.5`, `Kyiv's`, `pro-Russian`, `AT&T`);
/// 4. any other single character.
///
/// With the end comes whether the token is plain: an ASCII word with no `-`
/// or `'` inside, or a single ASCII mark but a quotation mark.
fn token_end(text: &str, i: usize) -> (usize, bool) {
    ascii_token_end(text.as_bytes(), i).unwrap_or_else(|| (any_token_end(text, i), false))
}

/// [`token_end`] for the common case of a token in plain ASCII: a word that
/// starts with a letter not followed by a dot, or one punctuation mark.
/// `None` hands every other shape (numbers, abbreviations, any non-ASCII
/// byte on the way) to [`any_token_end`], so both give the same answer.
/// With the end comes whether the token is plain (see [`token_end`]).
fn ascii_token_end(b: &[u8], i: usize) -> Option<(usize, bool)> {
    let c0 = *b.get(i)?;
    if !c0.is_ascii() || c0.is_ascii_digit() {
        return None;
    }
    if !c0.is_ascii_alphabetic() {
        return Some((i + 1, !matches!(c0, b'"' | b'\'')));
    }
    if b.get(i + 1) == Some(&b'.') {
        return None;
    }
    let mut j = i + 1;
    let mut plain = true;
    loop {
        while b.get(j).is_some_and(u8::is_ascii_alphanumeric) {
            j += 1;
        }
        match b.get(j) {
            Some(x) if !x.is_ascii() => return None,
            Some(&x @ (b'-' | b'\'' | b'.' | b'&')) => match b.get(j + 1) {
                Some(y) if y.is_ascii_alphanumeric() => {
                    plain &= matches!(x, b'.' | b'&');
                    j += 2;
                }
                Some(y) if !y.is_ascii() => return None,
                _ => return Some((j, plain)),
            },
            _ => return Some((j, plain)),
        }
    }
}

fn any_token_end(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    let first = char_at(text, i).expect("token starts on a character");
    // 1. abbreviation: (letter '.') twice or more
    if is_letter(first) {
        let mut j = i;
        let mut pairs = 0;
        while let Some(c) = char_at(text, j).filter(|&c| is_letter(c)) {
            let k = j + c.len_utf8();
            if b.get(k) != Some(&b'.') {
                break;
            }
            pairs += 1;
            j = k + 1;
        }
        if pairs >= 2 {
            return j;
        }
    }
    // 2. number with thousands separators
    if first.is_numeric() {
        let digits = |mut j: usize, max: usize| {
            let mut n = 0;
            while n < max {
                match char_at(text, j).filter(|c| c.is_numeric()) {
                    Some(c) => {
                        j += c.len_utf8();
                        n += 1;
                    }
                    None => break,
                }
            }
            (j, n)
        };
        let (j, n) = digits(i, 4);
        if n <= 3 {
            let mut end = j;
            let mut groups = 0;
            while b.get(end) == Some(&b',') {
                let (k, m) = digits(end + 1, 3);
                if m < 3 {
                    break;
                }
                end = k;
                groups += 1;
            }
            if groups > 0 {
                if b.get(end) == Some(&b'.') {
                    let (k, m) = digits(end + 1, usize::MAX);
                    if m > 0 {
                        end = k;
                    }
                }
                return end;
            }
        }
    }
    // 3. word (ASCII bytes are read directly; other characters decoded)
    if is_word_char(first) {
        let word_at = |k: usize| match b.get(k) {
            Some(x) if x.is_ascii() => x.is_ascii_alphanumeric().then_some(1),
            Some(_) => char_at(text, k)
                .filter(|&c| is_word_char(c))
                .map(char::len_utf8),
            None => None,
        };
        let mut j = i + first.len_utf8();
        loop {
            if let Some(len) = word_at(j) {
                j += len;
                continue;
            }
            let joiner = match b.get(j) {
                Some(b'-' | b'\'' | b'.' | b'&') => 1,
                Some(0xE2) if text[j..].starts_with('’') => '’'.len_utf8(),
                _ => break,
            };
            match word_at(j + joiner) {
                Some(len) => j += joiner + len,
                None => break,
            }
        }
        return j;
    }
    // 4. anything else
    i + first.len_utf8()
}

/// The tokens of `text` as (start, end) byte spans: every non-space run is
/// cut into the shapes of [`token_end`].
#[cfg(test)]
fn token_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    plain_token_spans(text).map(|(s, e, _)| (s, e))
}

/// [`token_spans`], each with whether it is plain (see [`token_end`]).
fn plain_token_spans(text: &str) -> impl Iterator<Item = (usize, usize, bool)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let bytes = text.as_bytes();
        while bytes
            .get(i)
            .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        {
            i += 1;
        }
        let c0 = *bytes.get(i)?;
        // (other white space: vertical tab, form feed, non-ASCII spaces)
        let s = if c0.is_ascii() && !matches!(c0, 0x0b | 0x0c) {
            i
        } else {
            i + text[i..].find(|c: char| !c.is_whitespace())?
        };
        let (e, plain) = token_end(text, s);
        i = e;
        Some((s, e, plain))
    })
}

/// The lower-case form of the token `s`, given the same bytes with ASCII
/// letters lowered (`lowered`): borrowed from it for ASCII tokens.
fn lower<'a>(s: &'a str, lowered: &'a str) -> Cow<'a, str> {
    if s.is_ascii() {
        Cow::Borrowed(lowered)
    } else if s.chars().any(|c| c.is_uppercase() || c == '’') {
        Cow::Owned(s.to_lowercase().replace('’', "'"))
    } else {
        Cow::Borrowed(s)
    }
}

/// Split a sentence into tokens. `lowered` is the sentence with its ASCII
/// letters in lower case (`str::to_ascii_lowercase`, the same length),
/// lowered once per document so that the tokens' lower-case forms borrow from
/// it. `in_quote` says whether the sentence starts inside a quotation
/// (carried over from the previous sentence); straight quotes are read as
/// opening or closing from that state.
pub fn tokenize<'a>(text: &'a str, lowered: &'a str, in_quote: bool) -> Vec<Token<'a>> {
    tokenize_with(text, lowered, in_quote, true)
}

/// [`tokenize`]; `fast` decides plain ASCII words and marks on a short path
/// (the general path alone is kept for the test that both agree).
fn tokenize_with<'a>(
    text: &'a str,
    lowered: &'a str,
    mut in_quote: bool,
    fast: bool,
) -> Vec<Token<'a>> {
    debug_assert_eq!(text.len(), lowered.len());
    let mut out: Vec<Token<'_>> = Vec::with_capacity(text.len() / 5 + 1);
    let b = text.as_bytes();
    for (s, e, plain) in plain_token_spans(text) {
        let t = &text[s..e];
        // the common case, a plain ASCII word with no joiner or a plain
        // ASCII mark: the general path below decides it the same way
        if plain && fast {
            let c0 = b[s];
            out.push(Token {
                text: t,
                lower: Cow::Borrowed(&lowered[s..e]),
                start: s,
                end: e,
                kind: if c0.is_ascii_alphabetic() {
                    TokKind::Word
                } else {
                    TokKind::Punct
                },
                cap: c0.is_ascii_uppercase(),
            });
            continue;
        }
        let first = t.chars().next().unwrap_or(' ');
        // "US-backed", "Kremlin-led", "Qatar-brokered": a name and a participle,
        // read as three tokens (US | - | backed) so the name is an actor
        if let Some(h) = t.bytes().position(|b| b == b'-').filter(|&h| {
            let (name, rest) = (&t[..h], &t[h + 1..]);
            first.is_uppercase()
                && !rest.contains('-')
                && rest.len() >= 3
                && rest.ends_with("ed")
                && rest.bytes().all(|b| b.is_ascii_lowercase())
                && !name.contains('\'')
        }) {
            let (hs, he) = (s + h, s + h + 1);
            for (a, b, kind) in [
                (s, hs, TokKind::Word),
                (hs, he, TokKind::Punct),
                (he, e, TokKind::Word),
            ] {
                let w = &text[a..b];
                out.push(Token {
                    text: w,
                    lower: lower(w, &lowered[a..b]),
                    start: a,
                    end: b,
                    kind,
                    cap: w.chars().next().is_some_and(char::is_uppercase),
                });
            }
            continue;
        }
        // possessive 's is its own token: "Kyiv's demand" -> Kyiv | 's | demand
        if t.len() > 2 && (t.ends_with("'s") || t.ends_with("’s")) {
            let cut = if t.ends_with("'s") {
                e - 2
            } else {
                e - "’s".len()
            };
            let w = &text[s..cut];
            out.push(Token {
                text: w,
                lower: lower(w, &lowered[s..cut]),
                start: s,
                end: cut,
                kind: TokKind::Word,
                cap: first.is_uppercase(),
            });
            let p = &text[cut..e];
            out.push(Token {
                text: p,
                lower: Cow::Borrowed("'s"),
                start: cut,
                end: e,
                kind: TokKind::Word,
                cap: false,
            });
            continue;
        }
        let kind = if first.is_alphabetic() {
            TokKind::Word
        } else if first.is_numeric() {
            TokKind::Number
        } else {
            match first {
                '“' | '‘' | '«' => TokKind::OpenQuote,
                '”' | '»' => TokKind::CloseQuote,
                '"' | '\'' | '’' => {
                    let before = text[..s].chars().next_back();
                    let after = text[e..].chars().next();
                    let opens = !in_quote
                        && before.is_none_or(|c| c.is_whitespace() || "([{—–-".contains(c))
                        && after.is_some_and(|c| !c.is_whitespace());
                    if first != '"' && !opens && !in_quote {
                        TokKind::Punct // an apostrophe ("negotiators'")
                    } else if opens {
                        TokKind::OpenQuote
                    } else {
                        TokKind::CloseQuote
                    }
                }
                _ => TokKind::Punct,
            }
        };
        match kind {
            TokKind::OpenQuote => in_quote = true,
            TokKind::CloseQuote => in_quote = false,
            _ => {}
        }
        out.push(Token {
            text: t,
            lower: lower(t, &lowered[s..e]),
            start: s,
            end: e,
            kind,
            cap: first.is_uppercase(),
        });
    }
    out
}

/// Whether a quotation is still open after these tokens, given the state at
/// their start.
pub fn quote_open_after(tokens: &[Token<'_>], mut in_quote: bool) -> bool {
    for t in tokens {
        match t.kind {
            TokKind::OpenQuote => in_quote = true,
            TokKind::CloseQuote => in_quote = false,
            _ => {}
        }
    }
    in_quote
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The scanner is a hand-written form of this expression (a regex engine
    /// pass per sentence cost a tenth of the extraction time).
    fn oracle(text: &str) -> Vec<(usize, usize)> {
        let re = Regex::new(
            r"(?x)
            \p{L}\.(?:\p{L}\.)+
            | \p{N}{1,3}(?:,\p{N}{3})+(?:\.\p{N}+)?
            | [\p{L}\p{N}\p{M}]+(?:[-'’.&][\p{L}\p{N}\p{M}]+)*
            | \S
            ",
        )
        .unwrap();
        re.find_iter(text).map(|m| (m.start(), m.end())).collect()
    }

    #[test]
    fn scanner_matches_the_token_expression_on_news_shapes() {
        for text in [
            "The U.S. backed Kyiv's plan, 2.5 times, at 10 a.m. on 1,000,000.50 or 1234,567.",
            "“We won’t,” said AT&T’s chief — pro-Russian U.N.-backed 12,34 1,2345 e.g., U.S",
            "Zürich, São Paulo and Kraków: naïve café ½ ² ١٢٣,٤٥٦ x\u{301}y  \t\n end.",
            "",
            "   ",
            "a.b. a.b a. .a -a a- a--b a-'b '' ,,1,000, 1,000.x",
        ] {
            assert_eq!(
                token_spans(text).collect::<Vec<_>>(),
                oracle(text),
                "{text:?}"
            );
        }
    }

    proptest! {
        #[test]
        fn the_short_path_reads_tokens_as_the_general_one(text in "[a-zA-Z0-9 .,'’&\\-éÉ“”\"\t—«»()!?]{0,40}", q: bool) {
            let lowered = text.to_ascii_lowercase();
            let key = |t: &Token<'_>| (t.text.to_string(), t.lower.to_string(), t.start, t.end, t.kind, t.cap);
            let fast: Vec<_> = tokenize_with(&text, &lowered, q, true).iter().map(key).collect();
            let general: Vec<_> = tokenize_with(&text, &lowered, q, false).iter().map(key).collect();
            prop_assert_eq!(fast, general);
        }

        #[test]
        fn scanner_matches_the_token_expression(text in "[a-zA-Z0-9 .,'’&\\-éÉ½٣\u{301}“”\"\t—«»×ÿĀ€]{0,40}") {
            prop_assert_eq!(token_spans(&text).collect::<Vec<_>>(), oracle(&text));
        }
    }

    #[test]
    fn splits_possessives_and_keeps_abbreviations() {
        let s = "The U.S. backed Kyiv's plan, 2.5 times.";
        let l = s.to_ascii_lowercase();
        let t = tokenize(s, &l, false);
        let words: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            vec!["The", "U.S.", "backed", "Kyiv", "'s", "plan", ",", "2.5", "times", "."]
        );
    }

    #[test]
    fn a_name_and_a_participle_are_split() {
        let words = |s: &str| -> Vec<String> {
            tokenize(s, &s.to_ascii_lowercase(), false)
                .iter()
                .map(|t| t.text.to_string())
                .collect()
        };
        assert_eq!(words("US-backed plan"), ["US", "-", "backed", "plan"]);
        assert_eq!(words("Kremlin-led talks"), ["Kremlin", "-", "led", "talks"]);
        // other compounds stay whole
        assert_eq!(
            words("pro-Russian Anglo-Saxon well-intentioned"),
            ["pro-Russian", "Anglo-Saxon", "well-intentioned"]
        );
    }

    #[test]
    fn lower_case_forms_come_from_the_lowered_text() {
        let s = "KYIV and Kyiv’s Demand, Zürich ÉTÉ and US-backed";
        let l = s.to_ascii_lowercase();
        let lowers: Vec<String> = tokenize(s, &l, false)
            .iter()
            .map(|t| t.lower.to_string())
            .collect();
        assert_eq!(
            lowers,
            [
                "kyiv", "and", "kyiv", "'s", "demand", ",", "zürich", "été", "and", "us", "-",
                "backed"
            ]
        );
    }

    #[test]
    fn reads_straight_quotes_as_open_and_close() {
        let s = "\"We agree,\" he said.";
        let l = s.to_ascii_lowercase();
        let t = tokenize(s, &l, false);
        assert_eq!(t[0].kind, TokKind::OpenQuote);
        assert_eq!(t[4].kind, TokKind::CloseQuote);
        assert!(!quote_open_after(&t, false));
        let s = "They must leave.\"";
        let l = s.to_ascii_lowercase();
        let t = tokenize(s, &l, true);
        assert_eq!(t.last().unwrap().kind, TokKind::CloseQuote);
    }
}
