//! The extraction rules for one sentence: find cues, give each a holder
//! (subject), a content and a target, and name the rule that fired.

use super::mentions::{is_pronoun, Mention, MentionForm, Referent};
use super::tokens::{TokKind, Token};
use super::WordSet;
use crate::lexicon::{Frame, Lexicon, WordMap};
use crate::model::{Actor, Stance};

mod candidates;
mod cues;
mod evaluations;
mod nominal;
mod spans;
mod speech;
mod subjects;
mod verbs;

/// Who holds a position before the document-level pass resolves speakers.
#[derive(Debug, Clone, PartialEq)]
pub enum Holder {
    Actor(Actor),
    /// "we", "I": the speaker of the surrounding report or quotation.
    FirstPerson,
}

/// A position found in a sentence, in token coordinates.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub cue: (usize, usize),
    pub stance: Stance,
    pub holder: Holder,
    pub holder_text: String,
    pub content: (usize, usize),
    /// Extra content range joined to the first ("“A,” he said, “B.”").
    pub content_extra: Option<(usize, usize)>,
    pub target: Option<Actor>,
    pub rule: &'static str,
    pub negated: bool,
    pub speech: bool,
}

impl Candidate {
    /// Aim the position at `t` when it has no target yet, unless `t` is its
    /// own holder (nobody rejects their own offer).
    pub fn aim_at(&mut self, t: Option<Actor>) {
        if self.target.is_none() {
            self.target = t.filter(|t| !matches!(&self.holder, Holder::Actor(h) if h == t));
        }
    }

    /// A position with no target, no second content range, not negated and
    /// not reported speech: what most rules produce.
    pub(super) fn plain(
        cue: (usize, usize),
        stance: Stance,
        holder: Holder,
        holder_text: String,
        content: (usize, usize),
        rule: &'static str,
    ) -> Self {
        Candidate {
            cue,
            stance,
            holder,
            holder_text,
            content,
            content_extra: None,
            target: None,
            rule,
            negated: false,
            speech: false,
        }
    }
}

static AUX: WordSet = WordSet::new(&[
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "should", "can",
    "may", "might", "must", "shall", "do", "does", "did", "be", "been", "being", "'s", "'re",
    "'ve", "'d", "am", "to", "'ll",
]);
static MODAL_AUX: WordSet = WordSet::new(&[
    "will", "would", "can", "could", "should", "must", "may", "might", "shall",
]);
/// What a party puts forward in writing, which can stand for it as the
/// subject of a verb ("the plan calls for", "the draft requires").
static DOCUMENT_NOUNS: WordSet = WordSet::new(&[
    "plan",
    "proposal",
    "counter-proposal",
    "counterproposal",
    "counteroffer",
    "counter-offer",
    "blueprint",
    "draft",
    "framework",
    "roadmap",
    "resolution",
    "initiative",
]);
/// The verbs of "drew criticism from", "won praise from", "came under fire from".
static REACTION_VERBS: WordSet = WordSet::new(&[
    "drew", "draws", "draw", "drawn", "drawing", "won", "wins", "earned", "earns", "faced",
    "faces", "met", "came", "come", "comes",
]);
static ADVERBS: WordSet = WordSet::new(&[
    "also",
    "still",
    "again",
    "already",
    "now",
    "then",
    "even",
    "further",
    "once",
    "so",
    "far",
    "too",
    "long",
    "repeatedly",
    "previously",
    "recently",
    "later",
    "earlier",
    "today",
    "yesterday",
    "first",
    "initially",
    "reportedly",
    "apparently",
    "formally",
    "officially",
    "publicly",
    "privately",
    "quickly",
    "swiftly",
    "firmly",
    "flatly",
    "reluctantly",
    "ultimately",
    "finally",
    "effectively",
    "instead",
    "in",
    "turn",
    "just",
    "always",
    "consistently",
    "explicitly",
    "openly",
    "strongly",
    "immediately",
    "tonight",
    "meanwhile",
    "more",
    "however",
    "though",
    "nonetheless",
    "nevertheless",
    "allegedly",
    "jointly",
    "both",
    "sincerely",
    "clearly",
    "remains",
    "remained",
    "remain",
    "stood",
    "stands",
    "stand",
    "seems",
    "seemed",
    "appears",
    "appeared",
    "fully",
    "continue",
    "continues",
    "continued",
    "continuing",
    "keep",
    "keeps",
    "kept",
]);
/// Words of a time phrase ("last week"); with the days and months of
/// CALENDAR they make `is_time_word`.
static TIME_WORDS: WordSet = WordSet::new(&[
    "week",
    "month",
    "year",
    "weekend",
    "morning",
    "evening",
    "night",
    "afternoon",
    "day",
    "time",
]);
fn is_time_word(l: &str) -> bool {
    TIME_WORDS.contains(l) || super::CALENDAR.contains(l)
}

