//! Actor mentions in a sentence, and the discourse state that resolves
//! pronouns, short names and descriptions ("the union") across a document.

use super::tokens::{TokKind, Token};
use super::{WordSet, CALENDAR};
use crate::lexicon::{ActorEntry, Lexicon, SurfaceKind};
use crate::model::{Actor, ActorKind};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;

/// Who a mention refers to.
#[derive(Debug, Clone, PartialEq)]
pub enum Referent {
    Actor(Actor),
    /// "I", "we": the speaker of the quotation or report it stands in.
    FirstPerson,
    /// A pronoun or description with nothing to refer to.
    Unresolved,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionForm {
    Name,
    Pronoun,
    Description,
}

#[derive(Debug, Clone)]
pub struct Mention {
    /// Token range `[start, end)`.
    pub start: usize,
    pub end: usize,
    pub referent: Referent,
    pub form: MentionForm,
    /// The words as written.
    pub text: String,
}

impl Mention {
    pub fn actor(&self) -> Option<&Actor> {
        match &self.referent {
            Referent::Actor(a) => Some(a),
            _ => None,
        }
    }
}

/// What a document has said so far about who is who.
#[derive(Debug, Default)]
pub struct Discourse<'t> {
    recent: Vec<Actor>,
    /// Short forms introduced by the text: surnames, acronyms.
    aliases: FxHashMap<String, Actor>,
    /// Words seen capitalised away from the start of a sentence.
    pub capitalised: FxHashSet<&'t str>,
    /// The full name a gazetteer person goes by in this text ("Aleksandar
    /// Vučić" where the gazetteer says "Aleksandar Vucic").
    person_forms: FxHashMap<String, Actor>,
    /// The two parties that "both sides" in the current sentence stands for,
    /// with the name the mention was given.
    pub sides: Option<(String, Actor, Actor)>,
    /// The last two governments or bodies named together ("X and Y").
    pair: Option<(Actor, Actor)>,
}

/// Whether a word of `name`, in lower case and without a plural "s", is
/// `stem`. (ASCII names are compared in place, the rest lower-cased.)
fn has_word_stem(name: &str, stem: &str) -> bool {
    if name.is_ascii() && !stem.bytes().any(|b| b.is_ascii_uppercase()) {
        name.split_whitespace()
            .any(|w| w.trim_end_matches(['s', 'S']).eq_ignore_ascii_case(stem))
    } else {
        name.to_lowercase()
            .split_whitespace()
            .any(|w| w.trim_end_matches('s') == stem)
    }
}

/// Words that name a labour organisation, not a company.
const LABOUR_WORDS: &[&str] = &[
    "union",
    "association",
    "workers",
    "federation",
    "guild",
    "teamsters",
    "congress",
];

const RECENT_LIMIT: usize = 64;

impl Discourse<'_> {
    pub fn note(&mut self, a: &Actor) {
        // named again: it moves to the end (no copy needed)
        if let Some(pos) = self.recent.iter().rposition(|x| x == a) {
            let x = self.recent.remove(pos);
            self.recent.push(x);
            return;
        }
        self.recent.push(a.clone());
        if self.recent.len() > RECENT_LIMIT {
            self.recent.remove(0);
        }
    }

    fn last(&self, pred: impl Fn(&Actor) -> bool) -> Option<Actor> {
        self.recent.iter().rev().find(|a| pred(a)).cloned()
    }

    /// The two actors of a kind named last: whom "both sides" or "both of
    /// those companies" means.
    fn last_two(&self, pred: impl Fn(&Actor) -> bool) -> Option<(Actor, Actor)> {
        let mut found = self.recent.iter().rev().filter(|a| pred(a));
        let second = found.next()?.clone();
        let first = found.next()?.clone();
        Some((first, second))
    }

    fn alias(&self, form: &str) -> Option<Actor> {
        // (a short ASCII form is lower-cased on the stack)
        let mut buf = [0u8; 64];
        if let Some(b) = buf.get_mut(..form.len()).filter(|_| form.is_ascii()) {
            b.copy_from_slice(form.as_bytes());
            b.make_ascii_lowercase();
            let lower = std::str::from_utf8(b).expect("ASCII is UTF-8");
            return self.aliases.get(lower).cloned();
        }
        self.aliases.get(&form.to_lowercase()).cloned()
    }

    /// "Albin Kurti, Kosovo's acting Prime Minister": from here on the person
    /// speaks for the body.
    fn affiliate(&mut self, name: &str, body: &str) {
        let set = |a: &mut Actor| {
            if &*a.name == name && a.affiliation.is_none() {
                a.kind = ActorKind::Person;
                a.affiliation = Some(body.into());
            }
        };
        self.recent.iter_mut().for_each(set);
        self.aliases.values_mut().for_each(set);
    }

    /// An unknown name that speaks ("Natalie Loiseau said") is a person:
    /// from here on "she" can refer to it.
    pub fn promote_person(&mut self, name: &str) -> Option<Actor> {
        let mut promoted = None;
        for a in self
            .recent
            .iter_mut()
            .filter(|a| &*a.name == name && a.kind == ActorKind::Unknown)
        {
            a.kind = ActorKind::Person;
            promoted = Some(a.clone());
        }
        for a in self
            .aliases
            .values_mut()
            .filter(|a| &*a.name == name && a.kind == ActorKind::Unknown)
        {
            a.kind = ActorKind::Person;
        }
        promoted
    }

    fn register_person(&mut self, a: &Actor) {
        let words: Vec<&str> = a.name.split_whitespace().collect();
        if words.len() >= 2 {
            self.aliases
                .insert(words[words.len() - 1].to_lowercase(), a.clone());
            // family names come first in some languages ("Ri Yong-ho" is "Ri")
            self.aliases
                .entry(words[0].to_lowercase())
                .or_insert_with(|| a.clone());
        }
        self.aliases.insert(a.name.to_lowercase(), a.clone());
    }

    fn resolve_pronoun(&self, lower: &str) -> Referent {
        let r = match lower {
            "he" | "him" | "his" | "she" | "her" | "hers" | "himself" | "herself" => {
                self.last(|a| a.kind == ActorKind::Person)
            }
            "it" | "its" | "itself" | "they" | "them" | "their" | "themselves" => {
                self.last(|a| a.kind != ActorKind::Person)
            }
            "i" | "me" | "my" | "we" | "us" | "our" | "ourselves" => return Referent::FirstPerson,
            _ => None,
        };
        r.map(Referent::Actor).unwrap_or(Referent::Unresolved)
    }

    /// "the writers' union" is the body named for its members: the last
    /// organisation with "Writers" in its name.
    fn body_named_for(&self, members: &str) -> Option<Actor> {
        let stem = members.trim_end_matches('s');
        self.last(|a| {
            a.kind == ActorKind::Organization
                && a.name
                    .split_whitespace()
                    .any(|w| w.to_lowercase().trim_end_matches('s') == stem)
        })
    }

    /// The actor a definite description ("the union", "the Republican leader")
    /// refers back to.
    fn resolve_description(&self, head: &str) -> Option<Actor> {
        if let Some(a) = self.aliases.get(&format!("the {head}")) {
            return Some(a.clone());
        }
        // "the union" is the last labour organisation named, whatever its name says
        if head == "union" {
            let labour = self.last(|a| {
                a.kind == ActorKind::Organization
                    && LABOUR_WORDS
                        .iter()
                        .any(|w| a.name.to_lowercase().contains(w))
            });
            if labour.is_some() {
                return labour;
            }
        }
        let stem = head.trim_end_matches('s');
        let by_name = self.last(|a| has_word_stem(&a.name, stem));
        if by_name.is_some() {
            return by_name;
        }
        if describes_person(head) {
            return self.last(|a| a.kind == ActorKind::Person);
        }
        match head {
            "government" | "administration" | "country" | "regime" | "state" | "ministry" => {
                self.last(|a| a.kind == ActorKind::Country)
            }
            "union" | "group" | "company" | "organisation" | "organization" | "association"
            | "bloc" | "alliance" | "party" | "movement" | "agency" => {
                self.last(|a| a.kind == ActorKind::Organization || a.kind == ActorKind::Group)
            }
            _ => None,
        }
    }
}

