//! The keys nodes merge on: a content's normalised, stemmed words, an
//! actor's folded name, a document's text hash.

use crate::model::{ActorKind, Position};
use rustc_hash::FxHashMap;

/// Words that carry no meaning for merging contents (a `match`: each word
/// of every content is tested).
pub(super) fn is_stop_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "of"
            | "to"
            | "for"
            | "on"
            | "in"
            | "and"
            | "or"
            | "its"
            | "their"
            | "his"
            | "her"
            | "any"
            | "all"
            | "that"
            | "this"
            | "these"
            | "those"
            | "be"
            | "is"
            | "are"
            | "was"
            | "were"
            | "with"
            | "by"
            | "at"
            | "from"
    )
}

/// The key contents merge on: lower case, punctuation and stop words
/// dropped, each word stemmed (Snowball English): "the demands for
/// ceasefires" and "a demand for a ceasefire" share one key.
pub fn content_key(text: &str) -> String {
    static STEMMER: std::sync::OnceLock<rust_stemmers::Stemmer> = std::sync::OnceLock::new();
    let stemmer =
        STEMMER.get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English));
    // stems of words seen before, per thread: a graph of an archive stems the
    // same few ten thousand words millions of times
    thread_local! {
        static STEMS: std::cell::RefCell<FxHashMap<String, String>> =
            std::cell::RefCell::new(FxHashMap::default());
    }
    const STEM_CACHE_WORDS: usize = 200_000;
    let lower = text.to_lowercase();
    let mut key = String::with_capacity(lower.len());
    STEMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        for w in lower
            .split(|c: char| !c.is_alphanumeric() && c != '%' && c != '$' && c != '€' && c != '£')
            .filter(|w| !w.is_empty() && !is_stop_word(w))
        {
            if !key.is_empty() {
                key.push(' ');
            }
            match cache.get(w) {
                Some(stem) => key.push_str(stem),
                None => {
                    let stem = stemmer.stem(w);
                    key.push_str(&stem);
                    if cache.len() < STEM_CACHE_WORDS {
                        cache.insert(w.to_string(), stem.into_owned());
                    }
                }
            }
        }
    });
    if key.is_empty() {
        lower.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        key
    }
}

/// The key a position's content merges on. A content of function words only
/// ("it", "that") means something different in every sentence, so its key
/// names the sentence it came from.
pub fn position_content_key(p: &Position) -> String {
    let key = content_key(&p.content);
    if key
        .split(' ')
        .all(|w| is_stop_word(w) || CONTENT_PRONOUNS.contains(&w))
    {
        format!("{key} @{}:{}", p.doc, p.span[0])
    } else {
        key
    }
}

/// Words that only point at a content said elsewhere.
pub(super) const CONTENT_PRONOUNS: &[&str] = &[
    "it", "them", "they", "this", "that", "these", "those", "one", "so", "which", "what", "him",
    "her", "us", "we", "he", "she", "i", "you",
];

/// The more specific of two kinds (any kind beats `unknown`; otherwise a
/// fixed order), the same whichever comes first.
pub(crate) fn combine_kinds(a: ActorKind, b: ActorKind) -> ActorKind {
    match (a, b) {
        (ActorKind::Unknown, x) | (x, ActorKind::Unknown) => x,
        (x, y) => x.min(y),
    }
}

/// A stable, dependency-free text hash (FNV-1a, 64 bits) in hex.
pub fn text_hash(text: &str) -> String {
    let mut h = TextHasher::default();
    h.update(text.as_bytes());
    h.finish()
}

/// [`text_hash`] a piece at a time (for a text read in parts): the same hash
/// for the same bytes however they are split.
#[derive(Debug, Clone, Copy)]
pub struct TextHasher(u64);

impl Default for TextHasher {
    fn default() -> Self {
        TextHasher(0xcbf29ce484222325)
    }
}

impl TextHasher {
    pub fn update(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x100000001b3);
        }
    }

    pub fn finish(&self) -> String {
        format!("{:016x}", self.0)
    }
}

pub(crate) fn name_key(name: &str) -> String {
    if name.is_ascii() {
        // (every position names its actor: one pass, one allocation)
        let mut s = String::with_capacity(name.len());
        let mut space = false;
        for &b in name.as_bytes() {
            if b.is_ascii_alphanumeric() {
                if space && !s.is_empty() {
                    s.push(' ');
                }
                space = false;
                s.push(char::from(b.to_ascii_lowercase()));
            } else if char::from(b).is_whitespace() {
                space = true;
            }
        }
        if s.starts_with("the ") {
            s.drain(..4);
        }
        return s;
    }
    name_key_unicode(name)
}

pub(super) fn name_key_unicode(name: &str) -> String {
    let s: String = name
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.strip_prefix("the ").map(str::to_string).unwrap_or(s)
}