static TIME_LEADS: WordSet = WordSet::new(&[
    "last", "this", "next", "on", "early", "earlier", "late", "later", "that", "the", "same",
]);
static NEGATIONS: WordSet = WordSet::new(&["not", "never", "cannot", "no"]);
static OBJECT_STOPS: WordSet = WordSet::new(&[
    "while",
    "whereas",
    "because",
    "after",
    "amid",
    "despite",
    "since",
    "unless",
    "until",
    "when",
    "which",
    "who",
    "saying",
    "according",
    "before",
    "though",
    "although",
    "but",
    "whereby",
    "if",
    "so",
    "citing",
    "adding",
    "provided",
    "unless",
    "only",
    "once",
]);
static COMMA_STOPS: WordSet = WordSet::new(&[
    "while",
    "whereas",
    "but",
    "although",
    "though",
    "which",
    "who",
    "according",
    "saying",
    "adding",
    "as",
    "after",
    "before",
    "because",
    "when",
    "amid",
    "despite",
    "since",
    "citing",
    "noting",
    "stressing",
    "warning",
    "calling",
    "urging",
    "insisting",
    "arguing",
    "even",
    "so",
    "underscoring",
    "explaining",
    "claiming",
    "where",
    "describing",
    "demanding",
    "rejecting",
    "accusing",
    "pointing",
    "asking",
    "telling",
    "with",
    "whose",
    "emphasizing",
    "emphasising",
    "saying",
    "prompting",
    "leaving",
    "including",
]);
static DETERMINERS: WordSet = WordSet::new(&[
    "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "any",
    "all", "some", "no", "each", "every", "such", "more", "further", "new", "my", "your", "both",
    "another", "'s", "most", "much", "many", "several", "few", "part", "parts", "elements",
]);
/// Words that open a subordinate clause: what follows them up to an "and"
/// is one clause of theirs, not a main clause to split.
static SUBORDINATORS: WordSet = WordSet::new(&[
    "that", "if", "unless", "because", "when", "whether", "while", "although", "though", "so",
    "which", "who", "whom", "until", "once", "since", "whereas", "where", "how", "what", "why",
]);
static PREPOSITIONS: WordSet = WordSet::new(&[
    "with",
    "against",
    "to",
    "on",
    "from",
    "into",
    "about",
    "between",
    "over",
    "at",
    "by",
    "for",
    "of",
    "in",
    "toward",
    "towards",
    "than",
    "like",
    "upon",
    "under",
    "without",
    "including",
    "via",
]);
/// Speech verbs whose next noun phrase is whom they are about, never the
/// speaker: "..., accused the White House of ..." is no "..., said X".
const NOT_INVERTED: &[&str] = &[
    "accus", "blam", "charg", "told", "tell", "urg", "critici", "condemn", "denounc",
];

/// What is "offered" without being an offer: "offered an assessment".
static NOT_OFFERED: WordSet = WordSet::new(&[
    "assessment",
    "view",
    "views",
    "comment",
    "comments",
    "explanation",
    "condolences",
    "prayers",
    "thoughts",
    "details",
    "insight",
    "glimpse",
    "praise",
    "apology",
    "congratulations",
    "testimony",
    "evidence",
]);

