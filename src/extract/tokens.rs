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

fn token_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?x)
            \p{L}\.(?:\p{L}\.)+                                   # U.S.  a.m.
            | \p{N}{1,3}(?:,\p{N}{3})+(?:\.\p{N}+)?                # 1,000  12,700.5
            | [\p{L}\p{N}\p{M}]+(?:[-'’.&][\p{L}\p{N}\p{M}]+)*    # words, 2.5, Kyiv's, pro-Russian
            | \S                                                  # any other character
            ",
        )
        .expect("token regex compiles")
    })
}

fn lower(s: &str) -> Cow<'_, str> {
    if s.chars().any(|c| c.is_uppercase() || c == '’') {
        Cow::Owned(s.to_lowercase().replace('’', "'"))
    } else {
        Cow::Borrowed(s)
    }
}

/// Split a sentence into tokens. `in_quote` says whether the sentence starts
/// inside a quotation (carried over from the previous sentence); straight
/// quotes are read as opening or closing from that state.
pub fn tokenize(text: &str, mut in_quote: bool) -> Vec<Token<'_>> {
    let mut out: Vec<Token<'_>> = Vec::new();
    for m in token_re().find_iter(text) {
        let (s, e, t) = (m.start(), m.end(), m.as_str());
        let first = t.chars().next().unwrap_or(' ');
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
                lower: lower(w),
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
            lower: lower(t),
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

    #[test]
    fn splits_possessives_and_keeps_abbreviations() {
        let t = tokenize("The U.S. backed Kyiv's plan, 2.5 times.", false);
        let words: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            vec!["The", "U.S.", "backed", "Kyiv", "'s", "plan", ",", "2.5", "times", "."]
        );
    }

    #[test]
    fn reads_straight_quotes_as_open_and_close() {
        let t = tokenize("\"We agree,\" he said.", false);
        assert_eq!(t[0].kind, TokKind::OpenQuote);
        assert_eq!(t[4].kind, TokKind::CloseQuote);
        assert!(!quote_open_after(&t, false));
        let t = tokenize("They must leave.\"", true);
        assert_eq!(t.last().unwrap().kind, TokKind::CloseQuote);
    }
}
