//! The passes after the scan: names that only modify a noun for a person
//! made part of its description, pronouns and descriptions resolved left to right, appositions that say
//! whom a person speaks for, two names of one actor joined, and the pair a
//! later "both sides" means.

use super::*;
use crate::lexicon::WordClass;

/// How many lower-case words after a name [`describe_modifier_names`] reads
/// for the noun it modifies ("a Trump campaign adviser").
const MODIFIED_WORDS: usize = 2;

/// Verbs before "a Texas voter" that make it what someone is.
const COPULAS: [&str; 12] = [
    "is", "was", "are", "were", "be", "been", "being", "become", "became", "becomes", "remains",
    "remained",
];

/// A name that, after "a" or "an", modifies a noun for a person
/// (`person_nouns`) becomes part of a description of that person: "a Trump
/// supporter said", "a Kyiv lawyer argued", "a Microsoft engineer said"
/// report someone ("Trump supporter") who does not speak for Trump, Ukraine
/// or Microsoft, and an indefinite article never begins those names. The
/// name stays itself before any other noun ("a Kremlin statement"), before
/// a noun through which it speaks (a title, a group noun or a kind of
/// institution: "a Kremlin spokesman", "a Trump campaign adviser", "a White
/// House official"), and before a cue word, which is its verb or its noun
/// ("a Democrat said", "a Kremlin proposal").
pub(super) fn describe_modifier_names(
    lx: &Lexicon,
    sentence: &str,
    tokens: &[Token<'_>],
    out: &mut [Mention],
) {
    // which mentions become descriptions, and where those end: found before
    // any is changed, since an apposition is told by the mention before it
    let described: Vec<(usize, usize)> = out
        .iter()
        .enumerate()
        .filter_map(|(k, m)| Some((k, described_end(lx, tokens, out, m)?)))
        .collect();
    for (k, end) in described {
        let m = &mut out[k];
        let text = span_text(sentence, tokens, m.start, end);
        *m = Mention {
            start: m.start,
            end,
            referent: Referent::Actor(Actor {
                name: text.as_str().into(),
                kind: ActorKind::Person,
                affiliation: None,
            }),
            form: MentionForm::Name,
            text,
        };
    }
}

/// Where the description of a person that mention `m` modifies ends, if
/// it modifies one ([`describe_modifier_names`]).
fn described_end(
    lx: &Lexicon,
    tokens: &[Token<'_>],
    out: &[Mention],
    m: &Mention,
) -> Option<usize> {
    let after_article = m.form == MentionForm::Name
        && m.start > 0
        && matches!(tokens[m.start - 1].lower.as_ref(), "a" | "an")
        && tokens[m.end - 1].cap;
    if !after_article {
        return None;
    }
    // "Sara Quell, a Texas voter,": an apposition says who a named person
    // is; the name stays the speaker (and `affiliate_appositions` reads it)
    let apposition =
        m.start >= 3 && tokens[m.start - 2].is(",") && out.iter().any(|o| o.end == m.start - 2);
    // "she became a U.S. citizen": what someone is, not who speaks
    let predicate = m.start >= 2 && COPULAS.contains(&tokens[m.start - 2].lower.as_ref());
    if apposition || predicate {
        return None;
    }
    let nouns: Vec<&str> = tokens[m.end..]
        .iter()
        .take(MODIFIED_WORDS)
        .take_while(|t| {
            t.kind == TokKind::Word
                && !t.cap
                && !lx.is_in(WordClass::FunctionWords, &t.lower)
                && lx.cue_forms(&t.lower).is_empty()
        })
        .map(|t| t.lower.as_ref())
        .collect();
    let speaks_through = |w: &str| {
        let singular = w.strip_suffix('s').unwrap_or(w);
        [w, singular]
            .iter()
            .any(|w| lx.is_title(w) || lx.is_body_word(w))
    };
    // a description ends on its person ("a Trump campaign volunteer"; not
    // "an Orlando gay nightclub")
    let last = nouns.last()?;
    if !lx.is_in(WordClass::PersonNouns, last) || nouns.iter().any(|w| speaks_through(w)) {
        return None;
    }
    Some(m.end + nouns.len())
}

/// Resolve the sentence's pronouns and descriptions left to right, noting
/// each actor named so that a later mention can refer to it.
pub(super) fn resolve_referents(
    tokens: &[Token<'_>],
    out: &mut [Mention],
    disc: &mut Discourse<'_>,
) {
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
                // ("the Republican nominee": a party's member, the person last named)
                let head = match tokens.get(m.start + 1) {
                    Some(t) if super::PARTY_MEMBERS.contains(&t.lower) => t.lower.to_string(),
                    _ => tokens[m.end - 1].lower.to_string(),
                };
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
}

/// "Albin Kurti, Kosovo's acting Prime Minister,": the apposition says whom
/// the person speaks for, from here on.
pub(super) fn affiliate_appositions(
    lx: &Lexicon,
    tokens: &[Token<'_>],
    out: &mut [Mention],
    disc: &mut Discourse<'_>,
) {
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
}

/// "the US State Department": two names of one actor side by side are one mention.
pub(super) fn join_names(sentence: &str, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
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
}

/// "talks between the army and the RSF": the parties a later "both sides" means.
pub(super) fn note_pair(tokens: &[Token<'_>], out: &[Mention], disc: &mut Discourse<'_>) {
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
}
