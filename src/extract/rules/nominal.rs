//! Nominal cues ("Kyiv's demand for X"), "according to", wishes and conditions.

use super::*;
use crate::lexicon::NounEntry;

/// "Turkey has set Sweden five conditions", "The Netherlands have doubts
/// about": a noun cue held by the subject of the verb that sets or holds it.
struct SetBy<'a> {
    holder: Option<&'a Mention>,
    co_holders: Vec<&'a Mention>,
    /// Where the noun phrase set starts: conditions set are the content.
    np_start: Option<usize>,
    /// The one the conditions are set for ("set Sweden five conditions").
    set_for: Option<Actor>,
}

/// One position of the noun cue at `k`.
fn noun_candidate(
    k: usize,
    stance: Stance,
    h: Holder,
    text: &str,
    content: (usize, usize),
    rule: &'static str,
) -> Candidate {
    Candidate::plain((k, k + 1), stance, h, text.to_string(), content, rule)
}

impl<'a, 't> SentenceCtx<'a, 't> {
    /// "Kyiv's demand for X", "its offer of Y", "a proposal by X for Y".
    pub(super) fn nominal_candidates(&self, out: &mut Vec<Candidate>) {
        for k in 1..self.tokens.len() {
            self.nominal_at(k, out);
        }
    }

