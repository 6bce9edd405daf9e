//! Where a content starts and ends: clause boundaries, trimming, coordination.

use super::*;
use std::ops::ControlFlow;

impl<'a, 't> SentenceCtx<'a, 't> {
    /// Where a content starting at `a` ends.
    pub(super) fn content_end(&self, a: usize, claim: bool) -> usize {
        let n = self.tokens.len();
        let started_quoted = self.quoted.get(a).copied().unwrap_or(false);
        let mut k = a;
        while k < n {
            let t = &self.tokens[k];
            match t.text {
                ";" | "—" | "–" | "--" => return k,
                "(" if !claim => return k,
                // "sets out a phased path: The plan runs in three phases": a
                // sentence of its own after the colon
                // (not what "the following:" or "three steps:" announces)
                ":" if !claim
                    && k >= a + 3
                    && self
                        .tok(k + 1)
                        .is_some_and(|x| x.cap && DETERMINERS.contains(&x.lower.as_ref()))
                    && !(a..k).any(|j| {
                        self.tokens[j].lower == "following"
                            || self.tokens[j].kind == TokKind::Number
                    }) =>
                {
                    return k
                }
                "," => match self.after_comma(a, k, claim) {
                    ControlFlow::Break(end) => return end,
                    ControlFlow::Continue(Some(next)) => {
                        k = next;
                        continue;
                    }
                    ControlFlow::Continue(None) => {}
                },
                _ => {}
            }
            if t.kind == TokKind::CloseQuote && claim && started_quoted && k > a {
                return k;
            }
            if t.kind == TokKind::OpenQuote
                && claim
                && !started_quoted
                && k > a
                && self.tok(k - 1).is_some_and(|p| p.text == ",")
            {
                return k - 1;
            }
            if t.is_word() && !t.cap {
                if let Some(end) = self.word_ends_content(a, k, claim) {
                    return end;
                }
            }
            k += 1;
        }
        n
    }

    /// Whether the comma at `k` ends a content starting at `a`: Break with
    /// the end, Continue with where the scan goes on past an aside, or
    /// Continue(None) to read the comma as any other token.
    fn after_comma(&self, a: usize, k: usize, claim: bool) -> ControlFlow<usize, Option<usize>> {
        let n = self.tokens.len();
        let next = self.tok(k + 1);
        let next2 = if next.is_some_and(|x| x.is_quote()) {
            self.tok(k + 2)
        } else {
            next
        };
        // "that Azerbaijan, which wrote the treaty, has set ...": a relative
        // clause after the claim's subject is skipped, not an end
        if claim
            && k - a <= 3
            && next2.is_some_and(|x| matches!(x.lower.as_ref(), "which" | "who" | "whose"))
        {
            if let Some(close) = (k + 2..n.min(k + 30)).find(|&j| self.tokens[j].text == ",") {
                return ControlFlow::Continue(Some(close + 1));
            }
        }
        if next2.is_some_and(|x| COMMA_STOPS.contains(&x.lower.as_ref())) {
            return ControlFlow::Break(k);
        }
        // "Ukrainian forces, and not Russian ones, to leave": a contrast
        // set off by commas inside the phrase
        let not_at = match next.map(|x| x.lower.as_ref()) {
            Some("not") => Some(k + 1),
            Some("and" | "but") if self.is(k + 2, "not") => Some(k + 2),
            _ => None,
        };
        if let Some(close) = not_at.and_then(|nj| {
            (nj + 1..n.min(nj + 7))
                .take_while(|&j| self.tokens[j].is_word() || self.tokens[j].text == ",")
                .find(|&j| self.tokens[j].text == ",")
        }) {
            return ControlFlow::Continue(Some(close + 1));
        }
        // "the lifting of some sanctions, those that hamper the
        // economy": an apposition that says which
        if !claim && next.is_some_and(|x| x.lower == "those") {
            return ControlFlow::Continue(Some(k + 1));
        }
        if self.attribution_at(k + 1) {
            return ControlFlow::Break(k);
        }
        if next.is_some_and(|x| x.lower == "and" || x.lower == "but") && self.clause_at(k + 2) {
            return ControlFlow::Break(k);
        }
        if !claim && !self.list_follows(k + 1) {
            return ControlFlow::Break(k);
        }
        ControlFlow::Continue(None)
    }

