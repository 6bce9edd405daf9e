//! Turns the tagger's attributions into candidates beside the rules' ones.
//!
//! An attribution the rules already read (its cue or content overlaps one of
//! theirs) is left to them: they know the stance, the target and the
//! negation. The others become positions of their own: the holder is the
//! actor mentioned in the source (a pronoun as the mentions resolved it, "I"
//! or "we" as the speaker of the quotation), the stance is the cue's in the
//! lexicon or a claim, the content is what the model marked.

use super::{Attribution, AttributionModel};
use crate::extract::mentions::{is_anonymous, Mention, Referent};
use crate::extract::rules::{Candidate, Holder};
use crate::extract::tokens::Token;
use crate::extract::{Extractor, SentenceWork};
use crate::lexicon::{Lexicon, WordClass};
use crate::model::{Actor, ActorKind, Stance};
use std::sync::Arc;

/// The rule name of positions the model found.
pub const RULE: &str = "attribution-model";

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

impl Extractor<'_> {
    /// Adds the model's attributions that no rule found, sentence by sentence.
    /// `speakers[i]` is who speaks the quotation of sentence `i`, if known.
    pub(in crate::extract) fn add_attributions(
        &self,
        model: &AttributionModel,
        work: &mut [SentenceWork<'_>],
        speakers: &[Option<(Holder, String)>],
    ) {
        for (si, w) in work.iter_mut().enumerate() {
            // (a sentence of a few tokens attributes nothing: skip the tagger)
            if w.tokens.len() < 3 {
                continue;
            }
            let found = model.attributions(&w.view(self.lx));
            // a bare claim of the rules that the model reads as no
            // attribution at all is dropped; one whose cue it shares takes the
            // model's content (the rules' claims run to a fixed boundary)
            w.candidates
                .retain(|c| !is_rule_claim(c) || found.iter().any(|a| covers(c, a)));
            // (a content ends where another position's cue begins: "said
            // that A and urged B" reports A; B is the urging's)
            let cues: Vec<usize> = w
                .candidates
                .iter()
                .filter(|c| c.cue.1 > c.cue.0)
                .map(|c| c.cue.0)
                .chain(found.iter().map(|a| a.cue.0))
                .collect();
            let found: Vec<Attribution> = found
                .into_iter()
                .map(|mut a| {
                    a.content = a
                        .content
                        .iter()
                        .filter_map(|&r| trim(&w.tokens, cut_at_cues(&w.tokens, r, &cues)))
                        .collect();
                    a
                })
                .collect();
            for a in &found {
                for c in w.candidates.iter_mut() {
                    if !(is_rule_claim(c) && c.cue.1 > c.cue.0 && overlaps(c.cue, a.cue)) {
                        continue;
                    }
                    // (where the tagger's content lies in the rule's quotation,
                    // the whole quotation is what was said: the marks bound it
                    // better than the tagger, which may run on into the
                    // narration after "she said", and its clauses are one claim)
                    let quotation = whole_quotation(&w.tokens, &w.blocks, c.content)
                        .filter(|_| c.content_extra.is_none())
                        .filter(|&q| a.content.first().is_some_and(|&r| overlaps(r, q)));
                    if let Some(q) = quotation {
                        c.content = q;
                    } else if let Some(&first) = a.content.first() {
                        c.content = first;
                        c.content_extra = a.content.get(1).copied();
                    }
                }
            }
            let speaker = speakers.get(si).and_then(Option::as_ref);
            let mut added = Vec::new();
            for a in &found {
                if w.candidates.iter().any(|c| covers(c, a)) {
                    continue;
                }
                if let Some(c) = self.candidate(w, a, speaker) {
                    added.push(c);
                }
            }
            w.candidates.extend(added);
            w.attributions = found;
        }
    }

    fn candidate(
        &self,
        w: &SentenceWork<'_>,
        a: &Attribution,
        speaker: Option<&(Holder, String)>,
    ) -> Option<Candidate> {
        let (holder, holder_text) = holder_of(self.lx, w, a.source?, speaker)?;
        let content = *a.content.first()?;
        let content_extra = a.content.get(1).copied();
        Some(Candidate {
            cue: a.cue,
            stance: self.stance_of(&w.tokens, a.cue, content),
            holder,
            holder_text,
            content,
            content_extra,
            target: None,
            rule: RULE,
            negated: false,
            speech: true,
        })
    }

    /// The stance of the lexicon cue whose words start at the model's cue,
    /// read with what follows it ("that" makes most cues a claim), or a claim.
    fn stance_of(
        &self,
        tokens: &[Token<'_>],
        cue: (usize, usize),
        content: (usize, usize),
    ) -> Stance {
        let Some(first) = tokens.get(cue.0) else {
            return Stance::Claim;
        };
        let words: Vec<&str> = tokens[cue.0..]
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.lower.as_ref())
            .collect();
        let form = self.lx.cue_forms(&first.lower).iter().find(|f| {
            f.words.len() <= words.len() && f.words.iter().zip(&words).all(|(a, b)| a == b)
        });
        let Some(form) = form else {
            return Stance::Claim;
        };
        let entry = &self.lx.cues[form.cue];
        // (the content may start after a "that" or "to" the trimming took off)
        let before = content.0.checked_sub(1).filter(|&k| k >= cue.1);
        let opener = before
            .and_then(|k| tokens.get(k))
            .filter(|t| matches!(t.lower.as_ref(), "that" | "to"))
            .or_else(|| tokens.get(content.0));
        match opener.map(|t| t.lower.as_ref()) {
            Some("that") => entry.that.unwrap_or(Stance::Claim),
            Some("to") => entry.to.unwrap_or(entry.stance),
            _ => entry.stance,
        }
    }
}