    /// The positions of a noun cue at `k`: its holder (a possessor, a
    /// modifier, "from X", "by X", the subject of a verb that sets it) and
    /// what it is of or for.
    fn nominal_at(&self, k: usize, out: &mut Vec<Candidate>) {
        let t = &self.tokens[k];
        if !t.is_word() || t.cap {
            return;
        }
        let Some(ni) = self.lx.noun(&t.lower) else {
            return;
        };
        let noun = &self.lx.nouns[ni];
        if self.intention_verb_at(k) {
            return;
        }
        let mut after = k + 1;
        let mut holder = self.possessor_at(k);
        // "prepared to abandon their demand for ...": a position given up
        // ("will not abandon its demand" keeps it)
        if let Some(m) = holder {
            let v = m.start;
            let dropped = v > 0 && ABANDONS.contains(&self.tokens[v - 1].lower);
            let kept = (v.saturating_sub(4)..v).any(|j| is_neg(&self.tokens[j]));
            if dropped && !kept {
                return;
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
        if holder.is_none()
            && (self.gained_from(k, noun.stance, out) || self.offered_from(k, noun.stance, out))
        {
            return;
        }
        if holder.is_none() && self.is(k + 1, "by") {
            if let Some(m) = self.mention_starting_at(k + 2) {
                holder = Some(m);
                after = m.end;
            }
        }
        // "Turkey has set Sweden five formal conditions for ...", "Moscow laid
        // down demands for ...": the subject of the verb that sets them
        let set = holder
            .is_none()
            .then(|| self.set_by_verb(k, noun.stance))
            .flatten();
        if let Some(set) = &set {
            holder = set.holder;
        }
        // "had made realistic proposals, among them the decommissioning of
        // Yongbyon": the examples named are what was put forward
        if holder.is_none() && t.lower.ends_with('s') {
            if let Some(c) = self.made_examples(k, noun.stance) {
                out.extend(c);
                return;
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
                return;
            }
        }
        let Some(m) = holder else { return };
        let Some(h) = Self::holder_of(m) else {
            return;
        };
        if self.judged_view(k, after, (&h, m), out) {
            return;
        }
        self.nominal_content(k, after, noun, (h, m), set.as_ref(), out);
    }

    /// "Pakistan plans to invite India": a verb of intention after its
    /// subject, no noun (the verb it intends is read instead).
    fn intention_verb_at(&self, k: usize) -> bool {
        let t = &self.tokens[k];
        INTENDS.contains(&t.lower)
            && self.mention_ending_at(k).is_some_and(|m| {
                // ("a Norwegian plan to share quotas" is the noun)
                m.form == MentionForm::Name
                    && !m.start.checked_sub(1).is_some_and(|p| {
                        let l = self.tokens[p].lower.as_ref();
                        DETERMINERS.contains(&l) || PREPOSITIONS.contains(&l)
                    })
            })
            && self.is(k + 1, "to")
            && self
                .tok(k + 2)
                .is_some_and(|x| x.is_word() && !x.cap && !DETERMINERS.contains(&x.lower.as_ref()))
    }

    /// The possessor of the noun cue at `k`: "Kyiv's demand", "its offer",
    /// "Kyiv's new demand".
    fn possessor_at(&self, k: usize) -> Option<&'a Mention> {
        let poss = |j: usize| -> Option<&'a Mention> {
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
        poss(k - 1).or_else(|| {
            (k >= 2 && self.tokens[k - 1].is_word() && !self.tokens[k - 1].cap)
                .then(|| poss(k - 2))
                .flatten()
        })
    }

    /// "won support from the cabinet and the DUP for the plan": those it
    /// came from back what follows "for". True when the noun was read so.
    fn gained_from(&self, k: usize, stance: Stance, out: &mut Vec<Candidate>) -> bool {
        let n = self.tokens.len();
        let gained = self.tok(k - 1).is_some_and(|p| GAINED.contains(&p.lower));
        if !(gained && self.is(k + 1, "from")) {
            return false;
        }
        let for_at = (k + 2..(k + 16).min(n)).find(|&j| self.is(j, "for"));
        if let Some(f) = for_at {
            let b = self.content_end(f + 1, false);
            let (a, b) = self.trim(f + 1, b);
            if b > a {
                for m in self
                    .mentions
                    .iter()
                    .filter(|m| m.start > k + 1 && m.end <= f && m.form == MentionForm::Name)
                {
                    if let Some(h) = Self::holder_of(m) {
                        out.push(noun_candidate(
                            k,
                            stance,
                            h,
                            &m.text,
                            (a, b),
                            "nominal-from",
                        ));
                    }
                }
            }
        }
        true
    }

    /// "a public offer from Stellantis to raise pay", "a package from rich
    /// nations". True when the noun was read so.
    fn offered_from(&self, k: usize, stance: Stance, out: &mut Vec<Candidate>) -> bool {
        if !self.is(k + 1, "from") {
            return false;
        }
        let Some(m) = self.mention_from(k + 2) else {
            return false;
        };
        let Some(h) = Self::holder_of(m) else {
            return true;
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
            && (a == k || (a + 1 == k && DETERMINERS.contains(&self.tokens[a].lower.as_ref())));
        if b > a && !bare {
            out.push(noun_candidate(
                k,
                stance,
                h,
                &m.text,
                (a, b),
                "nominal-from",
            ));
        }
        true
    }

    /// The verb that sets or holds the plural noun cue at `k` ("has set
    /// Sweden five conditions", "have doubts about"), read from its subject.
    fn set_by_verb(&self, k: usize, stance: Stance) -> Option<SetBy<'a>> {
        let t = &self.tokens[k];
        let mut set_for: Option<Actor> = None;
        // "The Netherlands and Austria have doubts about ...": reservations held
        let doubts = stance == Stance::Reject && t.lower.ends_with('s');
        if !((stance == Stance::Demand || doubts) && t.lower.ends_with('s')) {
            return None;
        }
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
            let verb = if v >= 2 && matches!(self.tokens[v - 1].lower.as_ref(), "down" | "out") {
                v - 2
            } else {
                v.saturating_sub(1)
            };
            let verbs = if doubts { &HOLDS_VERBS } else { &SETS_VERBS };
            if v > 0 && verbs.contains(&self.tokens[verb].lower) {
                let subjects = self.find_subject(verb).unwrap_or_default();
                return Some(SetBy {
                    holder: subjects.first().copied(),
                    co_holders: subjects.iter().skip(1).copied().collect(),
                    // doubts are about what follows the preposition, not the doubts
                    np_start: (!doubts).then_some(np_start),
                    set_for,
                });
            }
        }
        None
    }

    /// "Qatar's favourable view of the response", "a dim view of": a view
    /// with its judgement is a reaction to what it is of. True when the
    /// noun was read so.
    fn judged_view(
        &self,
        k: usize,
        after: usize,
        (h, m): (&Holder, &Mention),
        out: &mut Vec<Candidate>,
    ) -> bool {
        let t = &self.tokens[k];
        let judged_view = (t.lower == "view" && self.is(after, "of"))
            .then(|| match self.tokens[k - 1].lower.as_ref() {
                "favourable" | "favorable" | "positive" | "warm" => Some(Stance::Support),
                "dim" | "negative" | "critical" | "sceptical" | "skeptical" => Some(Stance::Reject),
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
                out.push(noun_candidate(
                    k,
                    stance,
                    h.clone(),
                    &m.text,
                    (ca, cb),
                    "nominal",
                ));
            }
            return true;
        }
        false
    }