    /// Whether the lower-case word at `k` ends a content starting at `a`
    /// ("only if", "in exchange for", "as", "and" before a clause), and where.
    fn word_ends_content(&self, a: usize, k: usize, claim: bool) -> Option<usize> {
        let l = self.tokens[k].lower.as_ref();
        // "a deal only if ..." ends the object; "apply only temporarily" does not
        let only_adverb = l == "only"
            && self
                .tok(k + 1)
                .is_some_and(|x| x.is_word() && x.lower.ends_with("ly"));
        // "action against those who carried out the attack": who they are
        let those_who = l == "who"
            && k > a
            && matches!(
                self.tokens[k - 1].lower.as_ref(),
                "those" | "anyone" | "people" | "all" | "everyone"
            );
        if !claim && OBJECT_STOPS.contains(&l) && k > a && !only_adverb && !those_who {
            return Some(k);
        }
        // "refused a plan for a truce first came in a summary": the
        // object was inside a clause whose verb follows
        if !claim && k > a + 1 && CLAUSE_VERBS.contains(&l) && !self.relative_between(a, k) {
            return Some(self.before_adverb(a, k));
        }
        // "relief in exchange for closing the plant" (what is given in
        // return), "demands in response to the proposal" (why, not what)
        if !claim
            && l == "in"
            && k > a
            && matches!(
                (
                    self.tok(k + 1).map(|x| x.lower.as_ref()),
                    self.tok(k + 2).map(|x| x.lower.as_ref())
                ),
                (Some("exchange" | "return"), Some("for"))
                    | (Some("response" | "reply"), Some("to"))
                    | (Some("protest"), Some("at" | "against" | "over"))
            )
        {
            return Some(k);
        }
        if claim && matches!(l, "while" | "whereas") && k > a {
            return Some(k);
        }
        // "fishing demands as WTO seeks to avoid stalemate": "as" opens a clause
        if !claim && l == "as" && k > a && (self.clause_at(k + 1) || self.finite_clause_at(k + 1)) {
            return Some(k);
        }
        if !claim
            && l == "as"
            && self.tok(k + 1).is_some_and(|x| {
                matches!(
                    x.lower.as_ref(),
                    "a" | "an" | "part" | "the" | "long" | "well"
                )
            })
        {
            return Some(k);
        }
        // "complete and sign the treaty": one bare verb before "and" shares
        // the object with the next, so it is no verb phrase of its own
        let bare_verb = k == a + 1 && l == "and";
        if matches!(l, "and" | "but")
            && k > a
            && !(l == "and" && self.pairs_after_between(a, k))
            && (self.clause_at(k + 1) || (self.verb_phrase_at(k + 1) && !bare_verb))
        {
            return Some(k);
        }
        None
    }

    /// Whether the "and" at `k` joins the two sides of a "between" opened
    /// after `a` ("talks between the government and the opposition will ..."):
    /// the nearest "between" before it, with no "and" since.
    pub(super) fn pairs_after_between(&self, a: usize, k: usize) -> bool {
        (a..k)
            .rev()
            .take_while(|&j| !self.is(j, "and"))
            .any(|j| self.is(j, "between"))
    }

