//! Positions headed by a verb cue ("Kyiv demands X", "urged Russia to Y").
//! `verb_candidates` reads a cue in steps: whether it states a stance at
//! all, its passive and participle forms, its holders, what its object is
//! (a "that" clause, an addressee and infinitive, a noun phrase), the
//! content's extent, its target, and the positions it gives.

use super::*;
use crate::lexicon::CueEntry;

impl<'a, 't> SentenceCtx<'a, 't> {
    pub(super) fn verb_candidates(&self, hit: &CueHit, cues: &[CueHit], out: &mut Vec<Candidate>) {
        let entry = &self.lx.cues[hit.cue];
        let (cs, ce) = (hit.start, hit.end);
        let cue_tok = &self.tokens[cs];
        let speech = entry.frame == Frame::Speech;
        if self.no_stance_taken(cs, speech) {
            return;
        }

        // "NP was rejected by X", "a truce put forward by X", "the U.S.-backed plan"
        let participle = cue_tok.lower.ends_with("ed")
            || matches!(
                cue_tok.lower.as_ref(),
                "put" | "laid" | "made" | "held" | "sought"
            );
        if participle
            && (self.passive_by(hit, entry.stance, cues, out)
                || self.compound_participle(hit, entry.stance, out)
                || self.agentless_passive(hit, speech))
        {
            return;
        }
        let Some((holders, subject, rule_subject)) = self.verb_holders(hit, speech, out) else {
            return;
        };
        let subject_end = subject
            .as_ref()
            .and_then(|v| v.last().map(|m| m.end))
            .unwrap_or(cs.saturating_sub(4));
        let negated = (subject_end.min(cs)..cs).any(|j| is_neg(&self.tokens[j]));
        if self.not_held(cs, speech, subject_end, &subject) {
            return;
        }
        let a = self.object_start(ce, rule_subject == "inverted");
        if speech {
            self.speech_candidates(out, &holders, hit, a, None, negated, rule_subject);
            return;
        }
        let stance = entry.stance;
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
        let (mut stance, target, mut a, mut rule) = self.object_frame(entry, hit, a);
        // "refusing to yield on its demands": refusing to yield insists
        if stance == Stance::Reject && entry.stance == Stance::Reject {
            if let Some(y) = self.yield_on(a) {
                stance = Stance::Demand;
                a = y;
                rule = "insistence";
            }
        }
        let Some(((ca, cb), stance)) = self.verb_content(entry, ce, a, stance) else {
            return;
        };
        let target = target.or_else(|| self.content_target(stance, (ca, cb)));
        let rule = if rule_subject == "subject" {
            rule
        } else {
            rule_subject_rule(rule_subject, false)
        };
        self.push_verb_positions(
            out,
            &holders,
            (cs, ce),
            stance,
            (ca, cb),
            target,
            rule,
            negated,
        );
    }

    /// Whether the cue at `cs` states no stance taken: what another asserts
    /// someone did, how a stance looks, what someone can or may do, or a
    /// hypothesis.
    fn no_stance_taken(&self, cs: usize, speech: bool) -> bool {
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
        reported_by_other || looks || possible || self.hypothetical_at(cs)
    }

