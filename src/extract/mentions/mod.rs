//! Actor mentions in a sentence, and the discourse state that resolves
//! pronouns, short names and descriptions ("the union") across a document.

use super::tokens::{TokKind, Token};
use super::{WordSet, CALENDAR};
use crate::lexicon::{ActorEntry, Lexicon, SurfaceKind};
use crate::model::{Actor, ActorKind};

mod groups;
mod resolve;
mod scan;

use groups::add_group_subjects;
pub(crate) use groups::is_anonymous;
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
            // a person, or a name of two or three words the text has not
            // yet called anything (unknown names are mostly people's)
            "he" | "him" | "his" | "she" | "her" | "hers" | "himself" | "herself" => {
                self.last(|a| {
                    a.kind == ActorKind::Person
                        || (a.kind == ActorKind::Unknown
                            && (2..=3).contains(&a.name.split_whitespace().count()))
                })
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
        // "the Wisconsin Republican said": a party's member, not the party
        if PARTY_MEMBERS.contains(head) {
            return self.last(|a| a.kind == ActorKind::Person);
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
pub(super) static PARTY_MEMBERS: WordSet =
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
            || initial_stop(tokens, j)
        {
            j += 1;
        } else {
            break;
        }
    }
    (j > i).then_some(j)
}

/// The full stop after a middle initial, with the name going on after it:
/// "John F. Kerry", "Harry F. Byrd" (the tokenizer keeps the stop apart).
fn initial_stop(tokens: &[Token<'_>], j: usize) -> bool {
    j > 0
        && tokens[j].text == "."
        && tokens[j - 1].text.len() == 1
        && tokens[j - 1].cap
        && tokens.get(j + 1).is_some_and(is_name_word)
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
    if let Some(a) = lexicon_person(lx, disc, name) {
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

/// The lexicon's person by this name, in the fullest form the document
/// has used ("Kerry" after "John F. Kerry"); a name of two words or more
/// becomes that form.
fn lexicon_person(lx: &Lexicon, disc: &mut Discourse<'_>, name: &str) -> Option<Actor> {
    let e = lx
        .actor_by_form(name)
        .filter(|e| e.kind == ActorKind::Person)?;
    let mut a = actor_of(e);
    if name.split_whitespace().count() >= 2 {
        a.name = name.into();
        disc.person_forms.insert(e.name.to_string(), a.clone());
    } else if let Some(full) = disc.person_forms.get(&*e.name) {
        a = full.clone();
    }
    Some(a)
}

/// The person a transcript's label names ("Wallace"), if the lexicon or
/// the document so far knows them ("Chris Wallace" named before).
pub fn known_person(lx: &Lexicon, disc: &mut Discourse<'_>, name: &str) -> Option<Actor> {
    if let Some(a) = lexicon_person(lx, disc, name) {
        return Some(a);
    }
    let a = disc.alias(name)?;
    match a.kind {
        ActorKind::Person => Some(a),
        // (a name of two words the text has not called anything is a person's now)
        ActorKind::Unknown => Some(disc.promote_person(&a.name).unwrap_or(Actor {
            kind: ActorKind::Person,
            ..a
        })),
        _ => None,
    }
}

/// A person by a name nobody has used before: from here on, the name and
/// its last word mean them.
pub fn new_person(disc: &mut Discourse<'_>, name: &str) -> Actor {
    let a = Actor {
        name: name.into(),
        kind: ActorKind::Person,
        affiliation: None,
    };
    disc.register_person(&a);
    a
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
    let scanner = scan::Scanner::new(lx, sentence, tokens);
    let mut out: Vec<Mention> = Vec::with_capacity(n / 4 + 1);
    let mut i = 0;
    while i < n {
        i = scanner.next(i, disc, &mut out);
    }
    resolve::describe_modifier_names(lx, sentence, tokens, &mut out);
    add_group_subjects(lx, sentence, tokens, &mut out);
    resolve::resolve_referents(tokens, &mut out, disc);
    resolve::affiliate_appositions(lx, tokens, &mut out, disc);
    resolve::join_names(sentence, tokens, &mut out);
    resolve::note_pair(tokens, &out, disc);
    out
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