    /// ", reports say, ...", ", sources said, ...": an aside at `k` that
    /// attributes the report; where what it interrupts goes on.
    pub(super) fn attribution_aside(&self, k: usize) -> Option<usize> {
        if !self.is(k, ",") {
            return None;
        }
        let verb = (k + 2..(k + 5).min(self.tokens.len())).find(|&j| {
            self.lx
                .cue_forms(&self.tokens[j].lower)
                .iter()
                .any(|f| self.lx.cues[f.cue].frame == Frame::Speech && f.words.len() == 1)
        })?;
        let plain = (k + 1..verb).all(|j| self.tokens[j].is_word());
        (plain && self.is(verb + 1, ",") && self.tok(verb + 2).is_some_and(|t| t.is_word()))
            .then_some(verb + 2)
    }

    /// Where a phrase from `a` ends before the verb at `verb`: before an
    /// adverb on the verb ("a plan for a truce first came in ...").
    pub(super) fn before_adverb(&self, a: usize, verb: usize) -> usize {
        let adverb = verb > a + 1
            && matches!(
                self.tokens[verb - 1].lower.as_ref(),
                "first" | "also" | "still" | "now" | "later"
            );
        if adverb {
            verb - 1
        } else {
            verb
        }
    }

    /// A relative pronoun between `a` and `b`: a verb after it is the
    /// relative clause's own ("a plan that came too late").
    pub(super) fn relative_between(&self, a: usize, b: usize) -> bool {
        (a..b).any(|x| matches!(self.tokens[x].lower.as_ref(), "that" | "which" | "who"))
    }

    /// A new clause with its own subject and cue starts at `i`.
    pub(super) fn clause_at(&self, i: usize) -> bool {
        let Some(m) = self.mention_starting_at(i) else {
            return false;
        };
        let mut j = m.end;
        while self.tok(j).is_some_and(skippable) {
            j += 1;
        }
        self.tok(j)
            .is_some_and(|t| !self.lx.cue_forms(&t.lower).is_empty())
    }

    /// A finite clause with its own subject starts at `i`: a subject pronoun,
    /// an actor or a short noun phrase, then an auxiliary or finite "be"/"have"
    /// ("and they have less money", "and Brussels was still waiting", "and
    /// patients are at risk"). Without a tagger this is the cautious reading:
    /// a bare verb after the noun phrase is not taken as its verb.
    pub fn finite_clause_at(&self, i: usize) -> bool {
        let Some(first) = self.tok(i) else {
            return false;
        };
        let mut j = if matches!(
            first.lower.as_ref(),
            "he" | "she" | "it" | "they" | "we" | "i" | "you"
        ) {
            i + 1
        } else if let Some(m) = self.mention_starting_at(i) {
            m.end
        } else {
            // a noun phrase of a few plain words that opens with a determiner or
            // is plural: "our proposals", "patients" (not "damage would ...",
            // the second half of "loss and damage")
            // (the determiners include the possessives "its", "their", "our")
            let opens = DETERMINERS.contains(&first.lower.as_ref());
            let mut k = i;
            while self.tok(k).is_some_and(|t| {
                t.is_word()
                    && !is_finite_aux(t)
                    && !COMMA_STOPS.contains(&t.lower)
                    && !matches!(t.lower.as_ref(), "and" | "or" | "that")
            }) && k < i + 4
            {
                if k > i && (PREPOSITIONS.contains(&self.tokens[k].lower.as_ref())) {
                    return false;
                }
                k += 1;
            }
            let plural = k > i && {
                let l = self.tokens[k - 1].lower.as_ref();
                l.len() > 3 && l.ends_with('s') && !l.ends_with("ss")
            };
            if k == i || !(opens || plural) {
                return false;
            }
            k
        };
        while self
            .tok(j)
            .is_some_and(|t| t.is_word() && !t.cap && (ADVERBS.contains(&t.lower) || is_neg(t)))
        {
            j += 1;
        }
        self.tok(j).is_some_and(is_finite_aux)
    }

