//! The holder of a cue: the subject to its left, coordination and lists.

use super::*;
use std::ops::ControlFlow;

impl<'a, 't> SentenceCtx<'a, 't> {
    /// The holder of a verb cue starting at `cs`: the subject to its left,
    /// across auxiliaries, adverbs, negation, time phrases, appositions and
    /// relative pronouns. Returns the mentions (several when coordinated).
    pub(super) fn find_subject(&self, cs: usize) -> Option<Vec<&'a Mention>> {
        let mut k = cs;
        let mut hops = 0;
        while k > 0 && hops < 40 {
            hops += 1;
            if let Some(next) = self.subject_skip(k) {
                k = next;
                continue;
            }
            let t = &self.tokens[k - 1];
            let l = t.lower.as_ref();
            if let Some(m) = self.mention_ending_at(k) {
                return self.subject_at_mention(m, cs);
            }
            if matches!(l, "who" | "which" | "that") {
                return self.subject_of_relative(k);
            }
            if t.text == "," || t.text == ")" {
                match self.subject_past_aside(k) {
                    ControlFlow::Break(found) => return found,
                    ControlFlow::Continue(next) => {
                        k = next;
                        continue;
                    }
                }
            }
            return self.subject_of_group_noun(k);
        }
        None
    }

    /// Where the search for a subject goes on past the word before `k`:
    /// an auxiliary, adverb or quotation mark, an intention ("plans to"), a
    /// passive report ("is said to"), a time ("on Monday"), "in turn".
    fn subject_skip(&self, k: usize) -> Option<usize> {
        let t = &self.tokens[k - 1];
        let l = t.lower.as_ref();
        if skippable(t) || t.is_quote() {
            return Some(k - 1);
        }
        // "Pakistan plans to invite India": the subject of an intention is
        // the subject of what is intended
        if INTENDS.contains(&l) && self.is(k, "to") {
            return Some(k - 1);
        }
        // "Netanyahu is said to be willing": a reporting verb in the passive
        if matches!(
            l,
            "said"
                | "reported"
                | "believed"
                | "expected"
                | "understood"
                | "thought"
                | "known"
                | "seen"
        ) && k >= 2
            && matches!(
                self.tokens[k - 2].lower.as_ref(),
                "is" | "are" | "was" | "were" | "been"
            )
        {
            return Some(k - 2);
        }
        if is_time_word(l) && k >= 2 && TIME_LEADS.contains(&self.tokens[k - 2].lower.as_ref()) {
            return Some(k - 2);
        }
        // "The Netherlands and Austria above all have ...", "Kyiv in turn said"
        if k >= 2
            && matches!(
                (self.tokens[k - 2].lower.as_ref(), l),
                ("above", "all") | ("in", "turn") | ("for", "now") | ("at", "least")
            )
        {
            return Some(k - 2);
        }
        None
    }

    /// The subject when a mention ends right before the cue's words: the
    /// mention, or what it hangs on (an apposition's head, a list's head, a
    /// person "of" a country, the head of a relative clause or of a
    /// prepositional phrase).
    fn subject_at_mention(&self, m: &'a Mention, cs: usize) -> Option<Vec<&'a Mention>> {
        // "with Israeli officials regarding the plan as unacceptable": the
        // subject of an absolute "with" phrase
        let with_at = self.article_start(m).wrapping_sub(1);
        if m.end == cs
            && self.tokens[cs].lower.ends_with("ing")
            && self.tok(with_at).is_some_and(|t| t.lower == "with")
        {
            return Some(self.coordinated(m));
        }
        // "Hungary and Poland, two countries opposing the deal", "Mark
        // Rutte, one of four leaders resisting": the group in apposition
        // is said of the names before it
        let of_one = m.start >= 2 && self.is(m.start - 1, "of") && self.is(m.start - 2, "one");
        let mut comma = if of_one {
            m.start.checked_sub(3)
        } else {
            m.start.checked_sub(1)
        };
        // (", however, one of ...": past a connective set off by commas)
        if let Some(c) = comma.filter(|&c| {
            c >= 2
                && self.is(c, ",")
                && self.is(c - 2, ",")
                && matches!(
                    self.tokens[c - 1].lower.as_ref(),
                    "however" | "though" | "meanwhile" | "too" | "also"
                )
        }) {
            comma = Some(c - 2);
        }
        let group = m
            .actor()
            .is_some_and(|a| a.kind == crate::model::ActorKind::Group);
        if let Some(head) = comma
            .filter(|&c| group && self.is(c, ","))
            .and_then(|c| self.mention_ending_at(c))
            .filter(|h| h.form == MentionForm::Name && !self.governed_by_preposition(h))
        {
            return Some(self.coordinated(head));
        }
        // ("representatives from the United States, Ukraine, and Russia
        // indicated": the last of a list after a preposition is no subject)
        // ("the army commanders of Pakistan and India agreed": the bodies
        // after "of" are whom the head speaks for, and hold it)
        let head = self.list_head(m);
        let listed_after_preposition = head.start != m.start
            && self.governed_by_preposition(head)
            && !self.is(self.article_start(head).wrapping_sub(1), "of");
        if !self.governed_by_preposition(m) && !listed_after_preposition {
            return Some(self.coordinated(m));
        }
        // "..., President Volodymyr Zelensky of Ukraine said": a person's
        // country after "of" belongs to the name before it
        if let Some(person) = m
            .start
            .checked_sub(1)
            .filter(|&o| self.is(o, "of"))
            .and_then(|o| self.mention_ending_at(o))
            .filter(|p| {
                p.form == MentionForm::Name
                    && p.actor()
                        .is_some_and(|a| a.kind == crate::model::ActorKind::Person)
                    && !self.governed_by_preposition(p)
            })
        {
            return Some(vec![person]);
        }
        // "Union members who spoke to Rolling Stone said": the head before "who"
        let rel = (m.start.saturating_sub(10)..m.start)
            .rev()
            .find(|&j| matches!(self.tokens[j].lower.as_ref(), "who" | "which"));
        if let Some(r) = rel {
            let e = if r > 0 && self.tokens[r - 1].text == "," {
                r - 1
            } else {
                r
            };
            return self.mention_ending_at(e).map(|m| self.coordinated(m));
        }
        // "Dockworkers at the port of Rotterdam on Monday rejected": the
        // head before a prepositional phrase, when it opens the clause
        let head = self.mentions.iter().rev().find(|h| {
            h.end < m.start
                && m.start - h.end <= 8
                && self
                    .tok(h.end)
                    .is_some_and(|p| PREPOSITIONS.contains(&p.lower.as_ref()))
                && (h.end..m.start).all(|j| self.tokens[j].is_word())
                && !self.governed_by_preposition(h)
                && (h.start == 0
                    || self.tokens[..h.start].iter().all(|t| {
                        // (after a dateline: "ROTTERDAM - Dockworkers ...")
                        !t.is_word()
                            || t.lower == "the"
                            || t.text.chars().all(|c| !c.is_lowercase())
                    }))
        });
        head.map(|h| self.coordinated(h))
    }

    /// "Putin, who agreed", "the plan that": the head of a relative clause.
    fn subject_of_relative(&self, k: usize) -> Option<Vec<&'a Mention>> {
        let mut k = k;
        k -= 1;
        if k > 0 && self.tokens[k - 1].text == "," {
            k -= 1;
        }
        let m = self.mention_ending_at(k)?;
        // "Rustem Umerov, a senior aide to Zelensky, who agreed": the
        // relative clause hangs on the head of the apposition
        if self.governed_by_preposition(m) {
            let head = (m.start.saturating_sub(12)..m.start)
                .rev()
                .find(|&j| self.tokens[j].text == ",")
                .and_then(|j| self.mention_ending_at(j));
            if let Some(h) = head {
                return Some(self.coordinated(h));
            }
        }
        Some(self.coordinated(m))
    }

    /// Past an apposition or relative clause set off by commas or a
    /// parenthesis ("Putin, whose forces ..., turned"): the subject found,
    /// or where the search goes on (past a short aside: ", though,").
    fn subject_past_aside(&self, k: usize) -> ControlFlow<Option<Vec<&'a Mention>>, usize> {
        let mut k = k;
        let t = &self.tokens[k - 1];
        // an apposition or relative clause: "Putin, whose forces ..., turned"
        let open = if t.text == ")" { "(" } else { "," };
        // "The Netherlands, backed by Sweden, Denmark and Austria, argued": the
        // subject stands before the first comma of the aside, at the clause start
        if open == "," {
            if let Some(subjects) = self.subject_before_aside(k) {
                return ControlFlow::Break(Some(subjects));
            }
        }
        let mut p = k - 1;
        while p > 0 && k - p < 30 {
            p -= 1;
            if self.tokens[p].text == open {
                // "The company's chief executive, Mark Holt, said": the
                // person a title or a noun for a person introduces
                if let Some(n) = self.named_apposition(p, k) {
                    return ControlFlow::Break(Some(vec![n]));
                }
                if let Some(m) = self.mention_ending_at(p) {
                    return ControlFlow::Break(Some(self.coordinated(m)));
                }
                // ", though,", ", for its part,": a short aside, read on to its left
                if k - p <= 5
                    && (p + 1..k - 1).all(|j| {
                        self.mention_at(j)
                            .is_none_or(|m| m.form == MentionForm::Pronoun)
                    })
                {
                    k = p;
                    break;
                }
                return ControlFlow::Break(None);
            }
        }
        if k == p {
            return ControlFlow::Continue(k);
        }
        ControlFlow::Break(None)
    }

    /// The name between the commas at `p` and `k - 1` when it is in
    /// apposition to a title or a noun for a person ("the union's chief
    /// negotiator, Bram de Wit,", "The African Union Commission chairman,
    /// Moussa Faki,"): that person is the subject.
    fn named_apposition(&self, p: usize, k: usize) -> Option<&'a Mention> {
        let before = self.tok(p.checked_sub(1)?)?;
        let introduces = before.is_word()
            && !before.cap
            && (self.lx.is_title(&before.lower)
                || self
                    .lx
                    .is_in(crate::lexicon::WordClass::PersonNouns, &before.lower));
        if !introduces || self.tokens[p].text != "," || !self.is(k - 1, ",") {
            return None;
        }
        // the title's phrase opens its clause: no cue before it ("to discuss
        // his remarks about his rival, Hillary Clinton, saying" is the
        // clause's own subject's)
        let clause_start = self.tokens[..p]
            .iter()
            .rposition(|t| t.text == "," || t.text == ";" || t.text == ":")
            .map_or(0, |c| c + 1);
        if self.tokens[clause_start..p].iter().any(|t| {
            t.is_word()
                && !t.cap
                && t.lower.starts_with(|c: char| c.is_alphabetic())
                && !self.lx.cue_forms(&t.lower).is_empty()
        }) {
            return None;
        }
        self.mention_starting_at(p + 1).filter(|n| {
            n.form == MentionForm::Name
                && n.end + 1 == k
                && n.actor().is_some_and(|a| {
                    matches!(
                        a.kind,
                        crate::model::ActorKind::Person | crate::model::ActorKind::Unknown
                    )
                })
        })
    }

    /// "The Netherlands, backed by Sweden, Denmark and Austria, argued": the
    /// subject stands before the first comma of the aside, at the clause
    /// start, and those who back it hold the position too.
    fn subject_before_aside(&self, k: usize) -> Option<Vec<&'a Mention>> {
        let lo = k.saturating_sub(30);
        let first = (lo..k - 1)
            .filter(|&p| self.tokens[p].text == ",")
            .find_map(|p| {
                self.mention_ending_at(p).filter(|m| {
                    m.start == 0
                        || self.tokens[..m.start].iter().all(|t| {
                            !t.is_word() || t.lower == "the" || t.lower == "but" || t.lower == "and"
                        })
                })
            });
        let m = first?;
        // "The operators' association, Deltalinqs, offered": a name in
        // apposition to a description says which body it is
        if m.form == MentionForm::Description && self.is(m.end, ",") && self.is(k - 1, ",") {
            if let Some(n) = self
                .mention_from(m.end + 1)
                .filter(|n| n.form == MentionForm::Name && n.end + 1 == k)
            {
                return Some(vec![n]);
            }
        }
        let mut subjects = self.coordinated(m);
        // "The Netherlands, backed by Sweden and Austria, argued":
        // those who back it hold the position too
        let aside = m.end + 1;
        let backers = matches!(
            (
                self.tok(aside).map(|t| t.lower.as_ref()),
                self.tok(aside + 1).map(|t| t.lower.as_ref())
            ),
            (Some("backed" | "supported" | "joined"), Some("by"))
                | (Some("along" | "together"), Some("with"))
        );
        if backers {
            let extra: Vec<&Mention> = self
                .mentions
                .iter()
                .filter(|b| {
                    b.start >= aside + 2
                        && b.end < k
                        && b.form == MentionForm::Name
                        && !subjects.iter().any(|s| s.start == b.start)
                })
                .collect();
            subjects.extend(extra);
        }
        Some(subjects)
    }

    /// "Kyiv's negotiators said", "the Kremlin's spokesman said", "Hamas
    /// officials said": the name a group noun or title belongs to.
    fn subject_of_group_noun(&self, k: usize) -> Option<Vec<&'a Mention>> {
        let l = self.tokens[k - 1].lower.as_ref();
        // "the FNV union said": a kind of institution after its name
        if (self.lx.is_body_word(l)
            || self.lx.is_title(l)
            || matches!(l, "committee" | "office" | "statement" | "spokesperson"))
            && k >= 2
        {
            if k >= 3 && self.tokens[k - 2].lower == "'s" {
                return self.mention_ending_at(k - 2).map(|m| vec![m]);
            }
            // "the WGA negotiating committee said", "Hamas officials said"
            for gap in 1..=2 {
                if k > gap {
                    if let Some(m) = self
                        .mention_ending_at(k - gap)
                        .filter(|m| m.form == MentionForm::Name)
                    {
                        if (k - gap..k - 1).all(|j| self.tokens[j].is_word() && !self.tokens[j].cap)
                        {
                            return Some(vec![m]);
                        }
                    }
                }
            }
        }
        None
    }

    /// The subject of the sentence's first clause: the first mention, at the
    /// start or after an introductory phrase, that a word (its verb) follows.
    pub fn main_subject(&self, before: usize) -> Option<&'a Mention> {
        // the clause the participle hangs on: after the last "but"/"while"/";" before it
        let clause_start = (0..before)
            .rev()
            .find(|&j| {
                matches!(
                    self.tokens[j].lower.as_ref(),
                    "but" | "while" | "whereas" | ";" | "although" | "though"
                )
            })
            .map(|j| j + 1)
            .unwrap_or(0);
        if let Some(m) = self
            .mentions
            .iter()
            .find(|m| m.start >= clause_start && m.end < before && !self.governed_by_preposition(m))
        {
            if clause_start > 0 {
                return Some(m);
            }
        }
        self.mentions
            .iter()
            .filter(|m| m.end < before && !self.governed_by_preposition(m))
            .find(|m| {
                // (past an apposition: "UAW members, or 8% of its workers, walked")
                let after = if self.is(m.end, ",") {
                    (m.end + 1..(m.end + 14).min(self.tokens.len()))
                        .find(|&j| self.is(j, ","))
                        .map_or(m.end, |j| j + 1)
                } else {
                    m.end
                };
                let verb_follows = self
                    .tok(after)
                    .is_some_and(|t| t.is_word() && !t.cap && t.lower != "'s" && t.lower != "and");
                // (the verb first: the scans of what comes before are dearer)
                if !verb_follows {
                    return false;
                }
                // "Some 12,700 UAW members ...": an amount before the subject
                // (or a time phrase: "In late May the Sudanese army pulled out")
                let time_intro = || {
                    self.tokens[..m.start].iter().all(|t| {
                        !t.is_word()
                            || t.kind == TokKind::Number
                            || is_time_word(&t.lower)
                            || matches!(
                                t.lower.as_ref(),
                                "in" | "on"
                                    | "at"
                                    | "by"
                                    | "since"
                                    | "late"
                                    | "early"
                                    | "mid"
                                    | "last"
                                    | "this"
                                    | "next"
                                    | "the"
                                    | "of"
                            )
                    }) && self.tokens[..m.start]
                        .iter()
                        .any(|t| is_time_word(&t.lower))
                };
                let starts_clause = m.start == 0
                    || self.tokens[..m.start].iter().all(|t| {
                        !t.is_word()
                            || t.kind == TokKind::Number
                            || matches!(
                                t.lower.as_ref(),
                                "the" | "some" | "about" | "around" | "nearly" | "almost"
                            )
                    })
                    || self.tok(m.start - 1).is_some_and(|t| t.text == ",")
                    || (m.start >= 2
                        && self.is(m.start - 1, "the")
                        && self.tokens[m.start - 2].text == ",")
                    || time_intro();
                starts_clause
            })
    }

    /// "talks with Russia" is no subject; "officials in Beijing" is.
    pub(super) fn governed_by_preposition(&self, m: &Mention) -> bool {
        // ("spoke to the BBC": past the article)
        let start = self.article_start(m);
        let Some(p) = start.checked_sub(1).and_then(|i| self.tok(i)) else {
            return false;
        };
        if !PREPOSITIONS.contains(&p.lower.as_ref()) {
            return false;
        }
        let before = start.checked_sub(2).and_then(|i| self.tok(i));
        let head_noun =
            before.is_some_and(|b| self.lx.is_group_noun(&b.lower) || self.lx.is_title(&b.lower));
        !(head_noun && matches!(p.lower.as_ref(), "in" | "for" | "of" | "from" | "at"))
    }

    /// Where the mention's noun phrase starts: at a "the" before it, if any
    /// ("the BBC", whose mention is "BBC").
    pub(super) fn article_start(&self, m: &Mention) -> usize {
        if m.start >= 2 && self.is(m.start - 1, "the") {
            m.start - 1
        } else {
            m.start
        }
    }

    /// Whether `m` is a possessive pronoun of the third person ("his",
    /// "its", "their"), as the mention pass resolved it.
    pub(super) fn possessive_pronoun(&self, m: &Mention) -> bool {
        m.form == MentionForm::Pronoun
            && m.end == m.start + 1
            && matches!(
                self.tokens[m.start].lower.as_ref(),
                "his" | "her" | "its" | "their"
            )
    }

    /// The first mention of a list "A, B, and C" that ends with `m`.
    pub(super) fn list_head(&self, m: &'a Mention) -> &'a Mention {
        let mut head = m;
        for step in 0..8 {
            let mut s = self.article_start(head);
            // (the list ends in "and": "Caracas, Maduro said" is no list)
            let and = s >= 1 && self.is(s - 1, "and");
            if and {
                s -= 1;
            } else if step == 0 {
                break;
            }
            if s >= 1 && self.is(s - 1, ",") {
                s -= 1;
            }
            if s == self.article_start(head) {
                break;
            }
            match self.mention_ending_at(s) {
                Some(prev) if prev.form == MentionForm::Name => head = prev,
                _ => break,
            }
        }
        head
    }

    /// "X and Y rejected": every coordinated subject.
    pub(super) fn coordinated(&self, m: &'a Mention) -> Vec<&'a Mention> {
        let mut out = vec![m];
        let mut start = m.start;
        loop {
            let mut s = start;
            if s >= 1 && self.is(s - 1, "the") {
                s -= 1;
            }
            // "Ukraine and its European partners": past the possessive
            if let Some(p) = self
                .mention_ending_at(s)
                .filter(|p| s > 0 && self.possessive_pronoun(p))
            {
                s = p.start;
            }
            // "A, B and C": the link next to the verb's subject must be "and";
            // "with Ukraine, Macron urged" is an aside, not a list
            let and = s >= 2 && self.is(s - 1, "and");
            let comma = s >= 2 && self.tokens[s - 1].text == "," && out.len() > 1;
            if !(and || comma) {
                break;
            }
            match self.mention_ending_at(s - 1) {
                Some(prev) if prev.form != MentionForm::Pronoun || prev.start > 0 => {
                    out.insert(0, prev);
                    start = prev.start;
                }
                _ => break,
            }
        }
        out
    }
}
