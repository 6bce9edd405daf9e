//! The extraction rules for one sentence: find cues, give each a holder
//! (subject), a content and a target, and name the rule that fired.

use super::mentions::{is_pronoun, Mention, MentionForm, Referent};
use super::tokens::{TokKind, Token};
use super::WordSet;
use crate::lexicon::{Frame, Lexicon, WordMap};
use crate::model::{Actor, Stance};

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
    fn plain(
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
    fn words(self) -> &'static WordSet {
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
    fn called_for(tokens: &[Token<'_>]) -> Scans {
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

    fn has(self, scan: Scan) -> bool {
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
    fn tok(&self, i: usize) -> Option<&Token<'t>> {
        self.tokens.get(i)
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.tok(i).is_some_and(|t| t.lower == w)
    }

    fn mention_ending_at(&self, end: usize) -> Option<&'a Mention> {
        self.mentions.iter().find(|m| m.end == end)
    }

    fn mention_starting_at(&self, start: usize) -> Option<&'a Mention> {
        self.mentions.iter().find(|m| m.start == start)
    }

    /// The mention at `i`, past a leading "the" ("by the GOP").
    fn mention_from(&self, i: usize) -> Option<&'a Mention> {
        self.mention_starting_at(i).or_else(|| {
            if self.is(i, "the") {
                self.mention_starting_at(i + 1)
            } else {
                None
            }
        })
    }

    fn mention_at(&self, i: usize) -> Option<&'a Mention> {
        self.mentions.iter().find(|m| m.start <= i && i < m.end)
    }

    /// Verb cues of the sentence, longest form first, not overlapping.
    pub fn find_cues(&self) -> Vec<CueHit> {
        let mut hits = Vec::new();
        let mut i = 0;
        let n = self.tokens.len();
        while i < n {
            let t = &self.tokens[i];
            // most words start no cue form: one lookup turns them away
            let forms = if t.is_word() {
                self.lx.cue_forms(&t.lower)
            } else {
                &[]
            };
            if forms.is_empty()
                || self
                    .mention_at(i)
                    .is_some_and(|m| m.form == MentionForm::Name)
            {
                i += 1;
                continue;
            }
            let found = forms.iter().find(|f| {
                f.words.len() <= n - i
                    && f.words
                        .iter()
                        .enumerate()
                        .all(|(k, w)| self.tokens[i + k].lower == w.as_str())
            });
            // "asked only for", "called again for": one adverb inside a
            // two-word cue; the cue then spans it
            // (or a quotation mark: stood "fully prepared" to begin talks)
            // (and "sincerely wished\" to see": after the first word of a longer one)
            let inner = i + 1 < n
                && (self.tokens[i + 1].is_quote()
                    || INNER_ADVERBS.contains(&self.tokens[i + 1].lower.as_ref()));
            let found_split = (inner && found.is_none_or(|f| f.words.len() == 1)).then(|| {
                forms.iter().find(|f| {
                    f.words.len() >= 2
                        && i + f.words.len() < n
                        && f.words[1..]
                            .iter()
                            .enumerate()
                            .all(|(k, w)| self.tokens[i + 2 + k].lower == w.as_str())
                })
            });
            if let Some(Some(f)) = found_split {
                let end = i + 1 + f.words.len();
                hits.push(CueHit {
                    start: i,
                    end,
                    cue: f.cue,
                    particle: None,
                });
                i = end;
                continue;
            }
            if found.is_none() {
                // "turned that idea down": the particle up to four words on
                // the object between verb and particle is a noun phrase, not "to walk" or "up"
                let np_follows = self.tok(i + 1).is_some_and(|x| {
                    (x.is_word() || x.is_quote())
                        && !PREPOSITIONS.contains(&x.lower.as_ref())
                        && !matches!(
                            x.lower.as_ref(),
                            "up" | "down" | "out" | "off" | "aside" | "forward"
                        )
                });
                let split = forms
                    .iter()
                    .filter(|f| np_follows && f.words.len() == 2 && self.lx.cues[f.cue].separable)
                    .find_map(|f| {
                        (i + 2..(i + 6).min(n))
                            .take_while(|&j| {
                                self.tokens[j - 1].is_word() || self.tokens[j - 1].is_quote()
                            })
                            .find(|&j| self.tokens[j].lower == f.words[1].as_str())
                            .map(|j| (f.cue, j))
                    });
                if let Some((cue, j)) = split {
                    hits.push(CueHit {
                        start: i,
                        end: i + 1,
                        cue,
                        particle: Some(j),
                    });
                    i = j + 1;
                    continue;
                }
            }
            match found {
                Some(f) => {
                    // "the demand", "a call", "its support": a noun, not a verb
                    let prev = i.checked_sub(1).and_then(|p| self.tok(p));
                    // "the EU's proposed side letter": a participle used as an adjective
                    let attributive = t.lower.ends_with("ed")
                        && prev.is_some_and(|p| p.lower == "'s")
                        && i >= 2
                        && self
                            .mention_ending_at(i - 1)
                            .is_some_and(|m| m.form == MentionForm::Name);
                    // "a $250 billion offer", "the 21% offer": an amount before it
                    // ("the $500 billion sought by the bloc": a participle with its agent)
                    let amount = prev.is_some_and(|p| {
                        p.kind == TokKind::Number
                            || p.text == "%"
                            || matches!(p.lower.as_ref(), "million" | "billion" | "trillion")
                    }) && !(f.words.len() == 1 && self.is(i + 1, "by"));
                    // "the 'frugal' EU states are holding up": a plural noun before
                    // its verb, not "states" as a verb
                    let plural_subject = f.words.len() == 1
                        && t.lower.ends_with('s')
                        && self.tok(i + 1).is_some_and(|x| {
                            matches!(
                                x.lower.as_ref(),
                                "are" | "were" | "have" | "had" | "will" | "would" | "can"
                            )
                        });
                    // "both Nordic states gave up", "island states": the noun, which
                    // as a verb would take "that" or a colon, after its subject
                    let states_noun = t.lower == "states"
                        && !self
                            .tok(i + 1)
                            .is_some_and(|x| matches!(x.lower.as_ref(), "that" | ":"))
                        && prev.is_some_and(|p| {
                            p.cap
                                || p.kind == TokKind::Number
                                || (p.is_word()
                                    && !is_pronoun(&p.lower)
                                    && self.mention_at(i - 1).is_none())
                        });
                    let nominal = attributive
                        || amount
                        || plural_subject
                        || states_noun
                        || prev.is_some_and(|p| {
                            DETERMINERS.contains(&p.lower.as_ref()) && !t.lower.ends_with("ed")
                        });
                    if !nominal {
                        hits.push(CueHit {
                            start: i,
                            end: i + f.words.len(),
                            cue: f.cue,
                            particle: None,
                        });
                    }
                    i += f.words.len();
                }
                None => i += 1,
            }
        }
        hits
    }

    /// The holder of a verb cue starting at `cs`: the subject to its left,
    /// across auxiliaries, adverbs, negation, time phrases, appositions and
    /// relative pronouns. Returns the mentions (several when coordinated).
    fn find_subject(&self, cs: usize) -> Option<Vec<&'a Mention>> {
        let mut k = cs;
        let mut hops = 0;
        while k > 0 && hops < 40 {
            hops += 1;
            let t = &self.tokens[k - 1];
            let l = t.lower.as_ref();
            if skippable(t) || t.is_quote() {
                k -= 1;
                continue;
            }
            // "Pakistan plans to invite India": the subject of an intention is
            // the subject of what is intended
            if INTENDS.contains(&l) && self.is(k, "to") {
                k -= 1;
                continue;
            }
            // "Netanyahu is said to be willing": a reporting verb in the passive
            if matches!(
                l,
                "said"
                    | "reported"
                    | "believed"
                    | "expected"
                    | "understood"
                    | "thought"
                    | "known"
                    | "seen"
            ) && k >= 2
                && matches!(
                    self.tokens[k - 2].lower.as_ref(),
                    "is" | "are" | "was" | "were" | "been"
                )
            {
                k -= 2;
                continue;
            }
            if is_time_word(l) && k >= 2 && TIME_LEADS.contains(&self.tokens[k - 2].lower.as_ref())
            {
                k -= 2;
                continue;
            }
            // "The Netherlands and Austria above all have ...", "Kyiv in turn said"
            if k >= 2
                && matches!(
                    (self.tokens[k - 2].lower.as_ref(), l),
                    ("above", "all") | ("in", "turn") | ("for", "now") | ("at", "least")
                )
            {
                k -= 2;
                continue;
            }
            if let Some(m) = self.mention_ending_at(k) {
                // "with Israeli officials regarding the plan as unacceptable": the
                // subject of an absolute "with" phrase
                let with_at = self.article_start(m).wrapping_sub(1);
                if m.end == cs
                    && self.tokens[cs].lower.ends_with("ing")
                    && self.tok(with_at).is_some_and(|t| t.lower == "with")
                {
                    return Some(self.coordinated(m));
                }
                // "Hungary and Poland, two countries opposing the deal", "Mark
                // Rutte, one of four leaders resisting": the group in apposition
                // is said of the names before it
                let of_one =
                    m.start >= 2 && self.is(m.start - 1, "of") && self.is(m.start - 2, "one");
                let mut comma = if of_one {
                    m.start.checked_sub(3)
                } else {
                    m.start.checked_sub(1)
                };
                // (", however, one of ...": past a connective set off by commas)
                if let Some(c) = comma.filter(|&c| {
                    c >= 2
                        && self.is(c, ",")
                        && self.is(c - 2, ",")
                        && matches!(
                            self.tokens[c - 1].lower.as_ref(),
                            "however" | "though" | "meanwhile" | "too" | "also"
                        )
                }) {
                    comma = Some(c - 2);
                }
                let group = m
                    .actor()
                    .is_some_and(|a| a.kind == crate::model::ActorKind::Group);
                if let Some(head) = comma
                    .filter(|&c| group && self.is(c, ","))
                    .and_then(|c| self.mention_ending_at(c))
                    .filter(|h| h.form == MentionForm::Name && !self.governed_by_preposition(h))
                {
                    return Some(self.coordinated(head));
                }
                // ("representatives from the United States, Ukraine, and Russia
                // indicated": the last of a list after a preposition is no subject)
                // ("the army commanders of Pakistan and India agreed": the bodies
                // after "of" are whom the head speaks for, and hold it)
                let head = self.list_head(m);
                let listed_after_preposition = head.start != m.start
                    && self.governed_by_preposition(head)
                    && !self.is(self.article_start(head).wrapping_sub(1), "of");
                if !self.governed_by_preposition(m) && !listed_after_preposition {
                    return Some(self.coordinated(m));
                }
                // "..., President Volodymyr Zelensky of Ukraine said": a person's
                // country after "of" belongs to the name before it
                if let Some(person) = m
                    .start
                    .checked_sub(1)
                    .filter(|&o| self.is(o, "of"))
                    .and_then(|o| self.mention_ending_at(o))
                    .filter(|p| {
                        p.form == MentionForm::Name
                            && p.actor()
                                .is_some_and(|a| a.kind == crate::model::ActorKind::Person)
                            && !self.governed_by_preposition(p)
                    })
                {
                    return Some(vec![person]);
                }
                // "Union members who spoke to Rolling Stone said": the head before "who"
                let rel = (m.start.saturating_sub(10)..m.start)
                    .rev()
                    .find(|&j| matches!(self.tokens[j].lower.as_ref(), "who" | "which"));
                if let Some(r) = rel {
                    let e = if r > 0 && self.tokens[r - 1].text == "," {
                        r - 1
                    } else {
                        r
                    };
                    return self.mention_ending_at(e).map(|m| self.coordinated(m));
                }
                // "Dockworkers at the port of Rotterdam on Monday rejected": the
                // head before a prepositional phrase, when it opens the clause
                let head = self.mentions.iter().rev().find(|h| {
                    h.end < m.start
                        && m.start - h.end <= 8
                        && self
                            .tok(h.end)
                            .is_some_and(|p| PREPOSITIONS.contains(&p.lower.as_ref()))
                        && (h.end..m.start).all(|j| self.tokens[j].is_word())
                        && !self.governed_by_preposition(h)
                        && (h.start == 0
                            || self.tokens[..h.start].iter().all(|t| {
                                // (after a dateline: "ROTTERDAM - Dockworkers ...")
                                !t.is_word()
                                    || t.lower == "the"
                                    || t.text.chars().all(|c| !c.is_lowercase())
                            }))
                });
                return head.map(|h| self.coordinated(h));
            }
            if matches!(l, "who" | "which" | "that") {
                k -= 1;
                if k > 0 && self.tokens[k - 1].text == "," {
                    k -= 1;
                }
                let m = self.mention_ending_at(k)?;
                // "Rustem Umerov, a senior aide to Zelensky, who agreed": the
                // relative clause hangs on the head of the apposition
                if self.governed_by_preposition(m) {
                    let head = (m.start.saturating_sub(12)..m.start)
                        .rev()
                        .find(|&j| self.tokens[j].text == ",")
                        .and_then(|j| self.mention_ending_at(j));
                    if let Some(h) = head {
                        return Some(self.coordinated(h));
                    }
                }
                return Some(self.coordinated(m));
            }
            if t.text == "," || t.text == ")" {
                // an apposition or relative clause: "Putin, whose forces ..., turned"
                let open = if t.text == ")" { "(" } else { "," };
                // "The Netherlands, backed by Sweden, Denmark and Austria, argued": the
                // subject stands before the first comma of the aside, at the clause start
                if open == "," {
                    let lo = k.saturating_sub(30);
                    let first = (lo..k - 1)
                        .filter(|&p| self.tokens[p].text == ",")
                        .find_map(|p| {
                            self.mention_ending_at(p).filter(|m| {
                                m.start == 0
                                    || self.tokens[..m.start].iter().all(|t| {
                                        !t.is_word()
                                            || t.lower == "the"
                                            || t.lower == "but"
                                            || t.lower == "and"
                                    })
                            })
                        });
                    if let Some(m) = first {
                        let mut subjects = self.coordinated(m);
                        // "The Netherlands, backed by Sweden and Austria, argued":
                        // those who back it hold the position too
                        let aside = m.end + 1;
                        let backers = matches!(
                            (
                                self.tok(aside).map(|t| t.lower.as_ref()),
                                self.tok(aside + 1).map(|t| t.lower.as_ref())
                            ),
                            (Some("backed" | "supported" | "joined"), Some("by"))
                                | (Some("along" | "together"), Some("with"))
                        );
                        if backers {
                            let extra: Vec<&Mention> = self
                                .mentions
                                .iter()
                                .filter(|b| {
                                    b.start >= aside + 2
                                        && b.end < k
                                        && b.form == MentionForm::Name
                                        && !subjects.iter().any(|s| s.start == b.start)
                                })
                                .collect();
                            subjects.extend(extra);
                        }
                        return Some(subjects);
                    }
                }
                let mut p = k - 1;
                while p > 0 && k - p < 30 {
                    p -= 1;
                    if self.tokens[p].text == open {
                        if let Some(m) = self.mention_ending_at(p) {
                            return Some(self.coordinated(m));
                        }
                        // ", though,", ", for its part,": a short aside, read on to its left
                        if k - p <= 5
                            && (p + 1..k - 1).all(|j| {
                                self.mention_at(j)
                                    .is_none_or(|m| m.form == MentionForm::Pronoun)
                            })
                        {
                            k = p;
                            break;
                        }
                        return None;
                    }
                }
                if k == p {
                    continue;
                }
                return None;
            }
            // "Kyiv's negotiators said", "the Kremlin's spokesman said"
            if (self.lx.is_group_noun(l)
                || self.lx.is_title(l)
                || matches!(l, "committee" | "office" | "statement" | "spokesperson"))
                && k >= 2
            {
                if k >= 3 && self.tokens[k - 2].lower == "'s" {
                    return self.mention_ending_at(k - 2).map(|m| vec![m]);
                }
                // "the WGA negotiating committee said", "Hamas officials said"
                for gap in 1..=2 {
                    if k > gap {
                        if let Some(m) = self
                            .mention_ending_at(k - gap)
                            .filter(|m| m.form == MentionForm::Name)
                        {
                            if (k - gap..k - 1)
                                .all(|j| self.tokens[j].is_word() && !self.tokens[j].cap)
                            {
                                return Some(vec![m]);
                            }
                        }
                    }
                }
            }
            return None;
        }
        None
    }

    /// The subject of the sentence's first clause: the first mention, at the
    /// start or after an introductory phrase, that a word (its verb) follows.
    pub fn main_subject(&self, before: usize) -> Option<&'a Mention> {
        // the clause the participle hangs on: after the last "but"/"while"/";" before it
        let clause_start = (0..before)
            .rev()
            .find(|&j| {
                matches!(
                    self.tokens[j].lower.as_ref(),
                    "but" | "while" | "whereas" | ";" | "although" | "though"
                )
            })
            .map(|j| j + 1)
            .unwrap_or(0);
        if let Some(m) = self
            .mentions
            .iter()
            .find(|m| m.start >= clause_start && m.end < before && !self.governed_by_preposition(m))
        {
            if clause_start > 0 {
                return Some(m);
            }
        }
        self.mentions
            .iter()
            .filter(|m| m.end < before && !self.governed_by_preposition(m))
            .find(|m| {
                // (past an apposition: "UAW members, or 8% of its workers, walked")
                let after = if self.is(m.end, ",") {
                    (m.end + 1..(m.end + 14).min(self.tokens.len()))
                        .find(|&j| self.is(j, ","))
                        .map_or(m.end, |j| j + 1)
                } else {
                    m.end
                };
                let verb_follows = self
                    .tok(after)
                    .is_some_and(|t| t.is_word() && !t.cap && t.lower != "'s" && t.lower != "and");
                // (the verb first: the scans of what comes before are dearer)
                if !verb_follows {
                    return false;
                }
                // "Some 12,700 UAW members ...": an amount before the subject
                // (or a time phrase: "In late May the Sudanese army pulled out")
                let time_intro = || {
                    self.tokens[..m.start].iter().all(|t| {
                        !t.is_word()
                            || t.kind == TokKind::Number
                            || is_time_word(&t.lower)
                            || matches!(
                                t.lower.as_ref(),
                                "in" | "on"
                                    | "at"
                                    | "by"
                                    | "since"
                                    | "late"
                                    | "early"
                                    | "mid"
                                    | "last"
                                    | "this"
                                    | "next"
                                    | "the"
                                    | "of"
                            )
                    }) && self.tokens[..m.start]
                        .iter()
                        .any(|t| is_time_word(&t.lower))
                };
                let starts_clause = m.start == 0
                    || self.tokens[..m.start].iter().all(|t| {
                        !t.is_word()
                            || t.kind == TokKind::Number
                            || matches!(
                                t.lower.as_ref(),
                                "the" | "some" | "about" | "around" | "nearly" | "almost"
                            )
                    })
                    || self.tok(m.start - 1).is_some_and(|t| t.text == ",")
                    || (m.start >= 2
                        && self.is(m.start - 1, "the")
                        && self.tokens[m.start - 2].text == ",")
                    || time_intro();
                starts_clause
            })
    }

    /// "talks with Russia" is no subject; "officials in Beijing" is.
    fn governed_by_preposition(&self, m: &Mention) -> bool {
        // ("spoke to the BBC": past the article)
        let start = self.article_start(m);
        let Some(p) = start.checked_sub(1).and_then(|i| self.tok(i)) else {
            return false;
        };
        if !PREPOSITIONS.contains(&p.lower.as_ref()) {
            return false;
        }
        let before = start.checked_sub(2).and_then(|i| self.tok(i));
        let head_noun =
            before.is_some_and(|b| self.lx.is_group_noun(&b.lower) || self.lx.is_title(&b.lower));
        !(head_noun && matches!(p.lower.as_ref(), "in" | "for" | "of" | "from" | "at"))
    }

    /// Where the mention's noun phrase starts: at a "the" before it, if any
    /// ("the BBC", whose mention is "BBC").
    fn article_start(&self, m: &Mention) -> usize {
        if m.start >= 2 && self.is(m.start - 1, "the") {
            m.start - 1
        } else {
            m.start
        }
    }

    /// Whether `m` is a possessive pronoun of the third person ("his",
    /// "its", "their"), as the mention pass resolved it.
    fn possessive_pronoun(&self, m: &Mention) -> bool {
        m.form == MentionForm::Pronoun
            && m.end == m.start + 1
            && matches!(
                self.tokens[m.start].lower.as_ref(),
                "his" | "her" | "its" | "their"
            )
    }

    /// The first mention of a list "A, B, and C" that ends with `m`.
    fn list_head(&self, m: &'a Mention) -> &'a Mention {
        let mut head = m;
        for step in 0..8 {
            let mut s = self.article_start(head);
            // (the list ends in "and": "Caracas, Maduro said" is no list)
            let and = s >= 1 && self.is(s - 1, "and");
            if and {
                s -= 1;
            } else if step == 0 {
                break;
            }
            if s >= 1 && self.is(s - 1, ",") {
                s -= 1;
            }
            if s == self.article_start(head) {
                break;
            }
            match self.mention_ending_at(s) {
                Some(prev) if prev.form == MentionForm::Name => head = prev,
                _ => break,
            }
        }
        head
    }

    /// "X and Y rejected": every coordinated subject.
    fn coordinated(&self, m: &'a Mention) -> Vec<&'a Mention> {
        let mut out = vec![m];
        let mut start = m.start;
        loop {
            let mut s = start;
            if s >= 1 && self.is(s - 1, "the") {
                s -= 1;
            }
            // "Ukraine and its European partners": past the possessive
            if let Some(p) = self
                .mention_ending_at(s)
                .filter(|p| s > 0 && self.possessive_pronoun(p))
            {
                s = p.start;
            }
            // "A, B and C": the link next to the verb's subject must be "and";
            // "with Ukraine, Macron urged" is an aside, not a list
            let and = s >= 2 && self.is(s - 1, "and");
            let comma = s >= 2 && self.tokens[s - 1].text == "," && out.len() > 1;
            if !(and || comma) {
                break;
            }
            match self.mention_ending_at(s - 1) {
                Some(prev) if prev.form != MentionForm::Pronoun || prev.start > 0 => {
                    out.insert(0, prev);
                    start = prev.start;
                }
                _ => break,
            }
        }
        out
    }

    /// Where a content starting at `a` ends.
    fn content_end(&self, a: usize, claim: bool) -> usize {
        let n = self.tokens.len();
        let started_quoted = self.quoted.get(a).copied().unwrap_or(false);
        let mut k = a;
        while k < n {
            let t = &self.tokens[k];
            let l = t.lower.as_ref();
            match t.text {
                ";" | "—" | "–" | "--" => return k,
                "(" if !claim => return k,
                // "sets out a phased path: The plan runs in three phases": a
                // sentence of its own after the colon
                // (not what "the following:" or "three steps:" announces)
                ":" if !claim
                    && k >= a + 3
                    && self
                        .tok(k + 1)
                        .is_some_and(|x| x.cap && DETERMINERS.contains(&x.lower.as_ref()))
                    && !(a..k).any(|j| {
                        self.tokens[j].lower == "following"
                            || self.tokens[j].kind == TokKind::Number
                    }) =>
                {
                    return k
                }
                "," => {
                    let next = self.tok(k + 1);
                    let next2 = if next.is_some_and(|x| x.is_quote()) {
                        self.tok(k + 2)
                    } else {
                        next
                    };
                    // "that Azerbaijan, which wrote the treaty, has set ...": a relative
                    // clause after the claim's subject is skipped, not an end
                    if claim
                        && k - a <= 3
                        && next2
                            .is_some_and(|x| matches!(x.lower.as_ref(), "which" | "who" | "whose"))
                    {
                        if let Some(close) =
                            (k + 2..n.min(k + 30)).find(|&j| self.tokens[j].text == ",")
                        {
                            k = close + 1;
                            continue;
                        }
                    }
                    if next2.is_some_and(|x| COMMA_STOPS.contains(&x.lower.as_ref())) {
                        return k;
                    }
                    // "Ukrainian forces, and not Russian ones, to leave": a contrast
                    // set off by commas inside the phrase
                    let not_at = match next.map(|x| x.lower.as_ref()) {
                        Some("not") => Some(k + 1),
                        Some("and" | "but") if self.is(k + 2, "not") => Some(k + 2),
                        _ => None,
                    };
                    if let Some(close) = not_at.and_then(|nj| {
                        (nj + 1..n.min(nj + 7))
                            .take_while(|&j| self.tokens[j].is_word() || self.tokens[j].text == ",")
                            .find(|&j| self.tokens[j].text == ",")
                    }) {
                        k = close + 1;
                        continue;
                    }
                    // "the lifting of some sanctions, those that hamper the
                    // economy": an apposition that says which
                    if !claim && next.is_some_and(|x| x.lower == "those") {
                        k += 1;
                        continue;
                    }
                    if self.attribution_at(k + 1) {
                        return k;
                    }
                    if next.is_some_and(|x| x.lower == "and" || x.lower == "but")
                        && self.clause_at(k + 2)
                    {
                        return k;
                    }
                    if !claim && !self.list_follows(k + 1) {
                        return k;
                    }
                }
                _ => {}
            }
            if t.kind == TokKind::CloseQuote && claim && started_quoted && k > a {
                return k;
            }
            if t.kind == TokKind::OpenQuote
                && claim
                && !started_quoted
                && k > a
                && self.tok(k - 1).is_some_and(|p| p.text == ",")
            {
                return k - 1;
            }
            if t.is_word() && !t.cap {
                // "a deal only if ..." ends the object; "apply only temporarily" does not
                let only_adverb = l == "only"
                    && self
                        .tok(k + 1)
                        .is_some_and(|x| x.is_word() && x.lower.ends_with("ly"));
                // "action against those who carried out the attack": who they are
                let those_who = l == "who"
                    && k > a
                    && matches!(
                        self.tokens[k - 1].lower.as_ref(),
                        "those" | "anyone" | "people" | "all" | "everyone"
                    );
                if !claim && OBJECT_STOPS.contains(&l) && k > a && !only_adverb && !those_who {
                    return k;
                }
                // "refused a plan for a truce first came in a summary": the
                // object was inside a clause whose verb follows
                if !claim && k > a + 1 && CLAUSE_VERBS.contains(&l) && !self.relative_between(a, k)
                {
                    return self.before_adverb(a, k);
                }
                // "relief in exchange for closing the plant" (what is given in
                // return), "demands in response to the proposal" (why, not what)
                if !claim
                    && l == "in"
                    && k > a
                    && matches!(
                        (
                            self.tok(k + 1).map(|x| x.lower.as_ref()),
                            self.tok(k + 2).map(|x| x.lower.as_ref())
                        ),
                        (Some("exchange" | "return"), Some("for"))
                            | (Some("response" | "reply"), Some("to"))
                            | (Some("protest"), Some("at" | "against" | "over"))
                    )
                {
                    return k;
                }
                if claim && matches!(l, "while" | "whereas") && k > a {
                    return k;
                }
                // "fishing demands as WTO seeks to avoid stalemate": "as" opens a clause
                if !claim
                    && l == "as"
                    && k > a
                    && (self.clause_at(k + 1) || self.finite_clause_at(k + 1))
                {
                    return k;
                }
                if !claim
                    && l == "as"
                    && self.tok(k + 1).is_some_and(|x| {
                        matches!(
                            x.lower.as_ref(),
                            "a" | "an" | "part" | "the" | "long" | "well"
                        )
                    })
                {
                    return k;
                }
                // "complete and sign the treaty": one bare verb before "and" shares
                // the object with the next, so it is no verb phrase of its own
                let bare_verb = k == a + 1 && l == "and";
                if matches!(l, "and" | "but")
                    && k > a
                    && !(l == "and" && self.pairs_after_between(a, k))
                    && (self.clause_at(k + 1) || (self.verb_phrase_at(k + 1) && !bare_verb))
                {
                    return k;
                }
            }
            k += 1;
        }
        n
    }

    /// Whether the "and" at `k` joins the two sides of a "between" opened
    /// after `a` ("talks between the government and the opposition will ..."):
    /// the nearest "between" before it, with no "and" since.
    fn pairs_after_between(&self, a: usize, k: usize) -> bool {
        (a..k)
            .rev()
            .take_while(|&j| !self.is(j, "and"))
            .any(|j| self.is(j, "between"))
    }

    /// ", reports say, ...", ", sources said, ...": an aside at `k` that
    /// attributes the report; where what it interrupts goes on.
    fn attribution_aside(&self, k: usize) -> Option<usize> {
        if !self.is(k, ",") {
            return None;
        }
        let verb = (k + 2..(k + 5).min(self.tokens.len())).find(|&j| {
            self.lx
                .cue_forms(&self.tokens[j].lower)
                .iter()
                .any(|f| self.lx.cues[f.cue].frame == Frame::Speech && f.words.len() == 1)
        })?;
        let plain = (k + 1..verb).all(|j| self.tokens[j].is_word());
        (plain && self.is(verb + 1, ",") && self.tok(verb + 2).is_some_and(|t| t.is_word()))
            .then_some(verb + 2)
    }

    /// Where a phrase from `a` ends before the verb at `verb`: before an
    /// adverb on the verb ("a plan for a truce first came in ...").
    fn before_adverb(&self, a: usize, verb: usize) -> usize {
        let adverb = verb > a + 1
            && matches!(
                self.tokens[verb - 1].lower.as_ref(),
                "first" | "also" | "still" | "now" | "later"
            );
        if adverb {
            verb - 1
        } else {
            verb
        }
    }

    /// A relative pronoun between `a` and `b`: a verb after it is the
    /// relative clause's own ("a plan that came too late").
    fn relative_between(&self, a: usize, b: usize) -> bool {
        (a..b).any(|x| matches!(self.tokens[x].lower.as_ref(), "that" | "which" | "who"))
    }

    /// A new clause with its own subject and cue starts at `i`.
    fn clause_at(&self, i: usize) -> bool {
        let Some(m) = self.mention_starting_at(i) else {
            return false;
        };
        let mut j = m.end;
        while self.tok(j).is_some_and(skippable) {
            j += 1;
        }
        self.tok(j)
            .is_some_and(|t| !self.lx.cue_forms(&t.lower).is_empty())
    }

    /// A finite clause with its own subject starts at `i`: a subject pronoun,
    /// an actor or a short noun phrase, then an auxiliary or finite "be"/"have"
    /// ("and they have less money", "and Brussels was still waiting", "and
    /// patients are at risk"). Without a tagger this is the cautious reading:
    /// a bare verb after the noun phrase is not taken as its verb.
    pub fn finite_clause_at(&self, i: usize) -> bool {
        let Some(first) = self.tok(i) else {
            return false;
        };
        let mut j = if matches!(
            first.lower.as_ref(),
            "he" | "she" | "it" | "they" | "we" | "i" | "you"
        ) {
            i + 1
        } else if let Some(m) = self.mention_starting_at(i) {
            m.end
        } else {
            // a noun phrase of a few plain words that opens with a determiner or
            // is plural: "our proposals", "patients" (not "damage would ...",
            // the second half of "loss and damage")
            // (the determiners include the possessives "its", "their", "our")
            let opens = DETERMINERS.contains(&first.lower.as_ref());
            let mut k = i;
            while self.tok(k).is_some_and(|t| {
                t.is_word()
                    && !is_finite_aux(t)
                    && !COMMA_STOPS.contains(&t.lower)
                    && !matches!(t.lower.as_ref(), "and" | "or" | "that")
            }) && k < i + 4
            {
                if k > i && (PREPOSITIONS.contains(&self.tokens[k].lower.as_ref())) {
                    return false;
                }
                k += 1;
            }
            let plural = k > i && {
                let l = self.tokens[k - 1].lower.as_ref();
                l.len() > 3 && l.ends_with('s') && !l.ends_with("ss")
            };
            if k == i || !(opens || plural) {
                return false;
            }
            k
        };
        while self
            .tok(j)
            .is_some_and(|t| t.is_word() && !t.cap && (ADVERBS.contains(&t.lower) || is_neg(t)))
        {
            j += 1;
        }
        self.tok(j).is_some_and(is_finite_aux)
    }

    /// A verb follows the subject ending at `e`: a lower-case word that is
    /// no preposition, past adverbs and auxiliaries ("Armenia amends",
    /// "Israel would withdraw"), not "Israel and Egypt".
    fn clause_verb_after(&self, e: usize) -> bool {
        let mut j = e;
        while self.tok(j).is_some_and(skippable) {
            j += 1;
        }
        self.tok(j).is_some_and(|t| {
            t.is_word()
                && !t.cap
                && !PREPOSITIONS.contains(&t.lower.as_ref())
                && !matches!(t.lower.as_ref(), "and" | "or" | "but")
        })
    }

    /// Whether `a..b` reads as a main clause that a second one may be
    /// coordinated with: it has a finite verb and no subordinating word
    /// ("only if A are removed and B ..." keeps both under "if").
    pub fn main_clause(&self, a: usize, b: usize) -> bool {
        let toks = &self.tokens[a..b];
        !toks
            .iter()
            .any(|t| SUBORDINATORS.contains(&t.lower.as_ref()))
            && toks.iter().any(|t| {
                is_finite_aux(t)
                    || (t.is_word() && !t.cap && t.lower.len() > 4 && t.lower.ends_with("ed"))
            })
    }

    /// "... and urged Z to ...": a second verb phrase of the same subject.
    fn verb_phrase_at(&self, i: usize) -> bool {
        let mut j = i;
        while self.tok(j).is_some_and(skippable) {
            j += 1;
        }
        self.tok(j).is_some_and(|t| {
            t.is_word()
                && !t.cap
                && self.lx.cue_forms(&t.lower).iter().any(|f| {
                    f.words
                        .iter()
                        .enumerate()
                        .all(|(k, w)| self.tok(j + k).is_some_and(|x| x.lower == w.as_str()))
                })
                && !t.lower.ends_with("ing")
        }) && !self
            .tok(j.saturating_sub(1))
            .is_some_and(|p| DETERMINERS.contains(&p.lower.as_ref()))
    }

    /// "..., he said", "..., the ministry said": an attribution starts at `i`.
    fn attribution_at(&self, i: usize) -> bool {
        let i = if self.tok(i).is_some_and(|t| t.is_quote()) {
            i + 1
        } else {
            i
        };
        let speech_at = |j: usize| {
            self.tok(j).is_some_and(|t| {
                self.lx
                    .cue_forms(&t.lower)
                    .iter()
                    .any(|f| self.lx.cues[f.cue].frame == Frame::Speech && f.words.len() == 1)
            })
        };
        if let Some(m) = self.mention_starting_at(i) {
            let mut j = m.end;
            while self.tok(j).is_some_and(skippable) {
                j += 1;
            }
            return speech_at(j);
        }
        speech_at(i) && self.mention_starting_at(i + 1).is_some()
    }

    /// "A, B and C": a list continues after the comma at `i - 1`.
    fn list_follows(&self, i: usize) -> bool {
        let mut k = i;
        while k < self.tokens.len() && k < i + 8 {
            let t = &self.tokens[k];
            if matches!(t.text, "," | ";" | "." | "—") || t.is_quote() {
                return false;
            }
            if t.lower == "and" || t.lower == "or" {
                return k > i;
            }
            if t.is_word() && OBJECT_STOPS.contains(&t.lower.as_ref()) {
                return false;
            }
            k += 1;
        }
        false
    }

    /// Drop leading "that", quotes and punctuation, and trailing punctuation,
    /// quotes and time phrases ("last week", "on Monday").
    fn trim(&self, mut a: usize, mut b: usize) -> (usize, usize) {
        while a < b {
            let t = &self.tokens[a];
            // a leading "that" is a complementizer, unless it is the subject ("That is a non-starter")
            let demonstrative = t.lower == "that"
                && self.tok(a + 1).is_some_and(|x| {
                    matches!(
                        x.lower.as_ref(),
                        "is" | "was"
                            | "would"
                            | "will"
                            | "has"
                            | "had"
                            | "seems"
                            | "remains"
                            | "'s"
                    )
                });
            if t.is_quote()
                || matches!(t.text, ":" | "," | "-" | "…")
                || (t.lower == "that" && !demonstrative)
            {
                a += 1;
            } else {
                break;
            }
        }
        loop {
            if b <= a {
                break;
            }
            let t = &self.tokens[b - 1];
            let l = t.lower.as_ref();
            let trailing_punct =
                t.is_quote() || (t.kind == TokKind::Punct && t.text != ")" && t.text != "%");
            let trailing_adverb = (matches!(
                l,
                "yesterday" | "today" | "tonight" | "again" | "now" | "earlier" | "later"
            ) || (PREPOSITIONS.contains(&l)
                || matches!(l, "and" | "or" | "but"))
                && t.is_word()
                && !t.cap)
                && b - a > 1;
            if trailing_punct || trailing_adverb {
                b -= 1;
            } else if is_time_word(l)
                && b - a > 2
                && TIME_LEADS.contains(&self.tokens[b - 2].lower.as_ref())
                && !matches!(self.tokens[b - 2].lower.as_ref(), "the" | "that")
            {
                b -= 2;
            } else {
                break;
            }
        }
        (a, b)
    }

    /// The text of a token range, without quotation marks: the tokens with
    /// one space where white space parted them. (Tokens cover every
    /// character but white space, and `"`, `“` and `”` are tokens of their
    /// own, so no character needs decoding.)
    pub fn text_of(&self, a: usize, b: usize) -> String {
        let Some(range) = self.tokens.get(a..b).filter(|r| !r.is_empty()) else {
            return String::new();
        };
        let (first, last) = (range[0].start, range[range.len() - 1].end);
        // most spans hold no quotation mark and one space between words: the
        // words as written, copied at once
        if let Some(text) = self.text.get(first..last) {
            let b = text.as_bytes();
            let plain = range.windows(2).all(|p| {
                p[1].start == p[0].end
                    || (p[1].start == p[0].end + 1 && b.get(p[0].end - first) == Some(&b' '))
            }) && range.iter().all(|t| !matches!(t.text, "\"" | "“" | "”"));
            if plain {
                return text.to_string();
            }
        }
        let mut out = String::with_capacity(last - first);
        let mut space = false;
        let mut prev_end = range[0].start;
        for t in range {
            if t.start > prev_end {
                space = !out.is_empty();
            }
            prev_end = t.end;
            if matches!(t.text, "\"" | "“" | "”") {
                continue;
            }
            if space {
                out.push(' ');
                space = false;
            }
            out.push_str(t.text);
        }
        out
    }

    fn holder_of(m: &Mention) -> Option<Holder> {
        match &m.referent {
            Referent::Actor(a) => Some(Holder::Actor(a.clone())),
            Referent::FirstPerson => Some(Holder::FirstPerson),
            Referent::Unresolved => None,
        }
    }

    /// Split "A and B" contents into their conjuncts, but not "trade and
    /// investment agreement" or "a complete and unconditional ceasefire".
    pub fn split_coordination(&self, a: usize, b: usize) -> Vec<(usize, usize)> {
        if (a..b).any(|k| matches!(self.tokens[k].lower.as_ref(), "between" | "both")) {
            return vec![(a, b)];
        }
        // "the aid it gives farmers and fishers": a clause inside, not a list of things
        let first_and = (a..b).find(|&k| self.is(k, "and"));
        if let Some(fa) = first_and {
            if (a..fa).any(|k| {
                is_pronoun(&self.tokens[k].lower)
                    && !matches!(
                        self.tokens[k].lower.as_ref(),
                        "its" | "their" | "his" | "her" | "our"
                    )
                    || matches!(self.tokens[k].lower.as_ref(), "that" | "which" | "who")
            }) {
                return vec![(a, b)];
            }
        }
        let mut parts = Vec::new();
        let mut s = a;
        let mut k = a;
        while k < b {
            let t = &self.tokens[k];
            let is_and = t.lower == "and"
                || (t.text == "," && self.tok(k + 1).is_some_and(|x| x.lower == "and"));
            // "Ukrainian forces, and not Russian ones, to leave": a contrast, no list
            let and_at = if t.text == "," { k + 1 } else { k };
            if is_and && !self.is(and_at + 1, "not") {
                let and_at = if t.text == "," { k + 1 } else { k };
                // count words only: quotation marks are no part of either conjunct
                let words =
                    |x: usize, y: usize| (x..y).filter(|&j| !self.tokens[j].is_quote()).count();
                let left = words(s, k);
                let right = words(and_at + 1, b);
                let right_is_phrase = self
                    .tok(and_at + 1)
                    .is_some_and(|t| DETERMINERS.contains(&t.lower.as_ref()));
                // "the research and production centre", also as the last item
                // after a comma ("the Yongbyon complex, the research and
                // production centre at its heart": an apposition, no list)
                let seg = (s..k)
                    .rev()
                    .find(|&j| self.tokens[j].text == ",")
                    .map_or(s, |c| c + 1);
                let adjective_pair = words(seg, k) == 2
                    && DETERMINERS.contains(&self.tokens[seg].lower.as_ref())
                    && right >= 2
                    && !right_is_phrase;
                // "a plan for settling the border question and breaking the
                // deadlock": two gerunds of one preposition, one plan
                let gerund = |j: usize| {
                    self.tok(j)
                        .is_some_and(|t| t.is_word() && !t.cap && t.lower.ends_with("ing"))
                };
                let parallel_gerunds = gerund(and_at + 1)
                    && (s.max(1)..k).any(|j| {
                        gerund(j) && PREPOSITIONS.contains(&self.tokens[j - 1].lower.as_ref())
                    });
                // "talks mediated by Saudi and American officials": the agents of
                // one participle; "groups like Hamas, Hezbollah and the Houthis":
                // examples of one thing
                let agents = (k.saturating_sub(3).max(seg)..k).any(|j| self.is(j, "by"));
                let examples = (s..k).any(|j| {
                    matches!(self.tokens[j].lower.as_ref(), "like" | "including")
                        || (self.is(j, "such") && self.is(j + 1, "as"))
                });
                // "release hostages to secure a ceasefire and relief": the "and"
                // is inside the purpose of the first, no second position
                // ("wants Chile to raise taxes and cut spending": the "to" of
                // whom it is asked of is no purpose)
                let asked_to = |j: usize| self.mention_starting_at(s).is_some_and(|m| m.end == j);
                let purpose = (s + 1..k).any(|j| {
                    self.is(j, "to")
                        && !asked_to(j)
                        && self.tok(j + 1).is_some_and(|t| {
                            t.is_word()
                                && !t.cap
                                && !DETERMINERS.contains(&t.lower.as_ref())
                                && !PREPOSITIONS.contains(&t.lower.as_ref())
                                && t.kind != TokKind::Number
                                // (a verb after "to" has its base form: "an end
                                // to sanctions and ..." is a list)
                                && !t.lower.ends_with('s')
                        })
                });
                if left >= 2
                    && right >= 1
                    && !adjective_pair
                    && !parallel_gerunds
                    && !agents
                    && !examples
                    && !purpose
                {
                    parts.push((s, k));
                    s = and_at + 1;
                    k = s;
                    continue;
                }
            }
            k += 1;
        }
        parts.push((s, b));
        // a list "A, B and C": split the commas of the first part too, unless the
        // items are single words ("constructive, honest and prompt work")
        if parts.len() > 1 {
            let (fs, fe) = parts[0];
            let commas: Vec<usize> = (fs..fe).filter(|&i| self.tokens[i].text == ",").collect();
            let one_word_items = commas.first().is_some_and(|&c| c == fs + 1);
            if one_word_items {
                return vec![(a, b)];
            }
            if !commas.is_empty() {
                let mut first = Vec::new();
                let mut s = fs;
                for c in commas {
                    if c > s {
                        first.push((s, c));
                    }
                    s = c + 1;
                }
                first.push((s, fe));
                parts.splice(0..1, first);
            }
        }
        parts.into_iter().filter(|(x, y)| y > x).collect()
    }

    fn starts_noun_phrase(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| {
            DETERMINERS.contains(&t.lower.as_ref())
                || t.cap
                || t.kind == TokKind::Number
                || t.is_quote()
        })
    }

    /// "Kurti specifically demanded:": a cue that a colon ends, so what it
    /// takes is the list on the lines that follow. Its holder and stance.
    pub fn list_intro(&self) -> Option<(Holder, String, Stance)> {
        let n = self.tokens.len();
        if n < 3 || self.tokens[n - 1].text != ":" {
            return None;
        }
        let hit = self
            .find_cues()
            .into_iter()
            .rev()
            .find(|h| h.end == n - 1)?;
        let m = *self.find_subject(hit.start)?.first()?;
        let h = Self::holder_of(m)?;
        Some((h, m.text.clone(), self.lx.cues[hit.cue].stance))
    }

    /// "- The extradition of X, whom he holds responsible ...": one item of
    /// a list that a cue ending in a colon opened; the item's noun phrase
    /// is what the list's holder demands (or offers, rejects ...).
    pub fn list_item(&self, holder: &Holder, text: &str, stance: Stance) -> Option<Candidate> {
        let (a, b) = self.trim(1, self.content_end(1, false));
        (b > a).then(|| {
            Candidate::plain(
                (0, 1),
                stance,
                holder.clone(),
                text.to_string(),
                (a, b),
                "list-item",
            )
        })
    }

    /// Whose the rejected or backed thing is: "rejected Hamas's proposal",
    /// "the Republicans' latest offer", "the U.S. view that ...", "an offer
    /// from Stellantis", "a plan put forward by Egypt". Read off the start of
    /// the content `[a, b)` for any rule that left the target open.
    pub fn author_of(&self, a: usize, b: usize) -> Option<Actor> {
        if let Some(m) = self
            .mention_from(a)
            .filter(|m| m.form != MentionForm::Pronoun && m.end < b)
        {
            let possessive = self.is(m.end, "'s")
                || self.tok(m.end).is_some_and(|t| {
                    matches!(t.text, "'" | "’") && self.tokens[m.end - 1].lower.ends_with('s')
                });
            // "the U.S. view that", "a Hamas ceasefire offer": a name before its noun
            let before_noun = (m.end..(m.end + 3).min(b)).any(|j| {
                let l = self.tokens[j].lower.as_ref();
                self.lx.noun(l).is_some() || matches!(l, "view" | "views" | "position" | "terms")
            }) && self.tok(m.end).is_some_and(|t| t.is_word());
            if possessive || before_noun {
                return m.actor().cloned();
            }
        }
        let by = (a..b).find(|&j| self.is(j, "by") || self.is(j, "from"))?;
        self.mention_from(by + 1)
            .filter(|m| m.form != MentionForm::Pronoun)
            .and_then(|m| m.actor().cloned())
    }

    /// A noun phrase, not a bare verb, starts at `i`: "to talks", "to a
    /// summit", "to negotiations" (after "to", a plural or a nominal ending
    /// is no verb; "to discuss" is).
    fn noun_like_at(&self, i: usize) -> bool {
        self.starts_noun_phrase(i)
            || self.tok(i).is_some_and(|t| {
                let l = t.lower.as_ref();
                t.is_word()
                    && ((l.ends_with('s') && !l.ends_with("ss") && l.len() > 3)
                        || l.ends_with("tion")
                        || l.ends_with("ment")
                        || l.ends_with("logue"))
            })
    }

    /// All candidates of the sentence.
    pub fn candidates(&self) -> Vec<Candidate> {
        let mut out: Vec<Candidate> = Vec::new();
        let cues = self.find_cues();
        for hit in &cues {
            self.verb_candidates(hit, &cues, &mut out);
        }
        self.nominal_candidates(&mut out);
        let scans = Scans::called_for(self.tokens);
        if scans.has(Scan::According) {
            self.according_to(&mut out);
        }
        if scans.has(Scan::Refusals) {
            self.refusals(&cues, &mut out);
        }
        if scans.has(Scan::Conditions) {
            self.conditions(&mut out);
        }
        if scans.has(Scan::Evaluations) {
            self.evaluations(&mut out);
        }
        self.object_relatives(&cues, &mut out);
        if scans.has(Scan::Hope) {
            self.in_the_hope_of(&mut out);
        }
        if scans.has(Scan::Contingent) {
            self.made_contingent(&mut out);
        }
        if scans.has(Scan::Reactions) {
            self.drew_reactions(&mut out);
        }
        if scans.has(Scan::WhatCalled) {
            self.what_was_called(&mut out);
        }
        if scans.has(Scan::AsDo) {
            self.as_do(&mut out);
        }
        self.aim_reactions_at_owners(&mut out);
        // "would accept a deal only if it came with guarantees": acceptance
        // on a condition is the condition's demand, no support
        out.retain(|c| {
            !(c.stance == Stance::Support
                && self.is(c.content.1, "only")
                && self
                    .tok(c.content.1 + 1)
                    .is_some_and(|t| matches!(t.lower.as_ref(), "if" | "when" | "provided")))
        });
        out
    }

    /// The author named at the start of a noun phrase at `a`: "Hamas's
    /// proposal", "the Republicans' latest offer", "an Egyptian plan", "their
    /// demands" (a possessive pronoun, as resolved by the mention pass).
    fn owner_at(&self, a: usize) -> Option<&'a Mention> {
        let owner = self.mention_from(a).or_else(|| {
            if self
                .tok(a)
                .is_some_and(|t| DETERMINERS.contains(&t.lower.as_ref()))
            {
                self.mention_starting_at(a + 1)
            } else {
                None
            }
        })?;
        let owns = match owner.form {
            MentionForm::Pronoun => owner.start == a && self.possessive_pronoun(owner),
            MentionForm::Name => {
                // the possessive may be a bare apostrophe: "the Republicans' latest offer"
                self.is(owner.end, "'s")
                    || self.tok(owner.end).is_some_and(|t| {
                        matches!(t.text, "'" | "’")
                            && self.tokens[owner.end - 1].lower.ends_with('s')
                    })
                    || self
                        .tok(owner.end)
                        .is_some_and(|t| self.lx.noun(&t.lower).is_some())
            }
            MentionForm::Description => false,
        };
        owns.then_some(owner)
    }

    /// "what he described as a final proposal", "what it calls violations":
    /// where what something was called starts, when `a` is that "what".
    fn what_it_called(&self, a: usize) -> Option<usize> {
        if !self.is(a, "what") {
            return None;
        }
        (a + 1..(a + 6).min(self.tokens.len()))
            .find(|&j| {
                matches!(
                    self.tokens[j].lower.as_ref(),
                    "described"
                        | "describes"
                        | "describe"
                        | "called"
                        | "calls"
                        | "call"
                        | "termed"
                        | "terms"
                        | "dubbed"
                        | "billed"
                )
            })
            .filter(|&j| !self.tokens[j].lower.starts_with("describ") || self.is(j + 1, "as"))
            .map(|j| if self.is(j + 1, "as") { j + 2 } else { j + 1 })
    }

    /// "in protest at what it called violations of the truce": what a party
    /// calls something, where no other position holds it, is its claim.
    fn what_was_called(&self, out: &mut Vec<Candidate>) {
        for w in 0..self.tokens.len() {
            let Some(s) = self.what_it_called(w) else {
                continue;
            };
            // (not the object of a cue: "unveiled what he described as ...")
            if out
                .iter()
                .any(|c| c.cue.1 == w || (c.content.0 <= w && w < c.content.1))
            {
                continue;
            }
            // the one who called it, right before the verb
            let Some(m) = self
                .mention_starting_at(w + 1)
                .filter(|m| m.end + 2 >= s && m.end < s)
            else {
                continue;
            };
            // "it", "he": the holder of the clause's position before it, or
            // its subject, when it can be meant
            let person = matches!(self.tokens[m.start].lower.as_ref(), "he" | "she");
            let fits = |a: &Actor| (a.kind == crate::model::ActorKind::Person) == person;
            let holder = if m.form != MentionForm::Pronoun {
                Self::holder_of(m).map(|h| (h, m.text.clone()))
            } else if let Some(c) = out
                .iter()
                .rev()
                .find(|c| c.cue.1 <= w && matches!(&c.holder, Holder::Actor(a) if fits(a)))
            {
                Some((c.holder.clone(), c.holder_text.clone()))
            } else {
                self.main_subject(w)
                    .filter(|subj| {
                        subj.form != MentionForm::Pronoun && subj.actor().is_some_and(fits)
                    })
                    .and_then(|subj| Self::holder_of(subj).map(|h| (h, subj.text.clone())))
            };
            let Some((h, text)) = holder else {
                continue;
            };
            let (a, b) = self.trim(s, self.content_end(s, false));
            if b > a {
                out.push(Candidate::plain(
                    (w, s),
                    Stance::Claim,
                    h,
                    text,
                    (a, b),
                    "what-it-called",
                ));
            }
        }
    }

    /// The party whose plan is the subject of the verb at `cs`: "Hamas's
    /// counter-proposal, made public on Tuesday, sets out ...", "a US-backed
    /// blueprint would require ...", "the Egyptian plan calls for ...".
    fn document_owner(&self, cs: usize) -> Option<&'a Mention> {
        let mut k = cs;
        while k > 0 && skippable(&self.tokens[k - 1]) {
            k -= 1;
        }
        // past an aside set off by commas that opens with a participle
        if k > 0 && self.is(k - 1, ",") {
            let open = (k.saturating_sub(12)..k - 1)
                .rev()
                .find(|&j| self.is(j, ","))?;
            if !self
                .tok(open + 1)
                .is_some_and(|t| t.lower.ends_with("ed") || t.lower == "made")
            {
                return None;
            }
            k = open;
        }
        let head = k.checked_sub(1)?;
        if !DOCUMENT_NOUNS.contains(&self.tokens[head].lower) {
            return None;
        }
        // the noun phrase: back to its determiner, over adjectives and owners
        let mut s = head;
        while s > 0 && head - s < 6 {
            let t = &self.tokens[s - 1];
            let possessive = matches!(t.text, "'s" | "'" | "’" | "’s");
            if DETERMINERS.contains(&t.lower.as_ref()) && !possessive {
                s -= 1;
                break;
            }
            if !possessive && (!(t.is_word() || t.text == "-") || AUX.contains(&t.lower)) {
                break;
            }
            s -= 1;
        }
        let owner = self
            .mentions
            .iter()
            .find(|m| m.start >= s && m.end <= head && m.form == MentionForm::Name)?;
        if self.governed_by_preposition(owner) {
            return None;
        }
        let after = self.tok(owner.end)?;
        let owns = matches!(after.text, "'s" | "'" | "’")
            // "a US-backed blueprint", "the EU-drafted text"
            || (after.text == "-"
                && self.tok(owner.end + 1).is_some_and(|t| {
                    matches!(
                        t.lower.as_ref(),
                        "backed" | "drafted" | "proposed" | "brokered" | "sponsored" | "led"
                    )
                }))
            // "the Egyptian plan", "an Egyptian ceasefire plan"
            || (owner.end..head).all(|j| self.tokens[j].is_word() && !self.tokens[j].cap);
        owns.then_some(owner)
    }

    /// A reaction to something owned is aimed at its owner, whichever rule
    /// found it: "described their demands as bizarre", "would not entertain
    /// his proposal" (target: whom "their", "his" stand for). A modal
    /// refusal's content opens with its verb, so the owner may follow it.
    fn aim_reactions_at_owners(&self, out: &mut [Candidate]) {
        for c in out.iter_mut() {
            if c.target.is_some() {
                continue;
            }
            let a = c.content.0;
            let owner = match c.stance {
                Stance::Reject | Stance::Support => self.owner_at(a).or_else(|| {
                    (c.rule == "modal-refusal")
                        .then(|| self.owner_at(a + 1))
                        .flatten()
                }),
                // "promised to answer its requests", "wants Kyiv to cut its
                // army": done to what is another's, it is aimed at them
                Stance::Offer | Stance::Demand => {
                    let mut v = a;
                    while self
                        .tok(v)
                        .is_some_and(|t| ADVERBS.contains(&t.lower) || t.lower.ends_with("ly"))
                    {
                        v += 1;
                    }
                    self.tok(v)
                        .is_some_and(|t| {
                            t.is_word()
                                && !t.cap
                                && !DETERMINERS.contains(&t.lower.as_ref())
                                && !PREPOSITIONS.contains(&t.lower.as_ref())
                        })
                        .then(|| self.mention_starting_at(v + 1))
                        .flatten()
                        .filter(|m| self.possessive_pronoun(m))
                }
                Stance::Propose | Stance::Claim => None,
            };
            // "lists five conditions Sweden must fulfil": demands that a named
            // party must meet are put to it
            let owner = owner.or_else(|| {
                (c.stance == Stance::Demand && c.content.1 > a + 2)
                    .then(|| {
                        self.mentions.iter().find(|m| {
                            m.start > a
                                && m.start <= a + 4
                                && m.end < c.content.1
                                && m.form == MentionForm::Name
                                && self.tok(m.end).is_some_and(|t| MODALS.contains(&t.lower))
                                && (a..m.start).all(|j| {
                                    let t = &self.tokens[j];
                                    t.is_word() && !t.cap || t.kind == TokKind::Number
                                })
                        })
                    })
                    .flatten()
            });
            if let Some(m) = owner {
                c.aim_at(m.actor().cloned());
            }
        }
    }

    /// "The Netherlands has doubts about the fund, as do Eastern European
    /// members such as Hungary": those named after "as do" hold the
    /// positions of the clause before it too.
    fn as_do(&self, out: &mut Vec<Candidate>) {
        let n = self.tokens.len();
        let Some(k) = (1..n.saturating_sub(3)).find(|&k| {
            self.is(k, ",")
                && self.is(k + 1, "as")
                && self
                    .tok(k + 2)
                    .is_some_and(|t| matches!(t.lower.as_ref(), "do" | "does" | "did"))
        }) else {
            return;
        };
        let end = (k + 3..n)
            .find(|&j| matches!(self.tokens[j].text, "," | ";" | "."))
            .unwrap_or(n);
        let sharers: Vec<&Mention> = self
            .mentions
            .iter()
            .filter(|m| {
                m.start >= k + 3
                    && m.end <= end
                    && m.form == MentionForm::Name
                    && m.actor().is_some_and(|a| a.kind != crate::model::ActorKind::Unknown)
                    // ("members such as Hungary": the examples, not the kind)
                    && !self.tok(m.end).is_some_and(|t| {
                        matches!(t.lower.as_ref(), "such" | "like" | "including")
                    })
            })
            .collect();
        let shared: Vec<Candidate> = out
            .iter()
            .filter(|c| {
                c.cue.1 <= k && c.content.1 <= k + 1 && matches!(c.holder, Holder::Actor(_))
            })
            .cloned()
            .collect();
        for m in sharers {
            let Some(h) = Self::holder_of(m) else {
                continue;
            };
            for c in &shared {
                if out
                    .iter()
                    .any(|o| o.holder == h && o.content == c.content && o.stance == c.stance)
                {
                    continue;
                }
                let mut c = c.clone();
                c.holder = h.clone();
                c.holder_text = m.text.clone();
                if matches!((&c.target, &c.holder), (Some(t), Holder::Actor(a)) if t == a) {
                    c.target = None;
                }
                out.push(c);
            }
        }
    }

    /// "Moscow made it contingent on a ceasefire", "Belgrade makes dialogue
    /// hinge on association": what something is made to depend on is the
    /// subject's demand.
    fn made_contingent(&self, out: &mut Vec<Candidate>) {
        let n = self.tokens.len();
        for k in 0..n {
            if !MAKE_FORMS.contains(&self.tokens[k].lower) {
                continue;
            }
            let Some(j) = (k + 1..n.min(k + 9))
                .take_while(|&j| self.tokens[j].is_word() || self.tokens[j].text == "'s")
                .find(|&j| {
                    matches!(
                        self.tokens[j].lower.as_ref(),
                        "contingent" | "conditional" | "dependent" | "hinge" | "depend"
                    ) && (self.is(j + 1, "on") || self.is(j + 1, "upon"))
                })
            else {
                continue;
            };
            let Some(ms) = self
                .find_subject(k)
                .or_else(|| self.main_subject(k).map(|m| vec![m]))
            else {
                continue;
            };
            let holders: Vec<(Holder, String)> = ms
                .iter()
                .filter_map(|m| Self::holder_of(m).map(|h| (h, m.text.clone())))
                .collect();
            let start = j + 2;
            let (a, b) = self.trim(start, self.content_end(start, false));
            for (pa, pb) in self.split_coordination(a, b) {
                let (pa, pb) = self.trim(pa, pb);
                if pb > pa {
                    self.push_all(
                        out,
                        &holders,
                        (k, j + 2),
                        Stance::Demand,
                        (pa, pb),
                        None,
                        None,
                        "made-contingent",
                        false,
                        false,
                    );
                }
            }
        }
    }

    /// "The offer drew sharp criticism from X and Y", "the plan won praise
    /// from X", "came under fire from X": those it drew the reaction from
    /// reject (or support) the clause's subject.
    fn drew_reactions(&self, out: &mut Vec<Candidate>) {
        let n = self.tokens.len();
        for k in 1..n {
            let verb = self.tokens[k].lower.as_ref();
            if !REACTION_VERBS.contains(verb) {
                continue; // (most words: one sketch lookup)
            }
            let (noun_at, fixed) = match verb {
                "drew" | "draws" | "draw" | "drawn" | "drawing" | "won" | "wins" | "earned"
                | "earns" | "faced" | "faces" | "met" => (k + 1, None),
                // "came under fire from", "has come under criticism from"
                "came" | "come" | "comes" if self.is(k + 1, "under") => {
                    (k + 2, Some(Stance::Reject))
                }
                _ => continue,
            };
            // up to two adjectives ("sharp", "swift and fierce" is too rare)
            let mut j = noun_at;
            if verb == "met" && self.is(j, "with") {
                j += 1;
            }
            while j < (noun_at + 3).min(n)
                && self.tokens[j].is_word()
                && !self.tokens[j].cap
                && (self.tokens[j].lower.ends_with("ly")
                    || matches!(
                        self.tokens[j].lower.as_ref(),
                        "sharp"
                            | "strong"
                            | "fierce"
                            | "heavy"
                            | "swift"
                            | "widespread"
                            | "broad"
                            | "immediate"
                            | "angry"
                            | "harsh"
                            | "wide"
                            | "warm"
                            | "cautious"
                            | "further"
                            | "more"
                            | "some"
                    ))
            {
                j += 1;
            }
            let Some(noun) = self.tok(j) else { continue };
            let stance = match noun.lower.as_ref() {
                "criticism" | "criticisms" | "attacks" | "condemnation" | "opposition"
                | "objections" | "protests" | "rebukes" | "fire" | "scorn" | "rejection" => {
                    Stance::Reject
                }
                "praise" | "support" | "backing" | "approval" | "endorsements" | "welcome" => {
                    Stance::Support
                }
                _ => continue,
            };
            if fixed.is_some_and(|f| f != stance) || !self.is(j + 1, "from") {
                continue;
            }
            let Some(first) = self.mention_from(j + 2) else {
                continue;
            };
            // "from X, Y and the Z": every one named in the list after "from"
            let mut named = vec![first];
            let mut e = first.end;
            loop {
                let mut at = e;
                while at < e + 3
                    && matches!(
                        self.tok(at).map(|t| t.lower.as_ref()),
                        Some("," | "and" | "the")
                    )
                {
                    at += 1;
                }
                let Some(next) = self
                    .mention_starting_at(at)
                    .filter(|m| at > e && m.form == MentionForm::Name)
                else {
                    break;
                };
                named.push(next);
                e = next.end;
            }
            let holders: Vec<(Holder, String)> = named
                .iter()
                .filter_map(|m| Self::holder_of(m).map(|h| (h, m.text.clone())))
                .collect();
            if holders.is_empty() || first.form != MentionForm::Name {
                continue;
            }
            // what drew it: the subject noun phrase at the clause start, up to
            // its first comma ("The $250 billion offer, well below ..., also drew")
            let start = (0..k)
                .rev()
                .find(|&p| matches!(self.tokens[p].text, ";" | ":"))
                .map_or(0, |p| p + 1);
            let mut end = start;
            while end < k
                && self.tokens[end].text != ","
                && (self.tokens[end].text == "'s"
                    || !(AUX.contains(&self.tokens[end].lower)
                        || ADVERBS.contains(&self.tokens[end].lower)
                        || (self.tokens[end].lower.ends_with("ly") && end > start)))
            {
                end += 1;
            }
            // the subject is a thing ("Hamas's proposal"), not an actor
            if self
                .mentions
                .iter()
                .any(|m| m.start >= start && m.end <= end && !self.is(m.end, "'s"))
            {
                continue;
            }
            let (a, b) = self.trim(start, end);
            if b > a {
                self.push_all(
                    out,
                    &holders,
                    (k, j + 1),
                    stance,
                    (a, b),
                    None,
                    None,
                    "drew-reaction",
                    false,
                    false,
                );
            }
        }
    }

    /// "sat down with the studios in the hope of securing a fair deal": what
    /// the clause's subject hopes to get is its demand.
    fn in_the_hope_of(&self, out: &mut Vec<Candidate>) {
        let n = self.tokens.len();
        for k in 0..n.saturating_sub(3) {
            let of = if self.is(k, "in") && self.is(k + 1, "the") && self.is(k + 2, "hope") {
                k + 3
            } else if self.is(k, "in") && self.is(k + 1, "hopes") {
                k + 2
            } else {
                continue;
            };
            if !self.is(of, "of") {
                continue;
            }
            let Some(m) = self.main_subject(k) else {
                continue;
            };
            let Some(h) = Self::holder_of(m) else {
                continue;
            };
            // "of securing a deal": the deal is what is wanted
            let mut a = of + 1;
            if self
                .tok(a)
                .is_some_and(|t| t.is_word() && !t.cap && t.lower.ends_with("ing"))
            {
                a += 1;
            }
            let (ca, cb) = self.trim(a, self.content_end(a, false));
            if cb > ca {
                out.push(Candidate::plain(
                    (k, of + 1),
                    Stance::Demand,
                    h,
                    m.text.clone(),
                    (ca, cb),
                    "in-the-hope-of",
                ));
            }
        }
    }

    /// "all sanctions dropped, which the US was unwilling to give", "fixed
    /// ratios, an idea the hospitals have refused": a cue whose object is the
    /// noun phrase a relative clause hangs on. Its content is that phrase,
    /// and what the cue read after itself is dropped.
    fn object_relatives(&self, cues: &[CueHit], out: &mut Vec<Candidate>) {
        for hit in cues {
            let entry = &self.lx.cues[hit.cue];
            if entry.frame == Frame::Speech || hit.particle.is_some() {
                continue;
            }
            let Some(subjects) = self.find_subject(hit.start) else {
                continue;
            };
            let Some(first) = subjects.iter().map(|m| m.start).min() else {
                continue;
            };
            // the relative marker before the subject: "which", "that", or ", an idea"
            let mut r = first;
            if r > 0 && self.is(r - 1, "the") {
                r -= 1;
            }
            let np_end = if r >= 2 && matches!(self.tokens[r - 1].lower.as_ref(), "which" | "that")
            {
                if self.tokens[r - 2].text == "," {
                    r - 2
                } else {
                    r - 1
                }
            } else if r >= 4
                && matches!(self.tokens[r - 2].lower.as_ref(), "a" | "an")
                && self.tokens[r - 1].is_word()
                && !self.tokens[r - 1].cap
                && self.tokens[r - 3].text == ","
            {
                r - 3
            } else if self.reduced_relative_head(r) {
                // "rejected the concessions Russia is demanding": no marker at all
                r
            } else {
                continue;
            };
            // the object slot is empty: "refused,", "unwilling to give,", "want
            // to limit" (the verb then goes with the phrase: "limit farm support")
            let mut e = hit.end;
            let mut verb: Option<(usize, usize)> = None;
            let cue_ends_to = self.tokens[hit.start..hit.end]
                .last()
                .is_some_and(|t| t.lower == "to");
            if !cue_ends_to && self.is(e, "to") {
                e += 1;
            }
            if (cue_ends_to || e > hit.end) && self.tok(e).is_some_and(|t| t.is_word() && !t.cap) {
                verb = Some((e, e + 1));
                e += 1;
            } else if e > hit.end {
                continue;
            }
            // ("the concessions Russia is demanding are unacceptable": the main verb)
            let empty = self.tok(e).is_none_or(|t| {
                matches!(t.text, "," | "." | ";" | ")" | "—" | "–")
                    || (t.is_word() && OBJECT_STOPS.contains(&t.lower.as_ref()))
                    || (np_end == r && is_finite_aux(t))
            });
            if !empty || np_end == 0 {
                continue;
            }
            // the noun phrase: what an earlier position of the sentence ends
            // with there ("want fixed ratios written into their contract, an
            // idea ..."), or back to the verb, cue or comma before it
            let earlier = out
                .iter_mut()
                .filter(|c| {
                    c.content.0 < np_end
                        && np_end <= c.content.1
                        && c.content_extra.is_none()
                        && c.stance != Stance::Claim
                        && !c.speech
                })
                .min_by_key(|c| c.content.0)
                .map(|c| {
                    // "backs the subsidies that wealthy nations want to limit":
                    // the relative clause is no part of what is backed
                    c.content.1 = np_end;
                    (c.content, c.holder.clone())
                });
            // whoever wanted or offered it is whom the refusal is aimed at
            let aimed_at = earlier.as_ref().and_then(|(_, h)| match h {
                Holder::Actor(a) => Some(a.clone()),
                _ => None,
            });
            let earlier = earlier.map(|(c, _)| c);
            let left = cues
                .iter()
                .filter(|c| c.end <= np_end)
                .map(|c| c.end)
                .max()
                .unwrap_or(0);
            let mut s = np_end;
            while s > left
                && !matches!(self.tokens[s - 1].text, "," | ";" | ":" | "(")
                && !NOUN_PHRASE_VERBS.contains(&self.tokens[s - 1].lower.as_ref())
            {
                s -= 1;
            }
            let (ca, cb) = earlier.unwrap_or_else(|| self.trim(s, np_end));
            if cb <= ca {
                continue;
            }
            let negated = (first..hit.start).any(|j| is_neg(&self.tokens[j]));
            let stance = if negated {
                match entry.stance.negated() {
                    Some(st) => st,
                    None => continue,
                }
            } else {
                entry.stance
            };
            out.retain(|c| c.cue != (hit.start, hit.end));
            for m in &subjects {
                if let Some(h) = Self::holder_of(m) {
                    let (content, extra) = match verb {
                        Some(v) => (v, Some((ca, cb))),
                        None => ((ca, cb), None),
                    };
                    let mut c = Candidate::plain(
                        (hit.start, hit.end),
                        stance,
                        h,
                        m.text.clone(),
                        content,
                        "object-relative",
                    );
                    c.content_extra = extra;
                    c.negated = negated;
                    c.aim_at(aimed_at.clone());
                    out.push(c);
                }
            }
        }
    }

    /// "budge on Y", "yield on Y", "back down from Y", "give ground on Y" at
    /// `v`: the start of Y, what refusing to yield insists on.
    fn yield_on(&self, v: usize) -> Option<usize> {
        let w = self.tok(v)?.lower.as_ref();
        let p = if matches!(w, "back" | "give") {
            v + 2
        } else {
            v + 1
        };
        let phrasal = match w {
            "back" => self.is(v + 1, "down"),
            "give" => self.is(v + 1, "ground") || self.is(v + 1, "way"),
            _ => matches!(w, "budge" | "yield" | "relent" | "waver"),
        };
        (phrasal
            && self
                .tok(p)
                .is_some_and(|t| matches!(t.lower.as_ref(), "on" | "from" | "over")))
        .then_some(p + 1)
    }

    /// Whether the cue at `cs` is inside a clause that says what might be,
    /// not what is: "before it backs NATO entry", "until Kyiv accepts",
    /// "whether or not they want it" (a subordinator and its subject, with no
    /// comma before the cue). Conditions are read by their own rule.
    fn hypothetical_at(&self, cs: usize) -> bool {
        (cs.saturating_sub(24)..cs)
            .rev()
            .take_while(|&j| !matches!(self.tokens[j].text, "," | ";" | ":" | "–" | "—"))
            .find(|&j| {
                matches!(
                    self.tokens[j].lower.as_ref(),
                    "before" | "until" | "unless" | "whether" | "if"
                )
            })
            .is_some_and(|j| {
                let k = if self.is(j + 1, "or") && self.is(j + 2, "not") {
                    j + 3
                } else {
                    j + 1
                };
                self.tok(k).is_some_and(|t| is_pronoun(&t.lower))
                    || self.mention_starting_at(k).is_some()
                    || self.mention_from(k).is_some()
            })
    }

    /// Whether a noun phrase of plain words opened by a determiner ends right
    /// before `r`, where a subject starts: the head of a relative clause
    /// with no "which" or "that" ("the concessions Russia is demanding").
    fn reduced_relative_head(&self, r: usize) -> bool {
        let plain = |t: &Token<'_>| {
            t.is_word()
                && !t.cap
                && !PREPOSITIONS.contains(&t.lower.as_ref())
                && !AUX.contains(&t.lower)
                && !is_neg(t)
                && !matches!(t.lower.as_ref(), "and" | "or" | "but" | "that" | "which")
                && self.lx.cue_forms(&t.lower).is_empty()
        };
        if r < 2
            || !plain(&self.tokens[r - 1])
            || DETERMINERS.contains(&self.tokens[r - 1].lower.as_ref())
        {
            return false;
        }
        (r.saturating_sub(4)..r - 1).rev().any(|d| {
            matches!(
                self.tokens[d].lower.as_ref(),
                "the" | "a" | "an" | "any" | "all"
            ) && (d + 1..r).all(|j| plain(&self.tokens[j]))
        })
    }

    /// "called on all parties to", "urged countries to": a plural group of
    /// actors named by a common noun, as an actor, and the index of "to".
    fn group_addressee_to(&self, a: usize) -> Option<(Actor, usize)> {
        self.group_at(a).filter(|&(_, to)| self.is(to, "to"))
    }

    /// A party named by a plain plural noun phrase at `a` ("all parties",
    /// "rich nations", "member states", "the warring sides"), as an actor of
    /// its own, and the index past it.
    fn group_at(&self, a: usize) -> Option<(Actor, usize)> {
        if self.mention_at(a).is_some() {
            return None;
        }
        let mut k = a;
        while k < a + 3
            && self.tok(k).is_some_and(|t| {
                t.is_word()
                    && !t.cap
                    && matches!(
                        t.lower.as_ref(),
                        "all"
                            | "both"
                            | "the"
                            | "other"
                            | "member"
                            | "rich"
                            | "richer"
                            | "poorer"
                            | "developing"
                            | "developed"
                            | "warring"
                    )
            })
        {
            k += 1;
        }
        self.tok(k).filter(|t| {
            t.is_word()
                && !t.cap
                && matches!(
                    t.lower.as_ref(),
                    "parties"
                        | "countries"
                        | "nations"
                        | "sides"
                        | "states"
                        | "members"
                        | "governments"
                )
        })?;
        let name = self.tokens[a..=k]
            .iter()
            .map(|t| t.text)
            .filter(|w| !w.eq_ignore_ascii_case("the"))
            .collect::<Vec<_>>()
            .join(" ");
        Some((
            Actor {
                name: name.into(),
                kind: crate::model::ActorKind::Group,
                affiliation: None,
            },
            k + 1,
        ))
    }

    /// "urged Kyiv to", "pressed Stockholm and Helsinki to": the (first)
    /// addressee at `a` and the index of the "to" after the addressees.
    fn addressee_to(&self, a: usize) -> Option<(&'a Mention, usize)> {
        let m = self.mention_from(a)?;
        let is_to = |j: usize| self.is(j, "to") || self.is(j, "toward") || self.is(j, "towards");
        if is_to(m.end) {
            return Some((m, m.end));
        }
        let second = self
            .is(m.end, "and")
            .then(|| self.mention_from(m.end + 1))
            .flatten()?;
        is_to(second.end).then_some((m, second.end))
    }

    /// The evaluation phrase at `i` (skipping quotation marks): its end and stance.
    fn evaluation_at(&self, mut i: usize) -> Option<(usize, Stance)> {
        while self.tok(i).is_some_and(|t| t.is_quote()) {
            i += 1;
        }
        if let Some(found) = self.evaluation_words_at(i) {
            return Some(found);
        }
        // "as a "very good" meeting", "as wholly insufficient"
        let mut j = i;
        while self.tok(j).is_some_and(|t| {
            matches!(t.lower.as_ref(), "a" | "an")
                || (t.lower.ends_with("ly") && t.lower.len() > 3)
                || t.is_quote()
        }) && j < i + 3
        {
            j += 1;
        }
        if j == i {
            return None;
        }
        let (end, st) = self.evaluation_words_at(j)?;
        // the phrase may head a noun ("a very good meeting") but must end the clause
        let end = if self.tok(end).is_some_and(|t| {
            t.is_word()
                && !t.cap
                && !matches!(t.lower.as_ref(), "and" | "but" | "for" | "because" | "as")
        }) {
            end + 1
        } else {
            end
        };
        Some((end, st))
    }

    fn evaluation_words_at(&self, i: usize) -> Option<(usize, Stance)> {
        let first = self.tokens.get(i..)?.iter().find(|t| !t.is_quote())?;
        if !self.lx.starts_evaluation(&first.lower) {
            return None;
        }
        let words: Vec<&str> = self.tokens[i.min(self.tokens.len())..]
            .iter()
            .filter(|t| !t.is_quote())
            .take(6)
            .map(|t| t.lower.as_ref())
            .collect();
        let (len, st) = self.lx.evaluation_at(|k| words.get(k).copied())?;
        // count the quotation marks inside the phrase too
        let mut end = i;
        let mut seen = 0;
        while end < self.tokens.len() && seen < len {
            if !self.tokens[end].is_quote() {
                seen += 1;
            }
            end += 1;
        }
        Some((end, st))
    }

    /// "NP is/was (clearly) unacceptable" inside reported speech: the stance
    /// and the content range (the NP).
    pub fn copula_evaluation(&self, a: usize, b: usize) -> Option<(Stance, (usize, usize))> {
        // "the offer falls short", "the terms fell short of what we need"
        if let Some(j) = (a + 1..b).find(|&j| {
            matches!(self.tokens[j].lower.as_ref(), "fall" | "falls" | "fell")
                && self.is(j + 1, "short")
        }) {
            let (x, y) = self.trim(a, j);
            if y > x {
                return Some((Stance::Reject, (x, y)));
            }
        }
        let j = (a + 1..b).find(|&j| {
            matches!(
                self.tokens[j].lower.as_ref(),
                "is" | "was" | "are" | "were" | "remains"
            )
        })?;
        let mut k = j + 1;
        while self.tok(k).is_some_and(|t| {
            matches!(
                t.lower.as_ref(),
                "clearly"
                    | "simply"
                    | "very"
                    | "totally"
                    | "completely"
                    | "entirely"
                    | "wholly"
                    | "absolutely"
                    | "deeply"
                    | "just"
                    | "still"
            )
        }) {
            k += 1;
        }
        let (end, st) = self.evaluation_at(k)?;
        if end < b
            && !self
                .tok(end)
                .is_some_and(|t| !t.is_word() || t.lower == "and" || t.lower == "for")
        {
            return None;
        }
        let (x, y) = self.trim(a, j);
        (y > x).then_some((st, (x, y)))
    }

    /// "called the offer "unacceptable"", "described the talks as
    /// constructive": an actor's evaluation of something is a stance on it.
    fn evaluations(&self, out: &mut Vec<Candidate>) {
        let n = self.tokens.len();
        for v in 0..n {
            let l = self.tokens[v].lower.as_ref();
            let verb = EVALUATION_VERBS.contains(l);
            if !verb || self.tokens[v].cap {
                continue;
            }
            // the object runs up to the evaluation ("as" optional)
            if self.tok(v + 1).is_some_and(|t| {
                matches!(
                    t.lower.as_ref(),
                    "for" | "on" | "upon" | "off" | "out" | "that"
                )
            }) {
                continue; // "called for", "called on": other cues
            }
            // "finds \"unacceptable\" any dialogue that leaves out Kashmir": the
            // evaluation before a long object
            let skip_quote = |j: usize| {
                if self.tok(j).is_some_and(|t| t.is_quote()) {
                    j + 1
                } else {
                    j
                }
            };
            if let Some((e, stance)) = self.evaluation_at(skip_quote(v + 1)) {
                let a = skip_quote(e);
                if self
                    .tok(a)
                    .is_some_and(|t| DETERMINERS.contains(&t.lower.as_ref()) && t.lower != "that")
                {
                    let holders: Vec<(Holder, String)> = self
                        .find_subject(v)
                        .unwrap_or_default()
                        .iter()
                        .filter_map(|m| Self::holder_of(m).map(|h| (h, m.text.clone())))
                        .collect();
                    let (a, b) = self.trim(a, self.content_end(a, false));
                    if !holders.is_empty() && b > a {
                        self.push_all(
                            out,
                            &holders,
                            (v, v + 1),
                            stance,
                            (a, b),
                            None,
                            None,
                            "evaluation",
                            false,
                            false,
                        );
                    }
                    continue;
                }
            }
            let Some((obj_end, eval_start)) = (v + 2..(v + 14).min(n)).find_map(|j| {
                let at = if self.is(j, "as") { j + 1 } else { j };
                self.evaluation_at(at).map(|_| (j, at))
            }) else {
                continue;
            };
            let Some((eval_end, stance)) = self.evaluation_at(eval_start) else {
                continue;
            };
            // the evaluation is the complement, closing the clause ("the most serious obstacle to ..." is not)
            if self.tok(eval_end).is_some_and(|t| {
                (t.is_word() || t.kind == TokKind::Number)
                    && !matches!(t.lower.as_ref(), "and" | "but" | "because" | "while")
            }) {
                continue;
            }
            if (v + 1..obj_end).any(|j| {
                matches!(self.tokens[j].text, "," | ";")
                    || self
                        .lx
                        .cue_forms(&self.tokens[j].lower)
                        .iter()
                        .any(|f| self.lx.cues[f.cue].frame == Frame::Speech && f.words.len() == 1)
            }) {
                continue;
            }
            let holders: Vec<(Holder, String)> = match self.find_subject(v) {
                Some(ms) => ms
                    .iter()
                    .filter_map(|m| Self::holder_of(m).map(|h| (h, m.text.clone())))
                    .collect(),
                None => {
                    let k = (0..v)
                        .rev()
                        .find(|&k| !skippable(&self.tokens[k]))
                        .unwrap_or(0);
                    let linked = self.tokens[v].lower.ends_with("ing")
                        || matches!(self.tokens[k].lower.as_ref(), "and" | "but");
                    let prev = out
                        .iter()
                        .rev()
                        .find(|c| c.cue.0 < v)
                        .map(|c| (c.holder.clone(), c.holder_text.clone()));
                    match (linked, prev) {
                        (true, Some(p)) => vec![p],
                        (true, None) => self
                            .main_subject(v)
                            .and_then(|m| Self::holder_of(m).map(|h| vec![(h, m.text.clone())]))
                            .unwrap_or_default(),
                        _ => Vec::new(),
                    }
                }
            };
            if holders.is_empty() {
                continue;
            }
            let (a, b) = self.trim(v + 1, obj_end);
            // "called what it describes as Indian moves ... unrealistic": what
            // is judged is what it was called
            let a = self.what_it_called(a).filter(|&x| x < b).unwrap_or(a);
            if b <= a {
                continue;
            }
            let target = self
                .mention_from(a)
                .filter(|m| self.is(m.end, "'s"))
                .and_then(|m| m.actor().cloned());
            // praise of an event ("described the talks as constructive", "called
            // it a very good meeting") says how it went: a claim, not support
            let event = (a..b).any(|j| {
                matches!(
                    self.tokens[j].lower.as_ref(),
                    "talks"
                        | "meeting"
                        | "meetings"
                        | "discussions"
                        | "session"
                        | "call"
                        | "visit"
                        | "summit"
                        | "negotiations"
                        | "round"
                )
            }) || (b == a + 1 && is_pronoun(&self.tokens[a].lower));
            let (stance, a, b) = if stance == Stance::Support && event {
                if b == a + 1 && is_pronoun(&self.tokens[a].lower) {
                    // "described it as a very good meeting with China at which
                    // much was agreed": what it was called says it
                    let (x, y) = self.trim(eval_start, self.content_end(eval_start, true));
                    (Stance::Claim, x, y.max(eval_end))
                } else {
                    (Stance::Claim, a, eval_end)
                }
            } else {
                (stance, a, b)
            };
            self.push_all(
                out,
                &holders,
                (v, v + 1),
                stance,
                (a, b),
                None,
                target,
                "evaluation",
                false,
                false,
            );
        }
    }

    /// "would accept a deal only if X", "willing to talk provided X", "no talks
    /// unless X": the condition is a demand of whoever sets it.
    fn conditions(&self, out: &mut Vec<Candidate>) {
        let n = self.tokens.len();
        let mut found = Vec::new();
        for k in 0..n {
            let l = self.tokens[k].lower.as_ref();
            if !CONDITION_MARKERS.contains(l) {
                continue;
            }
            let start = match l {
                "if" if k > 0 && self.is(k - 1, "only") => k + 1,
                // "ready to hold talks if Z", "would back the deal if Z": what
                // the actor's offer or support waits for is its demand
                "if" if out.iter().any(|c| {
                    matches!(c.stance, Stance::Offer | Stance::Support)
                        && !c.negated
                        && (c.content.1 == k
                            || (c.content.1 + 1 == k && self.tokens[k - 1].text == ","))
                }) =>
                {
                    k + 1
                }
                "provided" | "providing" if !self.is(k.wrapping_sub(1), "be") => {
                    if self.is(k + 1, "that") {
                        k + 2
                    } else {
                        k + 1
                    }
                }
                "unless" => k + 1,
                "until" if (k.saturating_sub(12)..k).any(|j| is_neg(&self.tokens[j])) => k + 1,
                "condition" if k >= 2 && self.is(k - 2, "on") && self.is(k + 1, "that") => k + 2,
                "long" if k > 0 && self.is(k - 1, "as") && self.is(k + 1, "as") => k + 2,
                // "asked for relief in exchange for shutting the reactor",
                // "cuts as the price of backing a rise": what the actor gives
                "exchange" | "return" if k > 0 && self.is(k - 1, "in") && self.is(k + 1, "for") => {
                    k + 2
                }
                "price" if k > 0 && self.is(k - 1, "the") && self.is(k + 1, "of") => k + 2,
                _ => continue,
            };
            let gives = matches!(l, "exchange" | "return" | "price");
            // the condition's own clause must have a verb-like body, not a bare noun
            let b = self.content_end(start, true);
            // "unless the dispute is addressed, and has called ...": a verb
            // phrase with no subject after ", and" goes on the main clause
            let b = (start + 2..b)
                .find(|&j| {
                    self.is(j, ",")
                        && self.is(j + 1, "and")
                        && self
                            .tok(j + 2)
                            .is_some_and(|t| matches!(t.lower.as_ref(), "has" | "have" | "had"))
                })
                .unwrap_or(b);
            let (a, b) = self.trim(start, b);
            if b < a + 2 {
                continue;
            }
            let before = out.iter().rev().find(|c| {
                c.cue.0 < k && matches!(c.holder, Holder::Actor(_) | Holder::FirstPerson)
            });
            // what is given in exchange answers what the position asks or
            // gives: "wants relief in exchange for X" offers X, "offered a truce
            // in exchange for X" asks X; a plan, a rejection or a report "in
            // exchange for X" only describes the deal
            let exchange = match before.map(|c| c.stance) {
                Some(Stance::Demand) | None => Stance::Offer,
                Some(Stance::Offer) => Stance::Demand,
                Some(_) => {
                    if gives {
                        continue;
                    }
                    Stance::Offer
                }
            };
            let holder = before
                .map(|c| (c.holder.clone(), c.holder_text.clone()))
                .or_else(|| {
                    self.main_subject(k)
                        .and_then(|m| Self::holder_of(m).map(|h| (h, m.text.clone())))
                });
            let Some((h, text)) = holder else { continue };
            let marker_end = start;
            let mut parts = self.split_coordination(a, b);
            // "unless the union postponed its walkout and immediately urged
            // members to ...": a second verb of the condition's subject
            if self.is(b, "and") && self.verb_phrase_at(b + 1) && !gives {
                let (xa, xb) = self.trim(b + 1, self.content_end(b + 1, true));
                if xb > xa {
                    parts.push((xa, xb));
                }
            }
            let subject_at = a;
            for (pa, pb) in parts {
                let (pa, pb) = self.trim(pa, pb);
                if pb > pa {
                    let mut c = Candidate::plain(
                        (k, marker_end),
                        if gives { exchange } else { Stance::Demand },
                        h.clone(),
                        text.clone(),
                        (pa, pb),
                        if gives { "exchange" } else { "condition" },
                    );
                    // "only if Armenia amends its constitution": the condition is
                    // asked of its clause's subject
                    if !gives {
                        c.aim_at(
                            // (also a description: "unless the union postponed ...")
                            self.mention_starting_at(pa)
                                .or_else(|| self.mention_starting_at(subject_at))
                                .filter(|m| {
                                    m.form != MentionForm::Pronoun && self.clause_verb_after(m.end)
                                })
                                .and_then(|m| m.actor().cloned()),
                        );
                    }
                    found.push(c);
                }
            }
        }
        out.extend(found);
    }

    /// "Moscow will not negotiate", "Kyiv would never give up": a clear modal
    /// refusal of what follows, where no cue verb says it already.
    fn refusals(&self, cues: &[CueHit], out: &mut Vec<Candidate>) {
        let n = self.tokens.len();
        for k in 0..n {
            let l = self.tokens[k].lower.as_ref();
            if !REFUSAL_MODALS.contains(l) {
                continue;
            }
            // "they will discuss a ceasefire": talks an actor will hold are offered
            let willing = matches!(l, "will" | "would")
                && self
                    .tok(k + 1)
                    .is_some_and(|t| TALK_VERBS.contains(&t.lower.as_ref()));
            let verb_at = match l {
                "won't" | "wouldn't" => k + 1,
                "will" | "would"
                    if self
                        .tok(k + 1)
                        .is_some_and(|t| matches!(t.lower.as_ref(), "not" | "never")) =>
                {
                    k + 2
                }
                _ if willing => k + 1,
                _ => continue,
            };
            let Some(v) = self.tok(verb_at) else { continue };
            if !v.is_word()
                || v.cap
                || matches!(
                    v.lower.as_ref(),
                    "be" | "have" | "get" | "happen" | "work" | "last" | "change" | "come" | "go"
                )
                || cues
                    .iter()
                    .any(|c| c.start <= verb_at && verb_at < c.end.max(c.start + 1))
            {
                continue;
            }
            // "they will discuss X, and will not negotiate Y": the subject carries over
            let ms = self.find_subject(k).or_else(|| {
                let coordinated =
                    k >= 1 && matches!(self.tokens[k - 1].lower.as_ref(), "and" | "but");
                coordinated
                    .then(|| {
                        self.mentions
                            .iter()
                            .rev()
                            .find(|m| {
                                m.end < k && k - m.end <= 12 && !self.governed_by_preposition(m)
                            })
                            .map(|m| vec![m])
                    })
                    .flatten()
            });
            let Some(ms) = ms else { continue };
            // "US guarantees that the next American government will not violate
            // any deal": what someone is asked to guarantee is no refusal yet
            let first = ms.iter().map(|m| m.start).min().unwrap_or(k);
            let guaranteed = (first.saturating_sub(4)..first).any(|j| {
                self.is(j, "that")
                    && j > 0
                    && GUARANTEE_NOUNS.contains(&self.tokens[j - 1].lower)
                    && (j + 1..first).all(|x| self.tokens[x].is_word())
            });
            if guaranteed {
                continue;
            }
            let holders: Vec<(Holder, String)> = ms
                .iter()
                .filter_map(|m| Self::holder_of(m).map(|h| (h, m.text.clone())))
                .collect();
            if holders.is_empty() {
                continue;
            }
            // "India won't budge on fishing demands", "will not back down from
            // its call for X": refusing to yield on something insists on it
            let yield_on = (!willing).then(|| self.yield_on(verb_at)).flatten();
            let start = yield_on.unwrap_or(verb_at);
            let b = self.content_end(start, false);
            let (a, b) = self.trim(start, b);
            // (an offer to talk needs no more than its verb: "will negotiate")
            if b > a + 1 || ((willing || yield_on.is_some()) && b > a) {
                let (stance, rule) = if willing {
                    (Stance::Offer, "modal-offer")
                } else if yield_on.is_some() {
                    (Stance::Demand, "modal-insistence")
                } else {
                    (Stance::Reject, "modal-refusal")
                };
                self.push_all(
                    out,
                    &holders,
                    (k, verb_at),
                    stance,
                    (a, b),
                    None,
                    None,
                    rule,
                    false,
                    false,
                );
            }
        }
    }

    fn verb_candidates(&self, hit: &CueHit, cues: &[CueHit], out: &mut Vec<Candidate>) {
        let entry = &self.lx.cues[hit.cue];
        let (cs, ce) = (hit.start, hit.end);
        let cue_tok = &self.tokens[cs];
        let speech = entry.frame == Frame::Speech;
        // "denied Trump's assertion that it demanded an end to sanctions": what
        // another says someone did is no position of theirs
        let reported_by_other = (cs.saturating_sub(8)..cs).any(|j| {
            self.is(j, "that")
                && j > 0
                && ASSERTION_NOUNS.contains(&self.tokens[j - 1].lower)
                && (j + 1..cs).all(|x| !matches!(self.tokens[x].text, "," | ";"))
        });
        // "Putin had appeared ready to work on these points", "it seems to
        // reject": how a stance looks to others is no stance taken
        let seeming = |j: usize| {
            self.tok(j).is_some_and(|t| {
                matches!(
                    t.lower.as_ref(),
                    "appear" | "appears" | "appeared" | "seem" | "seems" | "seemed"
                )
            })
        };
        let looks =
            cs >= 1 && (seeming(cs - 1) || (cs >= 2 && self.is(cs - 1, "to") && seeming(cs - 2)));
        // "any one of its members can hold up a deal", "Moscow may reject it":
        // what someone is able or likely to do is no stance taken ("cannot
        // accept" is negated and stays a refusal)
        // ("Mrs May wants": a name, no modal)
        let can = |j: usize| {
            matches!(
                self.tokens[j].lower.as_ref(),
                "can" | "could" | "may" | "might"
            ) && self.mention_at(j).is_none()
        };
        let possible = cs >= 1
            && !speech
            && (can(cs - 1)
                || (cs >= 2 && ADVERBS.contains(&self.tokens[cs - 1].lower) && can(cs - 2)));
        if reported_by_other || looks || possible || self.hypothetical_at(cs) {
            return;
        }

        // "NP was rejected by X", "a truce put forward by X", "the U.S.-backed plan"
        let participle = cue_tok.lower.ends_with("ed")
            || matches!(
                cue_tok.lower.as_ref(),
                "put" | "laid" | "made" | "held" | "sought"
            );
        if participle && self.is(ce, "by") {
            if let Some(agent) = self.mention_from(ce + 1) {
                let Some(holder) = Self::holder_of(agent) else {
                    return;
                };
                let mut k = cs;
                while k > 0 && skippable(&self.tokens[k - 1]) {
                    k -= 1;
                }
                let passive = k < cs
                    && (k..cs).any(|j| {
                        matches!(
                            self.tokens[j].lower.as_ref(),
                            "is" | "are" | "was" | "were" | "been" | "being" | "be"
                        )
                    });
                // a cue word used as a noun ("Mrs May's demand that ...") is part
                // of the subject, no clause boundary
                let nominal_use = |c: &CueHit| {
                    c.start > 0
                        && (self.is(c.start - 1, "'s")
                            || DETERMINERS.contains(&self.tokens[c.start - 1].lower.as_ref()))
                };
                // nor is an aside of its own ("The plan, backed by Brazil, was rejected by")
                let aside =
                    |c: &CueHit| c.start > 0 && self.is(c.start - 1, ",") && self.is(c.end, "by");
                let left_bound = cues
                    .iter()
                    .filter(|c| c.end <= k && !nominal_use(c) && !aside(c))
                    .map(|c| c.end)
                    .max()
                    .unwrap_or(0);
                let back_to_boundary = |from: usize, past_quotes: bool| {
                    let mut s = from;
                    while s > left_bound
                        && !matches!(self.tokens[s - 1].text, "," | ";" | ":" | "(")
                        && (past_quotes || !self.tokens[s - 1].is_quote())
                    {
                        s -= 1;
                    }
                    s
                };
                let mut s = back_to_boundary(k, false);
                // "the plan, backed by Brazil, ...": a participle set off by a
                // comma is said of the noun phrase before it (not of a name)
                if !passive && s == k && k > left_bound + 1 && self.tokens[k - 1].text == "," {
                    let from = back_to_boundary(k - 1, false);
                    let named = self.mention_from(from).is_some_and(|m| m.end == k - 1);
                    if !named && from < k - 1 {
                        k -= 1;
                        s = from;
                    }
                }
                // "X's demand that ..., during a longer transition, has been
                // dismissed by Y": the subject stands before the aside
                if passive && s == k && k > left_bound + 2 && self.tokens[k - 1].text == "," {
                    if let Some(p) = (left_bound + 1..k - 1)
                        .rev()
                        .take(40)
                        .find(|&j| self.tokens[j].text == ",")
                    {
                        k = p;
                        s = back_to_boundary(p, true);
                    }
                }
                let (mut a, b) = self.trim(s, k);
                // "well below the $500 billion sought by China": a degree phrase
                // before the noun phrase is no part of what is sought
                let degree = (a..b.min(a + 3)).position(|j| {
                    matches!(
                        self.tokens[j].lower.as_ref(),
                        "below" | "above" | "beyond" | "short" | "under" | "over"
                    )
                });
                if let Some(d) = degree.filter(|&d| {
                    d > 0
                        && self.tokens[a..a + d].iter().all(|t| {
                            matches!(t.lower.as_ref(), "well" | "far" | "just" | "way" | "much")
                                || (t.lower.ends_with("ly") && !t.cap)
                        })
                }) {
                    a += d + 1;
                    if self.is(a, "of") {
                        a += 1;
                    }
                }
                if b > a {
                    out.push(Candidate {
                        cue: (cs, ce),
                        stance: entry.stance,
                        holder,
                        holder_text: agent.text.clone(),
                        content: (a, b),
                        content_extra: None,
                        target: None,
                        rule: if passive {
                            "passive-by"
                        } else {
                            "participle-by"
                        },
                        negated: false,
                        speech: false,
                    });
                }
                return;
            }
        }
        if participle && cs >= 2 && self.tokens[cs - 1].text == "-" {
            if let Some(m) = self.mention_ending_at(cs - 1) {
                if let Some(holder) = Self::holder_of(m) {
                    let b = self.content_end(ce, false);
                    let (a, b) = self.trim(ce, b);
                    if b > a {
                        out.push(Candidate::plain(
                            (cs, ce),
                            entry.stance,
                            holder,
                            m.text.clone(),
                            (a, b),
                            "compound-participle",
                        ));
                    }
                }
                return;
            }
        }
        // agentless passive ("will be expected to"): nobody holds the position;
        // "was fully prepared to", "is strongly opposed to" are no passives
        let predicative = ce >= cs + 2 && self.tokens[ce - 1].lower == "to";
        if participle
            && !predicative
            && cs > 0
            && (cs.saturating_sub(3)..cs).any(|j| {
                matches!(
                    self.tokens[j].lower.as_ref(),
                    "is" | "are" | "was" | "were" | "been" | "being" | "be"
                )
            })
            && !speech
        {
            return;
        }

        // the holder
        let mut holders: Vec<(Holder, String)> = Vec::new();
        let mut rule_subject = "subject";
        let document = || {
            // "a US-backed blueprint would require Ukraine to ...": what a
            // party's plan asks for, the party asks for
            self.document_owner(cs)
                .and_then(|m| Self::holder_of(m).map(|h| (h, m.text.clone())))
        };
        let subject = self.find_subject(cs);
        if let Some(ms) = &subject {
            for m in ms {
                if let Some(h) = Self::holder_of(m) {
                    holders.push((h, m.text.clone()));
                }
            }
            if holders.is_empty() {
                let Some(h) = document() else {
                    return;
                };
                holders.push(h);
                rule_subject = "document";
            }
        } else if let Some(h) = document() {
            holders.push(h);
            rule_subject = "document";
        } else {
            let mut k = cs;
            while k > 0 && skippable(&self.tokens[k - 1]) {
                k -= 1;
            }
            // ("..., plans to invite India": past the intention to its comma)
            let mut intends = false;
            if k >= 1 && self.is(k, "to") && INTENDS.contains(&self.tokens[k - 1].lower) {
                k -= 1;
                intends = true;
            }
            let prev = k.checked_sub(1).map(|p| &self.tokens[p]);
            let coordinated = prev
                .is_some_and(|p| matches!(p.lower.as_ref(), "and" | "but" | "then" | "or"))
                // "Pakistan stirs the pot again, plans to invite India": a
                // headline's second present-tense verb after a comma
                || (intends && prev.is_some_and(|p| p.text == ",") && self.tokens[k].lower.ends_with('s'));
            let participial = cue_tok.lower.ends_with("ing")
                && prev.is_some_and(|p| {
                    matches!(
                        p.lower.as_ref(),
                        "," | "by" | "after" | "before" | "while" | "when"
                    )
                });
            // "Netanyahu Turns Down Hamas Offer, Seeks Total Victory": in a
            // headline a capitalised verb after a comma shares the subject
            let headline_verb = prev.is_some_and(|p| p.text == ",") && cue_tok.cap && cs > 1;
            let coordinated = coordinated || headline_verb;
            if coordinated || participial {
                // "has said it was prepared ..., but has resisted ...": the subject carries over
                // ("Ministers put forward a rise, but the unions found it too
                // little, arguing ...": a new clause's subject comes between)
                let new_clause = |from: usize| {
                    (from..cs).any(|j| {
                        matches!(
                            self.tokens[j].lower.as_ref(),
                            "but" | "while" | "whereas" | ";" | "although"
                        ) && self.mention_from(j + 1).is_some_and(|m| {
                            m.form != MentionForm::Pronoun
                                && self.tok(m.end).is_some_and(|t| t.is_word() && !t.cap)
                        })
                    })
                };
                // "an idea the hospitals have refused, arguing ...": the subject
                // of the clause right before the participle's comma
                let nearer = participial
                    .then(|| {
                        let comma = cs.checked_sub(1).filter(|&c| self.is(c, ","))?;
                        let mut j = comma;
                        while j > 0
                            && comma - j < 4
                            && self.tokens[j - 1].is_word()
                            && !self.tokens[j - 1].cap
                            && self.mention_ending_at(j).is_none()
                        {
                            j -= 1;
                        }
                        let m = self
                            .mention_ending_at(j)
                            .filter(|m| m.form != MentionForm::Pronoun)?;
                        (j..comma)
                            .any(|x| is_finite_aux(&self.tokens[x]))
                            .then_some(m)
                    })
                    .flatten()
                    .and_then(|m| Self::holder_of(m).map(|h| (h, m.text.clone())));
                if let Some(h) = nearer {
                    holders.push(h);
                    rule_subject = "participle";
                } else if let Some(prev_c) = out
                    .iter()
                    .rev()
                    .find(|c| c.cue.1 <= cs && c.rule != "passive-by" && c.rule != "participle-by")
                    .filter(|c| !(participial && new_clause(c.cue.1)))
                {
                    // "is prepared to complete and sign the treaty": a verb inside
                    // what the earlier position says is part of it
                    if !participial && prev_c.content.0 <= cs && cs < prev_c.content.1 {
                        return;
                    }
                    // (all of them: "Riyadh and Washington welcomed X, and urged Y")
                    for c in out.iter().filter(|c| c.cue == prev_c.cue) {
                        let h = (c.holder.clone(), c.holder_text.clone());
                        if !holders.contains(&h) {
                            holders.push(h);
                        }
                    }
                    rule_subject = if participial {
                        "participle"
                    } else {
                        "shared-subject"
                    };
                } else if let Some(m) = self.main_subject(cs) {
                    // "Rutte stopped the deal, saying ...": the subject of the main clause
                    if let Some(h) = Self::holder_of(m) {
                        holders.push((h, m.text.clone()));
                        rule_subject = if participial {
                            "participle"
                        } else {
                            "shared-subject"
                        };
                    }
                }
            } else if speech
                && prev.is_some_and(|p| p.text == "," || p.kind == TokKind::CloseQuote)
                && !NOT_INVERTED
                    .iter()
                    .any(|w| self.tokens[cs].lower.starts_with(w))
            {
                // inverted: "..., said Rubio", "“...,” said the ministry"
                if let Some(m) = self.mention_from(ce) {
                    if let Some(h) = Self::holder_of(m) {
                        holders.push((h, m.text.clone()));
                        rule_subject = "inverted";
                    }
                }
            }
        }
        if holders.is_empty() {
            return;
        }
        let subject_end = subject
            .as_ref()
            .and_then(|v| v.last().map(|m| m.end))
            .unwrap_or(cs.saturating_sub(4));
        let negated = (subject_end.min(cs)..cs).any(|j| is_neg(&self.tokens[j]));
        // "Both sides must offer something": what a party must do is someone else's demand;
        // "if the US wants to ...": a hypothesis, not a position
        if !speech
            && (subject_end.min(cs)..cs).any(|j| {
                matches!(self.tokens[j].lower.as_ref(), "must" | "should" | "ought")
                    || (matches!(
                        self.tokens[j].lower.as_ref(),
                        "has" | "have" | "need" | "needs"
                    ) && self.is(j + 1, "to"))
            })
        {
            return;
        }
        if let Some(first) = subject.as_ref().and_then(|v| v.first()) {
            // "if the US wants to move talks forward": a condition, no position
            let before = if first.start > 1 && self.is(first.start - 1, "the") {
                first.start - 1
            } else {
                first.start
            };
            if before > 0
                && matches!(
                    self.tokens[before - 1].lower.as_ref(),
                    "if" | "unless" | "whether"
                )
            {
                return;
            }
            // "... so that MPs can accept it": a purpose, not a position of theirs
            if first.start > 1 && self.is(first.start - 1, "that") && self.is(first.start - 2, "so")
            {
                return;
            }
        }
        let mut inverted_skip = if rule_subject == "inverted" {
            self.mention_from(ce).map(|m| m.end).unwrap_or(ce)
        } else {
            ce
        };
        // "rejected, however, the plan": an aside right after the cue
        if self.tok(inverted_skip).is_some_and(|t| t.text == ",")
            && self.tok(inverted_skip + 2).is_some_and(|t| t.text == ",")
            && self
                .tok(inverted_skip + 1)
                .is_some_and(|t| ADVERBS.contains(&t.lower.as_ref()))
        {
            inverted_skip += 3;
        }

        let mut stance = entry.stance;
        let mut target: Option<Actor> = None;
        let mut a = inverted_skip;
        let mut rule: &'static str;
        if speech {
            self.speech_candidates(out, &holders, hit, a, target, negated, rule_subject);
            return;
        }

        if let Some(p) = hit.particle {
            let (ca, cb) = self.trim(a, p);
            if cb > ca {
                let rule = if rule_subject == "subject" {
                    "object-split-particle"
                } else {
                    rule_subject_rule(rule_subject, false)
                };
                self.push_all(
                    out,
                    &holders,
                    (cs, ce),
                    stance,
                    (ca, cb),
                    None,
                    None,
                    rule,
                    negated,
                    false,
                );
            }
            return;
        }
        // non-speech cues: "that" clause, "to" infinitive, "Z to", or a noun phrase
        if self.is(a, "that") && !self.starts_noun_phrase_after_that(a) {
            stance = entry.that.unwrap_or(stance);
            a += 1;
            if let Some(m) = self.mention_starting_at(a) {
                if stance == Stance::Demand {
                    target = m.actor().cloned();
                }
            }
            rule = "object-that";
        } else if let Some((m, to)) = (entry.frame == Frame::Control)
            .then(|| self.addressee_to(a))
            .flatten()
        {
            target = m.actor().cloned();
            a = to + 1;
            rule = "control-to";
            // "invited India to talks on Kashmir": what the addressee is invited to
            if let Some(np) = entry.np.filter(|_| self.noun_like_at(a)) {
                stance = np;
            }
        } else if let Some(m) = (entry.frame == Frame::Control)
            .then(|| self.mention_from(a))
            .flatten()
            .filter(|m| {
                self.is(m.end, "for")
                    && self
                        .tok(m.end + 1)
                        .is_some_and(|t| t.is_word() || t.is_quote() || t.kind == TokKind::Number)
            })
        {
            // "asked the government for emergency aid" (a demand on it),
            // "inviting New Delhi for a dialogue on Kashmir" (an offer to it)
            target = m.actor().cloned();
            stance = entry.np.unwrap_or(stance);
            a = m.end + 1;
            rule = "control-to";
        } else if let Some((group, to)) = (entry.frame == Frame::Control)
            .then(|| self.group_addressee_to(a))
            .flatten()
        {
            // "called on all parties to show flexibility", "urged countries to"
            target = Some(group);
            a = to + 1;
            rule = "control-to";
        } else if self.is(a, "to") && !self.starts_noun_phrase(a + 1) {
            stance = entry.to.unwrap_or(stance);
            a += 1;
            rule = "infinitive";
            // "wants to see Sweden take steps": whom the demand is about
            if stance == Stance::Demand && self.is(a, "see") {
                target = self
                    .mention_from(a + 1)
                    .filter(|m| m.form == MentionForm::Name)
                    .and_then(|m| m.actor().cloned());
            }
        } else if self.tokens[cs..ce].last().is_some_and(|t| t.lower == "to")
            && !self.starts_noun_phrase(a)
            && entry.to.is_some()
        {
            stance = entry.to.unwrap_or(stance);
            rule = "infinitive";
        } else {
            // "rejected Hamas's proposal", "refused an Egyptian plan": target its author
            if let Some(m) = self.owner_at(a).filter(|m| m.form == MentionForm::Name) {
                target = m.actor().cloned();
            }
            // "wants Sweden to take concrete steps": whom the demand is put to
            if target.is_none() && stance == Stance::Demand {
                if let Some(m) = self
                    .mention_from(a)
                    .filter(|m| m.form == MentionForm::Name)
                    .filter(|m| self.is(m.end, "to") && !self.starts_noun_phrase(m.end + 1))
                {
                    target = m.actor().cloned();
                }
            }
            if let Some(m) = self.mention_starting_at(a) {
                if target.is_some() {
                } else if stance == Stance::Offer
                    && self
                        .tok(m.end)
                        .is_some_and(|t| t.is_word() && !t.cap && t.lower != "to")
                {
                    target = m.actor().cloned();
                    a = m.end;
                }
            }
            rule = if entry.frame == Frame::Control {
                "control-object"
            } else {
                "object"
            };
        }
        // "refusing to yield on its demands": refusing to yield insists
        if stance == Stance::Reject && entry.stance == Stance::Reject {
            if let Some(y) = self.yield_on(a) {
                stance = Stance::Demand;
                a = y;
                rule = "insistence";
            }
        }
        let b = self.content_end(a, false);
        let (ca, cb) = self.trim(a, b);
        if cb <= ca {
            return;
        }
        // "push their nuclear program forward": a phrasal verb of moving
        // something, no one pushed to do anything
        if entry.frame == Frame::Control
            && !(ce..cb).any(|j| self.is(j, "to"))
            && matches!(
                self.tokens[cb - 1].lower.as_ref(),
                "forward" | "ahead" | "back" | "through" | "aside"
            )
        {
            return;
        }
        // "unveiled what he described as a final proposal for a truce": the
        // content is what it was called
        let (ca, cb) = self
            .what_it_called(ca)
            .map(|s| self.trim(s, self.content_end(s, false)))
            .unwrap_or((ca, cb));
        if cb <= ca {
            return;
        }
        // "offered no concrete proposals", "backed nothing": nothing is given or
        // backed ("wants no return to war" is still a demand)
        if matches!(stance, Stance::Offer | Stance::Propose | Stance::Support)
            && self
                .tok(ca)
                .is_some_and(|t| matches!(t.lower.as_ref(), "no" | "nothing"))
        {
            return;
        }
        // "offered an assessment", "offered condolences": words, not an offer
        if stance == Stance::Offer
            && (ca..cb.min(ca + 3)).any(|j| NOT_OFFERED.contains(&self.tokens[j].lower))
        {
            return;
        }
        // "the terms they had offered the Writers Guild": whom it was offered
        // to, with nothing offered, is no offer
        if matches!(stance, Stance::Offer | Stance::Propose)
            && self
                .mention_from(ca)
                .is_some_and(|m| m.end == cb && m.form == MentionForm::Name)
        {
            return;
        }
        // "prepared to sink a deal", "ready to step up pressure", "vowed to
        // retaliate": a threat gives nothing and asks nothing, no position
        if stance == Stance::Offer
            && (self
                .tok(ca)
                .is_some_and(|t| THREATS.contains(&t.lower.as_ref()))
                || (self.is(ca, "step") && self.is(ca + 1, "up")))
        {
            return;
        }
        // "put forward a 4.3% pay rise", "put forward talks with New Delhi":
        // what is put forward to be given is an offer
        if stance == Stance::Propose
            && (ca..cb.min(ca + 5)).any(|j| GIVEN.contains(&self.tokens[j].lower))
        {
            stance = Stance::Offer;
        }
        // "set out demands for a ceasefire", "laid out a list of conditions":
        // what is put forward is a demand
        if matches!(stance, Stance::Propose | Stance::Offer)
            && (ca..cb.min(ca + 4)).any(|j| {
                matches!(
                    self.tokens[j].lower.as_ref(),
                    "demands" | "conditions" | "preconditions" | "ultimatum"
                )
            })
        {
            stance = Stance::Demand;
        }
        // "accepted a truce put forward by the United States", "rejected an
        // offer from Stellantis": target the proposer
        if target.is_none() && matches!(stance, Stance::Support | Stance::Reject) {
            if let Some(j) = (ca..cb).find(|&j| self.is(j, "by") || self.is(j, "from")) {
                target = self
                    .mention_from(j + 1)
                    .and_then(|m| m.actor().cloned())
                    .or_else(|| self.group_at(j + 1).map(|(g, _)| g));
            }
        }
        // "wants concrete steps from Serbia": the side asked to act
        if target.is_none() && stance == Stance::Demand {
            if let Some(j) = (ca + 1..cb).find(|&j| {
                self.is(j, "from") && self.tok(j - 1).is_some_and(|t| ASKED_OF.contains(&t.lower))
            }) {
                target = self.mention_from(j + 1).and_then(|m| m.actor().cloned());
            }
        }
        // "ready to hold talks with Kyiv": an offer made to the other side
        if target.is_none() && stance == Stance::Offer {
            if let Some(j) = (ca..cb).find(|&j| {
                self.is(j, "with")
                    && self.tok(j.wrapping_sub(1)).is_some_and(|t| {
                        matches!(
                            t.lower.as_ref(),
                            "talks"
                                | "negotiate"
                                | "talk"
                                | "meet"
                                | "negotiations"
                                | "dialogue"
                                | "deal"
                                | "agreement"
                                | "ties"
                                | "relations"
                                | "cooperation"
                                | "cooperate"
                                | "work"
                        )
                    })
            }) {
                target = self.mention_from(j + 1).and_then(|m| m.actor().cloned());
            }
        }
        let rule = if rule_subject == "subject" {
            rule
        } else {
            rule_subject_rule(rule_subject, false)
        };
        // "wants assurances, reports say, that the truce will end the war": the
        // object goes on past an attribution of the report itself
        if let Some(after) = self.attribution_aside(cb) {
            // ("assurances that the truce ...": the "that" stays)
            let (_, xb) = self.trim(after, self.content_end(after, false));
            let xa = after;
            if xb > xa {
                self.push_all(
                    out,
                    &holders,
                    (cs, ce),
                    stance,
                    (ca, cb),
                    Some((xa, xb)),
                    target,
                    rule,
                    negated,
                    false,
                );
                return;
            }
        }
        let mut parts: Vec<(usize, usize)> = self
            .split_coordination(ca, cb)
            .into_iter()
            .map(|(pa, pb)| self.trim(pa, pb))
            .collect();
        // "wants guarantees that A, that B, and that C": each clause of the
        // list is wanted as the first one is
        if (ca..cb).any(|j| self.is(j, "that")) {
            let mut e = cb;
            while let Some(s) = self.that_clause_after(e) {
                let next = (s..self.tokens.len())
                    .find(|&j| self.tokens[j].text == "(" || self.that_clause_after(j).is_some())
                    .unwrap_or(self.tokens.len());
                let (pa, pb) = self.trim(s, self.content_end(s, true).min(next));
                if pb <= pa {
                    break;
                }
                parts.push((pa, pb));
                e = next;
                // (past a parenthesis to the next item)
                if self.is(e, "(") {
                    match (e..self.tokens.len()).find(|&j| self.is(j, ")")) {
                        Some(close) => e = close + 1,
                        None => break,
                    }
                }
            }
        }
        for (pa, pb) in parts {
            if pb > pa {
                self.push_all(
                    out,
                    &holders,
                    (cs, ce),
                    stance,
                    (pa, pb),
                    None,
                    target.clone(),
                    rule,
                    negated,
                    false,
                );
            }
        }
    }

    /// ", that B" or ", and that B" at `e`: the start of B.
    fn that_clause_after(&self, e: usize) -> Option<usize> {
        if !self.is(e, ",") {
            return None;
        }
        if self.is(e + 1, "that") {
            Some(e + 2)
        } else if self.is(e + 1, "and") && self.is(e + 2, "that") {
            Some(e + 3)
        } else {
            None
        }
    }

    /// Reported speech: what follows the cue ("said that ..."), or the
    /// quotation before the speaker ("“...,” he said on Monday").
    #[allow(clippy::too_many_arguments)]
    fn speech_candidates(
        &self,
        out: &mut Vec<Candidate>,
        holders: &[(Holder, String)],
        hit: &CueHit,
        mut a: usize,
        target: Option<Actor>,
        negated: bool,
        rule_subject: &str,
    ) {
        let entry = &self.lx.cues[hit.cue];
        let (cs, ce) = (hit.start, hit.end);
        let cue_word = self.tokens[cs].lower.as_ref();
        let mut stance = entry.stance;
        let mut rule: &'static str = if rule_subject == "subject" {
            "speech"
        } else {
            rule_subject_rule(rule_subject, true)
        };
        // "told Britain's team to ...", "urged by ...": an addressee and an infinitive
        if let Some(m) = self.mention_from(a) {
            let mut j = m.end;
            if self.is(j, "'s") {
                j += 1;
                while self.tok(j).is_some_and(|t| t.is_word() && t.lower != "to") && j < m.end + 4 {
                    j += 1;
                }
            }
            if self.is(j, "to") && !self.starts_noun_phrase(j + 1) {
                let b = self.content_end(j + 1, false);
                let (ca, cb) = self.trim(j + 1, b);
                if cb > ca {
                    self.push_all(
                        out,
                        holders,
                        (cs, ce),
                        Stance::Demand,
                        (ca, cb),
                        None,
                        m.actor().cloned(),
                        "speech-told-to",
                        negated,
                        false,
                    );
                }
                return;
            }
            // "accused Aliyev of torpedoing ...", "charged Putin with ..." (but
            // "told The Times of Israel that": a name, no accusation)
            let of_cue = [
                "accus", "suspect", "convict", "warn", "remind", "assur", "inform",
            ]
            .iter()
            .any(|p| cue_word.starts_with(p));
            // "accuses Sweden and neighbouring Finland of ...": both are accused,
            // the first is the target
            let end = if self.is(m.end, "and") {
                let next = if self.tok(m.end + 1).is_some_and(|t| t.is_word() && !t.cap) {
                    m.end + 2
                } else {
                    m.end + 1
                };
                self.mention_starting_at(next)
                    .filter(|c| c.form == MentionForm::Name)
                    .map_or(m.end, |c| c.end)
            } else {
                m.end
            };
            if (self.is(end, "of") && of_cue)
                || (self.is(end, "with") && !cue_word.starts_with("tol"))
                || (self.is(end, "for") && cue_word.starts_with("blam"))
            {
                let b = self.content_end(end + 1, true);
                let (ca, cb) = self.trim(end + 1, b);
                if cb > ca {
                    self.push_all(
                        out,
                        holders,
                        (cs, ce),
                        stance,
                        (m.start, end),
                        Some((ca, cb)),
                        m.actor().cloned(),
                        "speech-accuse",
                        negated,
                        true,
                    );
                }
                return;
            }
            if cue_word.starts_with("tol") || cue_word.starts_with("tell") {
                // whom a report is told to (a newspaper, reporters) is no target of it
                a = m.end;
                // "told Peter Sørensen, the EU's envoy, that ...": past the apposition
                if self.tok(a).is_some_and(|t| t.text == ",") {
                    if let Some(th) = (a + 1..(a + 16).min(self.tokens.len()))
                        .find(|&j| self.is(j, "that") && self.tokens[j - 1].text == ",")
                    {
                        a = th;
                    }
                }
            }
        } else if (cue_word.starts_with("tol") || cue_word.starts_with("tell"))
            && self
                .tok(a)
                .is_some_and(|t| t.is_word() && t.lower != "that")
        {
            // "told reporters", "told the national broadcaster that"
            match (a..(a + 6).min(self.tokens.len())).find(|&j| self.is(j, "that")) {
                Some(th) if (a..th).all(|j| self.tokens[j].is_word()) => a = th,
                _ => a += 1,
            }
        }
        // "said in a statement on Monday that ...": skip to the "that"
        let mut after_that = false;
        if let Some(th) = (a..(a + 10).min(self.tokens.len())).find(|&j| self.is(j, "that")) {
            let adjunct = th == a
                || self.tok(a).is_some_and(|t| {
                    PREPOSITIONS.contains(&t.lower.as_ref())
                        || TIME_LEADS.contains(&t.lower.as_ref())
                        || is_time_word(&t.lower)
                        || NOT_CLAUSE_STARTS.contains(&t.lower.as_ref())
                });
            if adjunct
                && (a..th)
                    .all(|j| self.tokens[j].is_word() || self.tokens[j].kind == TokKind::Number)
            {
                a = th + 1;
                after_that = true;
                if let Some(st) = entry.that {
                    stance = st;
                }
            }
        }
        // "China responded with a 125% levy": an act, not a reply in words
        if (cue_word.starts_with("respond") || cue_word.starts_with("repl"))
            && self
                .tok(a)
                .is_some_and(|t| matches!(t.lower.as_ref(), "with" | "by"))
        {
            return;
        }
        // "adding heavy pressure on ...": "add" reports only a clause or a quotation
        if cue_word.starts_with("add")
            && !after_that
            && !self.tok(a).is_some_and(|t| t.is_quote() || t.text == ":")
            && self.mention_starting_at(a).is_none()
            && self.quote_before(cs, holders).is_none()
        {
            return;
        }
        // "hoped both sides would sign on", "expects Tehran will return": the
        // clause of a wish or expectation without its "that"
        if !after_that {
            if let (Some(st), Some(m)) = (entry.that, self.mention_from(a)) {
                if self.tok(m.end).is_some_and(|t| {
                    matches!(
                        t.lower.as_ref(),
                        "would" | "will" | "could" | "can" | "should" | "might"
                    )
                }) {
                    stance = st;
                    after_that = true;
                }
            }
        }
        // "hoped that the two sides would engage in dialogue": a wish is asked
        // of the clause's subject
        let mut target = target;
        if after_that && stance == Stance::Demand && target.is_none() {
            target = self
                .mention_from(a)
                .filter(|m| m.form != MentionForm::Pronoun)
                .and_then(|m| m.actor().cloned())
                // "insisted that members relax the rules": a party named by its kind
                .or_else(|| {
                    self.group_at(a)
                        .filter(|&(_, e)| self.clause_verb_after(e))
                        .map(|(g, _)| g)
                });
        }
        // "it would add $250 million a year to their costs": adding an amount
        // reports nothing
        if cue_word.starts_with("add")
            && self.tok(a).is_some_and(|t| {
                t.kind == TokKind::Number || matches!(t.text, "$" | "€" | "£" | "¥")
            })
        {
            return;
        }
        // "dialogue that we hope will lead to peace": the verb after the cue has
        // no subject; what is hoped is said of the relative clause's head
        if !after_that && self.tok(a).is_some_and(|t| MODAL_AUX.contains(&t.lower)) {
            return;
        }
        // declared a truce, announced a ceasefire: the thing itself, not a claim
        let clause_like = after_that
            && self
                .tok(a)
                .is_some_and(|t| t.is_word() || t.is_quote() || t.kind == TokKind::Number)
            || self.tok(a).is_some_and(|t| {
                let l = t.lower.as_ref();
                !PREPOSITIONS.contains(&l)
                    && !is_time_word(l)
                    && !TIME_LEADS.contains(&l)
                    && !NOT_CLAUSE_STARTS.contains(&l)
                    || matches!(l, "that" | "the" | "this" | "these" | "those")
            }) && !self.tok(a).is_some_and(|t| {
                t.text == ","
                    || t.text == "."
                    || (t.is_word()
                        && !t.cap
                        && t.lower.ends_with("ly")
                        && self
                            .tok(a + 1)
                            .is_some_and(|x| x.text == "," || x.text == "."))
            });
        // ("declaring that a victory could be won": a clause, no noun phrase)
        if let Some(np) = entry.np.filter(|_| !after_that) {
            if self
                .tok(a)
                .is_some_and(|t| matches!(t.lower.as_ref(), "a" | "an"))
            {
                let b = self.content_end(a, false);
                let (ca, cb) = self.trim(a, b);
                if cb > ca {
                    self.push_all(
                        out,
                        holders,
                        (cs, ce),
                        np,
                        (ca, cb),
                        None,
                        target,
                        "speech-noun-phrase",
                        negated,
                        false,
                    );
                }
                return;
            }
        }
        let b = self.content_end(a, true);
        let (ca, cb) = self.trim(a, b);
        let before = self.quote_before(cs, holders);
        // "“...,” Lula told a news conference in Brasilia": after a quotation
        // the words past the cue are circumstance, unless a report opens there
        let report_opens = after_that
            || self
                .tok(a)
                .is_some_and(|t| t.kind == TokKind::OpenQuote || t.text == ":")
            || self.tok(a.saturating_sub(1)).is_some_and(|t| t.text == ":");
        // the holder right after a closing quotation mark ("“...,” Lula told ...",
        // "“...,” union negotiator Niek Stam told ...")
        let after_quote = |start: usize| {
            let mut k = start;
            while k > 0
                && start - k < 4
                && self.tokens[k - 1].is_word()
                && !self.tokens[k - 1].cap
                && !COMMA_STOPS.contains(&self.tokens[k - 1].lower.as_ref())
                && !matches!(self.tokens[k - 1].lower.as_ref(), "and" | "but" | "or")
            {
                k -= 1;
            }
            k > 0
                && (self.tokens[k - 1].kind == TokKind::CloseQuote
                    || (k > 1
                        && self.tokens[k - 1].text == ","
                        && self.tokens[k - 2].kind == TokKind::CloseQuote))
        };
        let quote_first = before.is_some()
            && holders.iter().any(|(_, text)| {
                self.mentions
                    .iter()
                    .any(|m| &m.text == text && m.end <= cs && after_quote(m.start))
            });
        let after_ok = clause_like && cb > ca + 1 && (report_opens || !quote_first);
        match (before, after_ok) {
            (Some((qa, qb)), true)
                if self.tok(a).is_some_and(|t| t.text == ",")
                    && self
                        .tok(a + 1)
                        .is_some_and(|t| t.kind == TokKind::OpenQuote) =>
            {
                // "“A,” he said, “B.”"
                self.push_all(
                    out,
                    holders,
                    (cs, ce),
                    stance,
                    (qa, qb),
                    Some((ca, cb)),
                    target,
                    "speech-quote-split",
                    negated,
                    true,
                );
            }
            (_, true) => {
                if stance != entry.stance {
                    rule = "speech-that";
                }
                // "said that A and that B": two reports
                let mut start = ca;
                for j in ca + 1..cb {
                    if self.is(j, "that") && self.is(j - 1, "and") && j - 1 > start + 1 {
                        let (pa, pb) = self.trim(start, j - 1);
                        self.push_all(
                            out,
                            holders,
                            (cs, ce),
                            stance,
                            (pa, pb),
                            None,
                            target.clone(),
                            rule,
                            negated,
                            stance == Stance::Claim,
                        );
                        start = j + 1;
                    }
                }
                self.push_all(
                    out,
                    holders,
                    (cs, ce),
                    stance,
                    (start, cb),
                    None,
                    target,
                    rule,
                    negated,
                    stance == Stance::Claim,
                );
            }
            (Some((qa, qb)), false) => {
                // "In return, Ri said, North Korea had asked ...", "Meeting lawmakers,
                // Maduro said, “...”": an adverbial before a parenthetical
                // attribution; what was said comes after it
                let unquoted = (qa..qb).all(|j| !self.tokens[j].is_quote())
                    && !self.quoted.get(qa).copied().unwrap_or(false);
                // "The new tariffs, Soto said, ..." opens with a noun phrase, no adverbial
                let adverbial = unquoted
                    && !DETERMINERS.contains(&self.tokens[qa].lower.as_ref())
                    && ((qb - qa) <= 3 || self.tokens[qa].lower.ends_with("ing"))
                    && self.tok(a).is_some_and(|t| t.text == "," || t.text == ":");
                let (ra, rb) = if adverbial {
                    let s = a + 1;
                    self.trim(s, self.content_end(s, true))
                } else {
                    (qa, qb)
                };
                // "The two articles, he said, dealt with ...", "Only by taking these
                // steps, Kurti said, can trust be built": the attribution interrupts
                // one clause, which goes on after it
                let interrupted = unquoted
                    && !adverbial
                    && self.tok(a).is_some_and(|t| t.text == ",")
                    && self
                        .tok(a + 1)
                        .is_some_and(|t| t.is_word() && !t.cap && !is_pronoun(&t.lower))
                    && !COMMA_STOPS.contains(&self.tokens[a + 1].lower.as_ref());
                let (ra, rb, extra, rule) = if adverbial && rb >= ra + 3 {
                    (ra, rb, None, "speech-parenthetical")
                } else if interrupted {
                    let s = a + 1;
                    let (xa, xb) = self.trim(s, self.content_end(s, true));
                    if xb > xa {
                        (qa, qb, Some((xa, xb)), "speech-interrupted")
                    } else {
                        (qa, qb, None, "speech-quote-first")
                    }
                } else {
                    (qa, qb, None, "speech-quote-first")
                };
                self.push_all(
                    out,
                    holders,
                    (cs, ce),
                    stance,
                    (ra, rb),
                    extra,
                    target,
                    rule,
                    negated,
                    true,
                );
            }
            (None, false) => {}
        }
    }

    fn starts_noun_phrase_after_that(&self, that: usize) -> bool {
        // "rejected that idea" (a determiner) vs "demanded that Israel withdraw" (a clause)
        let next = self.tok(that + 1);
        next.is_some_and(|t| {
            t.is_word()
                && !t.cap
                && !is_pronoun(&t.lower)
                && !DETERMINERS.contains(&t.lower.as_ref())
        }) && self.tok(that + 2).is_some_and(|t| {
            matches!(t.text, "," | "." | ";")
                || !t.is_word()
                || self.lx.cue_forms(&t.lower).is_empty()
        }) && !self.tokens[that + 1..]
            .iter()
            .take(4)
            .any(|t| AUX.contains(&t.lower.as_ref()))
    }

    /// "“...,” he said": the quotation (or clause) before the holder.
    fn quote_before(&self, cs: usize, holders: &[(Holder, String)]) -> Option<(usize, usize)> {
        let nearest = self
            .mentions
            .iter()
            .filter(|m| m.end <= cs)
            .filter(|m| holders.iter().any(|(_, t)| *t == m.text))
            .map(|m| m.start)
            .max();
        // coordinated speakers ("the US and the EU have said"): from the first of them
        let first_mention = nearest.map(|near| {
            self.mentions
                .iter()
                .filter(|m| {
                    m.end <= cs && m.start + 12 >= near && holders.iter().any(|(_, t)| *t == m.text)
                })
                .map(|m| m.start)
                .min()
                .unwrap_or(near)
        });
        // "a conflict in which local doctors say ...": a report inside a relative
        // clause follows its verb; nothing before it was said
        if let Some(f) = first_mention {
            if f > 0
                && matches!(
                    self.tokens[f - 1].lower.as_ref(),
                    "which" | "whom" | "where"
                )
            {
                return None;
            }
        }
        let mut start = first_mention.unwrap_or(cs).min(cs);
        // "..., union negotiator Niek Stam told": past a lower-case title or description
        let mut back = 0;
        while start > 0
            && back < 4
            && self.tokens[start - 1].is_word()
            && !self.tokens[start - 1].cap
        {
            start -= 1;
            back += 1;
        }
        if back > 0
            && !(start > 0
                && (self.tokens[start - 1].text == "," || self.tokens[start - 1].is_quote()))
        {
            start += back; // not an attribution after a quotation after all
        }
        let mut k = start;
        while k > 0
            && (self.tokens[k - 1].is_quote() || matches!(self.tokens[k - 1].text, "," | "!" | "?"))
        {
            k -= 1;
        }
        if k == start || k == 0 {
            return None;
        }
        // from the opening quote of this quotation (when the report ends with its
        // closing quote), or the sentence start
        let closes_quote = (k..start).any(|j| self.tokens[j].kind == TokKind::CloseQuote);
        let open = if closes_quote {
            (0..k)
                .rev()
                .find(|&j| self.tokens[j].kind == TokKind::OpenQuote)
                .map(|j| j + 1)
                .unwrap_or(0)
        } else {
            0
        };
        // 'Talks ... were "constructive," a negotiator said': a word or two
        // quoted at the end of the report; the report is the whole clause
        let open =
            if open > 1 && k - open <= 2 && self.tokens[..open - 1].iter().any(|t| t.is_word()) {
                0
            } else {
                open
            };
        let (a, b) = self.trim(open, k);
        (b > a + 1).then_some((a, b))
    }

    #[allow(clippy::too_many_arguments)]
    fn push_all(
        &self,
        out: &mut Vec<Candidate>,
        holders: &[(Holder, String)],
        cue: (usize, usize),
        stance: Stance,
        content: (usize, usize),
        extra: Option<(usize, usize)>,
        target: Option<Actor>,
        rule: &'static str,
        negated: bool,
        speech: bool,
    ) {
        let mut target = target;
        // a content is a phrase or clause, never a stray "at the meeting" or "has said"
        if let Some(first) = self.tok(content.0) {
            let l = first.lower.as_ref();
            let stray = matches!(
                l,
                "at" | "in"
                    | "on"
                    | "from"
                    | "during"
                    | "after"
                    | "before"
                    | "with"
                    | "or"
                    | "and"
                    | "but"
                    | "has"
                    | "have"
                    | "had"
                    | "is"
                    | "was"
                    | "are"
                    | "were"
                    | "so"
                    | "by"
                    | "as"
                    | "of"
                    | "into"
                    | "which"
                    | "who"
                    | "to"
            ) || (first.kind == TokKind::Punct
                && !matches!(first.text, "$" | "€" | "£" | "¥"));
            if stray && extra.is_none() && !speech {
                return;
            }
        }
        let stance = if negated {
            match stance.negated() {
                Some(s) => s,
                None => return,
            }
        } else {
            stance
        };
        // "Baku expects the following – Armenia must amend ...": what the
        // placeholder announces after its colon or dash is the content
        // (also inside a quoted report: "“At the next stage, Baku expects the
        // following – Armenia must amend …”")
        let mut content = content;
        let placeholder = (content.0..content.1.saturating_sub(1)).find(|&j| {
            self.is(j, "the")
                && self.is(j + 1, "following")
                && self
                    .tok(j + 2)
                    .is_some_and(|t| matches!(t.text, ":" | "–" | "—" | "-"))
        });
        if let Some(j) = placeholder.filter(|&j| j == content.0 || speech) {
            let s = j + 3;
            let (a, b) = self.trim(s, self.content_end(s, false));
            if b > a {
                content = (a, b);
                // ("... – Armenia must amend": asked of the modal's subject)
                if stance == Stance::Demand && target.is_none() {
                    target = self.modal_demand(a, b).flatten();
                }
            }
        }
        for (h, text) in holders {
            if let (Holder::Actor(a), Some(t)) = (h, &target) {
                if a == t {
                    continue;
                }
            }
            out.push(Candidate {
                cue,
                stance,
                holder: h.clone(),
                holder_text: text.clone(),
                content,
                content_extra: extra,
                target: target.clone(),
                rule,
                negated,
                speech,
            });
        }
    }

    /// "Kyiv's demand for X", "its offer of Y", "a proposal by X for Y".
    fn nominal_candidates(&self, out: &mut Vec<Candidate>) {
        let n = self.tokens.len();
        for k in 1..n {
            let t = &self.tokens[k];
            if !t.is_word() || t.cap {
                continue;
            }
            let Some(ni) = self.lx.noun(&t.lower) else {
                continue;
            };
            let noun = &self.lx.nouns[ni];
            // "Pakistan plans to invite India": a verb of intention after its
            // subject, no noun (the verb it intends is read instead)
            if INTENDS.contains(&t.lower)
                && self.mention_ending_at(k).is_some_and(|m| {
                    // ("a Norwegian plan to share quotas" is the noun)
                    m.form == MentionForm::Name
                        && !m.start.checked_sub(1).is_some_and(|p| {
                            let l = self.tokens[p].lower.as_ref();
                            DETERMINERS.contains(&l) || PREPOSITIONS.contains(&l)
                        })
                })
                && self.is(k + 1, "to")
                && self.tok(k + 2).is_some_and(|x| {
                    x.is_word() && !x.cap && !DETERMINERS.contains(&x.lower.as_ref())
                })
            {
                continue;
            }
            // one candidate of this noun cue
            let candidate = |h: Holder, text: &str, content: (usize, usize), rule: &'static str| {
                Candidate::plain((k, k + 1), noun.stance, h, text.to_string(), content, rule)
            };
            let mut holder: Option<&Mention> = None;
            let mut after = k + 1;
            let poss = |j: usize| -> Option<&Mention> {
                if self.is(j, "'s") {
                    self.mention_ending_at(j)
                } else {
                    self.mention_starting_at(j).filter(|m| {
                        m.form == MentionForm::Pronoun
                            && matches!(
                                self.tokens[j].lower.as_ref(),
                                "his" | "her" | "its" | "their" | "our"
                            )
                    })
                }
            };
            if let Some(m) = poss(k - 1) {
                holder = Some(m);
            } else if k >= 2 && self.tokens[k - 1].is_word() && !self.tokens[k - 1].cap {
                holder = poss(k - 2);
            }
            // "prepared to abandon their demand for ...": a position given up
            // ("will not abandon its demand" keeps it)
            if let Some(m) = holder {
                let v = m.start;
                let dropped = v > 0 && ABANDONS.contains(&self.tokens[v - 1].lower);
                let kept = (v.saturating_sub(4)..v).any(|j| is_neg(&self.tokens[j]));
                if dropped && !kept {
                    continue;
                }
            }
            // "an Egyptian plan", "a Hamas proposal"
            if holder.is_none() {
                // (in headlines with no article: "Hamas rejects Egyptian plan")
                holder = self.mention_ending_at(k).filter(|m| {
                    m.form == MentionForm::Name
                        && (m.start == 0
                            || self.tok(m.start - 1).is_some_and(|p| {
                                DETERMINERS.contains(&p.lower.as_ref())
                                    || PREPOSITIONS.contains(&p.lower.as_ref())
                                    || (p.is_word() && !self.lx.cue_forms(&p.lower).is_empty())
                            }))
                });
            }
            // "won support from the cabinet and the DUP for the plan": those it came
            // from back what follows "for"
            let gained = self.tok(k - 1).is_some_and(|p| GAINED.contains(&p.lower));
            if holder.is_none() && gained && self.is(k + 1, "from") {
                let for_at = (k + 2..(k + 16).min(n)).find(|&j| self.is(j, "for"));
                if let Some(f) = for_at {
                    let b = self.content_end(f + 1, false);
                    let (a, b) = self.trim(f + 1, b);
                    if b > a {
                        for m in self.mentions.iter().filter(|m| {
                            m.start > k + 1 && m.end <= f && m.form == MentionForm::Name
                        }) {
                            if let Some(h) = Self::holder_of(m) {
                                out.push(candidate(h, &m.text, (a, b), "nominal-from"));
                            }
                        }
                    }
                }
                continue;
            }
            // "a public offer from Stellantis to raise pay", "a package from rich nations"
            if holder.is_none() && self.is(k + 1, "from") {
                if let Some(m) = self.mention_from(k + 2) {
                    let Some(h) = Self::holder_of(m) else {
                        continue;
                    };
                    let (a, b) = if self.is(m.end, "to") && !self.starts_noun_phrase(m.end + 1) {
                        let b = self.content_end(m.end + 1, false);
                        self.trim(m.end + 1, b)
                    } else {
                        let mut s = k;
                        while s > 0
                            && k - s < 6
                            && self.tokens[s - 1].is_word()
                            && !PREPOSITIONS.contains(&self.tokens[s - 1].lower.as_ref())
                            && self.lx.cue_forms(&self.tokens[s - 1].lower).is_empty()
                        {
                            s -= 1;
                            if DETERMINERS.contains(&self.tokens[s].lower.as_ref()) {
                                break; // the noun phrase starts at its determiner
                            }
                        }
                        while s > 0
                            && k - s < 6
                            && matches!(self.tokens[s - 1].kind, TokKind::Number | TokKind::Punct)
                            && self.tokens[s - 1].text != ","
                        {
                            s -= 1;
                        }
                        (s, k + 1)
                    };
                    // "the offer from ministers": the noun alone says nothing of what
                    let bare = b == k + 1
                        && (a == k
                            || (a + 1 == k
                                && DETERMINERS.contains(&self.tokens[a].lower.as_ref())));
                    if b > a && !bare {
                        out.push(candidate(h, &m.text, (a, b), "nominal-from"));
                    }
                    continue;
                }
            }
            if holder.is_none() && self.is(k + 1, "by") {
                if let Some(m) = self.mention_starting_at(k + 2) {
                    holder = Some(m);
                    after = m.end;
                }
            }
            // "Turkey has set Sweden five formal conditions for ...", "Moscow laid
            // down demands for ...": the subject of the verb that sets them
            let mut set_np: Option<usize> = None;
            let mut set_for: Option<Actor> = None;
            let mut co_holders: Vec<&Mention> = Vec::new();
            // "The Netherlands and Austria have doubts about ...": reservations held
            let doubts = noun.stance == Stance::Reject && t.lower.ends_with('s');
            if holder.is_none()
                && (noun.stance == Stance::Demand || doubts)
                && t.lower.ends_with('s')
            {
                let mut v = k;
                let mut np_start = k;
                let mut skipped_mention = false;
                while v > 0 && k - v < 6 {
                    let p = &self.tokens[v - 1];
                    if let Some(m) = self
                        .mention_ending_at(v)
                        .filter(|m| !skipped_mention && m.form == MentionForm::Name)
                    {
                        skipped_mention = true;
                        set_for = m.actor().cloned();
                        v = m.start;
                        continue;
                    }
                    if p.kind == TokKind::Number
                        || DETERMINERS.contains(&p.lower)
                        || (p.is_word() && !p.cap && SETS_MODIFIERS.contains(&p.lower))
                    {
                        v -= 1;
                        if !skipped_mention {
                            np_start = v;
                        }
                        continue;
                    }
                    break;
                }
                // "laid down", "set out": the verb is before its particle
                let verb = if v >= 2 && matches!(self.tokens[v - 1].lower.as_ref(), "down" | "out")
                {
                    v - 2
                } else {
                    v.saturating_sub(1)
                };
                let verbs = if doubts { &HOLDS_VERBS } else { &SETS_VERBS };
                if v > 0 && verbs.contains(&self.tokens[verb].lower) {
                    let subjects = self.find_subject(verb).unwrap_or_default();
                    holder = subjects.first().copied();
                    co_holders = subjects.iter().skip(1).copied().collect();
                    // doubts are about what follows the preposition, not the doubts
                    if !doubts {
                        set_np = Some(np_start);
                    }
                }
            }
            // "had made realistic proposals, among them the decommissioning of
            // Yongbyon": the examples named are what was put forward
            if holder.is_none() && t.lower.ends_with('s') {
                if let Some(c) = self.made_examples(k, noun.stance) {
                    out.extend(c);
                    continue;
                }
            }
            // (one offer or proposal; "has been sending requests" reports a
            // practice; "made its final offer": the possessive is the maker)
            if holder.is_none_or(|m| m.form == MentionForm::Pronoun)
                && matches!(
                    noun.stance,
                    Stance::Offer | Stance::Propose | Stance::Demand
                )
                && !t.lower.ends_with('s')
            {
                if let Some(c) = self.made_or_sent(k, noun.stance) {
                    out.push(c);
                    continue;
                }
            }
            let Some(m) = holder else { continue };
            let Some(h) = Self::holder_of(m) else {
                continue;
            };
            // "Qatar's favourable view of the response", "a dim view of":
            // a view with its judgement is a reaction to what it is of
            let judged_view = (t.lower == "view" && self.is(after, "of"))
                .then(|| match self.tokens[k - 1].lower.as_ref() {
                    "favourable" | "favorable" | "positive" | "warm" => Some(Stance::Support),
                    "dim" | "negative" | "critical" | "sceptical" | "skeptical" => {
                        Some(Stance::Reject)
                    }
                    _ => None,
                })
                .flatten();
            if let Some(stance) = judged_view {
                let a = after + 1;
                // (the noun phrase ends at its clause's verb: "... of the plan is well known")
                let b = self.content_end(a, false);
                let b = (a + 1..b)
                    .find(|&j| {
                        NOUN_PHRASE_VERBS.contains(&self.tokens[j].lower.as_ref())
                            || is_finite_aux(&self.tokens[j])
                    })
                    .unwrap_or(b);
                let (ca, cb) = self.trim(a, b);
                if cb > ca {
                    let mut c = candidate(h, &m.text, (ca, cb), "nominal");
                    c.stance = stance;
                    out.push(c);
                }
                continue;
            }
            if !self
                .tok(after)
                .is_some_and(|p| noun.preps.iter().any(|x| *x == p.lower))
            {
                continue;
            }
            let a = after + 1;
            let b = self.content_end(a, noun.stance == Stance::Claim);
            // "Athens's demand for compensation was ignored": the noun phrase ends at the verb
            let noun_phrase = matches!(self.tokens[after].lower.as_ref(), "for" | "of" | "on");
            let b = (a + 1..b)
                .filter(|&j| noun_phrase && !self.relative_between(a, j))
                .find(|&j| NOUN_PHRASE_VERBS.contains(&self.tokens[j].lower.as_ref()))
                .map(|j| self.before_adverb(a, j))
                .unwrap_or(b);
            let (ca, cb) = self.trim(a, b);
            if cb <= ca {
                continue;
            }
            // conditions that are set are the content, with what they are for
            if let Some(np) = set_np {
                // "set Sweden five conditions": the one they are set for is the target
                let mut c = candidate(h.clone(), &m.text, (np, cb), "nominal");
                c.target = set_for.clone();
                out.push(c);
                continue;
            }
            for (pa, pb) in self.split_coordination(ca, cb) {
                out.push(candidate(h.clone(), &m.text, (pa, pb), "nominal"));
                for co in &co_holders {
                    if let Some(h) = Self::holder_of(co) {
                        out.push(candidate(h, &co.text, (pa, pb), "nominal"));
                    }
                }
            }
        }
    }

    /// "Ford made an offer of a 20% raise", "it sent Washington a
    /// counter-proposal of 20 points", "the union submitted a new proposal":
    /// whoever makes, sends or submits the offer, proposal or demand at `k`
    /// holds it, and the one it is sent to is the target. The content is the
    /// whole noun phrase.
    fn made_or_sent(&self, k: usize, stance: Stance) -> Option<Candidate> {
        // the noun phrase, back to its determiner: "a written 20-point proposal"
        let mut np_start = k;
        while np_start > 0 && k - np_start < 6 {
            let p = &self.tokens[np_start - 1];
            let participle = (p.lower.ends_with("ed") || p.lower.ends_with("en"))
                && np_start >= 2
                && DETERMINERS.contains(&self.tokens[np_start - 2].lower.as_ref());
            let modifier = participle
                || p.kind == TokKind::Number
                || matches!(p.text, "-" | "%" | "$" | "€" | "£")
                || (p.is_word()
                    && !p.cap
                    && !PREPOSITIONS.contains(&p.lower.as_ref())
                    && !MADE_OR_SENT.contains(&p.lower)
                    && self.lx.cue_forms(&p.lower).is_empty());
            if !modifier {
                break;
            }
            np_start -= 1;
            if DETERMINERS.contains(&p.lower.as_ref()) {
                break;
            }
        }
        // whom it goes to, between the verb and the noun phrase: "sent
        // Washington a counter-proposal", "handed the mediators a plan"
        let mut v = np_start;
        let mut recipient: Option<&Mention> = None;
        if let Some(m) = self.mention_ending_at(v) {
            recipient = Some(m);
            v = m.start;
        } else if v > 0 && DETERMINERS.contains(&self.tokens[np_start].lower.as_ref()) {
            let words = (1..=3).find(|&w| {
                v > w
                    && self.is(v - w, "the")
                    && (v - w + 1..v).all(|j| self.tokens[j].is_word() && !self.tokens[j].cap)
                    && MADE_OR_SENT.contains(&self.tokens[v - w - 1].lower)
            });
            if let Some(w) = words {
                v -= w;
            }
        }
        let verb = v.checked_sub(1)?;
        if !MADE_OR_SENT.contains(&self.tokens[verb].lower) || np_start == k && k == v {
            return None;
        }
        // "made no offer", "sent no proposal": nothing was put forward
        if self.is(np_start, "no") {
            return None;
        }
        let subject = self.find_subject(verb)?;
        let first = *subject.first()?;
        let holder = Self::holder_of(first)?;
        let b = self.content_end(np_start, false);
        let (a, b) = self.trim(np_start, b.max(k + 1));
        (b > a).then(|| {
            let mut c = Candidate::plain(
                (k, k + 1),
                stance,
                holder,
                first.text.clone(),
                (a, b),
                "nominal-made",
            );
            c.target = recipient.and_then(|m| m.actor().cloned());
            c
        })
    }

    /// "X had made \"realistic\" proposals, among them A and B", "X sent
    /// demands, including A": each example is X's position of the noun's
    /// stance (the noun at `k` is plural).
    fn made_examples(&self, k: usize, stance: Stance) -> Option<Vec<Candidate>> {
        if !self.is(k + 1, ",") {
            return None;
        }
        let start = match (
            self.tok(k + 2).map(|t| t.lower.as_ref()),
            self.tok(k + 3).map(|t| t.lower.as_ref()),
        ) {
            (Some("among"), Some("them" | "which")) => k + 4,
            (Some("including" | "notably"), _) => k + 3,
            (Some("such"), Some("as")) => k + 4,
            _ => return None,
        };
        // the verb before the noun, past a few modifiers and quotation marks
        let mut v = k;
        while v > 0
            && k - v < 4
            && (self.tokens[v - 1].is_quote()
                || (self.tokens[v - 1].is_word()
                    && !self.tokens[v - 1].cap
                    && !MADE_OR_SENT.contains(&self.tokens[v - 1].lower)
                    && self.lx.cue_forms(&self.tokens[v - 1].lower).is_empty()))
        {
            v -= 1;
        }
        let verb = v.checked_sub(1)?;
        if !MADE_OR_SENT.contains(&self.tokens[verb].lower) {
            return None;
        }
        let first = *self.find_subject(verb)?.first()?;
        let holder = Self::holder_of(first)?;
        let (a, b) = self.trim(start, self.content_end(start, false));
        let out: Vec<Candidate> = self
            .split_coordination(a, b)
            .into_iter()
            .map(|(pa, pb)| self.trim(pa, pb))
            .filter(|(pa, pb)| pb > pa)
            .map(|content| {
                Candidate::plain(
                    (k, k + 1),
                    stance,
                    holder.clone(),
                    first.text.clone(),
                    content,
                    "nominal-examples",
                )
            })
            .collect();
        (!out.is_empty()).then_some(out)
    }

    /// "according to X, ...", "..., according to X".
    fn according_to(&self, out: &mut Vec<Candidate>) {
        let n = self.tokens.len();
        for k in 0..n.saturating_sub(2) {
            if !(ACCORDING.contains(&self.tokens[k].lower) && self.is(k + 1, "to")) {
                continue;
            }
            let Some(m) = self.mention_from(k + 2) else {
                continue;
            };
            let Some(h) = Self::holder_of(m) else {
                continue;
            };
            let (a, b) = if k == 0 || self.tokens[..k].iter().all(|t| !t.is_word()) {
                (m.end, self.content_end(m.end, true))
            } else {
                (0, k)
            };
            let (ca, cb) = self.trim(a, b);
            if cb > ca + 1 {
                out.push(Candidate {
                    cue: (k, k + 2),
                    stance: Stance::Claim,
                    holder: h,
                    holder_text: m.text.clone(),
                    content: (ca, cb),
                    content_extra: None,
                    target: None,
                    rule: "according-to",
                    negated: false,
                    speech: true,
                });
            }
        }
    }

    /// Inside reported speech, a wish stated as a judgement is a demand:
    /// "a deal in July would be very good" (the deal), "the only acceptable
    /// result is victory", "our priority is to end the strike" (what follows).
    /// Returns the content range of what is wanted.
    pub fn stated_wish(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let word = |j: usize| self.tok(j).map(|t| t.lower.as_ref()).unwrap_or("");
        for j in a..b {
            // "X would be (very) good"
            if word(j) == "would" && word(j + 1) == "be" && j > a + 1 {
                let mut k = j + 2;
                if matches!(word(k), "very" | "really" | "most" | "extremely" | "truly") {
                    k += 1;
                }
                if matches!(
                    word(k),
                    "good" | "welcome" | "desirable" | "ideal" | "best" | "helpful" | "great"
                ) {
                    return Some(self.trim(a, j));
                }
            }
            if !matches!(word(j), "is" | "remains") || j < a + 2 {
                continue;
            }
            // "the only acceptable result is Y", "our priority is to Y"
            let head = word(j - 1);
            let only = (a..j).any(|i| word(i) == "only")
                && matches!(head, "result" | "outcome" | "solution" | "option" | "way");
            let aim = matches!(
                word(j - 2),
                "our" | "its" | "their" | "his" | "her" | "the" | "my"
            ) && matches!(head, "priority" | "aim" | "goal" | "objective");
            if only || aim {
                let start = if word(j + 1) == "to" { j + 2 } else { j + 1 };
                let end = self.content_end(start, false).min(b);
                let (x, y) = self.trim(start, end);
                if y > x {
                    return Some((x, y));
                }
            }
        }
        None
    }

    /// Inside reported speech, a condition stated as fact is a demand:
    /// "X is a precondition for ...", "... hinges on whether X". Returns the
    /// content range of what is demanded.
    pub fn stated_condition(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        for j in a..b {
            let l = self.tokens[j].lower.as_ref();
            if matches!(l, "is" | "are" | "was" | "remains" | "remain") {
                let mut k = j + 1;
                if self
                    .tok(k)
                    .is_some_and(|t| matches!(t.lower.as_ref(), "a" | "an" | "the"))
                {
                    k += 1;
                }
                if self.tok(k).is_some_and(|t| {
                    matches!(
                        t.lower.as_ref(),
                        "precondition" | "prerequisite" | "condition" | "requirement" | "must"
                    )
                }) && j > a + 1
                {
                    return Some(self.trim(a, j));
                }
            }
            // "be contingent on", "must hinge on": a condition set; "peace
            // hinges on concessions", "a community that depends on the sea"
            // state how things are
            // state how things are, unless what they turn on is whether
            // something is done ("turns directly on whether the Association is
            // established")
            let obliged = j > a && matches!(self.tokens[j - 1].lower.as_ref(), "must" | "should");
            let on_whether = (j + 1..(j + 4).min(b)).any(|k| self.is(k, "whether"));
            let hinge = matches!(
                l,
                "hinge" | "hinges" | "hinged" | "depend" | "depends" | "turns" | "turn" | "rests"
            );
            if matches!(l, "conditional" | "contingent") || (hinge && (obliged || on_whether)) {
                let mut k = j + 1;
                if self.tok(k).is_some_and(|t| t.lower.ends_with("ly")) {
                    k += 1;
                }
                if self.is(k, "on") || self.is(k, "upon") {
                    k += 1;
                    if self.is(k, "whether") {
                        k += 1;
                    }
                    let e = self.content_end(k, true).min(b);
                    let (x, y) = self.trim(k, e);
                    if y > x + 1 {
                        return Some((x, y));
                    }
                }
            }
        }
        None
    }

    /// Inside reported speech: a modal ("Both sides must ...") makes the
    /// report a demand; returns the target (the modal's subject) if named.
    pub fn modal_demand(&self, a: usize, b: usize) -> Option<Option<Actor>> {
        let k = (a..b).find(|&j| {
            let l = self.tokens[j].lower.as_ref();
            // "should there be talks" is a condition, not a call; "one has to try" is no one's demand
            let inverted = l == "should"
                && (j == a
                    || self
                        .tok(j - 1)
                        .is_some_and(|p| !p.is_word() || p.is_quote()));
            let generic = j > 0 && self.is(j - 1, "one");
            !inverted
                && !generic
                && (MODALS.contains(&l)
                    || (matches!(l, "need" | "needs" | "has" | "have" | "had")
                        && self.is(j + 1, "to"))
                    // "have a duty to pay", "has an obligation to"
                    || (matches!(l, "has" | "have")
                        && matches!(self.tok(j + 1).map(|t| t.lower.as_ref()), Some("a" | "an"))
                        && self.tok(j + 2).is_some_and(|t| {
                            matches!(t.lower.as_ref(), "duty" | "obligation" | "responsibility")
                        })
                        && self.is(j + 3, "to")))
        })?;
        // "Europe and the US now have a duty to": past adverbs to the subject
        let mut e = k;
        while e > a && skippable(&self.tokens[e - 1]) {
            e -= 1;
        }
        let subj = self.mention_ending_at(e).or_else(|| {
            // "the union has no grounds to refuse and should take it": the
            // modal of a second verb phrase has the clause's subject
            (e > a && matches!(self.tokens[e - 1].lower.as_ref(), "and" | "but"))
                .then(|| self.mention_from(a))
                .flatten()
                .filter(|m| m.form != MentionForm::Pronoun && self.clause_verb_after(m.end))
        });
        Some(subj.and_then(|m| m.actor().cloned()))
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
