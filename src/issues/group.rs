//! The grouping itself, fed a document at a time in two passes, so that an
//! archive of any size is grouped in the memory its issues take, not its
//! evidence: a graph in memory ([`super::assign`]) and a store read row by
//! row (`store::stored_issues`) feed it alike.
//!
//! 1. [`Grouper::count`] reads every document once for the weights: in how
//!    many documents each topic term and each context term occurs.
//! 2. [`Grouper::group`] reads every document again, in the same order
//!    (by name), groups its mentions and merges the groups into the issues
//!    so far; it returns each mention's issue as a provisional number.
//! 3. [`Grouper::finish`] labels the issues and ranks them (most evidence
//!    first), with the rank of every provisional number.
//!
//! A source gives each document's mentions in one canonical order (see
//! [`Mention`]), so the same positions are grouped alike whatever read them.

use super::terms::{
    add_into, add_into_squares, cosine, cosine_normed, norm, tf_idf, top_terms, Terms, Vector,
    Vocabulary,
};
use super::{terms, Issue, IssueOptions};
use crate::lexicon::Lexicon;
use crate::model::Stance;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::{BTreeMap, BTreeSet};

/// One evidence sentence of a position, as grouping reads it. A source
/// gives a document's mentions ordered by span, then actor key, content
/// key, stance and the rest of the evidence (the order of a graph file).
#[derive(Debug, Clone, Copy)]
pub struct Mention<'a> {
    pub actor: &'a str,
    pub stance: Stance,
    pub span: [usize; 2],
    /// The content as the sentence phrased it (else the content's text).
    pub content: &'a str,
    pub sentence: &'a str,
}

/// A mention read for grouping.
struct Occurrence<'a> {
    /// It has no topic terms but names: it points at a matter named
    /// elsewhere in its document.
    reference: bool,
    actor: &'a str,
    stance: Stance,
    content: &'a str,
    sentence_text: &'a str,
    terms: Terms,
    /// Topic words of the evidence sentence, by id.
    sentence: Vec<u32>,
    vector: Vector,
    codebook: Option<String>,
}

/// A group of one document's occurrences.
struct Group {
    members: Vec<usize>,
    centroid: Vector,
    codebook: Option<String>,
}

/// What an issue gathers as groups join it.
#[derive(Default)]
struct Gathered {
    /// The codebook label of the first of its groups that has one.
    label: Option<String>,
    positions: usize,
    actors: BTreeMap<String, BTreeMap<Stance, usize>>,
    /// Each phrasing with its count and topic terms.
    contents: BTreeMap<String, (usize, Vec<u32>)>,
    /// Documents, by their number in name order.
    documents: BTreeSet<usize>,
}

/// Groups documents' mentions into issues; see the module's steps.
pub struct Grouper<'x> {
    lx: &'x Lexicon,
    opts: &'x IssueOptions,
    vocab: Vocabulary,
    /// The terms of each phrasing, read in the first pass.
    terms: FxHashMap<String, Terms>,
    topic_df: FxHashMap<u32, usize>,
    context_df: FxHashMap<u32, usize>,
    /// Documents with mentions: counted in the first pass, named in the second.
    counted: usize,
    names: Vec<String>,
    across: Across,
    issues: Vec<Gathered>,
}

impl<'x> Grouper<'x> {
    pub fn new(lx: &'x Lexicon, opts: &'x IssueOptions) -> Self {
        Grouper {
            lx,
            opts,
            vocab: Vocabulary::new(),
            terms: FxHashMap::default(),
            topic_df: FxHashMap::default(),
            context_df: FxHashMap::default(),
            counted: 0,
            names: Vec::new(),
            across: Across::default(),
            issues: Vec::new(),
        }
    }

    /// First pass: counts a document's topic and context terms.
    pub fn count(&mut self, mentions: &[Mention]) {
        if mentions.is_empty() {
            return;
        }
        self.counted += 1;
        let mut topic: FxHashSet<u32> = FxHashSet::default();
        let mut context = Vec::new();
        for m in mentions {
            let t = match self.terms.get(m.content) {
                Some(t) => t,
                None => {
                    let t = self.vocab.terms(self.lx, m.content);
                    self.terms.entry(m.content.to_string()).or_insert(t)
                }
            };
            topic.extend(t.topic.iter().copied());
            self.vocab.context(self.lx, m.sentence, &mut context);
        }
        let actors: BTreeSet<&str> = mentions.iter().map(|m| m.actor).collect();
        for a in actors {
            let key = format!("@actor {a}");
            context.push(self.vocab.intern(&key, &key));
        }
        context.sort_unstable();
        context.dedup();
        for t in context {
            *self.context_df.entry(t).or_insert(0) += 1;
        }
        for t in topic {
            *self.topic_df.entry(t).or_insert(0) += 1;
        }
    }