    /// A verb follows the subject ending at `e`: a lower-case word that is
    /// no preposition, past adverbs and auxiliaries ("Armenia amends",
    /// "Israel would withdraw"), not "Israel and Egypt".
    pub(super) fn clause_verb_after(&self, e: usize) -> bool {
        let mut j = e;
        while self.tok(j).is_some_and(skippable) {
            j += 1;
        }
        self.tok(j).is_some_and(|t| {
            t.is_word()
                && !t.cap
                && !PREPOSITIONS.contains(&t.lower.as_ref())
                && !matches!(t.lower.as_ref(), "and" | "or" | "but")
        })
    }

    /// Whether `a..b` reads as a main clause that a second one may be
    /// coordinated with: it has a finite verb and no subordinating word
    /// ("only if A are removed and B ..." keeps both under "if").
    pub fn main_clause(&self, a: usize, b: usize) -> bool {
        let toks = &self.tokens[a..b];
        !toks
            .iter()
            .any(|t| SUBORDINATORS.contains(&t.lower.as_ref()))
            && toks.iter().any(|t| {
                is_finite_aux(t)
                    || (t.is_word() && !t.cap && t.lower.len() > 4 && t.lower.ends_with("ed"))
            })
    }

    /// "... and urged Z to ...": a second verb phrase of the same subject.
    pub(super) fn verb_phrase_at(&self, i: usize) -> bool {
        let mut j = i;
        while self.tok(j).is_some_and(skippable) {
            j += 1;
        }
        self.tok(j).is_some_and(|t| {
            t.is_word()
                && !t.cap
                && self.lx.cue_forms(&t.lower).iter().any(|f| {
                    f.words
                        .iter()
                        .enumerate()
                        .all(|(k, w)| self.tok(j + k).is_some_and(|x| x.lower == w.as_str()))
                })
                && !t.lower.ends_with("ing")
        }) && !self
            .tok(j.saturating_sub(1))
            .is_some_and(|p| DETERMINERS.contains(&p.lower.as_ref()))
    }

    /// "..., he said", "..., the ministry said": an attribution starts at `i`.
    pub(super) fn attribution_at(&self, i: usize) -> bool {
        let i = if self.tok(i).is_some_and(|t| t.is_quote()) {
            i + 1
        } else {
            i
        };
        let speech_at = |j: usize| {
            self.tok(j).is_some_and(|t| {
                self.lx
                    .cue_forms(&t.lower)
                    .iter()
                    .any(|f| self.lx.cues[f.cue].frame == Frame::Speech && f.words.len() == 1)
            })
        };
        if let Some(m) = self.mention_starting_at(i) {
            let mut j = m.end;
            while self.tok(j).is_some_and(skippable) {
                j += 1;
            }
            return speech_at(j);
        }
        speech_at(i) && self.mention_starting_at(i + 1).is_some()
    }

    /// "A, B and C": a list continues after the comma at `i - 1`.
    pub(super) fn list_follows(&self, i: usize) -> bool {
        let mut k = i;
        while k < self.tokens.len() && k < i + 8 {
            let t = &self.tokens[k];
            if matches!(t.text, "," | ";" | "." | "—") || t.is_quote() {
                return false;
            }
            if t.lower == "and" || t.lower == "or" {
                return k > i;
            }
            if t.is_word() && OBJECT_STOPS.contains(&t.lower.as_ref()) {
                return false;
            }
            k += 1;
        }
        false
    }

