//! Transcripts: paragraphs that open with a speaker's label in capitals
//! ("WALLACE: Let's start with ...", "PENCE: Well, look, ..."), as news
//! sites print interviews and debates. Each such paragraph is the labelled
//! speaker's turn: its first sentence is the speaker's claim, and "I" or
//! "we" anywhere in the turn is the speaker.
//!
//! A document is read as a transcript only when two labels or more open
//! paragraphs and one of them opens two, so a dateline ("PYONGYANG: North
//! Korea has denied ...") or a tag ("CORRECTION:") is no speaker; in a
//! transcript, a label that opens one paragraph speaks only if it names a
//! person the text knows ("VIDEO:" is a caption).

use super::tokens::{TokKind, Token};
use super::SentenceWork;
use rustc_hash::FxHashMap;

/// The rule name of a transcript turn's claim.
pub const RULE: &str = "transcript-turn";

/// Longest label, in words ("MARIA BARTIROMO").
const MAX_LABEL_WORDS: usize = 3;

/// One sentence's place in a transcript turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    /// The label, as printed ("WALLACE").
    pub label: String,
    /// The sentence opens the turn: the token of the colon after the label.
    pub colon: Option<usize>,
    /// The label opens two or more turns.
    pub repeats: bool,
}

/// Where the label of a paragraph's first sentence ends: the index of the
/// colon after one to three words in capitals, each of two letters or more,
/// after an optional opening quotation mark.
fn label_colon(tokens: &[Token<'_>]) -> Option<usize> {
    let start = usize::from(tokens.first()?.is_quote());
    let words = tokens[start..]
        .iter()
        .take_while(|t| {
            t.kind == TokKind::Word
                && t.text.chars().count() >= 2
                && t.text.chars().all(|c| c.is_uppercase())
        })
        .count();
    let colon = start + words;
    ((1..=MAX_LABEL_WORDS).contains(&words) && tokens.get(colon).is_some_and(|t| t.text == ":"))
        .then_some(colon)
}

/// Each sentence's turn, if the document is a transcript. `text` is the
/// document the sentences' spans address.
pub(super) fn turns(text: &str, work: &[SentenceWork<'_>]) -> Vec<Option<Turn>> {
    let mut out = vec![None; work.len()];
    // the labelled paragraphs' first sentences
    let mut prev_end = 0;
    let mut opens = Vec::new();
    for (si, w) in work.iter().enumerate() {
        let new_paragraph = si == 0 || text[prev_end.min(w.start)..w.start].contains('\n');
        prev_end = w.end;
        if !new_paragraph {
            continue;
        }
        // (the label: from its first word to the word before the colon)
        let label = label_colon(&w.tokens).map(|c| {
            let first = usize::from(w.tokens[0].is_quote());
            (c, &w.text[w.tokens[first].start..w.tokens[c - 1].end])
        });
        opens.push((si, label));
    }
    let mut count: FxHashMap<&str, usize> = FxHashMap::default();
    for (_, label) in opens.iter().filter_map(|(_, l)| *l) {
        *count.entry(label).or_default() += 1;
    }
    // a dialogue: two speakers at least, one of them speaking twice
    if count.len() < 2 || !count.values().any(|&n| n >= 2) {
        return out;
    }
    // a turn runs from its labelled paragraph to the next paragraph
    for (k, &(si, label)) in opens.iter().enumerate() {
        let Some((c, label)) = label else { continue };
        let repeats = count.get(label).is_some_and(|&n| n >= 2);
        let end = opens.get(k + 1).map_or(work.len(), |&(next, _)| next);
        for (sj, slot) in out.iter_mut().enumerate().take(end).skip(si) {
            *slot = Some(Turn {
                label: label.to_string(),
                colon: (sj == si).then_some(c),
                repeats,
            });
        }
    }
    out
}

/// The label as a name: "WALLACE" is "Wallace", "MARIA BARTIROMO" is
/// "Maria Bartiromo".
pub fn label_name(label: &str) -> String {
    label
        .split_whitespace()
        .map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map(|f| {
                    f.to_uppercase()
                        .chain(cs.flat_map(char::to_lowercase))
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_is_one_to_three_capitalised_words_before_a_colon() {
        use crate::extract::tokens::tokenize;
        let colon = |s: &str| label_colon(&tokenize(s, &s.to_lowercase(), false));
        assert_eq!(colon("HOST: Welcome back."), Some(1));
        assert_eq!(colon("\"MARIA BARTIROMO: Thank you."), Some(3));
        assert_eq!(colon("Host: Welcome back."), None);
        assert_eq!(colon("A: Yes."), None);
        assert_eq!(colon("THE NEW HOUSE SPEAKER: hello"), None);
        assert_eq!(colon("HOST said: Welcome back."), None);
    }

    #[test]
    fn labels_are_named_in_title_case() {
        assert_eq!(label_name("WALLACE"), "Wallace");
        assert_eq!(label_name("MARIA BARTIROMO"), "Maria Bartiromo");
    }
}