    /// Second pass: groups a document's mentions (given as to
    /// [`Grouper::count`], in the same order of documents) and merges its
    /// groups into the issues; each mention's provisional issue.
    pub fn group(&mut self, name: &str, mentions: &[Mention]) -> Vec<usize> {
        if mentions.is_empty() {
            return Vec::new();
        }
        let doc = self.names.len();
        self.names.push(name.to_string());
        let n = self.counted;
        let sentences: Vec<Vec<u32>> = mentions
            .iter()
            .map(|m| {
                let mut ids = Vec::new();
                self.vocab.context(self.lx, m.sentence, &mut ids);
                ids
            })
            .collect();
        let recurs = recurrence(mentions, &sentences);
        let actor_words = self.actor_words(mentions);
        let occs: Vec<Occurrence> = mentions
            .iter()
            .zip(sentences)
            .map(|(m, sentence)| {
                let terms = self.terms.get(m.content).cloned().unwrap_or_default();
                // who takes a stance is not what it is about: a name (the
                // gazetteer's, or a word of the name of one of the
                // document's actors) weighs nothing, and a content of names
                // alone ("Hamas's offer", "the hospital's plan") is a
                // reference
                let reference = terms.is_reference_among(&actor_words);
                let vector = terms
                    .topic
                    .iter()
                    .map(|t| {
                        let df = self.topic_df.get(t).copied().unwrap_or(1);
                        let tf = if terms.is_name(*t, &actor_words) && !reference {
                            0
                        } else {
                            recurs.get(t).copied().unwrap_or(1)
                        };
                        (*t, tf_idf(tf, n, df))
                    })
                    .collect();
                Occurrence {
                    reference,
                    actor: m.actor,
                    stance: m.stance,
                    content: m.content,
                    sentence_text: m.sentence,
                    codebook: self.opts.codebook.issue_of(m.content).map(str::to_string),
                    terms,
                    sentence,
                    vector,
                }
            })
            .collect();
        let mut members: Vec<usize> = (0..occs.len()).collect();
        members.sort_by_key(|&i| mentions[i].span);
        let groups = group_document(&occs, &members, self.opts.within);
        let context: Vector = self
            .context_terms(&occs)
            .into_iter()
            .map(|t| {
                let df = self.context_df.get(&t).copied().unwrap_or(1);
                (t, tf_idf(recurs.get(&t).copied().unwrap_or(1), n, df))
            })
            .collect();
        let context_norm = norm(&context);
        let mut out = vec![0; occs.len()];
        for g in &groups {
            let k = self.across.add(g, doc, &context, context_norm, self.opts);
            if k == self.issues.len() {
                self.issues.push(Gathered::default());
            }
            let issue = &mut self.issues[k];
            if issue.label.is_none() {
                issue.label = g.codebook.clone();
            }
            for &i in &g.members {
                out[i] = k;
                let o = &occs[i];
                issue.positions += 1;
                *issue
                    .actors
                    .entry(o.actor.to_string())
                    .or_default()
                    .entry(o.stance)
                    .or_insert(0) += 1;
                issue
                    .contents
                    .entry(o.content.to_string())
                    .or_insert_with(|| (0, o.terms.topic.clone()))
                    .0 += 1;
                issue.documents.insert(doc);
            }
        }
        out
    }

    /// The terms the names of a document's actors are made of ("hospital"
    /// for "the hospital", "stellantis").
    fn actor_words(&self, mentions: &[Mention]) -> FxHashSet<u32> {
        let mut out = FxHashSet::default();
        let actors: BTreeSet<&str> = mentions.iter().map(|m| m.actor).collect();
        for a in actors {
            for w in a.split(|c: char| !c.is_alphanumeric()) {
                let stem = terms::term_stem(self.lx, &w.to_lowercase());
                out.extend(self.vocab.id(&stem));
            }
        }
        out
    }

