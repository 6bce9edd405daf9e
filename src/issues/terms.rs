//! The words an issue is recognised by: a content's topic terms (stemmed
//! content words that are neither function words nor shell nouns), weighted
//! by how rare they are among the graph's documents.

use crate::lexicon::{Lexicon, WordClass};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;

/// A sparse weighted bag of terms, by term id.
pub type Vector = FxHashMap<u32, f64>;

/// Term ids, their stems and the surface words seen for each.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: FxHashMap<String, u32>,
    stems: Vec<String>,
    surfaces: Vec<BTreeMap<String, usize>>,
    /// What [`Vocabulary::context`] made of each lower-case word: its term,
    /// or none. Every sentence of a corpus is read, and stemming is most
    /// of the cost.
    context_words: FxHashMap<String, Option<u32>>,
}

/// What a phrase says about its matter.
#[derive(Debug, Default, Clone)]
pub struct Terms {
    /// Topic term ids, once each, in the order of the text.
    pub topic: Vec<u32>,
    /// Shell nouns it uses ("plan" in "the Norwegian plan"), lower case and
    /// singular.
    pub shells: Vec<String>,
    /// The topic terms that name an actor ("Norwegian", "Hamas").
    pub actor_terms: Vec<u32>,
}

impl Terms {
    /// A phrase with no topic of its own but whose it is ("the plan", "it",
    /// "the Norwegian proposal", "Hamas's offer") points at a matter named
    /// elsewhere in its document.
    pub fn is_reference(&self) -> bool {
        self.is_reference_among(&FxHashSet::default())
    }

    /// Topic term `t` is a name: the gazetteer's, or one of `names` (the
    /// words of the names of the document's actors).
    pub fn is_name(&self, t: u32, names: &FxHashSet<u32>) -> bool {
        self.actor_terms.contains(&t) || names.contains(&t)
    }

    /// [`Terms::is_reference`], counting `names` as names too.
    pub fn is_reference_among(&self, names: &FxHashSet<u32>) -> bool {
        self.topic.iter().all(|&t| self.is_name(t, names))
    }
}

fn stemmer() -> &'static rust_stemmers::Stemmer {
    static STEMMER: std::sync::OnceLock<rust_stemmers::Stemmer> = std::sync::OnceLock::new();
    STEMMER.get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English))
}

/// `word` or, for a plural, its singular, if the class has it.
fn in_class(lx: &Lexicon, class: WordClass, word: &str) -> Option<String> {
    if lx.is_in(class, word) {
        return Some(word.trim_end_matches('s').to_string());
    }
    None
}

impl Vocabulary {
    pub fn new() -> Self {
        Self::default()
    }

    /// The id of a stem, added if new; `surface` is recorded for labels.
    pub fn intern(&mut self, stem: &str, surface: &str) -> u32 {
        let id = match self.ids.get(stem) {
            Some(&id) => id,
            None => {
                let id = self.stems.len() as u32;
                self.ids.insert(stem.to_string(), id);
                self.stems.push(stem.to_string());
                self.surfaces.push(BTreeMap::new());
                id
            }
        };
        *self.surfaces[id as usize]
            .entry(surface.to_string())
            .or_insert(0) += 1;
        id
    }

    /// The id of a stem already seen.
    pub fn id(&self, stem: &str) -> Option<u32> {
        self.ids.get(stem).copied()
    }

    /// How the texts most often spelled a term (the first of equals).
    pub fn surface(&self, id: u32) -> &str {
        let m = &self.surfaces[id as usize];
        let best = m.values().copied().max().unwrap_or(0);
        m.iter()
            .find(|(_, &n)| n == best)
            .map_or(self.stems[id as usize].as_str(), |(w, _)| w.as_str())
    }

    /// The terms of a phrase.
    pub fn terms(&mut self, lx: &Lexicon, text: &str) -> Terms {
        let mut t = Terms::default();
        let actors: Vec<(usize, usize)> = lx
            .find_actor_surfaces(text)
            .map(|(s, e, _)| (s, e))
            .collect();
        for (at, word) in words(text) {
            let lower = word.to_lowercase();
            if let Some(shell) = in_class(lx, WordClass::ShellNouns, &lower) {
                if !t.shells.contains(&shell) {
                    t.shells.push(shell);
                }
                continue;
            }
            // the words that take a stance ("demanded", "support") are not
            // its matter (in a sentence's context they still are)
            if !is_topic_word(lx, &lower) || !lx.cue_forms(&lower).is_empty() {
                continue;
            }
            let id = self.intern(&term_stem(lx, &lower), &lower);
            if !t.topic.contains(&id) {
                t.topic.push(id);
                if actors.iter().any(|&(s, e)| s <= at && at < e) {
                    t.actor_terms.push(id);
                }
            }
        }
        t
    }

