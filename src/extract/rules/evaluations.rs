//! Evaluations ("X called the plan unacceptable"), conditions and refusals.

use super::*;

impl<'a, 't> SentenceCtx<'a, 't> {
    /// The evaluation phrase at `i` (skipping quotation marks): its end and stance.
    pub(super) fn evaluation_at(&self, mut i: usize) -> Option<(usize, Stance)> {
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

    pub(super) fn evaluation_words_at(&self, i: usize) -> Option<(usize, Stance)> {
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
    pub(super) fn evaluations(&self, out: &mut Vec<Candidate>) {
        for v in 0..self.tokens.len() {
            self.evaluation_by(v, out);
        }
    }

    /// The evaluation made with the verb at `v` ("called", "described"), if any.
    fn evaluation_by(&self, v: usize, out: &mut Vec<Candidate>) {
        let n = self.tokens.len();
        let l = self.tokens[v].lower.as_ref();
        let verb = EVALUATION_VERBS.contains(l);
        if !verb || self.tokens[v].cap {
            return;
        }
        // the object runs up to the evaluation ("as" optional)
        if self.tok(v + 1).is_some_and(|t| {
            matches!(
                t.lower.as_ref(),
                "for" | "on" | "upon" | "off" | "out" | "that"
            )
        }) {
            return; // "called for", "called on": other cues
        }
        if self.evaluation_before_object(v, out) {
            return;
        }
        let Some((obj_end, eval_start)) = (v + 2..(v + 14).min(n)).find_map(|j| {
            let at = if self.is(j, "as") { j + 1 } else { j };
            self.evaluation_at(at).map(|_| (j, at))
        }) else {
            return;
        };
        let Some((eval_end, stance)) = self.evaluation_at(eval_start) else {
            return;
        };
        // the evaluation is the complement, closing the clause ("the most serious obstacle to ..." is not)
        if self.tok(eval_end).is_some_and(|t| {
            (t.is_word() || t.kind == TokKind::Number)
                && !matches!(t.lower.as_ref(), "and" | "but" | "because" | "while")
        }) {
            return;
        }
        if (v + 1..obj_end).any(|j| {
            matches!(self.tokens[j].text, "," | ";")
                || self
                    .lx
                    .cue_forms(&self.tokens[j].lower)
                    .iter()
                    .any(|f| self.lx.cues[f.cue].frame == Frame::Speech && f.words.len() == 1)
        }) {
            return;
        }
        let holders = self.evaluation_holders(v, out);
        if holders.is_empty() {
            return;
        }
        let (a, b) = self.trim(v + 1, obj_end);
        // "called what it describes as Indian moves ... unrealistic": what
        // is judged is what it was called
        let a = self.what_it_called(a).filter(|&x| x < b).unwrap_or(a);
        if b <= a {
            return;
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

    /// "finds "unacceptable" any dialogue that leaves out Kashmir": the
    /// evaluation before a long object. True when the verb was read so.
    fn evaluation_before_object(&self, v: usize, out: &mut Vec<Candidate>) -> bool {
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
                return true;
            }
        }
        false
    }

    /// Who makes the evaluation at `v`: its subject, or, for "..., calling"
    /// and "and called", the holder of the position before it.
    fn evaluation_holders(&self, v: usize, out: &[Candidate]) -> Vec<(Holder, String)> {
        match self.find_subject(v) {
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
        }
    }

    /// "would accept a deal only if X", "willing to talk provided X", "no talks
    /// unless X": the condition is a demand of whoever sets it.
    pub(super) fn conditions(&self, out: &mut Vec<Candidate>) {
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
    pub(super) fn refusals(&self, cues: &[CueHit], out: &mut Vec<Candidate>) {
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
}
