//! The features of one token for the attribution tagger.
//!
//! Training ([`super::train`]) and tagging ([`super::AttributionModel::tag`])
//! both call [`sentence_features`], so what the model was fitted on and what
//! it is shown cannot drift apart. A feature is a name ("w-1=said") hashed
//! to 64 bits as it is written, so no string is built per feature; the names
//! are part of the model, so changing one means retraining.

use super::super::mentions::{Mention, MentionForm, Referent};
use super::super::rules::Candidate;
use super::super::tokens::{TokKind, Token};
use crate::lexicon::Lexicon;
use std::sync::OnceLock;

/// What the tagger reads of one sentence: the tokens and what the earlier
/// stages found in them (quotations, actor mentions, the rules' positions).
pub struct SentenceView<'a, 't> {
    pub lx: &'a Lexicon,
    pub tokens: &'a [Token<'t>],
    pub quoted: &'a [bool],
    pub mentions: &'a [Mention],
    pub candidates: &'a [Candidate],
}

/// Porter stems share weight between the forms of a rare cue verb
/// ("criticised", "criticizes", "criticising"). Stemming is a fifth of the
/// tagger's time, and news repeats its words: each thread keeps the stems
/// it has made (cleared when it grows past a bound, so memory stays flat).
fn stem(word: &str) -> String {
    static STEMMER: OnceLock<rust_stemmers::Stemmer> = OnceLock::new();
    thread_local! {
        static SEEN: std::cell::RefCell<rustc_hash::FxHashMap<String, String>> =
            Default::default();
    }
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        if let Some(s) = seen.get(word) {
            return s.clone();
        }
        let s = STEMMER
            .get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English))
            .stem(word)
            .into_owned();
        if seen.len() >= 50_000 {
            seen.clear();
        }
        seen.insert(word.to_string(), s.clone());
        s
    })
}

/// The first `n` steps of a cluster path (all of it if shorter).
fn prefix(path: &str, n: usize) -> &str {
    &path[..n.min(path.len())]
}

/// The word's shape with runs folded: "Obama" -> "Xx", "U.S." -> "X.X.", "2016" -> "d".
fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = ' ';
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k != last {
            out.push(k);
            last = k;
        }
        if out.len() >= 6 {
            break;
        }
    }
    out
}

fn suffix(word: &str, n: usize) -> &str {
    let mut start = word.len().saturating_sub(n);
    while !word.is_char_boundary(start) {
        start -= 1;
    }
    &word[start..]
}

/// The stance of the lexicon cue a lower-case word starts, if any.
fn cue_stance(lx: &Lexicon, lower: &str) -> Option<&'static str> {
    lx.cue_forms(lower)
        .first()
        .map(|f| lx.cues[f.cue].stance.as_str())
}

/// Per token: the stance of the lexicon cue the word starts, if any.
fn cue_words(view: &SentenceView<'_, '_>) -> Vec<Option<&'static str>> {
    view.tokens
        .iter()
        .map(|t| cue_stance(view.lx, &t.lower))
        .collect()
}

/// Per token: the mention it lies in, as (form, kind, first token?).
fn mention_marks(view: &SentenceView<'_, '_>) -> Vec<Option<(&'static str, &'static str, bool)>> {
    let mut marks = vec![None; view.tokens.len()];
    for m in view.mentions {
        let form = match (m.form, &m.referent) {
            (_, Referent::FirstPerson) => "first",
            (MentionForm::Name, _) => "name",
            (MentionForm::Pronoun, _) => "pron",
            (MentionForm::Description, _) => "desc",
        };
        let kind = m.actor().map_or("none", |a| a.kind.as_str());
        for (k, mark) in marks
            .iter_mut()
            .enumerate()
            .take(m.end.min(view.tokens.len()))
            .skip(m.start)
        {
            *mark = Some((form, kind, k == m.start));
        }
    }
    marks
}

