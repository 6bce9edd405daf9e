//! Finding the verb cues of a sentence.

use super::*;

impl<'a, 't> SentenceCtx<'a, 't> {
    /// Verb cues of the sentence, longest form first, not overlapping.
    pub fn find_cues(&self) -> Vec<CueHit> {
        let mut hits = Vec::new();
        let mut i = 0;
        let n = self.tokens.len();
        while i < n {
            let t = &self.tokens[i];
            // most words start no cue form: one lookup turns them away
            let forms = if t.is_word() {
                self.lx.cue_forms(&t.lower)
            } else {
                &[]
            };
            if forms.is_empty()
                || self
                    .mention_at(i)
                    .is_some_and(|m| m.form == MentionForm::Name)
            {
                i += 1;
                continue;
            }
            let found = forms.iter().find(|f| {
                f.words.len() <= n - i
                    && f.words
                        .iter()
                        .enumerate()
                        .all(|(k, w)| self.tokens[i + k].lower == w.as_str())
            });
            // "asked only for", "called again for": one adverb inside a
            // two-word cue; the cue then spans it
            // (or a quotation mark: stood "fully prepared" to begin talks)
            // (and "sincerely wished\" to see": after the first word of a longer one)
            let inner = i + 1 < n
                && (self.tokens[i + 1].is_quote()
                    || INNER_ADVERBS.contains(&self.tokens[i + 1].lower.as_ref()));
            let found_split = (inner && found.is_none_or(|f| f.words.len() == 1)).then(|| {
                forms.iter().find(|f| {
                    f.words.len() >= 2
                        && i + f.words.len() < n
                        && f.words[1..]
                            .iter()
                            .enumerate()
                            .all(|(k, w)| self.tokens[i + 2 + k].lower == w.as_str())
                })
            });
            if let Some(Some(f)) = found_split {
                let end = i + 1 + f.words.len();
                hits.push(CueHit {
                    start: i,
                    end,
                    cue: f.cue,
                    particle: None,
                });
                i = end;
                continue;
            }
            if found.is_none() {
                // "turned that idea down": the particle up to four words on
                // the object between verb and particle is a noun phrase, not "to walk" or "up"
                let np_follows = self.tok(i + 1).is_some_and(|x| {
                    (x.is_word() || x.is_quote())
                        && !PREPOSITIONS.contains(&x.lower.as_ref())
                        && !matches!(
                            x.lower.as_ref(),
                            "up" | "down" | "out" | "off" | "aside" | "forward"
                        )
                });
                let split = forms
                    .iter()
                    .filter(|f| np_follows && f.words.len() == 2 && self.lx.cues[f.cue].separable)
                    .find_map(|f| {
                        (i + 2..(i + 6).min(n))
                            .take_while(|&j| {
                                self.tokens[j - 1].is_word() || self.tokens[j - 1].is_quote()
                            })
                            .find(|&j| self.tokens[j].lower == f.words[1].as_str())
                            .map(|j| (f.cue, j))
                    });
                if let Some((cue, j)) = split {
                    hits.push(CueHit {
                        start: i,
                        end: i + 1,
                        cue,
                        particle: Some(j),
                    });
                    i = j + 1;
                    continue;
                }
            }
            match found {
                Some(f) => {
                    let nominal = self.nominal_use(i, f.words.len() == 1);
                    if !nominal {
                        hits.push(CueHit {
                            start: i,
                            end: i + f.words.len(),
                            cue: f.cue,
                            particle: None,
                        });
                    }
                    i += f.words.len();
                }
                None => i += 1,
            }
        }
        hits
    }

    /// Whether the cue word at `i` is used as a noun or adjective, not a
    /// verb: after a determiner ("the demand"), an amount ("a $250 billion
    /// offer") or a possessive ("the EU's proposed letter"), or a plural
    /// before its verb ("the frugal states are holding up").
    fn nominal_use(&self, i: usize, one_word: bool) -> bool {
        let t = &self.tokens[i];
        // "the demand", "a call", "its support": a noun, not a verb
        let prev = i.checked_sub(1).and_then(|p| self.tok(p));
        // "the EU's proposed side letter": a participle used as an adjective
        let attributive = t.lower.ends_with("ed")
            && prev.is_some_and(|p| p.lower == "'s")
            && i >= 2
            && self
                .mention_ending_at(i - 1)
                .is_some_and(|m| m.form == MentionForm::Name);
        // "a $250 billion offer", "the 21% offer": an amount before it
        // ("the $500 billion sought by the bloc": a participle with its agent)
        let amount = prev.is_some_and(|p| {
            p.kind == TokKind::Number
                || p.text == "%"
                || matches!(p.lower.as_ref(), "million" | "billion" | "trillion")
        }) && !(one_word && self.is(i + 1, "by"));
        // "the 'frugal' EU states are holding up": a plural noun before
        // its verb, not "states" as a verb
        let plural_subject = one_word
            && t.lower.ends_with('s')
            && self.tok(i + 1).is_some_and(|x| {
                matches!(
                    x.lower.as_ref(),
                    "are" | "were" | "have" | "had" | "will" | "would" | "can"
                )
            });
        // "both Nordic states gave up", "island states": the noun, which
        // as a verb would take "that" or a colon, after its subject
        let states_noun = t.lower == "states"
            && !self
                .tok(i + 1)
                .is_some_and(|x| matches!(x.lower.as_ref(), "that" | ":"))
            && prev.is_some_and(|p| {
                p.cap
                    || p.kind == TokKind::Number
                    || (p.is_word() && !is_pronoun(&p.lower) && self.mention_at(i - 1).is_none())
            });
        attributive
            || amount
            || plural_subject
            || states_noun
            || prev.is_some_and(|p| {
                DETERMINERS.contains(&p.lower.as_ref()) && !t.lower.ends_with("ed")
            })
    }
}
