//! Groups named by their kind: "Poorer nations say", "dockworkers at the
//! port rejected", "the prosecutor's office says", "according to the
//! hospitals".

use super::*;

/// The lower-case word, after the word `before`, is anonymous sourcing
/// ("sources", "analysts", "senior officials"). Officials of a kind of
/// institution ("union officials", "police officials") name a body, as
/// ANNOTATION.md's "U.S. officials said" names the United States.
pub(crate) fn is_anonymous(lx: &Lexicon, before: Option<&str>, lower: &str) -> bool {
    ANONYMOUS.contains(lower)
        && !(lower == "officials"
            && before.is_some_and(|b| lx.is_in(crate::lexicon::WordClass::BodyNouns, b)))
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
pub(super) fn add_group_subjects(
    lx: &Lexicon,
    sentence: &str,
    tokens: &[Token<'_>],
    out: &mut Vec<Mention>,
) {
    let mut found = Vec::new();
    for h in 0..tokens.len() {
        let Some((body, modified_states)) = group_head(lx, tokens, h, out) else {
            continue;
        };
        let j = verb_after(lx, tokens, h);
        if !speaks(lx, tokens, h, j) {
            continue;
        }
        let s = phrase_start(lx, tokens, h, body, out);
        let first = tokens[s].lower.as_ref();
        // bare "states" after a name ("EU states") is that name's, no group
        if ANONYMOUS.contains(&first) || (modified_states && s == h) {
            continue;
        }
        let name = group_name(sentence, tokens, s, h);
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

/// Whether token `i` is inside a mention already found.
fn covered(i: usize, out: &[Mention]) -> bool {
    out.iter().any(|m| m.start <= i && i < m.end)
}

/// Whether the word at `h` can head a group: a plural that names people or
/// bodies, or a body named by its kind ("the army"). Gives (a body named by
/// its kind, "states" after a modifier).
fn group_head(
    lx: &Lexicon,
    tokens: &[Token<'_>],
    h: usize,
    out: &[Mention],
) -> Option<(bool, bool)> {
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
    let before = h.checked_sub(1).map(|b| tokens[b].lower.as_ref());
    if !(plural || body)
        || is_anonymous(lx, before, l)
        || covered(h, out)
        || (!lx.cue_forms(l).is_empty() && !modified_states)
    {
        return None;
    }
    // a plural that names people or bodies: agentive words or a known collective
    let agentive = ["ers", "ors", "ists", "ians", "ants", "ents", "ites", "ees"]
        .iter()
        .any(|suf| l.ends_with(suf));
    if plural && !agentive && !PARTY_PLURALS.contains(&l) && !lx.is_group_noun(l) {
        return None;
    }
    Some((body, modified_states))
}

/// The verb after a group's head at `h`, across a time, a prepositional
/// phrase, auxiliaries, adverbs and a relative clause.
fn verb_after(lx: &Lexicon, tokens: &[Token<'_>], h: usize) -> usize {
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
    // "The teachers, who have been without a contract since June,
    // demanded": past a relative clause between commas
    if tokens.get(j).is_some_and(|t| t.text == ",")
        && tokens
            .get(j + 1)
            .is_some_and(|t| matches!(t.lower.as_ref(), "who" | "which" | "whose"))
    {
        if let Some(c) = (j + 2..tokens.len().min(j + 25)).find(|&k| tokens[k].text == ",") {
            j = c + 1;
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
    j
}

/// Whether the group headed at `h` speaks: a cue or an evaluation at `j`, a
/// cue starting with its auxiliary, or "according to" before it.
fn speaks(lx: &Lexicon, tokens: &[Token<'_>], h: usize, j: usize) -> bool {
    let l = tokens[h].lower.as_ref();
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
    !(!according
        && !tokens.get(j).is_some_and(|v| {
            v.is_word() && !v.cap && (!lx.cue_forms(&v.lower).is_empty() || evaluates(&v.lower))
        })
        && !(h + 1..j).any(cue_from))
}

/// Where the phrase of the group headed at `h` starts: its modifiers, and one
/// "from"/"of" link ("delegates from developing countries").
fn phrase_start(
    lx: &Lexicon,
    tokens: &[Token<'_>],
    h: usize,
    body: bool,
    out: &[Mention],
) -> usize {
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
        // "Delegates from developing countries", "members of the union":
        // people (or bodies) from or of the group (not "objections from
        // neighbourhood groups", which are no speakers)
        if (pl == "from" || pl == "of")
            && !linked
            && s >= 2
            && tokens[s - 2].is_word()
            && tokens[s - 2].lower.ends_with('s')
            && !GROUP_STOP.contains(&tokens[s - 2].lower.as_ref())
            && (lx.is_in(crate::lexicon::WordClass::PersonNouns, &tokens[s - 2].lower)
                || lx.is_body_word(&tokens[s - 2].lower))
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
    s
}

/// The name of a group over tokens `s..=h`, as the text names it, without a
/// leading "The" and in lower case unless it holds a name.
fn group_name(sentence: &str, tokens: &[Token<'_>], s: usize, h: usize) -> String {
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
    name
}