/// Verbs that set conditions or demands: "Turkey has set Sweden five conditions".
static SETS_VERBS: WordSet = WordSet::new(&[
    "set", "sets", "setting", "list", "lists", "listed", "laid", "lays", "issued", "issues",
    "tabled", "outlined", "outlines", "named", "names", "attached", "attaches", "imposed",
    "imposes", "lay", "laying",
]);

/// Verbs that put an offer, proposal or demand forward without being cues
/// themselves: "made an offer", "sent a counter-proposal", "submitted a plan".
static MADE_OR_SENT: WordSet = WordSet::new(&[
    "made",
    "make",
    "makes",
    "making",
    "sent",
    "send",
    "sends",
    "sending",
    "submitted",
    "submit",
    "submits",
    "submitting",
    "handed",
    "hand",
    "hands",
    "handing",
    "delivered",
    "deliver",
    "delivers",
    "delivering",
    "forwarded",
    "transmitted",
    "drafted",
    "drafts",
    "drew",
]);

/// Verbs that give a position up: "abandoned its demand for ...".
static ABANDONS: WordSet = WordSet::new(&[
    "abandon",
    "abandons",
    "abandoned",
    "abandoning",
    "drop",
    "drops",
    "dropped",
    "dropping",
    "withdraw",
    "withdraws",
    "withdrew",
    "withdrawn",
    "withdrawing",
    "shelve",
    "shelved",
    "ditch",
    "ditched",
    "scrap",
    "scrapped",
    "relinquish",
    "relinquished",
    "renounce",
    "renounced",
]);

/// Verbs of holding talks: what an actor "will" do of these it offers.
static TALK_VERBS: WordSet =
    WordSet::new(&["discuss", "negotiate", "talk", "meet", "attend", "resume"]);

/// Nouns of what someone else asserts: "the assertion that X demanded ...".
static ASSERTION_NOUNS: WordSet = WordSet::new(&[
    "assertion",
    "assertions",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "claims",
    "speculation",
    "rumours",
    "rumors",
    "suggestion",
    "suggestions",
]);

/// Verbs of intention, transparent between a subject and the verb it
/// intends ("plans to invite", "aims to reopen").
static INTENDS: WordSet = WordSet::new(&[
    "plan", "plans", "planned", "planning", "intend", "intends", "intended", "aim", "aims", "aimed",
]);

/// Nouns whose "that" clause is what someone is asked to assure, not yet
/// anyone's position ("guarantees that X will not ...").
static GUARANTEE_NOUNS: WordSet = WordSet::new(&[
    "guarantee",
    "guarantees",
    "assurance",
    "assurances",
    "promise",
    "promises",
    "pledge",
    "pledges",
    "commitment",
    "commitments",
]);

/// What a side gives when it puts it forward: pay and talks.
static GIVEN: WordSet = WordSet::new(&[
    "talks", "rise", "raise", "raises", "pay", "payment", "payments", "wage", "wages", "cash",
    "bonus",
]);

/// Verbs of a threat: what one is "ready to" do against the other side is
/// no offer ("prepared to sink a deal", "vowed to retaliate").
static THREATS: WordSet = WordSet::new(&[
    "sink",
    "block",
    "veto",
    "scuttle",
    "torpedo",
    "retaliate",
    "strike",
    "attack",
    "punish",
    "escalate",
    "impose",
    "increase",
    "intensify",
    "tighten",
    "fight",
    "destroy",
    "kill",
    "capture",
    "crush",
    "sue",
    "expel",
    "sanction",
    "boycott",
]);

/// Verbs that hold reservations: "have doubts about", "voiced objections to".
static HOLDS_VERBS: WordSet = WordSet::new(&[
    "have",
    "has",
    "had",
    "voiced",
    "voices",
    "expressed",
    "expresses",
    "raised",
    "raises",
    "aired",
    "airs",
    "harbour",
    "harbor",
    "harbours",
    "harbors",
]);