pub(crate) static PRONOUNS: WordSet = WordSet::new(&[
    "he", "him", "his", "she", "her", "it", "its", "they", "them", "their", "i", "me", "my", "we",
    "us", "our",
]);

/// Definite descriptions that refer back to an actor ("the union said").
static DESCRIPTION_HEADS: WordSet = WordSet::new(&[
    "leader",
    "authority",
    "commission",
    "council",
    "committee",
    "court",
    "bank",
    "union",
    "ministry",
    "government",
    "administration",
    "group",
    "company",
    "organisation",
    "organization",
    "bloc",
    "alliance",
    "party",
    "president",
    "country",
    "association",
    "movement",
    "regime",
    "agency",
    "premier",
    "chancellor",
    "envoy",
    "minister",
    "army",
    "military",
    "militia",
    "rebels",
    "parliament",
    "opposition",
]);

/// A member of a party, said of the person last named ("the California
/// Republican said"); capitalised, so never a head of `DESCRIPTION_HEADS`.
static PARTY_MEMBERS: WordSet =
    WordSet::new(&["republican", "democrat", "conservative", "socialist"]);

/// Whether a description with this head ("the president", "the Republican")
/// means a person: the person last named, never a body of its own.
fn describes_person(head: &str) -> bool {
    matches!(
        head,
        "president" | "minister" | "leader" | "premier" | "chancellor" | "envoy"
    ) || PARTY_MEMBERS.contains(head)
}

/// Collective descriptions of the parties to a dispute.
const SIDES: &[&[&str]] = &[
    &["both", "sides"],
    &["the", "two", "sides"],
    &["both", "camps"],
    &["the", "two", "camps"],
    &["both", "parties"],
    &["the", "two", "parties"],
    &["the", "parties"],
    &["the", "two", "countries"],
    &["both", "countries"],
    &["the", "two", "governments"],
    &["both", "governments"],
    &["the", "two", "leaders"],
    &["both", "leaders"],
    &["both", "of", "those", "companies"],
    &["both", "companies"],
    &["the", "two", "companies"],
];

/// Capitalised words that start sentences or headlines but name nobody.
static NOT_NAMES: WordSet = WordSet::new(&[
    "the",
    "a",
    "an",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "on",
    "in",
    "at",
    "for",
    "with",
    "from",
    "by",
    "to",
    "of",
    "as",
    "if",
    "while",
    "when",
    "after",
    "before",
    "since",
    "until",
    "although",
    "though",
    "because",
    "however",
    "meanwhile",
    "also",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "both",
    "some",
    "many",
    "several",
    "most",
    "all",
    "no",
    "not",
    "last",
    "next",
    "earlier",
    "later",
    "now",
    "then",
    "still",
    "such",
    "other",
    "another",
    "each",
    "every",
    "mr",
    "mrs",
    "ms",
    "what",
    "who",
    "why",
    "how",
    "where",
    "which",
    "whether",
    "according",
    "under",
    "over",
    "despite",
    "amid",
    "during",
    "instead",
    "even",
    "only",
    "just",
    "more",
    "less",
    "one",
    "two",
    "three",
    "first",
    "second",
    "new",
    "asked",
    "speaking",
    "reuters",
    "ap",
    "afp",
    "read",
    "update",
    "updated",
    "opinion",
    "analysis",
    "photo",
    "yes",
    "well",
    "once",
    "without",
    "through",
    "into",
    "against",
    "between",
    "toward",
    "towards",
    "around",
    "whose",
    "unless",
    "do",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "can",
    "could",
    "should",
    "must",
    "has",
    "have",
    "had",
    "let",
    "please",
    "thank",
    "thanks",
    "dear",
    "sir",
    "madam",
    "today",
    "yesterday",
]);

static PARTICLES: WordSet = WordSet::new(&[
    "bin", "al", "el", "von", "der", "van", "de", "da", "di", "du", "la", "le", "ibn", "abu",
]);

static ORG_WORDS: WordSet = WordSet::new(&[
    "association",
    "guild",
    "chamber",
    "bureau",
    "confederation",
    "tribunal",
    "secretariat",
    "union",
    "party",
    "workers",
    "council",
    "ministry",
    "company",
    "inc",
    "corp",
    "group",
    "committee",
    "front",
    "movement",
    "federation",
    "bank",
    "agency",
    "court",
    "fund",
    "organization",
    "organisation",
    "institute",
    "university",
    "department",
    "office",
    "forces",
    "army",
    "league",
    "alliance",
    "coalition",
    "commission",
    "authority",
    "government",
    "parliament",
    "assembly",
    "congress",
    "senate",
    "network",
    "foundation",
    "society",
    "corporation",
    "industries",
    "motors",
    "airlines",
    "board",
    "service",
    "guard",
    "brigades",
    "hospitals",
    "hospital",
    "club",
    "teamsters",
    "federal",
    "national",
    "nations",
    "centre",
    "center",
    "trust",
    "systems",
    "international",
    "health",
    "energy",
    "nurses",
    "airways",
    "railways",
    "llc",
    "plc",
    "ltd",
    "co",
]);

/// Words joining the parts of a name ("Ministry of Foreign Affairs").
/// Nouns between a product and a company's name: "Jeep maker Stellantis".
static DESCRIPTOR_NOUNS: WordSet = WordSet::new(&[
    "maker",
    "makers",
    "producer",
    "manufacturer",
    "giant",
    "owner",
    "operator",
    "carrier",
    "retailer",
    "developer",
    "supplier",
]);

static NAME_JOINERS: WordSet = WordSet::new(&["of", "for", "and", "the", "&"]);

pub fn is_pronoun(lower: &str) -> bool {
    PRONOUNS.contains(&lower)
}

/// Capitalised, this word names nobody: "The", "However", "Monday", "May".
fn names_nobody(lower: &str) -> bool {
    NOT_NAMES.contains(lower) || CALENDAR.contains(lower)
}

fn is_name_word(t: &Token<'_>) -> bool {
    t.is_word() && t.cap && !names_nobody(&t.lower)
}

fn actor_of(entry: &ActorEntry) -> Actor {
    Actor {
        name: entry.name.clone(),
        kind: entry.kind,
        affiliation: entry.affiliation.clone(),
    }
}