/// Per token: what the rules made of it (cue, content, or nothing).
fn rule_marks(view: &SentenceView<'_, '_>) -> Vec<Option<&'static str>> {
    let mut marks = vec![None; view.tokens.len()];
    for c in view.candidates {
        for k in c.content.0..c.content.1.min(marks.len()) {
            marks[k].get_or_insert("rcontent");
        }
        if let Some((a, b)) = c.content_extra {
            for k in a..b.min(marks.len()) {
                marks[k].get_or_insert("rcontent");
            }
        }
    }
    for c in view.candidates {
        for k in c.cue.0..c.cue.1.min(marks.len()) {
            marks[k] = Some("rcue");
        }
    }
    marks
}

/// A distance in tokens as a coarse bucket.
fn distance(d: Option<usize>) -> &'static str {
    match d {
        None => "none",
        Some(1) => "1",
        Some(2) => "2",
        Some(3..=5) => "3-5",
        Some(6..=10) => "6-10",
        Some(_) => "far",
    }
}

/// A feature's key: a hash of its name, fed in pieces, eight bytes at a
/// time (FxHash's multiply-and-rotate). Written here, not taken from a
/// crate, because the keys are stored in the model file: the function must
/// never change under it.
#[derive(Clone, Copy)]
struct Key(u64);

impl Key {
    const START: Key = Key(0x243f_6a88_85a3_08d3);
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn mix(self, word: u64) -> Key {
        Key((self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED))
    }