/// Words between such a verb and the noun: "five formal", "a list of".
static SETS_MODIFIERS: WordSet = WordSet::new(&[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "new",
    "formal", "strict", "tough", "firm", "clear", "specific", "key", "main", "fresh", "list", "of",
    "series", "serious", "strong", "deep", "grave", "some", "many",
]);

/// Verbs before a noun cue that say the holder received it: "won support from".
static GAINED: WordSet = WordSet::new(&[
    "won", "gained", "secured", "received", "got", "drew", "garnered", "enjoys", "enjoyed",
]);

/// What a demand asks of another side ("concrete steps from Serbia").
static ASKED_OF: WordSet = WordSet::new(&[
    "steps",
    "step",
    "moves",
    "action",
    "actions",
    "concessions",
    "guarantees",
    "assurances",
    "commitments",
    "commitment",
    "compromise",
    "compromises",
    "flexibility",
    "answers",
    "clarity",
]);
/// Finite verbs that end the noun phrase they follow ("Athens's demand for
/// compensation was ignored", "the rejection of the plan stands in contrast"):
/// auxiliaries, modals and common verbs whose past form is no participle.
static NOUN_PHRASE_VERBS: WordSet = WordSet::new(&[
    "is", "was", "were", "are", "has", "have", "had", "will", "would", "remains", "remained",
    "could", "can", "might", "should", "must", "did", "does", "stands", "stood", "came", "comes",
    "went", "goes", "drew", "took", "gave", "began", "became", "becomes", "seems", "seemed",
    "appears", "appeared",
]);
/// Finite verbs, never participles or nouns, that start a clause's
/// predicate: after an object they say the object was a clause's subject.
static CLAUSE_VERBS: WordSet = WordSet::new(&[
    "came", "stands", "stood", "went", "drew", "began", "became", "seems", "seemed",
]);
/// Adverbs that may stand inside a two-word cue: "asked only for".
static INNER_ADVERBS: WordSet = WordSet::new(&[
    "only",
    "again",
    "also",
    "repeatedly",
    "explicitly",
    "specifically",
    "publicly",
    "formally",
    "openly",
    "hard",
    "strongly",
]);
static MODALS: WordSet = WordSet::new(&["must", "should", "ought"]);
/// Words after a speech verb that start an adjunct, not what was said.
static NOT_CLAUSE_STARTS: WordSet = WordSet::new(&[
    "after",
    "before",
    "during",
    "following",
    "ahead",
    "despite",
    "amid",
    "since",
    "until",
    "while",
    "when",
    "later",
    "earlier",
    "yesterday",
    "today",
    "tonight",
    "recently",
    "again",
    "afterwards",
    "shortly",
    "late",
    "through",
    "via",
    "without",
    "alongside",
    "so",
    "outside",
    "inside",
    "near",
    "behind",
    "beside",
    "beyond",
    "across",
    "around",
    "throughout",
]);

fn is_neg(t: &Token<'_>) -> bool {
    NEGATIONS.contains(&t.lower.as_ref()) || t.lower.ends_with("n't")
}

/// An auxiliary that makes a clause finite ("are", "had", "will"), not the
/// infinitive's "to" or a bare "be"/"been"/"being".
fn is_finite_aux(t: &Token<'_>) -> bool {
    let l = t.lower.as_ref();
    t.is_word() && !t.cap && AUX.contains(&l) && !matches!(l, "to" | "be" | "been" | "being")
}

fn skippable(t: &Token<'_>) -> bool {
    let l = t.lower.as_ref();
    t.is_word()
        && !t.cap
        && (AUX.contains(&l)
            || ADVERBS.contains(&l)
            || is_neg(t)
            || (l.len() > 4 && l.ends_with("ly") && l != "only"))
        || (t.is_word() && (l == "longer"))
}

