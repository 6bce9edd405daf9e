//! The left-to-right scan of a sentence for mentions: pronouns, "both
//! sides", descriptions, gazetteer names, titled persons and unknown
//! capitalised names. Each kind of mention has its own method, tried in
//! that order at each word; the first that matches says where the scan goes on.

use super::*;

/// A sentence being scanned, with its gazetteer matches.
pub(super) struct Scanner<'a, 't> {
    lx: &'a Lexicon,
    sentence: &'a str,
    tokens: &'a [Token<'t>],
    /// For each token, the gazetteer form starting there: (end token, kind, actor).
    gaz: Vec<Option<(usize, SurfaceKind, usize)>>,
    title_case: bool,
    dateline: usize,
}

impl<'a, 't> Scanner<'a, 't> {
    pub(super) fn new(lx: &'a Lexicon, sentence: &'a str, tokens: &'a [Token<'t>]) -> Self {
        let n = tokens.len();
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
        Scanner {
            lx,
            sentence,
            tokens,
            gaz,
            title_case,
            dateline,
        }
    }

    /// Push the mention starting at word `i`, if any, and return where the scan goes on.
    pub(super) fn next(&self, i: usize, disc: &mut Discourse<'_>, out: &mut Vec<Mention>) -> usize {
        let (tokens, gaz) = (self.tokens, &self.gaz);
        let t = &tokens[i];
        if !t.is_word() {
            return i + 1;
        }
        // pronouns ("US" in capitals is the country, found by the gazetteer)
        // ("spokesperson He Yadong", "Vice Premier He Lifeng": a capitalised
        // "He" inside a sentence, before a name, is a family name)
        let surname = t.text == "He"
            && !self.title_case
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
            return i + 1;
        }
        // most words are lower-case words that start nothing below: no name,
        // title or gazetteer form, and none of the words that open a
        // description or "both sides" (a lower-case pronoun was taken above)
        if !t.cap && gaz[i].is_none() && !matches!(t.lower.as_ref(), "the" | "a" | "both" | "each")
        {
            return i + 1;
        }
        self.sides(i, disc, out)
            .or_else(|| self.description(i, out))
            .or_else(|| self.gazetteer(i, disc, out))
            .or_else(|| self.titled(i, disc, out))
            .or_else(|| self.capitalised(i, surname, disc, out))
            .unwrap_or(i + 1)
    }

    /// "both sides", "the two camps": the parties last named together.
    fn sides(&self, i: usize, disc: &mut Discourse<'_>, out: &mut Vec<Mention>) -> Option<usize> {
        let (sentence, tokens, n) = (self.sentence, self.tokens, self.tokens.len());
        let t = &tokens[i];
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
            return Some(i + words.len());
        }
        None
    }

    /// "the union", "the port authority", "the writers' union", "the Republican".
    fn description(&self, i: usize, out: &mut Vec<Mention>) -> Option<usize> {
        let (lx, sentence, tokens, gaz, n) = (
            self.lx,
            self.sentence,
            self.tokens,
            &self.gaz,
            self.tokens.len(),
        );
        let t = &tokens[i];
        // (one modifier: "the port authority")
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
            self.party_member_end(i + 2)
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
            return Some(end);
        }
        None
    }

    /// Where "the Republican" ending before `k` ends as a description of a
    /// person: before a verb ("said", "has"), a clause's punctuation or
    /// "who", or through a noun for a person ("the Republican nominee",
    /// "the Republican presidential candidate"). Before a name or any other
    /// noun the word is an adjective ("the Republican Party", "the
    /// conservative Heritage Foundation", "the Republican establishment").
    fn party_member_end(&self, k: usize) -> Option<usize> {
        let (lx, tokens) = (self.lx, self.tokens);
        let person = |j: usize| {
            tokens.get(j).is_some_and(|x| {
                x.is_word() && !x.cap && lx.is_in(crate::lexicon::WordClass::PersonNouns, &x.lower)
            })
        };
        let Some(x) = tokens.get(k) else {
            return Some(k);
        };
        let verb = !lx.cue_forms(&x.lower).is_empty();
        if !x.is_word() {
            Some(k)
        } else if x.cap {
            None
        } else if person(k) {
            Some(k + 1)
        } else if person(k + 1) && !verb {
            Some(k + 2)
        } else if verb || CLAUSE_WORDS.contains(&x.lower) {
            Some(k)
        } else {
            None
        }
    }

    /// A name, demonym or group phrase of the gazetteer.
    fn gazetteer(
        &self,
        i: usize,
        disc: &mut Discourse<'_>,
        out: &mut Vec<Mention>,
    ) -> Option<usize> {
        let (lx, sentence, tokens, gaz) = (self.lx, self.sentence, self.tokens, &self.gaz);
        let (e, kind, idx) = gaz[i]?;
        let entry = &lx.actors[idx];
        // "Tomas Lima ... Lima said": a family name the document gave a
        // person earlier is that person, not the place or body it also names
        if let Some(a) = self.earlier_surname(i, e, kind, entry.kind, disc) {
            out.push(name_mention(sentence, tokens, i, e, a));
            return Some(e);
        }
        let body = match entry.kind {
            ActorKind::Country | ActorKind::Organization => Some(entry.name.clone()),
            _ => entry.affiliation.clone(),
        };
        // "Russian President Vladimir Putin", "US envoy Steve Witkoff",
        // "Chinese Commerce Minister Wang Wentao" (a portfolio before the title)
        let titled = match_titles(lx, tokens, e).or_else(|| {
            (1..=2).find_map(|k| {
                let words = tokens.get(e..e + k)?;
                (words.iter().all(|t| t.is_word() && t.cap) && (e..e + k).all(|j| gaz[j].is_none()))
                    .then(|| match_titles(lx, tokens, e + k))
                    .flatten()
            })
        });
        if let Some(te) = titled {
            if let Some(ne) =
                match_name(tokens, te).filter(|_| !self.title_case || gaz[te].is_some())
            {
                let name = span_text(sentence, tokens, te, ne);
                let a = person(lx, &mut *disc, &name, body.clone());
                disc.register_person(&a);
                out.push(name_mention(sentence, tokens, i, ne, a));
                return Some(ne);
            }
        }
        // "Ukrainian negotiators", "the Russian Defense Ministry", "U.S. officials",
        // "Azerbaijan's Foreign Ministry", "the Kremlin's spokesman"
        let tail = if kind == SurfaceKind::Name && tokens.get(e).is_some_and(|t| t.lower == "'s") {
            e + 1
        } else {
            e
        };
        // ("Rubio's team", "Zelensky's aides": a person's own people speak
        // for that person, not for the person's country; the possessive
        // mention is read as the office's holder further on)
        let personal = entry.kind == ActorKind::Person && tail > e;
        let group_end = (!personal).then(|| self.group_end(e, tail)).flatten();
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
                return Some(k);
            }
            if let Some(a) = body_actor() {
                out.push(name_mention(sentence, tokens, i, k, a));
                return Some(k);
            }
        }
        if kind == SurfaceKind::Demonym {
            // "Russian" before a title with no name: "the Russian president said"
            if match_titles(lx, tokens, e).is_some() {
                if let Some(a) = body_actor() {
                    let te = match_titles(lx, tokens, e).unwrap_or(e);
                    out.push(name_mention(sentence, tokens, i, te, a));
                    return Some(te);
                }
            }
            // "an Egyptian plan", "the Russian demand": the country holds it
            if tokens.get(e).is_some_and(|t| lx.noun(&t.lower).is_some()) {
                if let Some(a) = body_actor() {
                    out.push(name_mention(sentence, tokens, i, e, a));
                }
            }
            // an adjective: "Russian oil"
            return Some(e);
        }
        // "the Washington Post", "USA Today", "Israel Katz": a country's name
        // that runs on into more capitalised words (no title, group noun or
        // gazetteer form among them) begins another name
        if entry.kind == ActorKind::Country
            && kind == SurfaceKind::Name
            && !self.title_case
            && tokens.get(e).is_some_and(is_name_word)
            && gaz[e].is_none()
        {
            return None;
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
        Some(e)
    }

    /// Where a group or title phrase after a gazetteer form (ending at `e`,
    /// its words from `tail`) ends: "Ukrainian negotiators", "the Russian
    /// Defense Ministry", "Japan's foreign minister".
    fn group_end(&self, e: usize, tail: usize) -> Option<usize> {
        let (lx, tokens, n) = (self.lx, self.tokens, self.tokens.len());
        // a plain word before the group noun says which of the body's groups
        // ("China's commerce ministry", "Japan's negotiating team")
        let modifier = |w: &str| {
            w.chars().all(char::is_alphabetic)
                && !lx.is_in(crate::lexicon::WordClass::FunctionWords, w)
                && lx.cue_forms(w).is_empty()
        };
        (tail + 1..=(tail + 3).min(n)).rev().find(|&k| {
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
                    && tokens[tail..k - 1].iter().all(|t| {
                        t.cap
                            || lx.is_group_noun(&t.lower)
                            || (lx.is_group_noun(&last.lower) && modifier(&t.lower))
                    })
        })
    }

    /// "President Donald Trump", "Mr. Lavrov", "Foreign Minister Wang Yi".
    fn titled(&self, i: usize, disc: &mut Discourse<'_>, out: &mut Vec<Mention>) -> Option<usize> {
        let (lx, sentence, tokens, gaz) = (self.lx, self.sentence, self.tokens, &self.gaz);
        let t = &tokens[i];
        if let Some(te) = t.cap.then(|| match_titles(lx, tokens, i)).flatten() {
            if let Some(ne) =
                match_name(tokens, te).filter(|_| !self.title_case || gaz[te].is_some())
            {
                let ne = gaz[te].map(|(e, _, _)| e.max(ne)).unwrap_or(ne);
                let name = span_text(sentence, tokens, te, ne);
                let a = person(lx, &mut *disc, &name, None);
                disc.register_person(&a);
                out.push(name_mention(sentence, tokens, i, ne, a));
                return Some(ne);
            }
        }
        None
    }

    /// A capitalised name the gazetteer does not know.
    fn capitalised(
        &self,
        i: usize,
        surname: bool,
        disc: &mut Discourse<'_>,
        out: &mut Vec<Mention>,
    ) -> Option<usize> {
        let (lx, sentence, tokens, gaz, n) = (
            self.lx,
            self.sentence,
            self.tokens,
            &self.gaz,
            self.tokens.len(),
        );
        if !(self.name_word(i) || surname) || self.title_case {
            return None;
        }
        // "Like Hartwell, ...", "Celebrating the win, ...": a sentence's first
        // word that news writes in lower case begins no unknown name
        // ("Readers of the Ledger", "Attorneys for Hartwell" stay one
        // description, whose words say who speaks)
        if !surname
            && gaz[i].is_none()
            && self.opens_sentence(i)
            && !tokens
                .get(i + 1)
                .is_some_and(|t| NAME_JOINERS.contains(&t.lower))
            && lx.is_in(crate::lexicon::WordClass::LowercaseWords, &tokens[i].lower)
        {
            return None;
        }
        let j = self.name_end(i);
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
            return Some(e);
        }
        // "UAW President Shawn Fain": a title inside the name splits body and
        // person; "Acme Corp spokesman Li Wei": so does one after the name.
        // (body end, title end, name end)
        let known = |body: &str| {
            lx.actor_by_form(body)
                .map(|e| e.name.clone())
                .or_else(|| disc.alias(body).map(|a| a.name))
        };
        let inside = || {
            (i + 1..j).find_map(|p| {
                match_titles(lx, tokens, p)
                    .filter(|&te| te < j)
                    .map(|te| (p, te, j))
            })
        };
        let after = match_titles(lx, tokens, j)
            .and_then(|te| Some((j, te, match_name(tokens, te).filter(|_| gaz[te].is_none())?)))
            // (a single unknown word before the title is more likely an
            // adjective than a body: "Democratic pollster Pat Caddell")
            .filter(|_| j > i + 1 || known(&span_text(sentence, tokens, i, j)).is_some());
        if let Some((p, te, ne)) = after.or_else(inside) {
            let body_text = span_text(sentence, tokens, i, p);
            let body = known(&body_text).unwrap_or_else(|| body_text.into());
            let name = span_text(sentence, tokens, te, ne);
            let a = person(lx, &mut *disc, &name, Some(body));
            disc.register_person(&a);
            out.push(name_mention(sentence, tokens, i, ne, a));
            return Some(ne);
        }
        Some(self.unknown_name(i, j, disc, out))
    }

    /// The person a document named in full earlier whose family name is the
    /// one word `i..e` the gazetteer reads as a country, place or body.
    fn earlier_surname(
        &self,
        i: usize,
        e: usize,
        kind: SurfaceKind,
        entry_kind: ActorKind,
        disc: &Discourse<'_>,
    ) -> Option<Actor> {
        if e != i + 1 || kind != SurfaceKind::Name || entry_kind == ActorKind::Person {
            return None;
        }
        let t = &self.tokens[i];
        disc.alias(t.text).filter(|a| {
            a.kind == ActorKind::Person
                && a.name.split_whitespace().count() >= 2
                && a.name.split_whitespace().last() == Some(t.text)
        })
    }

    /// Whether token `i` is the sentence's first word after its dateline
    /// (where a capital says nothing about a name).
    fn opens_sentence(&self, i: usize) -> bool {
        i >= self.dateline && self.tokens[self.dateline..i].iter().all(|x| !x.is_word())
    }

    /// Whether token `k` can be a word of a name: a capitalised word that
    /// names somebody, or "New" before one ("New York", "New Hampshire",
    /// "the New York Times"), which alone opens sentences and headlines.
    fn name_word(&self, k: usize) -> bool {
        let (tokens, gaz) = (self.tokens, &self.gaz);
        is_name_word(&tokens[k])
            || (tokens[k].cap
                && tokens[k].lower == "new"
                && tokens.get(k + 1).is_some_and(is_name_word)
                && (gaz.get(k + 1).is_some_and(Option::is_none) || self.new_place(k)))
    }

    /// Whether "New" at `k` opens a place named after one the gazetteer
    /// knows ("New Mexico", "New Jersey", "New South Wales" are not Mexico or
    /// Wales): a one-word name of the gazetteer follows it.
    fn new_place(&self, k: usize) -> bool {
        self.tokens[k].text == "New"
            && self.gaz[k].is_none()
            && self.gaz.get(k + 1).is_some_and(|g| {
                g.is_some_and(|(e, kind, _)| e == k + 2 && kind == SurfaceKind::Name)
            })
    }

    /// Where an unknown name starting at `i` ends: capitalised words, with
    /// particles ("von der"), joiners ("of", "&") and a place after a body
    /// ("the Bank of England").
    fn name_end(&self, i: usize) -> usize {
        let (tokens, gaz, n) = (self.tokens, &self.gaz, self.tokens.len());
        let mut j = i + 1;
        while j < n {
            // "Luz Maria de la Mora", "Ursula von der Leyen": lower-case particles inside a name
            let particles = (j..(j + 2).min(n))
                .take_while(|&k| !tokens[k].cap && PARTICLES.contains(&tokens[k].lower))
                .count();
            if self.name_word(j) && (gaz[j].is_none() || j == i + 1 && self.new_place(i))
                || initial_stop(tokens, j)
            {
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
        j
    }
    /// An unknown name over tokens `i..j`: a known alias, or a new actor
    /// whose kind the words around it tell (an acronym or a body word makes
    /// an organisation, a title a person).
    fn unknown_name(
        &self,
        i: usize,
        j: usize,
        disc: &mut Discourse<'_>,
        out: &mut Vec<Mention>,
    ) -> usize {
        let (lx, sentence, tokens) = (self.lx, self.sentence, self.tokens);
        let t = &tokens[i];
        let text = span_text(sentence, tokens, i, j);
        let single = j == i + 1;
        let at_start = i <= self.dateline || self.opens_sentence(i);
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
            return end;
        } else if !(single
            && (at_start && !disc.capitalised.contains(t.text) && !opens_as_name(t, tokens.get(j))
                || t.text.chars().count() < 3))
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
            // a name that opens with a country's and runs on ("the Washington
            // Post", "the U.S. Court of Appeals") is mostly a body's
            let after_country =
                self.gaz[i].is_some_and(|(_, _, idx)| lx.actors[idx].kind == ActorKind::Country);
            let is_org = acronym
                || introduces_acronym
                || kind_noun
                || tokens[i..j]
                    .iter()
                    .any(|x| ORG_WORDS.contains(&x.lower.as_ref()));
            // a person only once the text treats it as one (a title, or it
            // speaks): "Commerce Ministry spokesperson He Yadong"
            // (words: "Warren E. Buffett" is three, its initial's stop none)
            let words = tokens[i..j].iter().filter(|x| x.is_word()).count();
            let titled = i > 0
                && tokens[i - 1].is_word()
                && !tokens[i - 1].cap
                && lx.is_title(&tokens[i - 1].lower);
            let kind = if is_org {
                ActorKind::Organization
            } else if titled && (2..=3).contains(&words) {
                ActorKind::Person
            } else if after_country {
                ActorKind::Organization
            } else {
                ActorKind::Unknown
            };
            let a = Actor {
                name: text.as_str().into(),
                kind,
                affiliation: None,
            };
            if kind != ActorKind::Organization && (2..=3).contains(&words) {
                disc.register_person(&a);
            }
            if kind_noun {
                // later "the union" means this union
                disc.aliases
                    .insert(format!("the {}", tokens[i - 1].lower), a.clone());
            } else if let Some(x) = tokens.get(j).filter(|x| {
                is_org
                    && x.is_word()
                    && !x.cap
                    && lx.is_in(crate::lexicon::WordClass::BodyNouns, &x.lower)
            }) {
                // "the FNV union demanded": later "the union" means that body
                // too (not "a Puerto Rican bank": a body's name, not a modifier)
                disc.aliases.insert(format!("the {}", x.lower), a.clone());
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
        j
    }
}

/// Whether a single capitalised word that opens a sentence, and that the
/// document has not shown capitalised elsewhere, is still a name: an
/// acronym of three to six capitals that a lower-case word follows ("FNV
/// demanded", "SEIU chief says"), which no common word is. An all-capital
/// word before punctuation or another capital opens a dateline or a
/// headline ("MACAU (Reuters)", "PASADENA, Calif.", "VERIZON TO BUY").
fn opens_as_name(t: &Token, next: Option<&Token>) -> bool {
    (3..=6).contains(&t.text.chars().count())
        && t.text.chars().all(|c| c.is_uppercase())
        && next.is_some_and(|x| x.is_word() && !x.cap)
}

/// Closed-class words that can follow a subject: auxiliaries, a relative
/// pronoun, a coordinator, adverbs news puts before its verb.
static CLAUSE_WORDS: WordSet = WordSet::new(&[
    "has", "have", "had", "is", "was", "will", "would", "could", "should", "can", "may", "might",
    "must", "did", "does", "who", "and", "also", "later", "then", "now", "still", "never",
]);