    /// A document's context: the topic words of its evidence sentences and
    /// the actors that take positions in it (each actor a term of its own).
    fn context_terms(&self, occs: &[Occurrence]) -> Vec<u32> {
        let mut out = Vec::new();
        let mut actors: BTreeSet<&str> = BTreeSet::new();
        for o in occs {
            out.extend_from_slice(&o.sentence);
            actors.insert(o.actor);
        }
        for a in actors {
            out.extend(self.vocab.id(&format!("@actor {a}")));
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The issues, most evidence first, and the rank (index into them) of
    /// each provisional issue number [`Grouper::group`] gave.
    pub fn finish(self) -> (Vec<Issue>, Vec<usize>) {
        let mut list: Vec<(Issue, usize)> = Vec::with_capacity(self.issues.len());
        for (k, g) in self.issues.into_iter().enumerate() {
            let centroid = &self.across.merged[k].centroid;
            let issue = Issue {
                id: String::new(),
                codebook: g.label.is_some(),
                label: match g.label {
                    Some(l) => l,
                    None => label_of(self.lx, &g.contents, centroid, &self.vocab),
                },
                terms: top_terms(centroid, 5)
                    .into_iter()
                    .map(|t| self.vocab.surface(t).to_string())
                    .collect(),
                positions: g.positions,
                actors: g.actors,
                contents: g.contents.into_iter().map(|(c, (n, _))| (c, n)).collect(),
                documents: g
                    .documents
                    .into_iter()
                    .map(|d| self.names[d].clone())
                    .collect(),
            };
            list.push((issue, k));
        }
        list.sort_by(|(a, _), (b, _)| {
            b.positions
                .cmp(&a.positions)
                .then_with(|| a.label.cmp(&b.label))
                .then_with(|| a.documents.cmp(&b.documents))
        });
        let mut rank = vec![0; list.len()];
        let mut issues = Vec::with_capacity(list.len());
        let mut taken: FxHashMap<String, usize> = FxHashMap::default();
        for (r, (mut issue, k)) in list.into_iter().enumerate() {
            issue.id = format!("i{}", r + 1);
            let seen = taken.entry(issue.label.to_lowercase()).or_insert(0);
            *seen += 1;
            if *seen > 1 {
                issue.label = format!("{} ({})", issue.label, seen);
            }
            rank[k] = r;
            issues.push(issue);
        }
        (issues, rank)
    }
}

/// In how many of a document's evidence sentences (each mention's given
/// as its topic words, `sentences`) each word occurs: what an article keeps
/// returning to is its matter.
fn recurrence(mentions: &[Mention], sentences: &[Vec<u32>]) -> FxHashMap<u32, usize> {
    let mut out: FxHashMap<u32, usize> = FxHashMap::default();
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    let mut ids = Vec::new();
    for (m, words) in mentions.iter().zip(sentences) {
        if !seen.insert(m.sentence) {
            continue;
        }
        ids.clone_from(words);
        ids.sort_unstable();
        ids.dedup();
        for &t in &ids {
            *out.entry(t).or_insert(0) += 1;
        }
    }
    out
}

/// The groups of one document's occurrences (`members` in text order).
fn group_document(occs: &[Occurrence], members: &[usize], within: f64) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of: FxHashMap<usize, usize> = FxHashMap::default();
    for &i in members {
        let o = &occs[i];
        let found = if let Some(label) = &o.codebook {
            groups
                .iter()
                .position(|g| g.codebook.as_deref() == Some(label))
        } else if o.reference {
            continue;
        } else {
            most_similar(
                groups
                    .iter()
                    .enumerate()
                    .map(|(k, g)| (k, cosine(&o.vector, &g.centroid)))
                    .filter(|&(_, s)| s >= within),
            )
        };
        let k = found.unwrap_or_else(|| {
            groups.push(Group {
                members: Vec::new(),
                centroid: Vector::default(),
                codebook: o.codebook.clone(),
            });
            groups.len() - 1
        });
        add_into(&mut groups[k].centroid, &o.vector, 1.0);
        groups[k].members.push(i);
        group_of.insert(i, k);
    }
    absorb_singletons(occs, &mut groups, &mut group_of);
    resolve_references(occs, members, &mut groups, &mut group_of);
    groups
}

/// The candidate of highest similarity, the first of equals.
fn most_similar(candidates: impl Iterator<Item = (usize, f64)>) -> Option<usize> {
    candidates
        .fold(None::<(usize, f64)>, |best, (k, s)| match best {
            Some((_, b)) if b >= s => best,
            _ => Some((k, s)),
        })
        .map(|(k, _)| k)
}

/// The group with most members, the first of equals.
fn largest(groups: &[Group]) -> Option<usize> {
    (0..groups.len()).max_by(|&a, &b| {
        groups[a]
            .members
            .len()
            .cmp(&groups[b].members.len())
            .then(b.cmp(&a))
    })
}

/// A content that shares its matter with no other in its document belongs
/// to the document's main matter (its largest group, when that has two or
/// more contents): articles report the side demands of one negotiation
/// ("higher pay", "fairer treatment") around its main issue. The absorbed
/// content does not move the group's centre.
fn absorb_singletons(
    occs: &[Occurrence],
    groups: &mut Vec<Group>,
    group_of: &mut FxHashMap<usize, usize>,
) {
    let Some(main) = largest(groups) else {
        return;
    };
    if groups[main].members.len() < 2 {
        return;
    }
    let main_centroid = groups[main].centroid.clone();
    let mut kept = Vec::with_capacity(groups.len());
    let mut new_index = vec![0; groups.len()];
    let mut moved = Vec::new();
    for (k, g) in std::mem::take(groups).into_iter().enumerate() {
        let related = g.members.len() == 1
            && occs[g.members[0]]
                .sentence
                .iter()
                .any(|t| main_centroid.contains_key(t));
        if related && g.codebook.is_none() && k != main {
            moved.extend(g.members);
            new_index[k] = usize::MAX;
        } else {
            new_index[k] = kept.len();
            kept.push(g);
        }
    }
    let main = new_index[main];
    for i in moved {
        kept[main].members.push(i);
    }
    for k in group_of.values_mut() {
        *k = if new_index[*k] == usize::MAX {
            main
        } else {
            new_index[*k]
        };
    }
    *groups = kept;
}

/// Give each reference ("the plan") the group of its antecedent: the
/// nearest earlier occurrence whose content or sentence used the same shell
/// noun, else the document's largest group, else a group of the references
/// that share its shell noun.
fn resolve_references(
    occs: &[Occurrence],
    members: &[usize],
    groups: &mut Vec<Group>,
    group_of: &mut FxHashMap<usize, usize>,
) {
    let largest = largest(groups);
    let mut by_shell: BTreeMap<Vec<String>, usize> = BTreeMap::new();
    for (pos, &i) in members.iter().enumerate() {
        let o = &occs[i];
        if group_of.contains_key(&i) {
            continue;
        }
        let antecedent = members[..pos].iter().rev().find(|&&j| {
            group_of.contains_key(&j) && !occs[j].reference && {
                let sentence = occs[j].sentence_text.to_lowercase();
                o.terms.shells.iter().any(|s| sentence.contains(s.as_str()))
            }
        });
        let k = match antecedent.map(|j| group_of[j]).or(largest) {
            Some(k) => k,
            None => *by_shell.entry(o.terms.shells.clone()).or_insert_with(|| {
                groups.push(Group {
                    members: Vec::new(),
                    centroid: Vector::default(),
                    codebook: None,
                });
                groups.len() - 1
            }),
        };
        groups[k].members.push(i);
        group_of.insert(i, k);
    }
}

/// An issue while groups are merged across documents.
struct Merged {
    centroid: Vector,
    /// The sum of the unit-length contexts of its documents: a document is
    /// compared with each of them on average (average linkage), not with
    /// their sum, whose cosine grows as the documents differ and would let
    /// an issue spread from negotiation to negotiation.
    contexts: Vector,
    /// The sum of the squares of the centroid, kept as it grows: a merged
    /// issue is compared with every later group that shares a term with it.
    centroid_squares: f64,
    docs: BTreeSet<usize>,
    /// The last group it was gathered for, to gather it once.
    seen: usize,
}

impl Merged {
    fn centroid_norm(&self) -> f64 {
        self.centroid_squares.max(0.0).sqrt()
    }

