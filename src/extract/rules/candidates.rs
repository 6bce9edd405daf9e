//! All candidates of a sentence, and the small constructions around them.

use super::*;

impl<'a, 't> SentenceCtx<'a, 't> {
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
    pub(super) fn owner_at(&self, a: usize) -> Option<&'a Mention> {
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
    pub(super) fn what_it_called(&self, a: usize) -> Option<usize> {
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
    pub(super) fn what_was_called(&self, out: &mut Vec<Candidate>) {
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
    pub(super) fn document_owner(&self, cs: usize) -> Option<&'a Mention> {
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
    pub(super) fn aim_reactions_at_owners(&self, out: &mut [Candidate]) {
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
    pub(super) fn as_do(&self, out: &mut Vec<Candidate>) {
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
    pub(super) fn made_contingent(&self, out: &mut Vec<Candidate>) {
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
    pub(super) fn drew_reactions(&self, out: &mut Vec<Candidate>) {
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
    pub(super) fn in_the_hope_of(&self, out: &mut Vec<Candidate>) {
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
    pub(super) fn object_relatives(&self, cues: &[CueHit], out: &mut Vec<Candidate>) {
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
    pub(super) fn yield_on(&self, v: usize) -> Option<usize> {
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
    pub(super) fn hypothetical_at(&self, cs: usize) -> bool {
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
    pub(super) fn reduced_relative_head(&self, r: usize) -> bool {
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
    pub(super) fn group_addressee_to(&self, a: usize) -> Option<(Actor, usize)> {
        self.group_at(a).filter(|&(_, to)| self.is(to, "to"))
    }

    /// A party named by a plain plural noun phrase at `a` ("all parties",
    /// "rich nations", "member states", "the warring sides"), as an actor of
    /// its own, and the index past it.
    pub(super) fn group_at(&self, a: usize) -> Option<(Actor, usize)> {
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
    pub(super) fn addressee_to(&self, a: usize) -> Option<(&'a Mention, usize)> {
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
}