/// The sentence-level context the rules work in.
/// The rules that walk the whole sentence for a word of their own. A
/// sentence with none of a rule's words gives it nothing to find, so
/// [`SentenceCtx::candidates`] looks each token up once, in one table of all
/// these words, instead of letting every rule walk the sentence. A rule
/// starts only at one of its words, and the rules of several words test
/// their set themselves, so a word missing from a set cannot pass unnoticed:
/// the rule would not read it either. (The rules of one word, "according",
/// "what", "as", "hope", name it beside their set.)
#[derive(Debug, Clone, Copy)]
enum Scan {
    According,
    Refusals,
    Conditions,
    Evaluations,
    Hope,
    Contingent,
    Reactions,
    WhatCalled,
    AsDo,
}

impl Scan {
    const ALL: [Scan; 9] = [
        Scan::According,
        Scan::Refusals,
        Scan::Conditions,
        Scan::Evaluations,
        Scan::Hope,
        Scan::Contingent,
        Scan::Reactions,
        Scan::WhatCalled,
        Scan::AsDo,
    ];

    /// The words one of which the rule starts at.
    pub(super) fn words(self) -> &'static WordSet {
        match self {
            Scan::According => &ACCORDING,
            Scan::Refusals => &REFUSAL_MODALS,
            Scan::Conditions => &CONDITION_MARKERS,
            Scan::Evaluations => &EVALUATION_VERBS,
            Scan::Hope => &HOPE_WORDS,
            Scan::Contingent => &MAKE_FORMS,
            Scan::Reactions => &REACTION_VERBS,
            Scan::WhatCalled => &WHAT,
            Scan::AsDo => &AS,
        }
    }
}

/// The [`Scan`]s a sentence's words call for, one bit each.
#[derive(Debug, Clone, Copy)]
struct Scans(u16);

impl Scans {
    pub(super) fn called_for(tokens: &[Token<'_>]) -> Scans {
        static INDEX: std::sync::OnceLock<WordMap<u16>> = std::sync::OnceLock::new();
        let bits_of = INDEX.get_or_init(|| {
            let mut index = WordMap::default();
            for scan in Scan::ALL {
                for w in scan.words().words {
                    *index.entry_mut(w.to_string()) |= 1 << scan as u16;
                }
            }
            index
        });
        Scans(tokens.iter().fold(0, |bits, t| {
            bits | bits_of.get(&t.lower).copied().unwrap_or(0)
        }))
    }

    pub(super) fn has(self, scan: Scan) -> bool {
        self.0 & (1 << scan as u16) != 0
    }
}

static ACCORDING: WordSet = WordSet::new(&["according"]);
static REFUSAL_MODALS: WordSet = WordSet::new(&["won't", "wouldn't", "will", "would"]);
static CONDITION_MARKERS: WordSet = WordSet::new(&[
    "if",
    "provided",
    "providing",
    "unless",
    "until",
    "condition",
    "long",
    "exchange",
    "return",
    "price",
]);
static EVALUATION_VERBS: WordSet = WordSet::new(&[
    "call",
    "calls",
    "called",
    "calling",
    "describe",
    "describes",
    "described",
    "describing",
    "label",
    "labels",
    "labelled",
    "labeled",
    "labelling",
    "brand",
    "brands",
    "branded",
    "branding",
    "deem",
    "deems",
    "deemed",
    "deeming",
    "find",
    "finds",
    "found",
    "consider",
    "considers",
    "considered",
    "considering",
    "regard",
    "regards",
    "regarded",
    "regarding",
    "view",
    "views",
    "viewed",
    "viewing",
]);
static HOPE_WORDS: WordSet = WordSet::new(&["hope", "hopes"]);
static MAKE_FORMS: WordSet = WordSet::new(&["make", "makes", "made", "making"]);
static WHAT: WordSet = WordSet::new(&["what"]);
static AS: WordSet = WordSet::new(&["as"]);

pub struct SentenceCtx<'a, 't> {
    pub lx: &'a Lexicon,
    pub text: &'t str,
    pub tokens: &'a [Token<'t>],
    pub mentions: &'a [Mention],
    /// Quotation state of each token: true inside a quotation.
    pub quoted: &'a [bool],
}