    /// Drop leading "that", quotes and punctuation, and trailing punctuation,
    /// quotes and time phrases ("last week", "on Monday").
    pub(super) fn trim(&self, mut a: usize, mut b: usize) -> (usize, usize) {
        while a < b {
            let t = &self.tokens[a];
            // a leading "that" is a complementizer, unless it is the subject ("That is a non-starter")
            let demonstrative = t.lower == "that"
                && self.tok(a + 1).is_some_and(|x| {
                    matches!(
                        x.lower.as_ref(),
                        "is" | "was"
                            | "would"
                            | "will"
                            | "has"
                            | "had"
                            | "seems"
                            | "remains"
                            | "'s"
                    )
                });
            // "proposed instead a set of guidelines": the adverb is no content
            let instead = t.lower == "instead" && !self.is(a + 1, "of");
            if t.is_quote()
                || matches!(t.text, ":" | "," | "-" | "…")
                || (t.lower == "that" && !demonstrative)
                || instead
            {
                a += 1;
            } else {
                break;
            }
        }
        loop {
            if b <= a {
                break;
            }
            let t = &self.tokens[b - 1];
            let l = t.lower.as_ref();
            let trailing_punct =
                t.is_quote() || (t.kind == TokKind::Punct && t.text != ")" && t.text != "%");
            let trailing_adverb = (matches!(
                l,
                "yesterday" | "today" | "tonight" | "again" | "now" | "earlier" | "later"
            ) || (PREPOSITIONS.contains(&l)
                || matches!(l, "and" | "or" | "but"))
                && t.is_word()
                && !t.cap)
                && b - a > 1;
            if trailing_punct || trailing_adverb {
                b -= 1;
            } else if is_time_word(l)
                && b - a > 2
                && TIME_LEADS.contains(&self.tokens[b - 2].lower.as_ref())
                && !matches!(self.tokens[b - 2].lower.as_ref(), "the" | "that")
            {
                b -= 2;
            } else {
                break;
            }
        }
        (a, b)
    }

    /// The text of a token range, without quotation marks: the tokens with
    /// one space where white space parted them. (Tokens cover every
    /// character but white space, and `"`, `“` and `”` are tokens of their
    /// own, so no character needs decoding.)
    pub fn text_of(&self, a: usize, b: usize) -> String {
        let Some(range) = self.tokens.get(a..b).filter(|r| !r.is_empty()) else {
            return String::new();
        };
        let (first, last) = (range[0].start, range[range.len() - 1].end);
        // most spans hold no quotation mark and one space between words: the
        // words as written, copied at once
        if let Some(text) = self.text.get(first..last) {
            let b = text.as_bytes();
            let plain = range.windows(2).all(|p| {
                p[1].start == p[0].end
                    || (p[1].start == p[0].end + 1 && b.get(p[0].end - first) == Some(&b' '))
            }) && range.iter().all(|t| !matches!(t.text, "\"" | "“" | "”"));
            if plain {
                return text.to_string();
            }
        }
        let mut out = String::with_capacity(last - first);
        let mut space = false;
        let mut prev_end = range[0].start;
        for t in range {
            if t.start > prev_end {
                space = !out.is_empty();
            }
            prev_end = t.end;
            if matches!(t.text, "\"" | "“" | "”") {
                continue;
            }
            if space {
                out.push(' ');
                space = false;
            }
            out.push_str(t.text);
        }
        out
    }

    pub(super) fn holder_of(m: &Mention) -> Option<Holder> {
        match &m.referent {
            Referent::Actor(a) => Some(Holder::Actor(a.clone())),
            Referent::FirstPerson => Some(Holder::FirstPerson),
            Referent::Unresolved => None,
        }
    }