/// Where a dateline ends: "BELEM (Reuters) - Small island states ...",
/// "KYIV, Ukraine - ...". The word after it starts the sentence, so its
/// capital says nothing about a name. 0 where there is none.
fn dateline_end(tokens: &[Token<'_>]) -> usize {
    let Some(dash) = tokens
        .iter()
        .take(8)
        .position(|t| matches!(t.text, "-" | "—" | "–"))
    else {
        return 0;
    };
    let caps = tokens[..dash].iter().any(|t| {
        t.is_word() && t.text.chars().count() > 1 && t.text.chars().all(|c| !c.is_lowercase())
    });
    let plain = tokens[..dash]
        .iter()
        .all(|t| !t.is_word() || t.cap || matches!(t.text, "(" | ")" | ","));
    if dash > 0 && caps && plain {
        dash + 1
    } else {
        0
    }
}

/// Words of four letters or more that title case may leave in lower case.
static TITLE_LOWER: WordSet = WordSet::new(&[
    "with", "from", "into", "onto", "over", "upon", "than", "that", "this", "about", "after",
    "amid", "among", "before", "during", "under", "until", "when", "near", "like", "says", "said",
    "versus", "toward", "towards", "against", "without", "within", "between",
]);

/// Most words of four letters or more capitalised: a headline in title case,
/// where capitals say nothing about names.
pub fn is_title_case(lx: &Lexicon, tokens: &[Token<'_>]) -> bool {
    let long = || {
        tokens
            .iter()
            .filter(|t| t.is_word() && t.text.len() >= 4 && t.text.chars().nth(3).is_some())
    };
    let (mut all, mut caps) = (0, 0);
    for t in long() {
        all += 1;
        caps += usize::from(t.cap);
    }
    if all < 3 || caps * 10 < all * 7 {
        return false;
    }
    // a title-case headline leaves only short function words in lower case;
    // a sentence full of names still has its verb ("... of Peru spoke on Monday")
    if long().any(|t| !t.cap && !TITLE_LOWER.contains(&t.lower)) {
        return false;
    }
    // a run of names ("Prime Minister Aiko Tanaka spoke in Osaka") is not a
    // headline: some capitalised word must be one that is not a name
    long().filter(|t| t.cap).any(|t| {
        !lx.cue_forms(&t.lower).is_empty() || names_nobody(&t.lower) || lx.noun(&t.lower).is_some()
    })
}

/// Match a run of title words at `i` ("U.S. Secretary of State", "President"),
/// returning the token index after it.
fn match_titles(lx: &Lexicon, tokens: &[Token<'_>], mut i: usize) -> Option<usize> {
    let start = i;
    'outer: while i < tokens.len() {
        if !lx.starts_title(&tokens[i].lower) {
            break;
        }
        // the words from i on (as many as the longest title has), joined once;
        // each shorter title is a prefix of that string
        let max = lx.max_title_words().min(tokens.len() - i);
        let words = tokens[i..i + max].iter().take_while(|t| t.is_word());
        let mut joined = String::new();
        let mut ends = Vec::with_capacity(max);
        for t in words {
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(&t.lower);
            ends.push(joined.len());
        }
        for len in (1..=ends.len()).rev() {
            if lx.is_title(&joined[..ends[len - 1]]) {
                i += len;
                // "Dr." and "Gen." keep their full stop as a token of their own
                if tokens.get(i).is_some_and(|t| t.text == ".") && len == 1 {
                    i += 1;
                }
                continue 'outer;
            }
        }
        break;
    }
    (i > start).then_some(i)
}

/// Capitalised name tokens at `i`, allowing particles ("bin", "von der").
fn match_name(tokens: &[Token<'_>], i: usize) -> Option<usize> {
    let mut j = i;
    while j < tokens.len() && j - i < 5 {
        let t = &tokens[j];
        // a month after a first name or a title is a surname ("Theresa May",
        // "Mrs May"), not a date: names are only matched after titles
        let month_surname = t.cap
            && matches!(t.lower.as_ref(), "may" | "june" | "april" | "august")
            && !tokens.get(j + 1).is_some_and(|x| x.kind == TokKind::Number);
        if is_name_word(t)
            || month_surname
            || (j > i
                && PARTICLES.contains(&t.lower.as_ref())
                && tokens.get(j + 1).is_some_and(is_name_word))
        {
            j += 1;
        } else {
            break;
        }
    }
    (j > i).then_some(j)
}

fn span_text(sentence: &str, tokens: &[Token<'_>], s: usize, e: usize) -> String {
    sentence[tokens[s].start..tokens[e - 1].end].to_string()
}

/// A name mention of `actor` over tokens `[start, end)`.
fn name_mention(
    sentence: &str,
    tokens: &[Token<'_>],
    start: usize,
    end: usize,
    actor: Actor,
) -> Mention {
    Mention {
        start,
        end,
        referent: Referent::Actor(actor),
        form: MentionForm::Name,
        text: span_text(sentence, tokens, start, end),
    }
}

fn person(
    lx: &Lexicon,
    disc: &mut Discourse<'_>,
    name: &str,
    affiliation: Option<Arc<str>>,
) -> Actor {
    if let Some(e) = lx
        .actor_by_form(name)
        .filter(|e| e.kind == ActorKind::Person)
    {
        let mut a = actor_of(e);
        if name.split_whitespace().count() >= 2 {
            a.name = name.into();
            disc.person_forms.insert(e.name.to_string(), a.clone());
        } else if let Some(full) = disc.person_forms.get(&*e.name) {
            a = full.clone();
        }
        return a;
    }
    if let Some(a) = disc.alias(name).filter(|a| a.kind == ActorKind::Person) {
        return a;
    }
    Actor {
        name: name.into(),
        kind: ActorKind::Person,
        affiliation,
    }
}

/// Find the actor mentions of one sentence. Names are resolved against the
/// lexicon and the discourse; pronouns and descriptions are resolved in a
/// second, left-to-right pass so that a name earlier in the same sentence
/// counts ("The Kremlin said it ...").
pub fn find_mentions(
    lx: &Lexicon,
    sentence: &str,
    tokens: &[Token<'_>],
    disc: &mut Discourse<'_>,
) -> Vec<Mention> {
    let n = tokens.len();
    disc.sides = None;
    let mut gaz: Vec<Option<(usize, SurfaceKind, usize)>> = vec![None; n];
    // the gazetteer, tried at the tokens' starts: a match that does not end
    // on a token end is no name
    for (s, e, surf) in lx.actor_surfaces_from(sentence, tokens.iter().map(|t| t.start)) {
        let ts = tokens.binary_search_by_key(&s, |t| t.start);
        let te = tokens.binary_search_by_key(&e, |t| t.end);
        if let (Ok(ts), Ok(te)) = (ts, te) {
            gaz[ts] = Some((te + 1, surf.kind, surf.actor));
        }
    }
    let title_case = is_title_case(lx, tokens);
    let dateline = dateline_end(tokens);
    let mut out: Vec<Mention> = Vec::with_capacity(n / 4 + 1);
    let mut i = 0;
    while i < n {
        let t = &tokens[i];
        if !t.is_word() {
            i += 1;
            continue;
        }
        // pronouns ("US" in capitals is the country, found by the gazetteer)
        // ("spokesperson He Yadong", "Vice Premier He Lifeng": a capitalised
        // "He" inside a sentence, before a name, is a family name)
        let surname = t.text == "He"
            && !title_case
            && i > 0
            && tokens[i - 1].is_word()
            && tokens.get(i + 1).is_some_and(is_name_word);
        if is_pronoun(&t.lower) && t.text != "US" && !surname {
            out.push(Mention {
                start: i,
                end: i + 1,
                referent: Referent::Unresolved,
                form: MentionForm::Pronoun,
                text: t.text.to_string(),
            });
            i += 1;
            continue;
        }
        // most words are lower-case words that start nothing below: no name,
        // title or gazetteer form, and none of the words that open a
        // description or "both sides" (a lower-case pronoun was taken above)
        if !t.cap && gaz[i].is_none() && !matches!(t.lower.as_ref(), "the" | "a" | "both" | "each")
        {
            i += 1;
            continue;
        }
        // "both sides", "the two camps"
        if let Some(words) = matches!(t.lower.as_ref(), "both" | "the" | "each")
            .then(|| {
                // (last word first: it tells most phrases apart)
                SIDES.iter().find(|w| {
                    w.len() <= n - i
                        && w.iter()
                            .enumerate()
                            .rev()
                            .all(|(k, x)| tokens[i + k].lower == *x)
                })
            })
            .flatten()
        {
            let name = words
                .iter()
                .filter(|w| **w != "the")
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            let parties = match words.last().copied() {
                Some("leaders") => disc.last_two(|a| a.kind == ActorKind::Person),
                Some("companies") => disc.last_two(|a| {
                    matches!(a.kind, ActorKind::Organization | ActorKind::Unknown)
                        && !LABOUR_WORDS
                            .iter()
                            .any(|w| a.name.to_lowercase().contains(w))
                }),
                // the last two parties named together ("talks between the army
                // and the RSF", "commanders of Pakistan and India")
                _ => disc.pair.clone(),
            };
            disc.sides = parties.map(|(x, y)| (name.clone(), x, y));
            let a = Actor {
                name: name.into(),
                kind: ActorKind::Group,
                affiliation: None,
            };
            out.push(Mention {
                start: i,
                end: i + words.len(),
                referent: Referent::Actor(a),
                form: MentionForm::Name,
                text: span_text(sentence, tokens, i, i + words.len()),
            });
            i += words.len();
            continue;
        }
        // "the union", "the ministry"
        // "the union", "the ministry", "the port authority" (one modifier)
        let head_at = |h: usize| {
            h < n
                && !tokens[h].cap
                && DESCRIPTION_HEADS.contains(&tokens[h].lower.as_ref())
                && !tokens.get(h + 1).is_some_and(|x| x.cap || x.is("of"))
                && gaz[h].is_none()
        };
        // "the writers' union", "the nurses' negotiating committee": a plural
        // possessor names whose body it is
        let possessor_end = ((t.is("the") || t.is("a"))
            && i + 3 < n
            && tokens[i + 1].is_word()
            && !tokens[i + 1].cap
            && tokens[i + 1].lower.ends_with('s')
            && tokens[i + 2].text == "'")
            .then(|| {
                if head_at(i + 3) {
                    Some(i + 4)
                } else if tokens[i + 3].is_word()
                    && !tokens[i + 3].cap
                    && gaz[i + 3].is_none()
                    && head_at(i + 4)
                {
                    Some(i + 5)
                } else {
                    None
                }
            })
            .flatten();
        let description_end = if possessor_end.is_some() {
            possessor_end
        } else if !t.is("the") {
            None
        } else if head_at(i + 1) {
            Some(i + 2)
        } else if i + 2 < n
            && tokens[i + 1].is_word()
            && !tokens[i + 1].cap
            && gaz[i + 1].is_none()
            && lx.cue_forms(&tokens[i + 1].lower).is_empty()
            && head_at(i + 2)
        {
            Some(i + 3)
        } else if i + 2 < n
            && tokens[i + 1].is_word()
            && tokens[i + 1].cap
            && gaz[i + 1].is_none()
            && head_at(i + 2)
            && matches!(
                tokens[i + 2].lower.as_ref(),
                "leader" | "president" | "premier"
            )
        {
            // "the Republican leader said": a party's leader, the person last named
            Some(i + 3)
        } else if tokens
            .get(i + 1)
            .is_some_and(|x| PARTY_MEMBERS.contains(&x.lower))
        {
            // "the Republican said", "the Democrat added": the person last named
            Some(i + 2)
        } else if i + 2 < n
            && tokens[i + 1].is_word()
            && tokens[i + 1].cap
            && PARTY_MEMBERS.contains(&tokens[i + 2].lower)
        {
            // "the California Republican said"
            Some(i + 3)
        } else {
            None
        };
        if let Some(end) = description_end {
            out.push(Mention {
                start: i,
                end,
                referent: Referent::Unresolved,
                form: MentionForm::Description,
                text: span_text(sentence, tokens, i, end),
            });
            i = end;
            continue;
        }
        if let Some((e, kind, idx)) = gaz[i] {
            let entry = &lx.actors[idx];
            let body = match entry.kind {
                ActorKind::Country | ActorKind::Organization => Some(entry.name.clone()),
                _ => entry.affiliation.clone(),
            };
            // "Russian President Vladimir Putin", "US envoy Steve Witkoff",
            // "Chinese Commerce Minister Wang Wentao" (a portfolio before the title)
            let titled = match_titles(lx, tokens, e).or_else(|| {
                (1..=2).find_map(|k| {
                    let words = tokens.get(e..e + k)?;
                    (words.iter().all(|t| t.is_word() && t.cap)
                        && (e..e + k).all(|j| gaz[j].is_none()))
                    .then(|| match_titles(lx, tokens, e + k))
                    .flatten()
                })
            });
            if let Some(te) = titled {
                if let Some(ne) =
                    match_name(tokens, te).filter(|_| !title_case || gaz[te].is_some())
                {
                    let name = span_text(sentence, tokens, te, ne);
                    let a = person(lx, &mut *disc, &name, body.clone());
                    disc.register_person(&a);
                    out.push(name_mention(sentence, tokens, i, ne, a));
                    i = ne;
                    continue;
                }
            }
            // "Ukrainian negotiators", "the Russian Defense Ministry", "U.S. officials",
            // "Azerbaijan's Foreign Ministry", "the Kremlin's spokesman"
            let tail =
                if kind == SurfaceKind::Name && tokens.get(e).is_some_and(|t| t.lower == "'s") {
                    e + 1
                } else {
                    e
                };
            let group_end = (tail + 1..=(tail + 3).min(n)).rev().find(|&k| {
                let last = &tokens[k - 1];
                // "Japan's foreign minister": the whole phrase is a title or a group noun
                let lowercase = tokens[tail..k].iter().all(|t| t.is_word() && !t.cap);
                let whole = lowercase && {
                    let phrase = |joined: &str| {
                        lx.is_group_noun(joined)
                            || (tail > e
                                && lx.is_title(joined)
                                && !tokens.get(k).is_some_and(is_name_word))
                    };
                    match &tokens[tail..k] {
                        [one] => phrase(&one.lower),
                        // (a phrase of several words starts as some title or group noun does)
                        [first, ..]
                            if !lx.starts_title(&first.lower)
                                && !lx.starts_group_noun(&first.lower) =>
                        {
                            false
                        }
                        words => phrase(
                            &words
                                .iter()
                                .map(|t| t.lower.as_ref())
                                .collect::<Vec<_>>()
                                .join(" "),
                        ),
                    }
                };
                whole
                    || tokens[tail..k].iter().all(|t| t.is_word())
                        && (lx.is_group_noun(&last.lower)
                            || (tail > e
                                && lx.is_title(&last.lower)
                                && !tokens.get(k).is_some_and(is_name_word)))
                        && tokens[tail..k - 1]
                            .iter()
                            .all(|t| t.cap || lx.is_group_noun(&t.lower))
            });
            let body_actor = || match entry.kind {
                ActorKind::Country | ActorKind::Organization => Some(actor_of(entry)),
                _ => entry
                    .affiliation
                    .as_ref()
                    .and_then(|a| lx.actor_named(a))
                    .map(actor_of),
            };
            if let Some(k) = group_end {
                // "the Sudanese army", "Israeli forces": an armed force is an actor
                // of its own (armies fight their own governments), part of its country
                let armed = kind == SurfaceKind::Demonym
                    && matches!(tokens[k - 1].lower.as_ref(), "army" | "military")
                    && k == e + 1;
                if let (true, Some(country)) = (armed, body_actor()) {
                    let a = Actor {
                        name: span_text(sentence, tokens, i, k).into(),
                        kind: ActorKind::Organization,
                        affiliation: Some(country.name),
                    };
                    out.push(name_mention(sentence, tokens, i, k, a));
                    i = k;
                    continue;
                }
                if let Some(a) = body_actor() {
                    out.push(name_mention(sentence, tokens, i, k, a));
                    i = k;
                    continue;
                }
            }
            if kind == SurfaceKind::Demonym {
                // "Russian" before a title with no name: "the Russian president said"
                if match_titles(lx, tokens, e).is_some() {
                    if let Some(a) = body_actor() {
                        let te = match_titles(lx, tokens, e).unwrap_or(e);
                        out.push(name_mention(sentence, tokens, i, te, a));
                        i = te;
                        continue;
                    }
                }
                // "an Egyptian plan", "the Russian demand": the country holds it
                if tokens.get(e).is_some_and(|t| lx.noun(&t.lower).is_some()) {
                    if let Some(a) = body_actor() {
                        out.push(name_mention(sentence, tokens, i, e, a));
                    }
                }
                i = e; // an adjective: "Russian oil"
                continue;
            }
            let mut a = actor_of(entry);
            if entry.kind == ActorKind::Person {
                let found = span_text(sentence, tokens, i, e);
                if found.split_whitespace().count() >= 2 {
                    a.name = found.into();
                    disc.person_forms.insert(entry.name.to_string(), a.clone());
                } else if let Some(full) = disc.person_forms.get(&*entry.name) {
                    a = full.clone();
                }
            }
            out.push(name_mention(sentence, tokens, i, e, a));
            i = e;
            continue;
        }
        // "President Donald Trump", "Mr. Lavrov", "Foreign Minister Wang Yi"
        if let Some(te) = t.cap.then(|| match_titles(lx, tokens, i)).flatten() {
            if let Some(ne) = match_name(tokens, te).filter(|_| !title_case || gaz[te].is_some()) {
                let ne = gaz[te].map(|(e, _, _)| e.max(ne)).unwrap_or(ne);
                let name = span_text(sentence, tokens, te, ne);
                let a = person(lx, &mut *disc, &name, None);
                disc.register_person(&a);
                out.push(name_mention(sentence, tokens, i, ne, a));
                i = ne;
                continue;
            }
        }
        // unknown capitalised names
        if (is_name_word(t) || surname) && !title_case {
            let mut j = i + 1;
            while j < n {
                // "Luz Maria de la Mora", "Ursula von der Leyen": lower-case particles inside a name
                let particles = (j..(j + 2).min(n))
                    .take_while(|&k| !tokens[k].cap && PARTICLES.contains(&tokens[k].lower))
                    .count();
                if is_name_word(&tokens[j]) && gaz[j].is_none() {
                    j += 1;
                } else if particles > 0
                    && tokens
                        .get(j + particles)
                        .is_some_and(|x| is_name_word(x) && gaz[j + particles].is_none())
                {
                    j += particles + 1;
                } else if NAME_JOINERS.contains(&tokens[j].lower.as_ref())
                    && tokens
                        .get(j + 1)
                        .is_some_and(|x| is_name_word(x) && gaz[j + 1].is_none())
                    && j + 1 > i
                    // "Alliance of Motion Picture and Television Producers" is one
                    // name, "Nissan and Renault" are two
                    && (tokens[j].lower != "and"
                        || tokens[i..j]
                            .iter()
                            .chain(tokens[j + 1..].iter().take_while(|x| is_name_word(x)))
                            .any(|x| ORG_WORDS.contains(&x.lower.as_ref())))
                {
                    j += 2;
                } else if tokens[j].lower == "of"
                    && tokens[i..j]
                        .iter()
                        .any(|x| x.cap && ORG_WORDS.contains(&x.lower.as_ref()))
                    && gaz.get(j + 1).copied().flatten().is_some()
                {
                    // "the Writers Guild of America", "the Bank of England": a body
                    // named after a place is one name, not the body and the country
                    j = gaz[j + 1].map_or(j + 2, |(e, _, _)| e);
                } else {
                    break;
                }
            }
            // "Jeep maker Stellantis", "software giant Microsoft": the name
            // before the descriptor says what the actor makes, the one after names it
            if tokens
                .get(j)
                .is_some_and(|x| !x.cap && DESCRIPTOR_NOUNS.contains(&x.lower))
                && tokens.get(j + 1).is_some_and(is_name_word)
            {
                let mut e = j + 1;
                while e < n && is_name_word(&tokens[e]) && gaz[e].is_none() {
                    e += 1;
                }
                let a = Actor {
                    name: span_text(sentence, tokens, j + 1, e).into(),
                    kind: ActorKind::Organization,
                    affiliation: None,
                };
                out.push(name_mention(sentence, tokens, i, e, a));
                i = e;
                continue;
            }
            // "UAW President Shawn Fain": a title inside the name splits body and person
            if let Some((p, te)) = (i + 1..j).find_map(|p| {
                match_titles(lx, tokens, p)
                    .filter(|&te| te < j)
                    .map(|te| (p, te))
            }) {
                let body_text = span_text(sentence, tokens, i, p);
                let body = lx
                    .actor_by_form(&body_text)
                    .map(|e| e.name.clone())
                    .or_else(|| disc.alias(&body_text).map(|a| a.name))
                    .unwrap_or_else(|| body_text.into());
                let name = span_text(sentence, tokens, te, j);
                let a = person(lx, &mut *disc, &name, Some(body));
                disc.register_person(&a);
                out.push(name_mention(sentence, tokens, i, j, a));
                i = j;
                continue;
            }
            let text = span_text(sentence, tokens, i, j);
            let single = j == i + 1;
            let from = dateline;
            let at_start = i <= from || tokens[from..i].iter().all(|x| !x.is_word());
            if let Some(a) = disc.alias(&text) {
                // "UAW members walked off the job": the members act for their body
                let end = if a.kind == ActorKind::Organization
                    && tokens
                        .get(j)
                        .is_some_and(|x| !x.cap && x.lower == "members")
                {
                    j + 1
                } else {
                    j
                };
                out.push(Mention {
                    start: i,
                    end,
                    referent: Referent::Actor(a),
                    form: MentionForm::Name,
                    text: span_text(sentence, tokens, i, end),
                });
                i = end;
                continue;
            } else if !(single
                && (at_start && !disc.capitalised.contains(t.text) || t.text.chars().count() < 3))
            {
                // an acronym of three or more capitals ("NASUWT", "UAW") names an organisation
                let acronym = single
                    && t.text.chars().count() >= 3
                    && t.text.chars().all(|c| c.is_uppercase() || c == '.');
                // "the dockworkers' union FNV Havens": named right after what it is
                let kind_noun = i > 0
                    && tokens[i - 1].is_word()
                    && !tokens[i - 1].cap
                    && (DESCRIPTION_HEADS.contains(&tokens[i - 1].lower.as_ref())
                        && !matches!(
                            tokens[i - 1].lower.as_ref(),
                            "president" | "minister" | "premier" | "chancellor" | "envoy"
                        )
                        || ORG_WORDS.contains(&tokens[i - 1].lower.as_ref()));
                // "the United Steelworkers (USW)": what has an acronym is a body
                let introduces_acronym = tokens.get(j).is_some_and(|x| x.text == "(")
                    && tokens.get(j + 2).is_some_and(|x| x.text == ")")
                    && tokens.get(j + 1).is_some_and(|x| {
                        x.text.len() >= 2 && x.text.chars().all(|c| c.is_uppercase() || c == '.')
                    });
                let is_org = acronym
                    || introduces_acronym
                    || kind_noun
                    || tokens[i..j]
                        .iter()
                        .any(|x| ORG_WORDS.contains(&x.lower.as_ref()));
                // a person only once the text treats it as one (a title, or it
                // speaks): "Commerce Ministry spokesperson He Yadong"
                let titled = i > 0
                    && tokens[i - 1].is_word()
                    && !tokens[i - 1].cap
                    && lx.is_title(&tokens[i - 1].lower);
                let kind = if is_org {
                    ActorKind::Organization
                } else if titled && (2..=3).contains(&(j - i)) {
                    ActorKind::Person
                } else {
                    ActorKind::Unknown
                };
                let a = Actor {
                    name: text.as_str().into(),
                    kind,
                    affiliation: None,
                };
                if !is_org && (2..=3).contains(&(j - i)) {
                    disc.register_person(&a);
                }
                if kind_noun {
                    // later "the union" means this union
                    disc.aliases
                        .insert(format!("the {}", tokens[i - 1].lower), a.clone());
                }
                // "the United Auto Workers (UAW)": the acronym is an alias from here on
                if tokens.get(j).is_some_and(|x| x.text == "(")
                    && tokens.get(j + 2).is_some_and(|x| x.text == ")")
                {
                    let acr = tokens[j + 1].text;
                    if acr.len() >= 2 && acr.chars().all(|c| c.is_uppercase() || c == '.') {
                        disc.aliases.insert(acr.to_lowercase(), a.clone());
                    }
                }
                out.push(Mention {
                    start: i,
                    end: j,
                    referent: Referent::Actor(a),
                    form: MentionForm::Name,
                    text,
                });
            }
            i = j;
            continue;
        }
        i += 1;
    }
    add_group_subjects(lx, sentence, tokens, &mut out);
    // the sentence's first subject: a name opening it ("Turkey says ...")
    let first_subject = out
        .iter()
        .filter(|m| m.form == MentionForm::Name)
        .find(|m| {
            tokens[..m.start]
                .iter()
                .all(|t| !t.is_word() || t.lower == "the")
        })
        .and_then(|m| match &m.referent {
            Referent::Actor(a) => Some(a.clone()),
            _ => None,
        });
    // resolve pronouns and descriptions left to right
    for m in out.iter_mut() {
        match m.form {
            MentionForm::Name => {
                // "in Bonn", "at Camp David": a place, not whom a later "they" means
                let locative = m.start > 0
                    && matches!(
                        tokens[m.start - 1].lower.as_ref(),
                        "in" | "at" | "near" | "outside"
                    );
                if let Referent::Actor(a) = &m.referent {
                    if !locative {
                        disc.note(a);
                    }
                }
            }
            MentionForm::Pronoun => {
                m.referent = disc.resolve_pronoun(&tokens[m.start].lower);
                // "Turkey says the PKK ..., and it is demanding": the subject of a
                // clause joined by ", and" continues the sentence's first subject
                let after_and = m.start >= 2
                    && matches!(tokens[m.start - 1].lower.as_ref(), "and" | "but")
                    && tokens[m.start - 2].text == ",";
                // "Ottawa rejected the plan ... and said it was ready to talk": the
                // subject of a report right after its verb is the sentence's subject
                let after_speech = m.start >= 1 && {
                    let p = if tokens[m.start - 1].lower == "that" && m.start >= 2 {
                        m.start - 2
                    } else {
                        m.start - 1
                    };
                    matches!(
                        tokens[p].lower.as_ref(),
                        "said" | "says" | "say" | "stated" | "added" | "insisted"
                    ) && p >= 1
                        && matches!(tokens[p - 1].lower.as_ref(), "and" | "but")
                };
                // "Turkey wants moves from Sweden before it backs ...": the subject
                // of a clause subordinate to the sentence's first clause is its subject
                let after_subordinator = m.start >= 3
                    && matches!(
                        tokens[m.start - 1].lower.as_ref(),
                        "before" | "until" | "unless" | "because" | "once"
                    );
                if (after_and || after_speech || after_subordinator)
                    && matches!(tokens[m.start].lower.as_ref(), "it" | "he" | "she")
                {
                    if let Some(first) = first_subject.clone() {
                        let person = first.kind == ActorKind::Person;
                        let wants_person = tokens[m.start].lower != "it";
                        if person == wants_person {
                            m.referent = Referent::Actor(first);
                        }
                    }
                }
            }
            MentionForm::Description => {
                let head = tokens[m.end - 1].lower.to_string();
                let possessor = (m.end - m.start >= 4 && tokens[m.start + 2].text == "'")
                    .then(|| tokens[m.start + 1].lower.as_ref());
                // "the employers' association" with no body named for employers
                // is a body of its own, not the last association named
                let own_body = || {
                    let p = possessor?;
                    Some(Actor {
                        name: Arc::from(format!(
                            "{p}' {}",
                            tokens[m.start + 3..m.end]
                                .iter()
                                .map(|t| t.lower.as_ref())
                                .collect::<Vec<_>>()
                                .join(" ")
                        )),
                        kind: ActorKind::Organization,
                        affiliation: None,
                    })
                };
                // "the union said" with no union named before: the body the
                // description names, under that description
                let described = || {
                    let words: Vec<&str> = tokens[m.start..m.end]
                        .iter()
                        .map(|t| t.lower.as_ref())
                        .skip_while(|w| *w == "the")
                        .collect();
                    (!describes_person(&head) && !words.is_empty()).then(|| Actor {
                        name: words.join(" ").into(),
                        kind: ActorKind::Organization,
                        affiliation: None,
                    })
                };
                m.referent = match possessor {
                    Some(p) => disc.body_named_for(p).or_else(own_body),
                    None => disc.resolve_description(&head).or_else(described),
                }
                .map(Referent::Actor)
                .unwrap_or(Referent::Unresolved);
                // "the terror group will not abandon its demand": what "its" means next
                if let Referent::Actor(a) = &m.referent {
                    disc.note(a);
                }
            }
        }
    }
    // "Albin Kurti, Kosovo's acting Prime Minister,": the apposition says whom
    // the person speaks for, from here on
    for k in 0..out.len().saturating_sub(1) {
        let (p, c) = (&out[k], &out[k + 1]);
        let apposition = tokens.get(p.end).is_some_and(|t| t.text == ",")
            && c.start == p.end + 1
            && tokens.get(c.end).is_some_and(|t| t.lower == "'s")
            && match_titles(lx, tokens, c.end + 1).is_some()
            || (c.start == p.end + 1
                && tokens.get(p.end).is_some_and(|t| t.text == ",")
                && tokens.get(c.end).is_some_and(|t| t.lower == "'s")
                && tokens.get(c.end + 1).is_some_and(|t| t.is_word() && !t.cap)
                && match_titles(lx, tokens, c.end + 2).is_some());
        let (Some(person), Some(body)) = (p.actor(), c.actor()) else {
            continue;
        };
        // "Foreign Minister Ri Yong-ho of North Korea": a titled name's "of"
        let titled_of = c.start == p.end + 1
            && tokens.get(p.end).is_some_and(|t| t.lower == "of")
            && p.text.len() > person.name.len()
            && p.text.ends_with(&*person.name);
        if (apposition || titled_of)
            && matches!(person.kind, ActorKind::Person | ActorKind::Unknown)
            && person.affiliation.is_none()
            && matches!(body.kind, ActorKind::Country | ActorKind::Organization)
            && person.name.split_whitespace().count() >= 2
        {
            let (name, body) = (person.name.clone(), body.name.clone());
            disc.affiliate(&name, &body);
            if let Referent::Actor(a) = &mut out[k].referent {
                a.kind = ActorKind::Person;
                a.affiliation = Some(body);
            }
        }
    }
    // "the US State Department": two names of one actor side by side are one mention
    let mut k = 1;
    while k < out.len() {
        let same = out[k - 1].end == out[k].start
            && out[k - 1].form == MentionForm::Name
            && out[k].form == MentionForm::Name
            && out[k - 1].actor().is_some()
            && out[k - 1].actor() == out[k].actor();
        if same {
            let next = out.remove(k);
            let m = &mut out[k - 1];
            m.end = next.end;
            m.text = span_text(sentence, tokens, m.start, m.end);
        } else {
            k += 1;
        }
    }
    // "talks between the army and the RSF": the parties a later "both sides" means
    for w in out.windows(2) {
        let (Some(x), Some(y)) = (w[0].actor(), w[1].actor()) else {
            continue;
        };
        // named as the objects of a preposition, not as the subjects of a verb
        let governed = w[0].start > 0
            && (matches!(
                tokens[w[0].start - 1].lower.as_ref(),
                "between" | "of" | "with" | "from"
            ) || (w[0].start > 1
                && tokens[w[0].start - 1].lower == "the"
                && matches!(
                    tokens[w[0].start - 2].lower.as_ref(),
                    "between" | "of" | "with" | "from"
                )));
        let joined = governed
            && tokens.get(w[0].end).is_some_and(|t| t.lower == "and")
            && (w[1].start == w[0].end + 1
                || (w[1].start == w[0].end + 2 && tokens[w[0].end + 1].lower == "the"));
        let party = |a: &Actor| matches!(a.kind, ActorKind::Country | ActorKind::Organization);
        if joined && party(x) && party(y) && x != y {
            disc.pair = Some((x.clone(), y.clone()));
        }
    }
    out
}

/// The lower-case word is anonymous sourcing ("sources", "analysts").
pub(crate) fn is_anonymous(lower: &str) -> bool {
    ANONYMOUS.contains(lower)
}

/// Anonymous sourcing, never an actor ("sources said", "analysts believe").
static ANONYMOUS: WordSet = WordSet::new(&[
    "officials",
    "sources",
    "reports",
    "analysts",
    "experts",
    "observers",
    "people",
    "residents",
    "witnesses",
    "media",
    "reporters",
    "commentators",
    "others",
    "some",
    "many",
    "most",
    "several",
    "both",
    "all",
    "those",
    "these",
    "things",
    "talks",
    "negotiations",
    "news",
    "days",
    "weeks",
    "months",
    "years",
    "hours",
    "times",
    "terms",
    "figures",
    "data",
    "polls",
    "surveys",
    "documents",
    "statements",
    "details",
    "us",
    "its",
    "his",
    "this",
    "has",
    "was",
    "is",
    "as",
    "less",
    "words",
    "remarks",
    "comments",
    "results",
    "signs",
    "efforts",
    "plans",
    "proposals",
    "demands",
    "offers",
    "issues",
    "matters",
    "measures",
    "steps",
    "moves",
    "costs",
    "prices",
    "rates",
    "levels",
    "numbers",
    "units",
]);

/// Plurals that name parties without an agentive ending.
static PARTY_PLURALS: WordSet = WordSet::new(&[
    "nations",
    "countries",
    "states",
    "governments",
    "members",
    "unions",
    "ministers",
    "officials",
    "leaders",
    "delegates",
    "allies",
    "companies",
    "hospitals",
    "firms",
    "banks",
    "studios",
    "parties",
    "groups",
    "families",
    "rebels",
    "forces",
    "troops",
    "authorities",
    "democrats",
    "republicans",
    "conservatives",
    "liberals",
    "nurses",
    "lawmakers",
    "diplomats",
    "envoys",
    "staff",
    "economies",
    "capitals",
    "carmakers",
    "automakers",
    "airlines",
    "universities",
    "schools",
    "councils",
    "cities",
    "provinces",
    "regions",
    "neighbours",
    "neighbors",
    "powers",
    "creditors",
    "donors",
    "landlords",
    "tenants",
    "pilots",
    "doctors",
    "unionists",
    "brexiteers",
    "hardliners",
    "moderates",
    "separatists",
    "insurgents",
    "militias",
    "factions",
    "camps",
    "sides",
    "chiefs",
    "heads",
    "bosses",
]);

/// Bodies a text may name by their kind alone ("the army said").
static SINGULAR_BODIES: WordSet = WordSet::new(&[
    "office",
    "army",
    "military",
    "committee",
    "council",
    "court",
    "cabinet",
    "parliament",
    "embassy",
    "delegation",
    "leadership",
    "presidency",
    "junta",
    "coalition",
    "opposition",
    "prosecutor",
    "mission",
    "secretariat",
    "board",
    "panel",
    "movement",
    "militia",
    "federation",
    "association",
    "league",
    "guild",
]);

/// Plurals of bodies that can be a named source ("according to the
/// hospitals"); people ("diplomats", "officials") are anonymous sourcing.
static SOURCE_BODIES: WordSet = WordSet::new(&[
    "hospitals",
    "companies",
    "firms",
    "banks",
    "studios",
    "unions",
    "governments",
    "airlines",
    "universities",
    "carmakers",
    "automakers",
    "employers",
    "schools",
]);

/// Words that end a plural group noun phrase on its left.
static GROUP_STOP: WordSet = WordSet::new(&[
    "the", "a", "an", "and", "or", "but", "while", "whereas", "that", "which", "who", "when", "as",
    "if", "because", "after", "before", "since", "although", "though", "so", "its", "their", "his",
    "her", "our", "to", "in", "on", "at", "by", "with", "for", "of", "than", "said", "says", "say",
    "also", "have", "has", "had", "are", "were", "is", "was", "will", "would", "can", "could",
    "not", "this", "these", "those", "some", "many", "most", "all", "from", "into", "about",
    "over", "against", "between", "through", "during", "under", "without", "via", "per", "like",
    "upon", "toward", "towards", "within", "across", "behind", "beyond", "amid", "among", "where",
    "what",
]);

/// "Poorer nations say", "the unions contend", "Delegates from developing
/// countries say": a plural common noun phrase right before a cue verb is a
/// group actor named as the text names it.
fn add_group_subjects(lx: &Lexicon, sentence: &str, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
    let covered = |i: usize, out: &[Mention]| out.iter().any(|m| m.start <= i && i < m.end);
    let mut found = Vec::new();
    for h in 0..tokens.len() {
        let t = &tokens[h];
        let l = t.lower.as_ref();
        let plural = t.is_word()
            && l.len() > 3
            && l.ends_with('s')
            && !l.ends_with("ss")
            && !l.ends_with("us")
            && !l.ends_with("is")
            && !l.ends_with("'s");
        // "the prosecutor's office says", "the army said": a body named by its kind
        let body = t.is_word()
            && !t.cap
            && SINGULAR_BODIES.contains(&l)
            && h >= 1
            && (tokens[h - 1].lower == "the"
                || (h >= 2
                    && tokens[h - 1].is_word()
                    && !tokens[h - 1].cap
                    && tokens[..h].iter().rev().take(4).any(|x| x.lower == "the")));
        // ("island states": a plural that is also a cue's form, after a modifier)
        let modified_states =
            l == "states" && h > 0 && tokens[h - 1].is_word() && !is_pronoun(&tokens[h - 1].lower);
        if !(plural || body)
            || ANONYMOUS.contains(&l)
            || covered(h, out)
            || (!lx.cue_forms(l).is_empty() && !modified_states)
        {
            continue;
        }
        // a plural that names people or bodies: agentive words or a known collective
        let agentive = ["ers", "ors", "ists", "ians", "ants", "ents", "ites", "ees"]
            .iter()
            .any(|suf| l.ends_with(suf));
        if plural && !agentive && !PARTY_PLURALS.contains(&l) && !lx.is_group_noun(l) {
            continue;
        }
        // a time after it: "Small island states on Friday rejected"
        let time_after = tokens.get(h + 1).is_some_and(|t| t.lower == "on")
            && tokens
                .get(h + 2)
                .is_some_and(|t| CALENDAR.contains(&t.lower));
        let h_after = if time_after { h + 2 } else { h };
        // the verb after it, across a prepositional phrase ("Dockworkers at
        // the port of Rotterdam on Monday rejected"), auxiliaries and adverbs
        let mut j = h_after + 1;
        if tokens
            .get(j)
            .is_some_and(|t| matches!(t.lower.as_ref(), "at" | "in" | "of" | "from" | "across"))
        {
            let mut e = j;
            while e < tokens.len()
                && e - j < 8
                && tokens[e].is_word()
                && (tokens[e].cap
                    || lx.cue_forms(&tokens[e].lower).is_empty()
                    || matches!(tokens[e].lower.as_ref(), "at" | "in" | "of" | "on" | "the"))
            {
                e += 1;
            }
            // the phrase must end at a cue, else it was no subject's phrase
            if e > j + 1 && e < tokens.len() && !lx.cue_forms(&tokens[e].lower).is_empty() {
                j = e;
            }
        }
        while j < tokens.len()
            && tokens[j].is_word()
            && (matches!(
                tokens[j].lower.as_ref(),
                "have"
                    | "had"
                    | "are"
                    | "were"
                    | "will"
                    | "would"
                    | "could"
                    | "should"
                    | "can"
                    | "may"
                    | "must"
                    | "also"
                    | "still"
                    | "now"
                    | "again"
                    | "not"
                    | "never"
                    | "do"
                    | "did"
                    | "been"
                    | "be"
                    | "already"
            ) || (tokens[j].lower.ends_with("ly") && tokens[j].lower.len() > 4))
        {
            j += 1;
        }
        // "Union members who spoke to Rolling Stone said": past a relative
        // clause to the verb of the phrase it hangs on
        if tokens.get(j).is_some_and(|t| t.lower == "who") {
            if let Some(e) = (j + 2..tokens.len().min(j + 12))
                .take_while(|&e| tokens[e].is_word())
                .find(|&e| !tokens[e].cap && !lx.cue_forms(&tokens[e].lower).is_empty())
            {
                j = e;
            }
        }
        let evaluates = |l: &str| {
            matches!(
                l,
                "called"
                    | "labelled"
                    | "labeled"
                    | "described"
                    | "branded"
                    | "deemed"
                    | "found"
                    | "call"
                    | "describe"
                    | "label"
            )
        };
        // "richer nations are wary of": a cue that starts with its auxiliary
        let cue_from = |k: usize| {
            lx.cue_forms(&tokens[k].lower).iter().any(|f| {
                f.words.len() > 1
                    && f.words
                        .iter()
                        .enumerate()
                        .all(|(o, w)| tokens.get(k + o).is_some_and(|x| x.lower == w.as_str()))
            })
        };
        // "according to the hospitals": a source named by its kind speaks too
        let according = {
            let mut p = h;
            while p > 0
                && h - p < 3
                && tokens[p - 1].is_word()
                && !GROUP_STOP.contains(&tokens[p - 1].lower)
            {
                p -= 1;
            }
            if p > 0 && tokens[p - 1].lower == "the" {
                p -= 1;
            }
            // (bodies, not people: "according to diplomats" is anonymous)
            p >= 2
                && tokens[p - 1].lower == "to"
                && tokens[p - 2].lower == "according"
                && SOURCE_BODIES.contains(&l)
        };
        if !according
            && !tokens.get(j).is_some_and(|v| {
                v.is_word() && !v.cap && (!lx.cue_forms(&v.lower).is_empty() || evaluates(&v.lower))
            })
            && !(h + 1..j).any(cue_from)
        {
            continue;
        }
        // the phrase on its left: modifiers, and one "from"/"of" link ("delegates from developing countries")
        let mut s = h;
        let mut linked = false;
        while s > 0 && h - s < 5 {
            let p = &tokens[s - 1];
            let pl = p.lower.as_ref();
            // "the prosecutor's office": whose office it is belongs to its name
            if body
                && pl == "'s"
                && s == h
                && s >= 2
                && tokens[s - 2].is_word()
                && !tokens[s - 2].cap
                && !covered(s - 2, out)
            {
                s -= 2;
                continue;
            }
            if !p.is_word() || covered(s - 1, out) {
                break;
            }
            if (pl == "from" || pl == "of")
                && !linked
                && s >= 2
                && tokens[s - 2].is_word()
                && tokens[s - 2].lower.ends_with('s')
                && !GROUP_STOP.contains(&tokens[s - 2].lower.as_ref())
            {
                linked = true;
                s -= 2;
                continue;
            }
            if GROUP_STOP.contains(&pl)
                || pl.ends_with("ly")
                || !lx.cue_forms(pl).is_empty()
                || p.kind != TokKind::Word
            {
                break;
            }
            s -= 1;
        }
        let first = tokens[s].lower.as_ref();
        // bare "states" after a name ("EU states") is that name's, no group
        if ANONYMOUS.contains(&first) || (modified_states && s == h) {
            continue;
        }
        let name = span_text(sentence, tokens, s, h + 1);
        let name = name.strip_prefix("The ").unwrap_or(&name).to_string();
        let name = match name.chars().next() {
            Some(c)
                if c.is_uppercase()
                    && tokens[s].cap
                    && !tokens[s..=h].iter().skip(1).any(|t| t.cap) =>
            {
                let mut cs = c.to_lowercase().collect::<String>();
                cs.push_str(&name[c.len_utf8()..]);
                cs
            }
            _ => name,
        };
        found.push(Mention {
            start: s,
            end: h + 1,
            referent: Referent::Actor(Actor {
                name: name.into(),
                kind: ActorKind::Group,
                affiliation: None,
            }),
            form: MentionForm::Name,
            text: span_text(sentence, tokens, s, h + 1),
        });
    }
    // "the prosecutor's office" holds "prosecutor": keep the longer phrase
    let inside = |m: &Mention, found: &[Mention]| {
        found
            .iter()
            .any(|o| o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start)
    };
    let kept: Vec<Mention> = found
        .iter()
        .filter(|m| !inside(m, &found))
        .cloned()
        .collect();
    out.extend(kept);
    out.sort_by_key(|m| m.start);
}

/// First pass over a document: which words appear capitalised away from the
/// start of a sentence (so "Hamas" at the start of a sentence is a name, and
/// "Negotiators" is not).
pub fn note_capitalised<'t>(tokens: &[Token<'t>], disc: &mut Discourse<'t>) {
    let mut first = true;
    let dateline = dateline_end(tokens);
    for (i, t) in tokens.iter().enumerate() {
        if i == dateline && dateline > 0 {
            first = true;
        }
        if t.kind == TokKind::Word {
            if !first && t.cap {
                disc.capitalised.insert(t.text);
            }
            first = false;
        } else if matches!(t.text, ":" | "“" | "\"") {
            first = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_stem_is_found_in_any_case_with_or_without_its_plural() {
        for (name, stem, found) in [
            ("United Auto Workers", "worker", true),
            ("UNITED AUTO WORKERS", "worker", true),
            ("Writers Guild", "writer", true),
            ("Writers Guild", "guild", true),
            ("Writers Guild", "write", false),
            ("Société des Auteurs", "auteur", true),
            ("Ärzte Union", "ärzte", true),
            ("Ärzte Union", "Union", false),
        ] {
            let slow = name
                .to_lowercase()
                .split_whitespace()
                .any(|w| w.trim_end_matches('s') == stem);
            assert_eq!(has_word_stem(name, stem), found, "{name} / {stem}");
            assert_eq!(slow, found, "{name} / {stem}");
        }
    }
}