    fn feed(mut self, bytes: &[u8]) -> Key {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self = self.mix(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        // (the length goes in, so "ab" and "ab\0" differ)
        self.mix(u64::from_le_bytes(last) ^ ((rest.len() as u64) << 59))
    }
}

/// The hashed name of a feature: its prefix, then each value.
pub fn feature_key(prefix: &str, values: &[&str]) -> u64 {
    let mut k = Key::START.feed(prefix.as_bytes());
    for v in values {
        k = k.feed(v.as_bytes());
    }
    k.0
}

/// The offsets from which a token's own features are seen: 0 is the token
/// itself, -1 the token one to its right seeing it as "the word before"
/// (`w-1=`), and so on. [`word_features`] gives them in this order.
pub const WORD_OFFSETS: [isize; 7] = [0, -3, -2, -1, 1, 2, 3];

/// The features a token brings that depend on nothing but the token (its
/// text, its kind) and the lexicon, by the offset they are seen from
/// ([`WORD_OFFSETS`]): `out[0]` are its own, `out[3]` (offset -1) go to the
/// token after it. Being functions of the word alone, they can be summed
/// once per word and cached ([`super::scores`]).
pub fn word_features(lx: &Lexicon, t: &Token<'_>) -> [Vec<u64>; 7] {
    let mut out: [Vec<u64>; 7] = Default::default();
    word_features_into(lx, t, &mut out);
    out
}

/// [`word_features`] into vectors the caller keeps (cleared first), so a
/// caller that asks for word after word allocates nothing.
pub fn word_features_into(lx: &Lexicon, t: &Token<'_>, out: &mut [Vec<u64>; 7]) {
    for v in out.iter_mut() {
        v.clear();
    }
    let lower: &str = &t.lower;
    let cue = cue_stance(lx, lower);
    let cluster = lx.cluster(lower);
    let stem = t.is_word().then(|| stem(lower));
    // (the token itself)
    let own = &mut out[0];
    let mut add = |prefix: &str, values: &[&str]| own.push(feature_key(prefix, values));
    add("w=", &[lower]);
    if let Some(stem) = &stem {
        add("stem=", &[stem]);
        add("suf3=", &[suffix(lower, 3)]);
        add("suf2=", &[suffix(lower, 2)]);
    }
    if let Some(c) = cluster {
        add("c4=", &[prefix(c, 4)]);
        add("c6=", &[prefix(c, 6)]);
        add("c10=", &[prefix(c, 10)]);
        add("c=", &[c]);
    }
    add("shape=", &[&shape(t.text)]);
    match t.kind {
        TokKind::OpenQuote => add("oq", &[]),
        TokKind::CloseQuote => add("cq", &[]),
        _ => {}
    }
    if let Some(s) = cue {
        add("cue=", &[s]);
    }
    // (seen from the tokens around it)
    for (slot, offset) in WORD_OFFSETS.iter().enumerate().skip(1) {
        let seen = &mut out[slot];
        let mut add = |prefix: &str, values: &[&str]| seen.push(feature_key(prefix, values));
        let (word, stem_name, cue_name, cluster_names) = match offset {
            -3 => ("w-3=", None, None, None),
            -2 => ("w-2=", None, Some("cue@-2"), None),
            -1 => (
                "w-1=",
                Some("stem-1="),
                Some("cue@-1"),
                Some(("c-1_6=", "c-1=")),
            ),
            1 => (
                "w+1=",
                Some("stem+1="),
                Some("cue@+1"),
                Some(("c+1_6=", "c+1=")),
            ),
            2 => ("w+2=", None, Some("cue@+2"), None),
            _ => ("w+3=", None, None, None),
        };
        add(word, &[lower]);
        if let (Some(name), Some(stem)) = (stem_name, &stem) {
            add(name, &[stem]);
        }
        if let (Some(name), Some(_)) = (cue_name, cue) {
            add(name, &[]);
        }
        if let (Some((six, all)), Some(c)) = (cluster_names, cluster) {
            add(six, &[prefix(c, 6)]);
            add(all, &[c]);
        }
    }
}

/// The features of every token of the sentence, in token order: each
/// token's context features and the word features of it and its
/// neighbours. Training reads these; tagging sums the same keys.
pub fn sentence_features(view: &SentenceView<'_, '_>) -> Vec<Vec<u64>> {
    let words: Vec<[Vec<u64>; 7]> = view
        .tokens
        .iter()
        .map(|t| word_features(view.lx, t))
        .collect();
    let n = words.len();
    let mut out = context_features(view);
    for (i, f) in out.iter_mut().enumerate() {
        for (slot, offset) in WORD_OFFSETS.iter().enumerate() {
            let j = i as isize + offset;
            if j >= 0 && (j as usize) < n {
                f.extend_from_slice(&words[j as usize][slot]);
            }
        }
    }
    out
}

/// The features of every token that depend on more than the token: its
/// place in the sentence, quotation, mentions, the rules' findings, the
/// cues around it, the bigrams with its neighbours, and the sentence's
/// edges seen as neighbours ("w-1=<s>").
pub fn context_features(view: &SentenceView<'_, '_>) -> Vec<Vec<u64>> {
    let n = view.tokens.len();
    let cues = cue_words(view);
    let mentions = mention_marks(view);
    let rules = rule_marks(view);
    let word = |k: isize| -> &str {
        if k < 0 {
            "<s>"
        } else if k as usize >= n {
            "</s>"
        } else {
            &view.tokens[k as usize].lower
        }
    };
    // (is there a cue word, a quotation mark, to the left / right of token k?)
    let mut cue_left = vec![false; n + 1];
    let mut quote_left = vec![false; n + 1];
    for k in 0..n {
        cue_left[k + 1] = cue_left[k] || cues[k].is_some();
        quote_left[k + 1] = quote_left[k] || view.tokens[k].is_quote();
    }
    const BITS: [&str; 4] = ["00", "01", "10", "11"];
    let bits = |a: bool, b: bool| BITS[usize::from(a) * 2 + usize::from(b)];
    let mut out = Vec::with_capacity(n);
    for (i, t) in view.tokens.iter().enumerate() {
        let ii = i as isize;
        let mut f: Vec<u64> = Vec::with_capacity(48);
        let mut add = |prefix: &str, values: &[&str]| f.push(feature_key(prefix, values));
        add("b", &[]);
        for (offset, name) in [
            (-3isize, "w-3="),
            (-2, "w-2="),
            (-1, "w-1="),
            (1, "w+1="),
            (2, "w+2="),
            (3, "w+3="),
        ] {
            let k = ii + offset;
            if k < 0 || k as usize >= n {
                add(name, &[word(k)]);
            }
        }
        add("w-1|w=", &[word(ii - 1), &t.lower]);
        add("w|w+1=", &[&t.lower, word(ii + 1)]);
        let q = view.quoted.get(i).copied().unwrap_or(false);
        add("q=", &[if q { "1" } else { "0" }]);
        if i == 0 {
            add("first", &[]);
        }
        if i + 1 == n {
            add("last", &[]);
        }
        add(
            "at=",
            &[["0", "1", "2", "3", "4"][((i * 5) / n.max(1)).min(4)]],
        );
        add(
            "cueLR=",
            &[bits(cue_left[i], cue_left[n] && !cue_left[i + 1])],
        );
        add(
            "quoteLR=",
            &[bits(quote_left[i], quote_left[n] && !quote_left[i + 1])],
        );
        if let Some((form, kind, head)) = mentions[i] {
            add("m=", &[form]);
            add("mk=", &[kind]);
            if head {
                add("m0", &[]);
            }
        }
        for (d, name) in [(-1isize, "m-1="), (1, "m+1=")] {
            let k = ii + d;
            if k >= 0 && (k as usize) < n {
                if let Some((form, _, _)) = mentions[k as usize] {
                    add(name, &[form]);
                }
            }
        }
        if let Some(r) = rules[i] {
            add(r, &[]);
        }
        // how far the nearest cue word is, each way
        let left = (0..i).rev().find(|&k| cues[k].is_some()).map(|k| i - k);
        let right = (i + 1..n).find(|&k| cues[k].is_some()).map(|k| k - i);
        add("cueL=", &[distance(left)]);
        add("cueR=", &[distance(right)]);
        let quoted_at = |k: isize| {
            k >= 0 && (k as usize) < n && view.quoted.get(k as usize).copied().unwrap_or(false)
        };
        add("q-1|q+1=", &[bits(quoted_at(ii - 1), quoted_at(ii + 1))]);
        if let Some(r) = rules.get(i.wrapping_sub(1)).copied().flatten() {
            add("r-1=", &[r]);
        }
        if let Some(r) = rules.get(i + 1).copied().flatten() {
            add("r+1=", &[r]);
        }
        out.push(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_fold_runs_of_one_class() {
        assert_eq!(shape("Obama"), "Xx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("2016"), "d");
        assert_eq!(suffix("émigré", 3), "ré");
        assert_eq!(suffix("émigré", 2), "é");
    }

    /// The key of "w=said": the keys are in the shipped model, so the hash
    /// must never change.
    const KEY_OF_SAID: u64 = 680_951_672_569_372_131;

    #[test]
    fn a_feature_key_is_its_name_hashed_in_pieces() {
        let k = |p: &str, v: &[&str]| feature_key(p, v);
        assert_eq!(k("w-1|w=", &["he", "said"]), k("w-1|w=", &["he", "said"]));
        assert_ne!(k("w-1|w=", &["he", "said"]), k("w-1|w=", &["hes", "aid"]));
        assert_ne!(k("w=", &["said"]), k("w+1=", &["said"]));
        assert_ne!(k("w=", &["ab"]), k("w=", &["ab\0"]));
        assert_eq!(k("w=", &["said"]), KEY_OF_SAID);
    }

    /// The features of each token of a sentence, tokenised as extraction does.
    fn features_of(lx: &Lexicon, text: &str) -> Vec<Vec<u64>> {
        let lowered = text.to_ascii_lowercase();
        let tokens = crate::extract::tokens::tokenize(text, &lowered, false);
        let quoted = vec![false; tokens.len()];
        sentence_features(&SentenceView {
            lx,
            tokens: &tokens,
            quoted: &quoted,
            mentions: &[],
            candidates: &[],
        })
    }

    #[test]
    fn words_of_one_cluster_share_its_features() {
        let lx = Lexicon::builtin();
        let a = features_of(&lx, "Hartwell insisted on it");
        let b = features_of(&lx, "Hartwell contended on it");
        let path = lx.cluster("insisted").unwrap();
        assert_eq!(lx.cluster("contended"), Some(path));
        let full = feature_key("c=", &[path]);
        assert!(a[1].contains(&full) && b[1].contains(&full));
        // (the neighbours see it too, and the words themselves still differ)
        assert!(a[0].contains(&feature_key("c+1=", &[path])));
        assert!(a[2].contains(&feature_key("c-1=", &[path])));
        assert_ne!(a[1], b[1]);
        // a prefix is the path's first steps, never more than the path
        assert_eq!(prefix("0101", 6), "0101");
        assert_eq!(prefix("0101101", 4), "0101");
    }
}