    /// Split "A and B" contents into their conjuncts, but not "trade and
    /// investment agreement" or "a complete and unconditional ceasefire".
    pub fn split_coordination(&self, a: usize, b: usize) -> Vec<(usize, usize)> {
        if (a..b).any(|k| matches!(self.tokens[k].lower.as_ref(), "between" | "both")) {
            return vec![(a, b)];
        }
        // "the aid it gives farmers and fishers": a clause inside, not a list of things
        let first_and = (a..b).find(|&k| self.is(k, "and"));
        if let Some(fa) = first_and {
            if (a..fa).any(|k| {
                is_pronoun(&self.tokens[k].lower)
                    && !matches!(
                        self.tokens[k].lower.as_ref(),
                        "its" | "their" | "his" | "her" | "our"
                    )
                    || matches!(self.tokens[k].lower.as_ref(), "that" | "which" | "who")
            }) {
                return vec![(a, b)];
            }
        }
        let mut parts = Vec::new();
        let mut s = a;
        let mut k = a;
        while k < b {
            let t = &self.tokens[k];
            let is_and = t.lower == "and"
                || (t.text == "," && self.tok(k + 1).is_some_and(|x| x.lower == "and"));
            // "Ukrainian forces, and not Russian ones, to leave": a contrast, no list
            let and_at = if t.text == "," { k + 1 } else { k };
            if is_and && !self.is(and_at + 1, "not") {
                let and_at = if t.text == "," { k + 1 } else { k };
                // count words only: quotation marks are no part of either conjunct
                let words =
                    |x: usize, y: usize| (x..y).filter(|&j| !self.tokens[j].is_quote()).count();
                let left = words(s, k);
                let right = words(and_at + 1, b);
                let right_is_phrase = self
                    .tok(and_at + 1)
                    .is_some_and(|t| DETERMINERS.contains(&t.lower.as_ref()));
                // "the research and production centre", also as the last item
                // after a comma ("the Yongbyon complex, the research and
                // production centre at its heart": an apposition, no list)
                let seg = (s..k)
                    .rev()
                    .find(|&j| self.tokens[j].text == ",")
                    .map_or(s, |c| c + 1);
                let adjective_pair = words(seg, k) == 2
                    && DETERMINERS.contains(&self.tokens[seg].lower.as_ref())
                    && right >= 2
                    && !right_is_phrase;
                // "a plan for settling the border question and breaking the
                // deadlock": two gerunds of one preposition, one plan
                let gerund = |j: usize| {
                    self.tok(j)
                        .is_some_and(|t| t.is_word() && !t.cap && t.lower.ends_with("ing"))
                };
                let parallel_gerunds = gerund(and_at + 1)
                    && (s.max(1)..k).any(|j| {
                        gerund(j) && PREPOSITIONS.contains(&self.tokens[j - 1].lower.as_ref())
                    });
                // "talks mediated by Saudi and American officials": the agents of
                // one participle; "groups like Hamas, Hezbollah and the Houthis":
                // examples of one thing
                let agents = (k.saturating_sub(3).max(seg)..k).any(|j| self.is(j, "by"));
                let examples = (s..k).any(|j| {
                    matches!(self.tokens[j].lower.as_ref(), "like" | "including")
                        || (self.is(j, "such") && self.is(j + 1, "as"))
                });
                // "release hostages to secure a ceasefire and relief": the "and"
                // is inside the purpose of the first, no second position
                // ("wants Chile to raise taxes and cut spending": the "to" of
                // whom it is asked of is no purpose)
                let asked_to = |j: usize| self.mention_starting_at(s).is_some_and(|m| m.end == j);
                let purpose = (s + 1..k).any(|j| {
                    self.is(j, "to")
                        && !asked_to(j)
                        && self.tok(j + 1).is_some_and(|t| {
                            t.is_word()
                                && !t.cap
                                && !DETERMINERS.contains(&t.lower.as_ref())
                                && !PREPOSITIONS.contains(&t.lower.as_ref())
                                && t.kind != TokKind::Number
                                // (a verb after "to" has its base form: "an end
                                // to sanctions and ..." is a list)
                                && !t.lower.ends_with('s')
                        })
                });
                if left >= 2
                    && right >= 1
                    && !adjective_pair
                    && !parallel_gerunds
                    && !agents
                    && !examples
                    && !purpose
                {
                    parts.push((s, k));
                    s = and_at + 1;
                    k = s;
                    continue;
                }
            }
            k += 1;
        }
        parts.push((s, b));
        // a list "A, B and C": split the commas of the first part too, unless the
        // items are single words ("constructive, honest and prompt work")
        if parts.len() > 1 {
            let (fs, fe) = parts[0];
            let commas: Vec<usize> = (fs..fe).filter(|&i| self.tokens[i].text == ",").collect();
            let one_word_items = commas.first().is_some_and(|&c| c == fs + 1);
            if one_word_items {
                return vec![(a, b)];
            }
            if !commas.is_empty() {
                let mut first = Vec::new();
                let mut s = fs;
                for c in commas {
                    if c > s {
                        first.push((s, c));
                    }
                    s = c + 1;
                }
                first.push((s, fe));
                parts.splice(0..1, first);
            }
        }
        parts.into_iter().filter(|(x, y)| y > x).collect()
    }