    /// "NP was rejected by X", "a truce put forward by X": the agent holds
    /// the position and the noun phrase before the participle is its content.
    /// True when the cue was read so (whether or not it gave a position).
    fn passive_by(
        &self,
        hit: &CueHit,
        stance: Stance,
        cues: &[CueHit],
        out: &mut Vec<Candidate>,
    ) -> bool {
        let (cs, ce) = (hit.start, hit.end);
        if self.is(ce, "by") {
            if let Some(agent) = self.mention_from(ce + 1) {
                let Some(holder) = Self::holder_of(agent) else {
                    return true;
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
                        stance,
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
                return true;
            }
        }
        false
    }

    /// "the U.S.-backed plan": the name before the hyphen holds what follows.
    fn compound_participle(&self, hit: &CueHit, stance: Stance, out: &mut Vec<Candidate>) -> bool {
        let (cs, ce) = (hit.start, hit.end);
        if cs >= 2 && self.tokens[cs - 1].text == "-" {
            if let Some(m) = self.mention_ending_at(cs - 1) {
                if let Some(holder) = Self::holder_of(m) {
                    let b = self.content_end(ce, false);
                    let (a, b) = self.trim(ce, b);
                    if b > a {
                        out.push(Candidate::plain(
                            (cs, ce),
                            stance,
                            holder,
                            m.text.clone(),
                            (a, b),
                            "compound-participle",
                        ));
                    }
                }
                return true;
            }
        }
        false
    }

    /// An agentless passive ("will be expected to"): nobody holds the
    /// position; "was fully prepared to", "is strongly opposed to" are no passives.
    fn agentless_passive(&self, hit: &CueHit, speech: bool) -> bool {
        let (cs, ce) = (hit.start, hit.end);
        let predicative = ce >= cs + 2 && self.tokens[ce - 1].lower == "to";
        if !predicative
            && cs > 0
            && (cs.saturating_sub(3)..cs).any(|j| {
                matches!(
                    self.tokens[j].lower.as_ref(),
                    "is" | "are" | "was" | "were" | "been" | "being" | "be"
                )
            })
            && !speech
        {
            return true;
        }
        false
    }

    /// Who holds a verb cue's position: its subjects, the owner of the
    /// document whose plan it is, or a subject carried over; with the subject
    /// found and how the holder was found (a rule name's stem).
    #[allow(clippy::type_complexity)]
    fn verb_holders(
        &self,
        hit: &CueHit,
        speech: bool,
        out: &[Candidate],
    ) -> Option<(
        Vec<(Holder, String)>,
        Option<Vec<&'a Mention>>,
        &'static str,
    )> {
        let cs = hit.start;
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
                holders.push(document()?);
                rule_subject = "document";
            }
        } else if let Some(h) = document() {
            holders.push(h);
            rule_subject = "document";
        } else {
            let (h, r) = self.holders_without_subject(hit, speech, out)?;
            holders = h;
            rule_subject = r;
        }
        (!holders.is_empty()).then_some((holders, subject, rule_subject))
    }

    /// The holders of a cue with no subject of its own: one shared with the
    /// verb before it ("and urged"), the subject of a participle's clause
    /// ("..., saying"), or the speaker after an inverted cue ("..., said Rubio").
    fn holders_without_subject(
        &self,
        hit: &CueHit,
        speech: bool,
        out: &[Candidate],
    ) -> Option<(Vec<(Holder, String)>, &'static str)> {
        let (cs, ce) = (hit.start, hit.end);
        let cue_tok = &self.tokens[cs];
        let mut holders: Vec<(Holder, String)> = Vec::new();
        let mut rule_subject = "subject";
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
                    return None;
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
        Some((holders, rule_subject))
    }

    /// A subject that makes the cue no position of its own: what a party
    /// must do, a condition ("if the US wants"), a purpose ("so that MPs can").
    fn not_held(
        &self,
        cs: usize,
        speech: bool,
        subject_end: usize,
        subject: &Option<Vec<&'a Mention>>,
    ) -> bool {
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
            return true;
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
                return true;
            }
            // "... so that MPs can accept it": a purpose, not a position of theirs
            if first.start > 1 && self.is(first.start - 1, "that") && self.is(first.start - 2, "so")
            {
                return true;
            }
        }
        false
    }

    /// Where a verb's object starts: after the cue, past an inverted speaker
    /// and an aside ("rejected, however, the plan").
    fn object_start(&self, ce: usize, inverted: bool) -> usize {
        let mut inverted_skip = if inverted {
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
        inverted_skip
    }

    /// What a non-speech cue's object is: a "that" clause, an addressee and
    /// infinitive ("urged Russia to"), an infinitive, or a noun phrase. Gives
    /// the stance, the target, where the content starts and the rule.
    fn object_frame(
        &self,
        entry: &CueEntry,
        hit: &CueHit,
        a: usize,
    ) -> (Stance, Option<Actor>, usize, &'static str) {
        let (cs, ce) = (hit.start, hit.end);
        let mut stance = entry.stance;
        let mut target: Option<Actor> = None;
        let mut a = a;
        let rule: &'static str;
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
        (stance, target, a, rule)
    }

    /// The content of a verb cue starting at `a`, and its stance once the
    /// content is read; none when nothing is given, asked or backed.
    fn verb_content(
        &self,
        entry: &CueEntry,
        ce: usize,
        a: usize,
        stance: Stance,
    ) -> Option<((usize, usize), Stance)> {
        let mut stance = stance;
        let b = self.content_end(a, false);
        let (ca, cb) = self.trim(a, b);
        if cb <= ca {
            return None;
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
            return None;
        }
        // "unveiled what he described as a final proposal for a truce": the
        // content is what it was called
        let (ca, cb) = self
            .what_it_called(ca)
            .map(|s| self.trim(s, self.content_end(s, false)))
            .unwrap_or((ca, cb));
        if cb <= ca {
            return None;
        }
        // "offered no concrete proposals", "backed nothing": nothing is given or
        // backed ("wants no return to war" is still a demand)
        if matches!(stance, Stance::Offer | Stance::Propose | Stance::Support)
            && self
                .tok(ca)
                .is_some_and(|t| matches!(t.lower.as_ref(), "no" | "nothing"))
        {
            return None;
        }
        // "offered an assessment", "offered condolences": words, not an offer
        if stance == Stance::Offer
            && (ca..cb.min(ca + 3)).any(|j| NOT_OFFERED.contains(&self.tokens[j].lower))
        {
            return None;
        }
        // "the terms they had offered the Writers Guild": whom it was offered
        // to, with nothing offered, is no offer
        if matches!(stance, Stance::Offer | Stance::Propose)
            && self
                .mention_from(ca)
                .is_some_and(|m| m.end == cb && m.form == MentionForm::Name)
        {
            return None;
        }
        // "prepared to sink a deal", "ready to step up pressure", "vowed to
        // retaliate": a threat gives nothing and asks nothing, no position
        if stance == Stance::Offer
            && (self
                .tok(ca)
                .is_some_and(|t| THREATS.contains(&t.lower.as_ref()))
                || (self.is(ca, "step") && self.is(ca + 1, "up")))
        {
            return None;
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
        Some(((ca, cb), stance))
    }

    /// Whom a content names as the other side: a proposer ("a truce put
    /// forward by X"), the side asked to act, the side talks are offered to.
    fn content_target(&self, stance: Stance, (ca, cb): (usize, usize)) -> Option<Actor> {
        let mut target: Option<Actor> = None;
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
        target
    }

    /// The positions of a verb cue: one per coordinated part of its content,
    /// one per item of a list of "that" clauses, or one joined across an
    /// attribution aside.
    #[allow(clippy::too_many_arguments)]
    fn push_verb_positions(
        &self,
        out: &mut Vec<Candidate>,
        holders: &[(Holder, String)],
        (cs, ce): (usize, usize),
        stance: Stance,
        (ca, cb): (usize, usize),
        target: Option<Actor>,
        rule: &'static str,
        negated: bool,
    ) {
        // "wants assurances, reports say, that the truce will end the war": the
        // object goes on past an attribution of the report itself
        if let Some(after) = self.attribution_aside(cb) {
            // ("assurances that the truce ...": the "that" stays)
            let (_, xb) = self.trim(after, self.content_end(after, false));
            let xa = after;
            if xb > xa {
                self.push_all(
                    out,
                    holders,
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
                    holders,
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
    pub(super) fn that_clause_after(&self, e: usize) -> Option<usize> {
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
}