    /// The stems of a text's topic words, for context (nothing is interned
    /// for labels).
    pub fn context(&mut self, lx: &Lexicon, text: &str, out: &mut Vec<u32>) {
        for (_, word) in words(text) {
            let lower = word.to_lowercase();
            if let Some(known) = self.context_words.get(&lower) {
                out.extend(*known);
                continue;
            }
            let id = (is_topic_word(lx, &lower) && !lx.is_in(WordClass::ShellNouns, &lower)).then(
                || {
                    let s = term_stem(lx, &lower);
                    match self.id(&s) {
                        Some(id) => id,
                        None => self.intern(&s, &lower),
                    }
                },
            );
            out.extend(id);
            self.context_words.insert(lower, id);
        }
    }
}

/// The words of a text with their byte offsets: runs of letters, digits
/// and inner apostrophes ("U.S.-led", "Kyiv's" give "U", "S", "led",
/// "Kyiv's").
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let inside = c.is_alphanumeric() || c == '\'' || c == '’';
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let w = text[s..i].trim_matches(['\'', '’']);
                if !w.is_empty() {
                    let lead = text[s..i].len() - text[s..i].trim_start_matches(['\'', '’']).len();
                    out.push((s + lead, w));
                }
                start = None;
            }
            _ => {}
        }
    }
    out.into_iter()
}

/// A word that can name a matter: not a function word, not a number, not
/// a single letter.
fn is_topic_word(lx: &Lexicon, lower: &str) -> bool {
    lower.chars().count() > 1
        && !lower.chars().all(|c| c.is_ascii_digit())
        && !is_function_word(lx, lower)
        && !lx.is_in(WordClass::BarePronouns, lower)
}

/// A function word or a determiner (lower case).
fn is_function_word(lx: &Lexicon, lower: &str) -> bool {
    lx.is_in(WordClass::FunctionWords, lower) || lx.is_in(WordClass::Determiners, lower)
}

/// The shortest stretch of `text`, from word to word, that holds every term
/// of `want` (known ids), if any; a stretch of one word takes the topic
/// word or shell noun right after it ("steep tariffs", "newest plan").
pub fn window(lx: &Lexicon, vocab: &Vocabulary, text: &str, want: &[u32]) -> Option<String> {
    let ws: Vec<(usize, &str, Option<u32>)> = words(text)
        .map(|(at, w)| (at, w, vocab.id(&term_stem(lx, &w.to_lowercase()))))
        .collect();
    let mut best: Option<(usize, usize)> = None;
    for start in 0..ws.len() {
        if !ws[start].2.is_some_and(|t| want.contains(&t)) {
            continue;
        }
        let mut missing: Vec<u32> = want.to_vec();
        for (end, w) in ws.iter().enumerate().skip(start) {
            if let Some(t) = w.2 {
                missing.retain(|&m| m != t);
            }
            if missing.is_empty() {
                if best.is_none_or(|(s, e)| end - start < e - s) {
                    best = Some((start, end));
                }
                break;
            }
        }
    }
    let (s, mut e) = best?;
    // one word alone is most often a modifier cut from its noun ("steep"
    // of "steep tariffs"): the topic word right after it goes with it
    let joins = |w: &(usize, &str, Option<u32>)| {
        w.0 == after_space(text, ws[e])
            && (w.2.is_some() || lx.is_in(WordClass::ShellNouns, &w.1.to_lowercase()))
    };
    if s == e && ws.get(e + 1).is_some_and(joins) {
        e += 1;
    }
    Some(text[ws[s].0..ws[e].0 + ws[e].1.len()].to_string())
}

/// How many of the words of `text` are function words or determiners.
pub fn function_words(lx: &Lexicon, text: &str) -> usize {
    words(text)
        .filter(|(_, w)| is_function_word(lx, &w.to_lowercase()))
        .count()
}

/// Where the next word would start if one space follows the word `w`
/// (a word joined by anything else, "steep, tariffs", is not widened to).
fn after_space(text: &str, w: (usize, &str, Option<u32>)) -> usize {
    let end = w.0 + w.1.len();
    if text[end..].starts_with(' ') {
        end + 1
    } else {
        usize::MAX
    }
}

/// The Snowball stem of a lower-case word, possessive dropped.
pub fn stem(lower: &str) -> String {
    let w = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("’s"))
        .unwrap_or(lower);
    stemmer().stem(w).into_owned()
}

/// The term a lower-case word of a content counts as: the stem of the word
/// standing for it and its synonyms ([`Lexicon::synonym`]), else its own.
pub fn term_stem(lx: &Lexicon, lower: &str) -> String {
    match lx.synonym(lower) {
        Some(w) => stem(w),
        None => stem(lower),
    }
}

/// Inverse document frequency: ln(1 + N / df).
pub fn idf(documents: usize, df: usize) -> f64 {
    (1.0 + documents as f64 / df.max(1) as f64).ln()
}

/// The weight of a term that occurs in `tf` of a document's evidence
/// sentences and in `df` of `documents` documents: the usual sublinear
/// tf-idf, (1 + ln tf) * idf, so a word an article keeps returning to
/// outweighs one it uses in passing (`tf` 0: no weight).
pub fn tf_idf(tf: usize, documents: usize, df: usize) -> f64 {
    if tf == 0 {
        return 0.0;
    }
    (1.0 + (tf as f64).ln()) * idf(documents, df)
}