    pub(super) fn starts_noun_phrase(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| {
            DETERMINERS.contains(&t.lower.as_ref())
                || t.cap
                || t.kind == TokKind::Number
                || t.is_quote()
        })
    }

    /// "Kurti specifically demanded:": a cue that a colon ends, so what it
    /// takes is the list on the lines that follow. Its holder and stance.
    pub fn list_intro(&self) -> Option<(Holder, String, Stance)> {
        let n = self.tokens.len();
        if n < 3 || self.tokens[n - 1].text != ":" {
            return None;
        }
        let hit = self
            .find_cues()
            .into_iter()
            .rev()
            .find(|h| h.end == n - 1)?;
        let m = *self.find_subject(hit.start)?.first()?;
        let h = Self::holder_of(m)?;
        Some((h, m.text.clone(), self.lx.cues[hit.cue].stance))
    }

    /// "- The extradition of X, whom he holds responsible ...": one item of
    /// a list that a cue ending in a colon opened; the item's noun phrase
    /// is what the list's holder demands (or offers, rejects ...).
    pub fn list_item(&self, holder: &Holder, text: &str, stance: Stance) -> Option<Candidate> {
        let (a, b) = self.trim(1, self.content_end(1, false));
        (b > a).then(|| {
            Candidate::plain(
                (0, 1),
                stance,
                holder.clone(),
                text.to_string(),
                (a, b),
                "list-item",
            )
        })
    }

    /// Whose the rejected or backed thing is: "rejected Hamas's proposal",
    /// "the Republicans' latest offer", "the U.S. view that ...", "an offer
    /// from Stellantis", "a plan put forward by Egypt". Read off the start of
    /// the content `[a, b)` for any rule that left the target open.
    pub fn author_of(&self, a: usize, b: usize) -> Option<Actor> {
        if let Some(m) = self
            .mention_from(a)
            .filter(|m| m.form != MentionForm::Pronoun && m.end < b)
        {
            let possessive = self.is(m.end, "'s")
                || self.tok(m.end).is_some_and(|t| {
                    matches!(t.text, "'" | "’") && self.tokens[m.end - 1].lower.ends_with('s')
                });
            // "the U.S. view that", "a Hamas ceasefire offer": a name before its noun
            let before_noun = (m.end..(m.end + 3).min(b)).any(|j| {
                let l = self.tokens[j].lower.as_ref();
                self.lx.noun(l).is_some() || matches!(l, "view" | "views" | "position" | "terms")
            }) && self.tok(m.end).is_some_and(|t| t.is_word());
            if possessive || before_noun {
                return m.actor().cloned();
            }
        }
        let by = (a..b).find(|&j| self.is(j, "by") || self.is(j, "from"))?;
        self.mention_from(by + 1)
            .filter(|m| m.form != MentionForm::Pronoun)
            .and_then(|m| m.actor().cloned())
    }

    /// A noun phrase, not a bare verb, starts at `i`: "to talks", "to a
    /// summit", "to negotiations" (after "to", a plural or a nominal ending
    /// is no verb; "to discuss" is).
    pub(super) fn noun_like_at(&self, i: usize) -> bool {
        self.starts_noun_phrase(i)
            || self.tok(i).is_some_and(|t| {
                let l = t.lower.as_ref();
                t.is_word()
                    && ((l.ends_with('s') && !l.ends_with("ss") && l.len() > 3)
                        || l.ends_with("tion")
                        || l.ends_with("ment")
                        || l.ends_with("logue"))
            })
    }
}