/// One cue found in the sentence.
#[derive(Debug, Clone)]
pub struct CueHit {
    pub start: usize,
    pub end: usize,
    pub cue: usize,
    /// Where the particle of a split phrasal verb stands ("turned that idea down").
    pub particle: Option<usize>,
}

impl<'a, 't> SentenceCtx<'a, 't> {
    pub(super) fn tok(&self, i: usize) -> Option<&Token<'t>> {
        self.tokens.get(i)
    }

    pub(super) fn is(&self, i: usize, w: &str) -> bool {
        self.tok(i).is_some_and(|t| t.lower == w)
    }

    pub(super) fn mention_ending_at(&self, end: usize) -> Option<&'a Mention> {
        self.mentions.iter().find(|m| m.end == end)
    }

    pub(super) fn mention_starting_at(&self, start: usize) -> Option<&'a Mention> {
        self.mentions.iter().find(|m| m.start == start)
    }

    /// The mention at `i`, past a leading "the" ("by the GOP").
    pub(super) fn mention_from(&self, i: usize) -> Option<&'a Mention> {
        self.mention_starting_at(i).or_else(|| {
            if self.is(i, "the") {
                self.mention_starting_at(i + 1)
            } else {
                None
            }
        })
    }

    pub(super) fn mention_at(&self, i: usize) -> Option<&'a Mention> {
        self.mentions.iter().find(|m| m.start <= i && i < m.end)
    }
}

fn rule_subject_rule(kind: &str, speech: bool) -> &'static str {
    match (kind, speech) {
        ("document", _) => "document-subject",
        ("inverted", _) => "speech-inverted",
        ("participle", true) => "speech-participle",
        ("participle", false) => "participle-clause",
        (_, true) => "speech-shared-subject",
        (_, false) => "shared-subject",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;
    use proptest::prelude::*;

    /// [`SentenceCtx::text_of`] read off the characters of the text.
    fn text_of_chars(raw: &str) -> String {
        let mut out = String::new();
        let mut space = false;
        for c in raw.chars() {
            if c.is_whitespace() {
                space = !out.is_empty();
            } else if !matches!(c, '"' | '“' | '”') {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn a_sentence_calls_for_the_scans_of_its_words() {
        let scans = |text: &str| {
            let lowered = text.to_ascii_lowercase();
            let s = Scans::called_for(&tokenize(text, &lowered, false));
            Scan::ALL
                .into_iter()
                .filter(|&x| s.has(x))
                .map(|x| format!("{x:?}"))
                .collect::<Vec<_>>()
        };
        assert!(
            scans("Kyiv demands the return of territories.").contains(&"Conditions".to_string())
        );
        assert_eq!(
            scans("Moscow rejects NATO membership."),
            Vec::<String>::new()
        );
        assert_eq!(
            scans("According to Kyiv, Moscow Won't talks, as do others, in what it CALLED hopes."),
            [
                "According",
                "Refusals",
                "Evaluations",
                "Hope",
                "WhatCalled",
                "AsDo"
            ]
        );
        for scan in Scan::ALL {
            for w in scan.words().words {
                assert!(
                    scans(&format!("They {w} it.")).contains(&format!("{scan:?}")),
                    "{w}"
                );
            }
        }
    }

    proptest! {
        #[test]
        fn text_of_reads_tokens_as_the_characters(text in "[a-zA-Z0-9 .,'’&\\-“”\"\t\u{a0}\u{2009}é—]{0,40}", a in 0usize..12, len in 0usize..12) {
            static LX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
            let lx = LX.get_or_init(Lexicon::builtin);
            let lowered = text.to_ascii_lowercase();
            let tokens = tokenize(&text, &lowered, false);
            let ctx = SentenceCtx { lx, text: &text, tokens: &tokens, mentions: &[], quoted: &[] };
            let b = (a + len).min(tokens.len());
            let expected = if a < b {
                text_of_chars(&text[tokens[a].start..tokens[b - 1].end])
            } else {
                String::new()
            };
            prop_assert_eq!(ctx.text_of(a, b), expected);
        }
    }
}