    /// What the noun cue at `k` is of or for (after the preposition at
    /// `after`): conditions set with what they are for, or each
    /// coordinated part for every holder.
    fn nominal_content(
        &self,
        k: usize,
        after: usize,
        noun: &NounEntry,
        (h, m): (Holder, &Mention),
        set: Option<&SetBy<'_>>,
        out: &mut Vec<Candidate>,
    ) {
        let candidate = |h: Holder, text: &str, content: (usize, usize), rule: &'static str| {
            noun_candidate(k, noun.stance, h, text, content, rule)
        };
        if !self
            .tok(after)
            .is_some_and(|p| noun.preps.iter().any(|x| *x == p.lower))
        {
            return;
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
            return;
        }
        // conditions that are set are the content, with what they are for
        if let Some((np, set)) = set.and_then(|s| s.np_start.map(|np| (np, s))) {
            // "set Sweden five conditions": the one they are set for is the target
            let mut c = candidate(h.clone(), &m.text, (np, cb), "nominal");
            c.target = set.set_for.clone();
            out.push(c);
            return;
        }
        for (pa, pb) in self.split_coordination(ca, cb) {
            out.push(candidate(h.clone(), &m.text, (pa, pb), "nominal"));
            for co in set.iter().flat_map(|s| &s.co_holders) {
                if let Some(h) = Self::holder_of(co) {
                    out.push(candidate(h, &co.text, (pa, pb), "nominal"));
                }
            }
        }
    }

    /// "Ford made an offer of a 20% raise", "it sent Washington a
    /// counter-proposal of 20 points", "the union submitted a new proposal":
    /// whoever makes, sends or submits the offer, proposal or demand at `k`
    /// holds it, and the one it is sent to is the target. The content is the
    /// whole noun phrase.
    pub(super) fn made_or_sent(&self, k: usize, stance: Stance) -> Option<Candidate> {
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
    pub(super) fn made_examples(&self, k: usize, stance: Stance) -> Option<Vec<Candidate>> {
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

    /// A body's document at `i` ("a Labor Department report", "the latest
    /// Quellmark poll", "Senate filings"): the body's name mention and where
    /// the phrase ends (at the comma closing a modifier after it: "a report
    /// released last week,").
    fn named_document(&self, i: usize) -> Option<(&'a Mention, usize)> {
        let mut j = i;
        if self
            .tok(j)
            .is_some_and(|t| matches!(t.lower.as_ref(), "a" | "an" | "the"))
        {
            j += 1;
        }
        if self
            .tok(j)
            .is_some_and(|t| matches!(t.lower.as_ref(), "new" | "recent" | "latest") && !t.cap)
        {
            j += 1;
        }
        let m = self
            .mention_starting_at(j)
            .filter(|m| m.form == MentionForm::Name)?;
        let noun = self.tok(m.end)?;
        if noun.cap || !REPORT_NOUNS.contains(&noun.lower) {
            return None;
        }
        // a modifier after the document runs to the comma ("released last week")
        let n = self.tokens.len();
        let end = (m.end + 1..n.min(m.end + 12))
            .find(|&e| self.tokens[e].text == ",")
            .filter(|&e| e > m.end + 1)
            .unwrap_or(m.end + 1);
        Some((m, end))
    }

    /// "according to X, ...", "..., according to X".
    pub(super) fn according_to(&self, out: &mut Vec<Candidate>) {
        let n = self.tokens.len();
        for k in 0..n.saturating_sub(2) {
            if !(ACCORDING.contains(&self.tokens[k].lower) && self.is(k + 1, "to")) {
                continue;
            }
            // "according to a Labor Department report released last week,":
            // a body's document speaks for the body
            let report = self.named_document(k + 2);
            let Some(m) = report.map(|(m, _)| m).or_else(|| self.mention_from(k + 2)) else {
                continue;
            };
            let Some(h) = Self::holder_of(m) else {
                continue;
            };
            let phrase_end = report.map_or(m.end, |(_, e)| e);
            let (a, b) = if k == 0 || self.tokens[..k].iter().all(|t| !t.is_word()) {
                (phrase_end, self.content_end(phrase_end, true))
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

/// What a body publishes that news cites as its source ("according to a
/// Labor Department report").
static REPORT_NOUNS: WordSet = WordSet::new(&[
    "report",
    "reports",
    "poll",
    "polls",
    "survey",
    "surveys",
    "study",
    "studies",
    "analysis",
    "data",
    "figures",
    "estimate",
    "estimates",
    "records",
    "filings",
    "documents",
    "statement",
    "statements",
    "memo",
    "review",
    "audit",
    "tally",
    "count",
    "research",
    "summary",
]);