/// Add `w` times `v` to `acc`.
pub fn add_into(acc: &mut Vector, v: &Vector, w: f64) {
    for (&k, &x) in v {
        *acc.entry(k).or_insert(0.0) += w * x;
    }
}

/// [`add_into`], keeping `squares`, the sum of the squares of `acc`, up to
/// date as it goes: a vector that grows by small steps has its length
/// without summing all of it again.
pub fn add_into_squares(acc: &mut Vector, v: &Vector, w: f64, squares: &mut f64) {
    for (&k, &x) in v {
        let slot = acc.entry(k).or_insert(0.0);
        let old = *slot;
        *slot += w * x;
        *squares += *slot * *slot - old * old;
    }
}

/// Cosine similarity of two sparse vectors (0 when either is empty).
pub fn cosine(a: &Vector, b: &Vector) -> f64 {
    cosine_normed(a, norm(a), b, norm(b))
}

/// The Euclidean length of a vector.
pub fn norm(v: &Vector) -> f64 {
    v.values().map(|x| x * x).sum::<f64>().sqrt()
}

/// [`cosine`] with both lengths known, for a vector compared many times.
pub fn cosine_normed(a: &Vector, norm_a: f64, b: &Vector, norm_b: f64) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let dot: f64 = small
        .iter()
        .filter_map(|(k, x)| large.get(k).map(|y| x * y))
        .sum();
    if dot == 0.0 {
        return 0.0;
    }
    dot / (norm_a * norm_b)
}

/// The `n` heaviest terms of a vector, heaviest first (ties by id).
pub fn top_terms(v: &Vector, n: usize) -> Vec<u32> {
    let mut all: Vec<(u32, f64)> = v.iter().map(|(&k, &x)| (k, x)).collect();
    all.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    all.into_iter().take(n).map(|(k, _)| k).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topic_terms_leave_out_function_words_and_shell_nouns() {
        let lx = Lexicon::builtin();
        let mut v = Vocabulary::new();
        let t = v.terms(&lx, "the Norwegian plan to share the fishing quotas");
        let stems: Vec<&str> = t
            .topic
            .iter()
            .map(|&i| v.stems[i as usize].as_str())
            .collect();
        assert_eq!(stems, ["norwegian", "share", "fish", "quota"]);
        assert_eq!(t.shells, ["plan"]);
        assert!(!t.is_reference());
        let r = v.terms(&lx, "the proposals");
        assert!(r.is_reference());
        assert_eq!(r.shells, ["proposal"]);
        assert!(v.terms(&lx, "it").is_reference());
        let whose = v.terms(&lx, "the Norwegian proposal");
        assert!(whose.is_reference(), "{whose:?}");
        assert!(!v.terms(&lx, "Russian troop withdrawal").is_reference());
        // dates are no matter
        let dated = v.terms(&lx, "a ceasefire from Monday for two weeks, since March");
        assert_eq!(dated.topic.len(), 1, "{dated:?}");
    }

    #[test]
    fn a_window_is_the_shortest_stretch_holding_the_terms() {
        let lx = Lexicon::builtin();
        let mut v = Vocabulary::new();
        v.terms(&lx, "a ceasefire in Gaza");
        let want = [
            v.id("gaza").unwrap(),
            v.id(&term_stem(&lx, "ceasefire")).unwrap(),
        ];
        assert_eq!(
            window(
                &lx,
                &v,
                "Gaza talks: Hamas wants a ceasefire in Gaza now",
                &want
            )
            .as_deref(),
            Some("ceasefire in Gaza")
        );
        // a synonym is the same term
        assert_eq!(
            window(&lx, &v, "a truce in Gaza", &want).as_deref(),
            Some("truce in Gaza")
        );
        assert_eq!(window(&lx, &v, "a holiday in Gaza", &want), None);
        // one word alone takes the topic word or shell noun after it
        v.terms(&lx, "steep tariffs");
        let steep = [v.id(&term_stem(&lx, "steep")).unwrap()];
        let w = |text| window(&lx, &v, text, &steep);
        assert_eq!(
            w("the latest steep tariffs carry").as_deref(),
            Some("steep tariffs")
        );
        assert_eq!(w("her steep plan").as_deref(), Some("steep plan"));
        assert_eq!(w("too steep, tariffs or not").as_deref(), Some("steep"));
        assert_eq!(w("it was steep").as_deref(), Some("steep"));
    }

    #[test]
    fn cosine_of_vectors() {
        let a: Vector = [(1, 1.0), (2, 1.0)].into_iter().collect();
        let b: Vector = [(2, 1.0), (3, 1.0)].into_iter().collect();
        assert!((cosine(&a, &b) - 0.5).abs() < 1e-9);
        assert_eq!(cosine(&a, &Vector::default()), 0.0);
        assert_eq!(top_terms(&a, 1), [1]);
    }
}