    /// The mean cosine of a context (of length `norm`) with the contexts
    /// of the issue's documents.
    fn context_similarity(&self, context: &Vector, norm: f64) -> f64 {
        cosine_normed(context, norm, &self.contexts, self.docs.len() as f64)
    }
}

/// How many of a group's heaviest terms find the issues it may join.
const INDEX_TERMS: usize = 8;

/// Groups merged across documents so far: each group joins the issue its
/// codebook label names, or the most similar issue of the same
/// negotiation, if any, else starts one.
#[derive(Default)]
struct Across {
    merged: Vec<Merged>,
    by_label: FxHashMap<String, usize>,
    /// The issues each of their heaviest terms finds.
    index: FxHashMap<u32, Vec<usize>>,
    /// Groups added so far.
    groups: usize,
    candidates: Vec<usize>,
}

impl Across {
    /// Merges group `g` of document `doc` (whose context is given) and
    /// returns its issue.
    fn add(
        &mut self,
        g: &Group,
        doc: usize,
        context: &Vector,
        context_norm: f64,
        opts: &IssueOptions,
    ) -> usize {
        self.groups += 1;
        let mark = self.groups;
        let top = top_terms(&g.centroid, INDEX_TERMS);
        let found = match &g.codebook {
            Some(label) => self.by_label.get(label.as_str()).copied(),
            None => {
                self.candidates.clear();
                for t in &top {
                    for &k in self.index.get(t).into_iter().flatten() {
                        if self.merged[k].seen != mark {
                            self.merged[k].seen = mark;
                            self.candidates.push(k);
                        }
                    }
                }
                self.candidates.sort_unstable();
                let g_norm = norm(&g.centroid);
                let merged = &self.merged;
                most_similar(
                    self.candidates
                        .iter()
                        .map(|&k| {
                            let m = &merged[k];
                            (
                                k,
                                cosine_normed(&g.centroid, g_norm, &m.centroid, m.centroid_norm()),
                            )
                        })
                        .filter(|&(k, s)| {
                            let m = &merged[k];
                            s >= opts.across
                                && m.context_similarity(context, context_norm) >= opts.context
                        }),
                )
            }
        };
        let k = found.unwrap_or_else(|| {
            self.merged.push(Merged {
                centroid: Vector::default(),
                contexts: Vector::default(),
                centroid_squares: 0.0,
                docs: BTreeSet::new(),
                seen: 0,
            });
            self.merged.len() - 1
        });
        if let Some(label) = &g.codebook {
            self.by_label.entry(label.clone()).or_insert(k);
        }
        let m = &mut self.merged[k];
        add_into_squares(&mut m.centroid, &g.centroid, 1.0, &mut m.centroid_squares);
        if m.docs.insert(doc) && context_norm > 0.0 {
            add_into(&mut m.contexts, context, 1.0 / context_norm);
        }
        for t in top {
            let list = self.index.entry(t).or_default();
            if list.last() != Some(&k) {
                list.push(k);
            }
        }
        k
    }
}

/// Words a label may have at most.
const LABEL_WORDS: usize = 6;

/// A readable label: a member wording of at most [`LABEL_WORDS`] words,
/// or a stretch of a longer one, that holds the issue's two most shared
/// terms (terms of weight before names, then in the most contents, then
/// the heaviest), else its one most shared term, in the order of the tiers
/// below; for an issue of references alone, their most frequent wording.
fn label_of(
    lx: &Lexicon,
    contents: &BTreeMap<String, (usize, Vec<u32>)>,
    centroid: &Vector,
    vocab: &Vocabulary,
) -> String {
    let mut shared: FxHashMap<u32, usize> = FxHashMap::default();
    for (n, topic) in contents.values() {
        for t in topic {
            *shared.entry(*t).or_insert(0) += n;
        }
    }
    // the matter first: a name (weighing nothing) only where the matter
    // has too few words
    let mut ranked: Vec<u32> = centroid.keys().copied().collect();
    ranked.sort_by(|a, b| {
        (centroid[b] > 0.0)
            .cmp(&(centroid[a] > 0.0))
            .then(shared[b].cmp(&shared[a]))
            .then(centroid[b].total_cmp(&centroid[a]))
            .then(a.cmp(b))
    });
    // Best tier first (0): a whole short wording, or a stretch of at most
    // three words, holding the two most shared terms; (1) a whole short
    // wording of two words or more holding the most shared one; (2) a
    // stretch of four to six words holding the two, with at most one
    // function word; (3) a stretch of two or three words holding the one;
    // (4) any other stretch; (5) one word. Within a tier the fewest words
    // win, then the first in text order.
    let mut best: Option<(u8, usize, String)> = None;
    for k in [2, 1] {
        if ranked.len() < k {
            continue;
        }
        let want = &ranked[..k];
        for content in contents.keys() {
            let phrase = bare_phrase(content);
            let short = phrase.split_whitespace().count() <= LABEL_WORDS;
            let text = if short {
                phrase.as_str()
            } else {
                content.as_str()
            };
            let Some(w) = terms::window(lx, vocab, text, want) else {
                continue;
            };
            let w = if short { phrase.clone() } else { w };
            let n = w.split_whitespace().count();
            let tier: u8 = match (k, short, n) {
                // (one word alone says little: "association")
                (_, _, 1) => 5,
                (2, true, _) | (2, false, 0..=3) => 0,
                (_, true, _) => 1,
                // (a longer stretch with a function word or two inside it is
                // cut across phrases: "Malta had aimed for a satisfactory",
                // not "Association of Serb Municipalities")
                (2, false, _) if terms::function_words(lx, &w) <= 1 => 2,
                (_, false, 0..=3) => 3,
                _ => 4,
            };
            let better = best
                .as_ref()
                .is_none_or(|(t, m, b)| (tier, n, &w) < (*t, *m, b));
            if n <= LABEL_WORDS && better {
                best = Some((tier, n, w));
            }
        }
    }
    if let Some((_, _, w)) = best {
        return w;
    }
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (content, (n, _)) in contents {
        *counts.entry(bare_phrase(content)).or_insert(0) += n;
    }
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map_or_else(|| "(unnamed)".to_string(), |(p, _)| p.clone())
}

/// A phrasing without its leading article or "to" and trailing
/// punctuation.
fn bare_phrase(text: &str) -> String {
    let t = text
        .trim()
        .trim_end_matches(['.', ',', ';', ':', '"', '\'', '”', '’']);
    let mut words: Vec<&str> = t.split_whitespace().collect();
    while let Some(first) = words.first() {
        if matches!(first.to_lowercase().as_str(), "a" | "an" | "the" | "to") {
            words.remove(0);
        } else {
            break;
        }
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One document grouped alone: each mention's provisional issue, and
    /// the issues.
    fn group_alone(ms: &[Mention]) -> (Vec<usize>, Vec<Issue>) {
        let lx = Lexicon::builtin();
        let opts = IssueOptions::default();
        let mut g = Grouper::new(&lx, &opts);
        g.count(ms);
        let k = g.group("d", ms);
        (k, g.finish().0)
    }

    fn mention<'a>(at: usize, content: &'a str, sentence: &'a str) -> Mention<'a> {
        Mention {
            actor: "the union",
            stance: Stance::Demand,
            span: [at, at + 1],
            content,
            sentence,
        }
    }

    #[test]
    fn a_word_the_article_keeps_returning_to_weighs_more() {
        // "wages and parking" shares one word with each earlier group, and
        // the parking group is the more alike in its words; the article's
        // recurring matter (wages, in four sentences against parking's
        // three) decides
        let ms = [
            mention(0, "free parking", "The union asked for free parking."),
            mention(
                1,
                "parking for night staff",
                "Parking for night staff is scarce.",
            ),
            mention(2, "higher wages", "The union demanded higher wages."),
            mention(
                3,
                "wages and parking at the hospital",
                "It wants wages and parking at the hospital settled.",
            ),
            mention(4, "wages", "Wages are the sticking point, the union said."),
            mention(5, "wages for cleaners", "Wages for cleaners have fallen."),
        ];
        let (k, _) = group_alone(&ms);
        assert_eq!(k[0], k[1], "{k:?}");
        assert_eq!(k[3], k[2], "{k:?}");
        assert_ne!(k[3], k[0], "{k:?}");
        assert_eq!(k[5], k[2], "{k:?}");
    }

    #[test]
    fn sharing_only_an_actor_name_is_no_shared_matter() {
        let ms = [
            mention(
                0,
                "Norwegian fishing rights",
                "Oslo wants Norwegian fishing rights.",
            ),
            mention(
                1,
                "Norwegian oil licences",
                "Oslo also wants Norwegian oil licences.",
            ),
            mention(
                2,
                "the Norwegian proposal",
                "Denmark rejected the Norwegian proposal.",
            ),
        ];
        let (k, _) = group_alone(&ms);
        assert_ne!(k[0], k[1], "{k:?}");
    }

    #[test]
    fn the_words_of_a_documents_actors_are_no_shared_matter() {
        // "hospital" is in no gazetteer, but the hospital takes positions
        let mut ms = [
            mention(
                0,
                "more staff at the hospital",
                "The union wants more staff at the hospital.",
            ),
            mention(
                1,
                "a pay rise at the hospital",
                "It also wants a pay rise at the hospital.",
            ),
            mention(
                2,
                "the hospital's plan",
                "The union rejected the hospital's plan.",
            ),
        ];
        ms[2].actor = "the hospital";
        let (k, _) = group_alone(&ms);
        assert_ne!(k[0], k[1], "{k:?}");
    }

    #[test]
    fn a_label_names_the_matter_before_whose_it_is() {
        let ms = [
            mention(0, "Norwegian quotas", "Oslo wants Norwegian quotas."),
            mention(
                1,
                "Norwegian quotas for cod",
                "It wants Norwegian quotas for cod.",
            ),
            mention(
                2,
                "the Norwegian position",
                "Denmark rejected the Norwegian position.",
            ),
        ];
        let (k, issues) = group_alone(&ms);
        assert!(k.iter().all(|&x| x == k[0]), "{k:?}");
        // its two matter words ("Norwegian quotas" before)
        assert_eq!(issues[0].label, "Norwegian quotas for cod");
    }

    /// The label of an issue of these contents, every term weighing one.
    fn label_of_contents(contents: &[&str]) -> String {
        let lx = Lexicon::builtin();
        let mut vocab = Vocabulary::new();
        let mut map = BTreeMap::new();
        let mut centroid = Vector::default();
        for c in contents {
            let topic = vocab.terms(&lx, c).topic;
            for t in &topic {
                centroid.insert(*t, 1.0);
            }
            map.insert(c.to_string(), (1, topic));
        }
        label_of(&lx, &map, &centroid, &vocab)
    }

    #[test]
    fn a_label_is_a_phrase_not_a_stretch_cut_across_phrases() {
        // the two most shared terms meet only four words apart in a long
        // wording ("aimed for a satisfactory"): a short wording holding the
        // most shared one reads better
        let label = label_of_contents(&[
            "Tovar had aimed for a satisfactory package of measures",
            "the satisfactory package",
            "a satisfactory outcome for the region",
        ]);
        assert_eq!(label, "satisfactory package");
        // a term met alone takes the word after it ("steep tariffs", not "steep")
        let label = label_of_contents(&[
            "Brenner warned that the latest steep tariffs carry serious consequences",
            "what had been discussed about steep barriers to trade in the spring",
        ]);
        assert!(label.split_whitespace().count() >= 2, "{label}");
        assert!(label.starts_with("steep "), "{label}");
    }

    #[test]
    fn an_issue_does_not_spread_from_negotiation_to_negotiation() {
        // two documents of one negotiation (contexts A and B share two
        // terms) and a third that shares one term with each: it is alike
        // with neither (cosine 0.09 with each, below the 0.1 of the same
        // negotiation), though it is alike with their sum (0.12)
        let ctx = |terms: &[u32]| -> Vector { terms.iter().map(|&t| (t, 1.0)).collect() };
        let a = ctx(&[0, 10, 1, 2, 3, 4, 5, 6, 7, 8]);
        let b = ctx(&[0, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
        let c = ctx(&[1, 11, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
        let group = || Group {
            members: Vec::new(),
            centroid: ctx(&[100, 101]),
            codebook: None,
        };
        let opts = IssueOptions::default();
        let mut across = Across::default();
        let add = |across: &mut Across, doc: usize, context: &Vector| {
            across.add(&group(), doc, context, norm(context), &opts)
        };
        assert_eq!(add(&mut across, 0, &a), 0);
        assert_eq!(add(&mut across, 1, &b), 0);
        let mut sum = a.clone();
        add_into(&mut sum, &b, 1.0);
        assert!(cosine(&c, &sum) >= opts.context);
        assert_eq!(add(&mut across, 2, &c), 1, "a third negotiation");
        assert_eq!(add(&mut across, 3, &a), 0, "the first again");
    }
}
