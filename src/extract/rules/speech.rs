//! Reported speech ("said that ...", "“...,” he said").

use super::*;

impl<'a, 't> SentenceCtx<'a, 't> {
    /// Reported speech: what follows the cue ("said that ..."), or the
    /// quotation before the speaker ("“...,” he said on Monday").
    #[allow(clippy::too_many_arguments)]
    pub(super) fn speech_candidates(
        &self,
        out: &mut Vec<Candidate>,
        holders: &[(Holder, String)],
        hit: &CueHit,
        a: usize,
        target: Option<Actor>,
        negated: bool,
        rule_subject: &str,
    ) {
        let entry = &self.lx.cues[hit.cue];
        let (cs, ce) = (hit.start, hit.end);
        let Some(a) = self.speech_addressee(out, holders, hit, a, negated) else {
            return;
        };
        let Some((a, after_that, stance)) = self.speech_object(hit, holders, a) else {
            return;
        };
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
        let clause_like = self.clause_like_at(a, after_that);
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
        let quote_first = before.is_some()
            && holders.iter().any(|(_, text)| {
                self.mentions
                    .iter()
                    .any(|m| &m.text == text && m.end <= cs && self.after_quote(m.start))
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
                let rule = if stance != entry.stance {
                    "speech-that"
                } else if rule_subject == "subject" {
                    "speech"
                } else {
                    rule_subject_rule(rule_subject, true)
                };
                let report = (hit, stance, target, negated);
                self.push_reports(out, holders, report, (ca, cb), rule);
            }
            (Some(quote), false) => {
                self.push_quote_first(out, holders, (hit, stance, target, negated), quote, a);
            }
            (None, false) => {}
        }
    }

    /// "told Britain's team to ...", "accused Aliyev of ...", "told reporters
    /// that ...": a speech cue's addressee. Pushes the position an addressee
    /// makes and gives none, or gives where the report starts.
    fn speech_addressee(
        &self,
        out: &mut Vec<Candidate>,
        holders: &[(Holder, String)],
        hit: &CueHit,
        mut a: usize,
        negated: bool,
    ) -> Option<usize> {
        let entry = &self.lx.cues[hit.cue];
        let (cs, ce) = (hit.start, hit.end);
        let cue_word = self.tokens[cs].lower.as_ref();
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
                return None;
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
                        entry.stance,
                        (m.start, end),
                        Some((ca, cb)),
                        m.actor().cloned(),
                        "speech-accuse",
                        negated,
                        true,
                    );
                }
                return None;
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
        Some(a)
    }

    /// Where a report starts ("said in a statement on Monday that ...") and
    /// its stance; none for a cue that reports nothing here ("responded with
    /// a levy", "adding pressure", "would add $250 million").
    fn speech_object(
        &self,
        hit: &CueHit,
        holders: &[(Holder, String)],
        mut a: usize,
    ) -> Option<(usize, bool, Stance)> {
        let entry = &self.lx.cues[hit.cue];
        let cs = hit.start;
        let cue_word = self.tokens[cs].lower.as_ref();
        let mut stance = entry.stance;
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
            return None;
        }
        // "adding heavy pressure on ...": "add" reports only a clause or a quotation
        if cue_word.starts_with("add")
            && !after_that
            && !self.tok(a).is_some_and(|t| t.is_quote() || t.text == ":")
            && self.mention_starting_at(a).is_none()
            && self.quote_before(cs, holders).is_none()
        {
            return None;
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
        // "it would add $250 million a year to their costs": adding an amount
        // reports nothing
        if cue_word.starts_with("add")
            && self.tok(a).is_some_and(|t| {
                t.kind == TokKind::Number || matches!(t.text, "$" | "€" | "£" | "¥")
            })
        {
            return None;
        }
        // "dialogue that we hope will lead to peace": the verb after the cue has
        // no subject; what is hoped is said of the relative clause's head
        if !after_that && self.tok(a).is_some_and(|t| MODAL_AUX.contains(&t.lower)) {
            return None;
        }
        Some((a, after_that, stance))
    }

    /// Whether what follows a speech cue at `a` can be a clause reported
    /// (declared a truce, announced a ceasefire: the thing itself, no claim).
    fn clause_like_at(&self, a: usize, after_that: bool) -> bool {
        after_that
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
            })
    }

    /// Whether a holder starting at `start` stands right after a closing
    /// quotation mark ("“...,” Lula told ...", "“...,” union negotiator Niek
    /// Stam told ...").
    fn after_quote(&self, start: usize) -> bool {
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
    }

    /// "said that A and that B": one report per clause, claims as speech.
    fn push_reports(
        &self,
        out: &mut Vec<Candidate>,
        holders: &[(Holder, String)],
        (hit, stance, target, negated): (&CueHit, Stance, Option<Actor>, bool),
        (ca, cb): (usize, usize),
        rule: &'static str,
    ) {
        let (cs, ce) = (hit.start, hit.end);
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

    /// A quotation or clause before its speaker ("“...,” he said"), an
    /// adverbial before a parenthetical attribution ("In return, Ri said,
    /// ..."), or a clause the attribution interrupts.
    fn push_quote_first(
        &self,
        out: &mut Vec<Candidate>,
        holders: &[(Holder, String)],
        (hit, stance, target, negated): (&CueHit, Stance, Option<Actor>, bool),
        (qa, qb): (usize, usize),
        a: usize,
    ) {
        let (cs, ce) = (hit.start, hit.end);
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

    pub(super) fn starts_noun_phrase_after_that(&self, that: usize) -> bool {
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
    pub(super) fn quote_before(
        &self,
        cs: usize,
        holders: &[(Holder, String)],
    ) -> Option<(usize, usize)> {
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
    pub(super) fn push_all(
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
}