/// The range without the punctuation at its ends ("fares this year,"), or
/// None when nothing else is left.
fn trim(tokens: &[Token<'_>], (mut a, mut b): (usize, usize)) -> Option<(usize, usize)> {
    let word = |t: &Token<'_>| t.is_word() || t.kind == crate::extract::tokens::TokKind::Number;
    b = b.min(tokens.len());
    while a < b && !word(&tokens[a]) {
        a += 1;
    }
    while b > a && !word(&tokens[b - 1]) {
        b -= 1;
    }
    // the complementiser is no part of what is said ("said that the plan ...")
    if b > a + 2 && tokens[a].lower == "that" {
        a += 1;
    }
    (a < b).then_some((a, b))
}

/// The range up to a cue inside it that a coordinated verb phrase starts
/// ("said that A and urged B": B is the urging's), without that "and".
fn cut_at_cues(tokens: &[Token<'_>], (a, b): (usize, usize), cues: &[usize]) -> (usize, usize) {
    let coordinated = |k: usize| k >= 1 && k - 1 > a && tokens[k - 1].lower == "and";
    match cues
        .iter()
        .copied()
        .filter(|&k| a < k && k < b && coordinated(k))
        .min()
    {
        Some(k) => {
            let mut end = k - 1;
            while end > a && tokens[end - 1].lower == "," {
                end -= 1;
            }
            (a, end)
        }
        None => (a, b),
    }
}

/// The whole quotation a range lies in, without its marks and end
/// punctuation, when the range lies in one (a quotation is one claim,
/// however many clauses it has).
fn whole_quotation(
    tokens: &[Token<'_>],
    blocks: &[Option<usize>],
    (x, y): (usize, usize),
) -> Option<(usize, usize)> {
    let block = blocks.get(x).copied().flatten()?;
    if y <= x || !(x..y).all(|k| blocks.get(k) == Some(&Some(block))) {
        return None;
    }
    let inside = |k: &usize| blocks[*k] == Some(block);
    let a = (0..x).rev().take_while(inside).last().unwrap_or(x);
    let b = (y..blocks.len())
        .take_while(inside)
        .last()
        .map_or(y, |k| k + 1);
    trim(tokens, (a, b))
}

/// A claim of reported speech from the rules.
fn is_rule_claim(c: &Candidate) -> bool {
    c.speech && c.stance == Stance::Claim && c.rule != RULE
}

/// The rules already read this attribution (and named who holds it: a
/// candidate whose holder is still "I" or "we" here names nobody).
fn covers(c: &Candidate, a: &Attribution) -> bool {
    if !matches!(c.holder, Holder::Actor(_)) {
        return false;
    }
    (c.cue.1 > c.cue.0 && overlaps(c.cue, a.cue))
        || a.content
            .iter()
            .any(|&r| overlaps(c.content, r) || c.content_extra.is_some_and(|x| overlaps(x, r)))
}

/// Which of the actors mentioned in a source speaks: not a possessor ("The
/// company's chief executive, Mark Holt") where another is named; the
/// first of them.
fn source_head<'m>(tokens: &[Token<'_>], inside: &[&'m Mention]) -> Option<&'m Mention> {
    // (a token's lower case spells every apostrophe "'")
    let possessor = |m: &Mention| {
        tokens
            .get(m.end)
            .is_some_and(|t| matches!(t.lower.as_ref(), "'s" | "'"))
    };
    let actors = || inside.iter().copied().filter(|m| m.actor().is_some());
    let heads = || actors().filter(|m| !possessor(m));
    heads().next().or_else(|| actors().next())
}

/// Who the source range names: the actor of a mention inside it, the speaker
/// for "I" or "we", or else the words themselves: a name the gazetteer
/// lacks ("Politifact") or a description of a body ("the campaign"). None
/// for a pronoun or mention with no antecedent and for anonymous sourcing
/// ("sources", "critics"), which ANNOTATION.md says is no actor.
fn holder_of(
    lx: &Lexicon,
    w: &SentenceWork<'_>,
    source: (usize, usize),
    speaker: Option<&(Holder, String)>,
) -> Option<(Holder, String)> {
    let inside: Vec<_> = w
        .mentions
        .iter()
        .filter(|m| overlaps((m.start, m.end), source))
        .collect();
    if let Some(m) = source_head(&w.tokens, &inside) {
        return Some((Holder::Actor(m.actor()?.clone()), m.text.clone()));
    }
    if inside
        .iter()
        .any(|m| matches!(m.referent, Referent::FirstPerson))
    {
        return speaker.cloned();
    }
    // "who", "which", "that": the actor named just before ("the mayor, who said")
    let relative = source.1 == source.0 + 1
        && lx.is_in(
            WordClass::RelativePronouns,
            w.tokens.get(source.0).map_or("", |t| t.lower.as_ref()),
        );
    if relative {
        let antecedent = w
            .mentions
            .iter()
            .filter(|m| m.end <= source.0 && source.0 - m.end <= 1)
            .find_map(|m| Some((m.actor()?, m)));
        return antecedent.map(|(a, m)| (Holder::Actor(a.clone()), m.text.clone()));
    }
    if !inside.is_empty() {
        return None;
    }
    let end = source.1.min(w.tokens.len());
    let words: Vec<&Token<'_>> = w.tokens[source.0..end]
        .iter()
        .filter(|t| t.is_word() || t.kind == crate::extract::tokens::TokKind::Number)
        .collect();
    let start = words
        .iter()
        .position(|t| !lx.is_in(WordClass::Determiners, &t.lower))?;
    let words = &words[start..];
    let last = words.last()?;
    let before = words.len().checked_sub(2).map(|b| words[b].lower.as_ref());
    if lx.is_in(WordClass::BarePronouns, &last.lower) || is_anonymous(lx, before, &last.lower) {
        return None;
    }
    let text = w.text[words[0].start..last.end].to_string();
    let actor = Actor {
        name: Arc::from(text.as_str()),
        kind: ActorKind::Unknown,
        affiliation: None,
    };
    Some((Holder::Actor(actor), text))
}
