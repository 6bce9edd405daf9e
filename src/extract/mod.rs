//! Extraction stage: finds the positions actors take in a document.
//!
//! Receives: a [`Document`] and the compiled [`Lexicon`]. Returns: the
//! [`Position`]s of the document, in sentence order, each with the sentence
//! span, the cue and the name of the rule that produced it. Must never: keep
//! state between documents (extraction is per document, so documents can be
//! processed in any order or in parallel), or panic on any input.
//!
//! Per sentence: tokens ([`tokens`]), actor mentions resolved against the
//! gazetteer and the document so far ([`mentions`]), then the rules
//! ([`rules`]): verb cues with their subject, content and target; nominal
//! cues ("Kyiv's demand for ..."); "according to X". A last pass over the
//! document gives quotations to their speakers: "we" inside a quotation is the
//! person quoted, and a quotation running over several sentences is
//! attributed once.

pub mod attribution;
pub mod mentions;
pub mod rules;
pub mod tokens;

use crate::lexicon::Lexicon;
use crate::model::{Document, Position, Stance};
use crate::sentences::split_sentences;
use mentions::{find_mentions, note_capitalised, Discourse, Mention, Referent};
use rules::{Candidate, Holder, SentenceCtx};
use std::fmt::Write as _;
use tokens::{quote_open_after, tokenize, TokKind, Token};

/// A fixed set of lower-case words, hashed on first use: the rules ask
/// "is this word one of ...?" for nearly every token, so a sketch of the
/// words turns most non-members away before hashing.
pub(crate) struct WordSet {
    words: &'static [&'static str],
    set: std::sync::OnceLock<(crate::lexicon::Sketch, rustc_hash::FxHashSet<&'static str>)>,
}

impl WordSet {
    pub(crate) const fn new(words: &'static [&'static str]) -> Self {
        WordSet {
            words,
            set: std::sync::OnceLock::new(),
        }
    }

    #[inline]
    pub(crate) fn contains<S: AsRef<str> + ?Sized>(&self, w: &S) -> bool {
        let w = w.as_ref();
        let (sketch, set) = self.set.get_or_init(|| {
            let mut sketch = crate::lexicon::Sketch::default();
            for w in self.words {
                sketch.insert(w);
            }
            (sketch, self.words.iter().copied().collect())
        });
        sketch.may_contain(w) && set.contains(w)
    }
}

/// The days of the week and the months: no names when capitalised, and
/// what a clock time goes on with ("1 a.m. Wednesday").
pub(crate) static CALENDAR: WordSet = WordSet::new(&[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]);

/// Extracts positions with one lexicon; cheap to share across threads.
#[derive(Debug, Clone, Copy)]
pub struct Extractor<'l> {
    lx: &'l Lexicon,
}

struct SentenceWork<'t> {
    start: usize,
    end: usize,
    text: &'t str,
    tokens: Vec<Token<'t>>,
    mentions: Vec<Mention>,
    quoted: Vec<bool>,
    /// Quotation block of each token (None outside quotations).
    blocks: Vec<Option<usize>>,
    candidates: Vec<Candidate>,
    /// What the attribution tagger found, as extraction used it.
    attributions: Vec<attribution::Attribution>,
    cut: bool,
}

impl<'t> SentenceWork<'t> {
    fn ctx<'a>(&'a self, lx: &'a Lexicon) -> SentenceCtx<'a, 't> {
        SentenceCtx {
            lx,
            text: self.text,
            tokens: &self.tokens,
            mentions: &self.mentions,
            quoted: &self.quoted,
        }
    }

    /// What the attribution tagger reads of the sentence.
    fn view<'a>(&'a self, lx: &'a Lexicon) -> attribution::SentenceView<'a, 't> {
        attribution::SentenceView {
            lx,
            tokens: &self.tokens,
            quoted: &self.quoted,
            mentions: &self.mentions,
            candidates: &self.candidates,
        }
    }

    /// Every word of the sentence lies inside one quotation.
    fn fully_quoted(&self) -> Option<usize> {
        let mut block = None;
        for (i, t) in self.tokens.iter().enumerate() {
            if t.kind == TokKind::Word || t.kind == TokKind::Number {
                match self.blocks[i] {
                    None => return None,
                    Some(b) => block = Some(b),
                }
            }
        }
        block
    }
}

fn same_holder(a: &Holder, b: &Holder) -> bool {
    match (a, b) {
        (Holder::Actor(x), Holder::Actor(y)) => x.name == y.name,
        _ => false,
    }
}

/// The inner holder is the body the speaker speaks for ("Wang said China
/// was prepared to ..."): the body's position is what the speaker reports,
/// so the report is no claim of its own.
fn speaks_for(inner: &Holder, speaker: &Holder) -> bool {
    match (inner, speaker) {
        (Holder::Actor(x), Holder::Actor(y)) => y.affiliation.as_deref() == Some(&*x.name),
        _ => false,
    }
}

impl<'l> Extractor<'l> {
    pub fn new(lx: &'l Lexicon) -> Self {
        Extractor { lx }
    }

    /// Sentences and tokens of `text`; `lowered` is `text` with ASCII
    /// letters in lower case (the same bytes otherwise), which the tokens'
    /// lower-case forms borrow from.
    fn prepare<'t>(&self, text: &'t str, lowered: &'t str) -> Vec<SentenceWork<'t>> {
        // (news sentences run to some 150 bytes)
        let mut work = Vec::with_capacity(text.len() / 128 + 1);
        let mut in_quote = false;
        let mut block = 0usize;
        let mut prev_end = 0usize;
        for s in split_sentences(text) {
            // a quotation does not run on across a paragraph break
            if text[prev_end.min(s.start)..s.start].contains('\n') {
                in_quote = false;
            }
            prev_end = s.end;
            let tokens = tokenize(s.text, &lowered[s.start..s.end], in_quote);
            let mut quoted = Vec::with_capacity(tokens.len());
            let mut blocks = Vec::with_capacity(tokens.len());
            let mut q = in_quote;
            for t in &tokens {
                match t.kind {
                    TokKind::OpenQuote => {
                        if !q {
                            block += 1;
                        }
                        q = true;
                        quoted.push(true);
                        blocks.push(Some(block));
                    }
                    TokKind::CloseQuote => {
                        quoted.push(true);
                        blocks.push(q.then_some(block));
                        q = false;
                    }
                    _ => {
                        quoted.push(q);
                        blocks.push(q.then_some(block));
                    }
                }
            }
            in_quote = quote_open_after(&tokens, in_quote);
            work.push(SentenceWork {
                start: s.start,
                end: s.end,
                text: s.text,
                tokens,
                mentions: Vec::new(),
                quoted,
                blocks,
                candidates: Vec::new(),
                attributions: Vec::new(),
                cut: s.cut,
            });
        }
        work
    }

    /// All positions of one document.
    pub fn extract(&self, doc: &Document) -> Vec<Position> {
        self.extract_reporting(doc).0
    }

    /// As [`Extractor::extract`], also counting the sentences cut at the
    /// length limit ([`crate::sentences::MAX_SENTENCE_BYTES`]), so the caller
    /// can warn.
    pub fn extract_reporting(&self, doc: &Document) -> (Vec<Position>, usize) {
        if doc.text.len() <= DOC_CHUNK_BYTES {
            return self.extract_whole_reporting(doc);
        }
        let mut cut_sentences = 0;
        // A document of many megabytes (a dump, a feed with no breaks) is read
        // in chunks cut at paragraph or sentence ends, so memory stays bounded;
        // pronouns do not reach across a cut.
        let mut out = Vec::new();
        let text = doc.text.as_str();
        let mut start = 0;
        while start < text.len() {
            let mut end = (start + DOC_CHUNK_BYTES).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            if end < text.len() {
                let piece = &text[start..end];
                end = start
                    + piece
                        .rfind('\n')
                        .or_else(|| piece.rfind(". ").map(|i| i + 1))
                        .or_else(|| piece.rfind(char::is_whitespace))
                        .filter(|&i| i > 0)
                        .map(|i| i + 1)
                        .unwrap_or(piece.len());
            }
            let part = Document {
                id: doc.id.clone(),
                text: text[start..end].to_string(),
                date: doc.date.clone(),
                source: doc.source.clone(),
                title: doc.title.clone(),
            };
            let (positions, cut) = self.extract_whole_reporting(&part);
            cut_sentences += cut;
            for mut p in positions {
                p.span = [p.span[0] + start, p.span[1] + start];
                out.push(p);
            }
            start = end;
        }
        (out, cut_sentences)
    }

    /// Positions and the number of sentences cut at the length limit.
    fn extract_whole_reporting(&self, doc: &Document) -> (Vec<Position>, usize) {
        let lowered = doc.text.to_ascii_lowercase();
        let (work, out) = self.read(doc, &lowered);
        let cut = work.iter().filter(|w| w.cut).count();
        (out, cut)
    }

    /// Reads the whole document: its sentences as they were analysed (tokens,
    /// mentions as resolved in reading order) and the positions found.
    fn read<'t>(
        &self,
        doc: &'t Document,
        lowered: &'t str,
    ) -> (Vec<SentenceWork<'t>>, Vec<Position>) {
        let (mut work, speakers) = self.read_rules(doc, lowered);
        if let Some(model) = self.lx.attribution {
            self.add_attributions(model, &mut work, &speakers);
        }
        let out = self.positions(doc, &work);
        (work, out)
    }

    /// The stages before the learned one: sentences, tokens, mentions and the
    /// rules' candidates, with quotations given to their speakers. Returns
    /// the sentences and who speaks each one's quotation, if anyone.
    fn read_rules<'t>(
        &self,
        doc: &'t Document,
        lowered: &'t str,
    ) -> (Vec<SentenceWork<'t>>, Vec<Option<(Holder, String)>>) {
        let mut work = self.prepare(&doc.text, lowered);
        let mut disc = Discourse::default();
        // (a few distinct capitalised words a sentence: sized once, not grown)
        disc.capitalised.reserve(work.len() * 4);
        for w in &work {
            note_capitalised(&w.tokens, &mut disc);
        }
        let mut block_speaker: rustc_hash::FxHashMap<usize, (Holder, String)> = Default::default();
        let mut sentence_speaker: Vec<Option<(Holder, String)>> = Vec::with_capacity(work.len());
        // the holder and stance of "Kurti specifically demanded:" while its list runs
        let mut list: Option<(Holder, String, Stance)> = None;
        for w in work.iter_mut() {
            w.mentions = find_mentions(self.lx, w.text, &w.tokens, &mut disc);
            let ctx = w.ctx(self.lx);
            let mut cands = ctx.candidates();
            let item = w
                .tokens
                .first()
                .is_some_and(|t| matches!(t.text, "-" | "•" | "*" | "–" | "—"));
            match (&list, item) {
                // (an item that opens with a position of its own is a clause, no item)
                (Some((holder, text, stance)), true) if cands.iter().all(|c| c.cue.0 > 3) => {
                    cands.extend(ctx.list_item(holder, text, *stance));
                }
                (_, true) => {}
                _ => list = ctx.list_intro(),
            }
            // what is asked of a party is not its position, so it covers no
            // report either ("X wants Ukraine to give up land, Zelensky says")
            drop_what_is_asked(&mut cands);
            // who speaks a quotation here, also when what they report replaces
            // the report: the next quoted sentence is theirs
            let quote_speaker = |cands: &[Candidate]| {
                cands
                    .iter()
                    .find(|c| {
                        c.speech
                            && matches!(c.holder, Holder::Actor(_))
                            && (c.content.0..c.content.1)
                                .any(|k| w.quoted.get(k).copied().unwrap_or(false))
                    })
                    .map(|c| (c.holder.clone(), c.holder_text.clone()))
            };
            let speaker_before = quote_speaker(&cands);
            resolve_reported_speech(&ctx, &mut cands);
            drop_what_is_asked(&mut cands);
            resolve_pronoun_contents(&w.tokens, &mut cands);
            // what is rejected or backed is aimed at its author
            for c in cands.iter_mut().filter(|c| {
                c.target.is_none() && matches!(c.stance, Stance::Reject | Stance::Support)
            }) {
                c.aim_at(ctx.author_of(c.content.0, c.content.1));
            }
            if let Some(sides) = &disc.sides {
                split_sides(&w.tokens, sides, &mut cands);
            }
            for c in cands.iter_mut() {
                if let Holder::Actor(a) = &mut c.holder {
                    // (a single word that speaks, "McCarthy said", is a surname too)
                    if a.kind == crate::model::ActorKind::Unknown
                        && (c.speech || a.name.split_whitespace().count() >= 2)
                    {
                        if let Some(p) = disc.promote_person(&a.name) {
                            *a = p;
                        }
                    }
                }
            }
            for c in &cands {
                if c.speech {
                    if let Holder::Actor(_) = c.holder {
                        for b in w.blocks.iter().flatten() {
                            block_speaker
                                .entry(*b)
                                .or_insert_with(|| (c.holder.clone(), c.holder_text.clone()));
                        }
                    }
                }
            }
            // the sentence's subjects are what the next sentence's "he" or "it" most
            // likely means: note them last (subjects outrank objects)
            if let Some(Referent::Actor(a)) = ctx.main_subject(w.tokens.len()).map(|m| &m.referent)
            {
                disc.note(a);
            }
            for c in &cands {
                if let Holder::Actor(a) = &c.holder {
                    disc.note(a);
                }
            }
            sentence_speaker.push(quote_speaker(&cands).or(speaker_before));
            w.candidates = cands;
        }
        // quotations attributed elsewhere in the same quotation block
        for (si, w) in work.iter_mut().enumerate() {
            let Some(block) = w.fully_quoted() else {
                continue;
            };
            // the quotation's own speaker, or the one quoted just before ("“A,” he said. “B.”")
            let previous = (si.saturating_sub(2)..si)
                .rev()
                .find_map(|k| sentence_speaker[k].clone());
            let Some((speaker, speaker_text)) = block_speaker.get(&block).cloned().or(previous)
            else {
                continue;
            };
            let mut resolved_any = false;
            for c in w.candidates.iter_mut() {
                if c.holder == Holder::FirstPerson {
                    c.holder = speaker.clone();
                    c.holder_text = speaker_text.clone();
                    resolved_any = true;
                }
            }
            if resolved_any
                || w.candidates
                    .iter()
                    .any(|c| matches!(c.holder, Holder::Actor(_)))
            {
                continue;
            }
            let ctx = w.ctx(self.lx);
            let n = w.tokens.len();
            let (mut a, mut b) = (0, n);
            while a < b && !w.tokens[a].is_word() && w.tokens[a].kind != TokKind::Number {
                a += 1;
            }
            while b > a && !w.tokens[b - 1].is_word() && w.tokens[b - 1].kind != TokKind::Number {
                b -= 1;
            }
            if b <= a + 2 {
                continue;
            }
            let (stance, target) = match ctx.modal_demand(a, b) {
                Some(t) => (Stance::Demand, t),
                None => (Stance::Claim, None),
            };
            w.candidates.push(Candidate {
                cue: (a, a),
                stance,
                holder: speaker,
                holder_text: speaker_text,
                content: (a, b),
                content_extra: None,
                target,
                rule: "quotation-continued",
                negated: false,
                speech: true,
            });
        }
        // "“I believe it was a productive discussion. There is no agreement
        // yet,” McCarthy said": one quotation, one report. When the quoted
        // sentence before already holds a position of the same speaker, the
        // bare claim of the attributed last sentence adds none.
        for si in 1..work.len() {
            let (before, rest) = work.split_at_mut(si);
            let (prev, w) = (&before[si - 1], &mut rest[0]);
            let Some(block) = prev.fully_quoted() else {
                continue;
            };
            if !w.blocks.contains(&Some(block)) {
                continue;
            }
            let held = |h: &Holder| {
                matches!(h, Holder::Actor(_)) && prev.candidates.iter().any(|c| c.holder == *h)
            };
            w.candidates.retain(|c| {
                !(c.rule == "speech-quote-first" && c.stance == Stance::Claim && held(&c.holder))
            });
        }
        for (si, w) in work.iter().enumerate() {
            if let Some(speaker) = w.fully_quoted().and_then(|b| block_speaker.get(&b)) {
                sentence_speaker[si] = Some(speaker.clone());
            }
        }
        (work, sentence_speaker)
    }

    /// The positions of the read sentences, in sentence order.
    fn positions(&self, doc: &Document, work: &[SentenceWork<'_>]) -> Vec<Position> {
        let mut out = Vec::new();
        for w in work {
            let ctx = w.ctx(self.lx);
            // (a sentence holds a few positions: its own are compared in place)
            let first = out.len();
            for c in &w.candidates {
                let Holder::Actor(actor) = &c.holder else {
                    continue;
                };
                // a question asserts nothing: "Kyiv replied “Why wait?”"
                let end = c.content_extra.map_or(c.content.1, |e| e.1);
                let asked = w.tokens[end..]
                    .iter()
                    .find(|t| !t.is_quote())
                    .is_some_and(|t| t.text == "?");
                if c.stance == Stance::Claim && asked {
                    continue;
                }
                let mut content = ctx.text_of(c.content.0, c.content.1);
                if let Some((a, b)) = c.content_extra {
                    content.push(' ');
                    content.push_str(&ctx.text_of(a, b));
                }
                if content.is_empty()
                    || out[first..].iter().any(|p: &Position| {
                        p.stance == c.stance && *p.actor == *actor.name && p.content == content
                    })
                {
                    continue;
                }
                let cue = if c.cue.1 > c.cue.0 {
                    ctx.text_of(c.cue.0, c.cue.1)
                } else {
                    String::from("(quotation)")
                };
                out.push(Position {
                    doc: doc.id.clone(),
                    actor: actor.name.to_string(),
                    stance: c.stance,
                    content,
                    target: c.target.as_ref().map(|t| t.name.to_string()),
                    span: [w.start, w.end],
                    sentence: w.text.to_string(),
                    cue,
                    rule: c.rule.to_string(),
                    negated: c.negated,
                    actor_kind: actor.kind,
                    actor_mention: c.holder_text.clone(),
                    affiliation: actor.affiliation.as_deref().map(str::to_string),
                    date: doc.date.clone(),
                });
            }
        }
        out
    }

    /// A human-readable account of how the text was read: sentences, tokens,
    /// actor mentions, cues and the rule behind each position.
    pub fn explain(&self, text: &str) -> String {
        // the mentions shown are those the extraction resolved, in its reading order
        let doc = Document::new("explain", text);
        let lowered = text.to_ascii_lowercase();
        let (work, positions) = self.read(&doc, &lowered);
        let mut s = String::new();
        for (i, w) in work.iter().enumerate() {
            let ctx = w.ctx(self.lx);
            let _ = writeln!(s, "sentence {} [{}..{}]: {}", i + 1, w.start, w.end, w.text);
            let toks: Vec<String> = w
                .tokens
                .iter()
                .enumerate()
                .map(|(k, t)| {
                    if w.quoted[k] {
                        format!("«{}»", t.text)
                    } else {
                        t.text.to_string()
                    }
                })
                .collect();
            let _ = writeln!(s, "  tokens: {}", toks.join(" "));
            for m in &w.mentions {
                let who = match &m.referent {
                    mentions::Referent::Actor(a) => format!(
                        "{} ({}{})",
                        a.name,
                        a.kind.as_str(),
                        a.affiliation
                            .as_ref()
                            .map(|x| format!(", of {x}"))
                            .unwrap_or_default()
                    ),
                    mentions::Referent::FirstPerson => "the speaker".to_string(),
                    mentions::Referent::Unresolved => "unresolved".to_string(),
                };
                let _ = writeln!(s, "  actor: \"{}\" -> {}", m.text, who);
            }
            for c in ctx.find_cues() {
                let e = &self.lx.cues[c.cue];
                let _ = writeln!(
                    s,
                    "  cue: \"{}\" ({}, {:?})",
                    ctx.text_of(c.start, c.end),
                    e.stance,
                    e.frame
                );
            }
            // (the tagger's findings as extraction used them, not tagged again:
            // by now the sentence's candidates include the tagger's own)
            for a in &w.attributions {
                let _ = writeln!(s, "  {}", a.describe(|x, y| ctx.text_of(x, y)));
            }
            if !positions.iter().any(|p| p.span == [w.start, w.end]) {
                let _ = writeln!(s, "  no position: {}", why_none(&ctx, w, &w.attributions));
            }
            for p in positions.iter().filter(|p| p.span == [w.start, w.end]) {
                let _ = writeln!(
                    s,
                    "  position: {} {} \"{}\"{} [rule {}, cue \"{}\"]",
                    p.actor,
                    p.stance,
                    p.content,
                    p.target
                        .as_ref()
                        .map(|t| format!(" -> target {t}"))
                        .unwrap_or_default(),
                    p.rule,
                    p.cue
                );
            }
        }
        s
    }
}

/// Why a sentence gave no position, as far as the stages can tell: for
/// `explain`, so a miss can be traced (and reported) without reading code.
fn why_none(
    ctx: &SentenceCtx<'_, '_>,
    w: &SentenceWork<'_>,
    attributions: &[attribution::Attribution],
) -> String {
    let cues = ctx.find_cues();
    let actors: Vec<&str> = w
        .mentions
        .iter()
        .filter(|m| m.actor().is_some())
        .map(|m| m.text.as_str())
        .collect();
    if cues.is_empty() && attributions.is_empty() {
        return "no cue: no word of the sentence starts a lexicon cue, and the attribution \
                model marks none (add a cue with --lexicon)"
            .to_string();
    }
    if let Some(a) = attributions.iter().find(|a| a.source.is_some()) {
        let (x, y) = a.source.unwrap_or_default();
        return format!(
            "the attribution model's source \"{}\" names no actor (anonymous sourcing, or \
             a pronoun with nothing before it to stand for)",
            ctx.text_of(x, y)
        );
    }
    let Some(cue) = cues.first() else {
        return "the attribution model marks a cue but no source in the sentence".to_string();
    };
    let cue_text = ctx.text_of(cue.start, cue.end);
    if actors.is_empty() {
        return format!(
            "the cue \"{cue_text}\" is here but no actor is mentioned (a name the gazetteer \
             lacks can be added with --lexicon)"
        );
    }
    match ctx
        .main_subject(cue.start)
        .and_then(|m| m.actor().map(|_| m))
    {
        None => format!(
            "the cue \"{cue_text}\" has no actor as its subject before it ({} stands \
             elsewhere in the sentence)",
            actors
                .iter()
                .map(|a| format!("\"{a}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Some(m) => format!(
            "the cue \"{cue_text}\" and its subject \"{}\" are found, but no rule reads what \
             follows the cue as its content; please report the sentence",
            m.text
        ),
    }
}

/// Reported speech: a position the speaker takes inside what they said
/// replaces the bare claim ("X said it wants Y" is a demand, not also a
/// claim); "we" inside it is the speaker; a report of several clauses ("A,
/// and B") is read clause by clause, and a clause with a modal ("must") or a
/// stated condition ("is a precondition") is a demand.
/// "The US wants Ukraine to give up land", "urged Putin to accept a truce":
/// what a demand asks of its target is not the target's own position.
fn drop_what_is_asked(cands: &mut Vec<Candidate>) {
    let asked: Vec<((usize, usize), crate::model::Actor)> = cands
        .iter()
        .filter(|c| c.stance == Stance::Demand)
        .filter_map(|c| c.target.clone().map(|t| (c.content, t)))
        .collect();
    if asked.is_empty() {
        return;
    }
    cands.retain(|c| {
        !asked.iter().any(|&((a, b), ref t)| {
            a <= c.cue.0 && c.cue.0 < b && matches!(&c.holder, Holder::Actor(h) if h == t)
        })
    });
}

/// "Both sides blame each other", "Both of those companies have offered
/// raises": a position of both parties is a position of each, and "each
/// other" is the other one.
fn split_sides(
    tokens: &[Token<'_>],
    (name, first, second): &(String, crate::model::Actor, crate::model::Actor),
    cands: &mut Vec<Candidate>,
) {
    let mut out = Vec::with_capacity(cands.len());
    for c in cands.drain(..) {
        let both = matches!(&c.holder, Holder::Actor(a) if *a.name == **name
            && a.kind == crate::model::ActorKind::Group);
        if !both {
            out.push(c);
            continue;
        }
        let mutual = (c.content.0..c.content.1.min(c.content.0 + 3)).any(|j| {
            tokens
                .get(j)
                .is_some_and(|t| t.lower == "other" || t.lower == "another")
        });
        for (me, other) in [(first, second), (second, first)] {
            let mut one = c.clone();
            one.holder = Holder::Actor(me.clone());
            if mutual {
                one.target = Some(other.clone());
            }
            out.push(one);
        }
    }
    *cands = out;
}

/// "Ministers put forward a 4.3% rise, but the unions found it too little":
/// a content that is only a pronoun is what an earlier position of the same
/// sentence was about, the nearest one before it. A claim's content is a
/// clause, never an antecedent.
fn resolve_pronoun_contents(tokens: &[Token<'_>], cands: &mut [Candidate]) {
    let is_pronoun_content = |c: &Candidate| {
        c.content.1 == c.content.0 + 1
            && c.content_extra.is_none()
            && tokens
                .get(c.content.0)
                .is_some_and(|t| matches!(t.lower.as_ref(), "it" | "them"))
    };
    for i in 0..cands.len() {
        if !is_pronoun_content(&cands[i]) {
            continue;
        }
        let at = cands[i].content.0;
        let antecedent = cands
            .iter()
            .filter(|c| {
                c.stance != Stance::Claim
                    && c.content.1 <= at
                    && c.content.1 > c.content.0 + 1
                    && c.content_extra.is_none()
                    && !is_pronoun_content(c)
            })
            .max_by_key(|c| c.content.1)
            .map(|c| (c.content, c.holder.clone()));
        if let Some((range, holder)) = antecedent {
            cands[i].content = range;
            // what the unions found too little is the ministers' offer: aimed at them
            if let Holder::Actor(h) = holder {
                cands[i].aim_at(Some(h));
            }
        }
    }
}

fn resolve_reported_speech(ctx: &SentenceCtx<'_, '_>, cands: &mut Vec<Candidate>) {
    let inside = |c: &Candidate, s: &Candidate| {
        let within = |(a, b): (usize, usize)| c.cue.0 >= a && c.cue.1 <= b;
        within(s.content) || s.content_extra.is_some_and(within)
    };
    let mut added: Vec<Candidate> = Vec::new();
    for si in 0..cands.len() {
        if !cands[si].speech {
            continue;
        }
        // "Putin insisted that “...,” the Kremlin said": the quotation is
        // what the nearer report gives; the attribution after it adds none
        let (qa, qb) = cands[si].content;
        let nearer = cands[si].rule == "speech-quote-first"
            && cands.iter().enumerate().any(|(ci, c)| {
                ci != si
                    && c.cue.1 <= qa
                    && qa <= c.cue.1 + 2
                    && c.content.0 <= qa + 2
                    && c.content.1 + 2 >= qb
                    && matches!(c.holder, Holder::Actor(_))
            });
        if nearer {
            cands[si].holder = Holder::FirstPerson; // dropped at output
            cands[si].speech = false;
            continue;
        }
        let speaker = cands[si].holder.clone();
        let speaker_text = cands[si].holder_text.clone();
        let mut covered: Vec<usize> = Vec::new();
        for ci in 0..cands.len() {
            if ci == si || !inside(&cands[ci], &cands[si]) {
                continue;
            }
            // "X said it would ...": a pronoun opening the report is the speaker
            // (inside quotation marks "he" is somebody else: the speaker says "I")
            let pronoun_at_start = mentions::is_pronoun(&cands[ci].holder_text.to_lowercase())
                && !ctx
                    .quoted
                    .get(cands[si].content.0)
                    .copied()
                    .unwrap_or(false)
                && ctx
                    .tokens
                    .get(cands[si].content.0)
                    .is_some_and(|t| t.text == cands[ci].holder_text)
                && compatible_pronoun(&cands[ci].holder_text, &speaker);
            // "arguing that schools needed an increase": what a speaker says a
            // described group needs is the speaker's demand for it
            let group_need = matches!(&cands[ci].holder, Holder::Actor(a)
                    if a.kind == crate::model::ActorKind::Group)
                && cands[ci].holder_text.chars().all(|c| !c.is_uppercase())
                && cands[ci].stance == Stance::Demand
                && ctx
                    .tokens
                    .get(cands[ci].cue.0)
                    .is_some_and(|t| matches!(t.lower.as_ref(), "need" | "needs" | "needed"));
            // "“... now he wants to shift the debate,” McCarthy said": inside
            // the speaker's own quotation "he" is somebody else, whom the
            // pronoun pass cannot tell; the quotation stays a claim
            let quoted = |i: usize| ctx.quoted.get(i).copied().unwrap_or(false);
            let quoted_third = quoted(cands[ci].cue.0)
                && quoted(cands[si].content.0)
                && matches!(cands[ci].holder_text.to_lowercase().as_str(), "he" | "she")
                && same_holder(&cands[ci].holder, &speaker);
            if quoted_third {
                cands[ci].holder = Holder::FirstPerson; // dropped at output
                cands[ci].holder_text = String::new();
                continue;
            }
            if cands[ci].holder == Holder::FirstPerson || pronoun_at_start || group_need {
                cands[ci].holder = speaker.clone();
                cands[ci].holder_text = speaker_text.clone();
            }
            // "Wang said China was prepared to ...": the body the speaker speaks
            // for holds it, and the report is that position, no claim besides
            // ("said their demand on X would be met": a claim about a demand, not
            // a report of it; the demand and the claim both stand)
            if (same_holder(&cands[ci].holder, &speaker) || speaks_for(&cands[ci].holder, &speaker))
                // ("had made proposals, among them X": what was made is reported)
                && (!cands[ci].rule.starts_with("nominal") || cands[ci].rule == "nominal-examples")
            {
                covered.push(cands[ci].cue.0);
            }
        }
        // an accusation ("accused Russia of stalling") is one content in two
        // pieces, not a report to split into clauses
        if cands[si].stance != Stance::Claim || cands[si].content_extra.is_some() {
            continue;
        }
        let (a, b) = cands[si].content;
        // clauses of the report: "A, and B", "A; B", "A, but B"
        let mut clauses = Vec::new();
        let mut start = a;
        for j in a..b {
            let t = &ctx.tokens[j];
            let boundary = t.text == ";"
                || (t.text == ","
                    && ctx
                        .tokens
                        .get(j + 1)
                        .is_some_and(|x| x.lower == "and" || x.lower == "but")
                    && j + 1 < b
                    && ctx.tokens.get(j + 2).is_none_or(|x| x.lower != "not"));
            // "A and B" without a comma: two clauses when B has its own subject
            // and finite verb ("impacts are harsher and they have less money")
            let bare_and = t.lower == "and"
                && j > a
                && ctx.tokens[j - 1].text != ","
                && j + 3 < b
                && !(start..j).any(|k| matches!(ctx.tokens[k].lower.as_ref(), "both" | "between"))
                && ctx.finite_clause_at(j + 1)
                && ctx.main_clause(start, j)
                && !ctx.mentions.iter().any(|m| m.end == j);
            if (boundary || bare_and) && j > start + 2 {
                clauses.push((start, j));
                start = if t.text == ";" || bare_and {
                    j + 1
                } else {
                    j + 2
                };
            }
        }
        clauses.push((start, b));
        let mut replacement = Vec::new();
        for (ca, cb) in clauses {
            if cb <= ca + 1 || covered.iter().any(|&c| c >= ca && c < cb) {
                continue;
            }
            let mut c = cands[si].clone();
            c.content = (ca, cb);
            // "That is a non-starter" rejects it; praise in a report stays a claim
            if let Some((st, (x, y))) = ctx
                .copula_evaluation(ca, cb)
                .filter(|(st, _)| *st == Stance::Reject)
            {
                c.stance = st;
                c.rule = "speech-evaluation";
                c.content = (x, y);
                c.content_extra = None;
            } else if let Some((x, y)) = ctx.stated_condition(ca, cb) {
                c.stance = Stance::Demand;
                c.rule = "speech-condition";
                c.content = (x, y);
                c.content_extra = None;
            } else if let Some((x, y)) = ctx.stated_wish(ca, cb) {
                c.stance = Stance::Demand;
                c.rule = "speech-wish";
                c.content = (x, y);
                c.content_extra = None;
            } else if let Some(target) = ctx.modal_demand(ca, cb) {
                c.stance = Stance::Demand;
                c.rule = "speech-modal";
                let own =
                    matches!((&target, &speaker), (Some(t), Holder::Actor(s)) if t.name == s.name);
                if !own {
                    c.target = target;
                }
            }
            // "the 21% offer from Stellantis and the other terms fall short":
            // each thing judged is rejected
            if c.rule == "speech-evaluation" {
                let parts = ctx.split_coordination(c.content.0, c.content.1);
                if parts.len() > 1 {
                    for (pa, pb) in parts {
                        let mut p = c.clone();
                        p.content = (pa, pb);
                        replacement.push(p);
                    }
                    continue;
                }
            }
            replacement.push(c);
        }
        if replacement.is_empty() {
            cands[si].holder = Holder::FirstPerson; // dropped at output: covered by what it reports
            cands[si].speech = false;
            continue;
        }
        let first = replacement.remove(0);
        let extra = cands[si]
            .content_extra
            .filter(|_| first.content == cands[si].content);
        cands[si] = Candidate {
            content_extra: extra,
            ..first
        };
        added.extend(replacement);
    }
    cands.extend(added);
}

/// Whether a pronoun can stand for the speaker: "he"/"she" for a person,
/// "it"/"they" for anything else.
fn compatible_pronoun(pronoun: &str, speaker: &Holder) -> bool {
    let Holder::Actor(a) = speaker else {
        return false;
    };
    let person = a.kind == crate::model::ActorKind::Person;
    match pronoun.to_lowercase().as_str() {
        "he" | "she" => person,
        "it" | "they" => !person,
        _ => false,
    }
}

/// Extract the positions of a single text (document id `text`).
pub fn extract_text(lx: &Lexicon, text: &str) -> Vec<Position> {
    Extractor::new(lx).extract(&Document::new("text", text))
}

/// Extract the positions of a stream of documents on `threads` threads,
/// handing each document's result to `sink` in input order.
///
/// Documents are taken in batches (at most [`BATCH_DOCS`] documents or
/// [`BATCH_BYTES`] of text), so memory stays bounded however long the stream;
/// within a batch, documents are extracted in parallel. Extraction is per
/// document and stateless, so the output is identical for any thread count.
pub fn extract_stream<I, F>(lx: &Lexicon, docs: I, threads: usize, sink: F) -> crate::Result<()>
where
    I: Iterator<Item = crate::Result<Document>>,
    F: FnMut(crate::Result<Extracted>) -> crate::Result<()>,
{
    extract_stream_map(lx, docs, threads, |x| x, sink)
}

/// As [`extract_stream`], with a step `map` that runs on the worker thread
/// right after each document is extracted (rendering its output, say), so
/// that work is parallel too and what the extraction allocated is freed on
/// the thread that allocated it while it is still in the cache.
pub fn extract_stream_map<I, T, M, F>(
    lx: &Lexicon,
    docs: I,
    threads: usize,
    map: M,
    mut sink: F,
) -> crate::Result<()>
where
    I: Iterator<Item = crate::Result<Document>>,
    T: Send,
    M: Fn(Extracted) -> T + Sync,
    F: FnMut(crate::Result<T>) -> crate::Result<()>,
{
    use rayon::prelude::*;
    let ex = Extractor::new(lx);
    if threads <= 1 {
        // one document at a time: what it allocates is used and freed while
        // it is still in the cache (holding a batch of results until they
        // were written cost a sixth of the run in cache misses)
        for d in docs {
            sink(d.map(|doc| map(ex.extract_extracted(doc))))?;
        }
        return Ok(());
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| crate::Error::Usage(format!("cannot start {threads} threads: {e}")))?;
    let mut docs = docs.peekable();
    let mut next_batch = || {
        let mut batch = Vec::new();
        let mut bytes = 0;
        for d in docs.by_ref() {
            bytes += d.as_ref().map(|d| d.text.len()).unwrap_or(0);
            batch.push(d);
            if batch.len() >= BATCH_DOCS || bytes >= BATCH_BYTES {
                break;
            }
        }
        batch
    };
    // this thread hands the previous batch's results to the sink (writing,
    // graph building) and reads the next batch while the pool extracts the
    // current one
    let mut pending: Vec<crate::Result<T>> = Vec::new();
    let mut batch = next_batch();
    loop {
        if batch.is_empty() && pending.is_empty() {
            return Ok(());
        }
        let (done, next) = std::thread::scope(|s| -> crate::Result<_> {
            let worker = s.spawn(|| {
                pool.install(|| {
                    batch
                        .into_par_iter()
                        .map(|d| d.map(|doc| map(ex.extract_extracted(doc))))
                        .collect::<Vec<_>>()
                })
            });
            for r in pending.drain(..) {
                sink(r)?;
            }
            let next = next_batch();
            let done = worker
                .join()
                .unwrap_or_else(|p| std::panic::resume_unwind(p));
            Ok((done, next))
        })?;
        pending = done;
        batch = next;
    }
}

/// One document's result in a stream: the document, its positions, and how
/// many of its sentences were cut at the length limit.
#[derive(Debug)]
pub struct Extracted {
    pub doc: Document,
    pub positions: Vec<Position>,
    pub cut_sentences: usize,
}

impl Extractor<'_> {
    fn extract_extracted(&self, doc: Document) -> Extracted {
        let (positions, cut_sentences) = self.extract_reporting(&doc);
        Extracted {
            doc,
            positions,
            cut_sentences,
        }
    }
}

/// Documents longer than this are read in chunks (see [`Extractor::extract`]).
pub const DOC_CHUNK_BYTES: usize = 1 << 20;

/// Largest number of documents extracted together.
pub const BATCH_DOCS: usize = 256;
/// Largest amount of text extracted together.
pub const BATCH_BYTES: usize = 8 << 20;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Position;

    /// The rules' positions: these tests are the rule stage's own (the
    /// learned stage has its tests in `attribution`).
    fn positions(text: &str) -> Vec<Position> {
        extract_text(&Lexicon::builtin().without_model(), text)
    }

    /// (actor, stance, content, target) of every position, for compact asserts.
    fn found(text: &str) -> Vec<(String, Stance, String, Option<String>)> {
        positions(text)
            .into_iter()
            .map(|p| (p.actor, p.stance, p.content, p.target))
            .collect()
    }

    fn has(text: &str, actor: &str, stance: Stance, content: &str) -> bool {
        found(text)
            .iter()
            .any(|(a, s, c, _)| a == actor && *s == stance && c == content)
    }

    #[test]
    fn active_cues_in_every_tense() {
        assert!(has(
            "Lima demands a new vote.",
            "Peru",
            Stance::Demand,
            "a new vote"
        ));
        assert!(has(
            "Lima is demanding a new vote.",
            "Peru",
            Stance::Demand,
            "a new vote"
        ));
        assert!(has(
            "Canberra has rejected the tariff plan.",
            "Australia",
            Stance::Reject,
            "the tariff plan"
        ));
        assert!(has(
            "Ottawa backed the proposal on Monday.",
            "Canada",
            Stance::Support,
            "the proposal"
        ));
    }

    #[test]
    fn control_verbs_give_a_target() {
        let f = found("The African Union called on Ethiopia to withdraw its troops.");
        assert_eq!(
            f,
            vec![(
                "African Union".into(),
                Stance::Demand,
                "withdraw its troops".into(),
                Some("Ethiopia".into())
            )]
        );
        let f = found("Berlin urged Warsaw to reconsider.");
        assert_eq!(f[0].3.as_deref(), Some("Poland"));
    }

    #[test]
    fn it_after_comma_and_continues_the_first_subject() {
        let f = found(
            "Ankara says the PKK gets weapons from abroad, and it is demanding that this end.",
        );
        assert!(
            f.contains(&("Turkey".into(), Stance::Demand, "this end".into(), None)),
            "{f:?}"
        );
    }

    #[test]
    fn a_headline_verb_after_a_comma_shares_the_subject() {
        let f = found("Chile Rejects Bolivian Offer, Seeks Direct Talks");
        assert!(
            f.contains(&("Chile".into(), Stance::Demand, "Direct Talks".into(), None)),
            "{f:?}"
        );
        // in prose a capitalised word after a comma is a name, not a verb
        let f = found("Chile rejected the offer, Peru said.");
        assert!(f.iter().all(|p| p.1 != Stance::Demand), "{f:?}");
    }

    #[test]
    fn reservations_held_are_rejections() {
        let f = found("Poland and Hungary above all have strong reservations about the treaty.");
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(f
            .iter()
            .all(|p| p.1 == Stance::Reject && p.2 == "the treaty"));
        assert!(has(
            "Germany voiced serious objections to the plan.",
            "Germany",
            Stance::Reject,
            "the plan"
        ));
        assert!(has(
            "Nurses threw out the pay offer.",
            "nurses",
            Stance::Reject,
            "the pay offer"
        ));
    }

    #[test]
    fn an_army_is_an_actor_of_its_own_within_its_country() {
        let p = positions("The Sudanese army rejected the ceasefire proposal.");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].actor, "Sudanese army");
        assert_eq!(p[0].affiliation.as_deref(), Some("Sudan"));
        // other groups still stand for their country
        assert!(has(
            "Ukrainian negotiators rejected the plan.",
            "Ukraine",
            Stance::Reject,
            "the plan"
        ));
    }

    #[test]
    fn a_parenthetical_attribution_reports_what_follows_it() {
        assert!(has(
            "Meeting lawmakers in Caracas, Maduro said, \"Norway has been proposing a dialogue.\"",
            "Maduro",
            Stance::Claim,
            "Norway has been proposing a dialogue"
        ));
        // a quotation before the attribution is still what was said
        assert!(has(
            "\"We will not give up,\" Maduro said on Monday.",
            "Maduro",
            Stance::Claim,
            "We will not give up"
        ));
    }

    #[test]
    fn conditions_that_are_set_are_demands() {
        let f = found("Ankara has set Stockholm five formal conditions for its entry.");
        assert_eq!(
            f,
            vec![(
                "Turkey".into(),
                Stance::Demand,
                "five formal conditions for its entry".into(),
                Some("Sweden".into())
            )]
        );
        assert!(has(
            "Moscow laid down tough conditions for a truce.",
            "Russia",
            Stance::Demand,
            "tough conditions for a truce"
        ));
        // conditions that are rejected are not demanded
        let f = found("Kyiv rejected the conditions for talks.");
        assert!(f.iter().all(|p| p.1 != Stance::Demand), "{f:?}");
    }

    #[test]
    fn amounts_make_cue_words_nouns_and_may_start_a_content() {
        let f = found("Poorer countries turn down $250 billion offer");
        assert_eq!(
            f,
            vec![(
                "poorer countries".into(),
                Stance::Reject,
                "$250 billion offer".into(),
                None
            )]
        );
    }

    #[test]
    fn purposes_are_not_positions() {
        let f = found("London wants the deal changed so that MPs can accept it.");
        assert!(f.iter().all(|p| p.1 != Stance::Support), "{f:?}");
        assert!(f
            .iter()
            .any(|p| p.0 == "United Kingdom" && p.1 == Stance::Demand));
    }

    #[test]
    fn praise_of_events_is_a_claim_and_what_something_is_called_is_its_content() {
        let f = found("Norway described the talks as constructive.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].1, Stance::Claim);
        // a plan praised is still backed
        assert!(has(
            "Norway described the plan as constructive.",
            "Norway",
            Stance::Support,
            "the plan"
        ));
        assert!(has(
            "Trump unveiled what he described as a final proposal for a truce.",
            "Donald Trump",
            Stance::Propose,
            "a final proposal for a truce"
        ));
    }

    #[test]
    fn offers_of_nothing_or_of_words_and_verbs_sharing_an_object() {
        assert!(found("Norway offered no concrete proposals.").is_empty());
        assert!(found("Trump offered a glowing assessment of the talks.").is_empty());
        assert!(has(
            "Chile wants no return to war.",
            "Chile",
            Stance::Demand,
            "no return to war"
        ));
        // "complete and sign the treaty" is one offer
        assert!(has(
            "Yerevan is prepared to complete and sign the treaty.",
            "Armenia",
            Stance::Offer,
            "complete and sign the treaty"
        ));
        // conceding that something is so is a claim
        let f = found("Peru conceded that the target was not ambitious.");
        assert!(f.iter().all(|p| p.1 == Stance::Claim), "{f:?}");
    }

    #[test]
    fn what_is_given_in_exchange_and_what_falls_short() {
        let f = found("Seoul sought sanctions relief in exchange for closing the plant.");
        assert!(f.contains(&(
            "South Korea".into(),
            Stance::Demand,
            "sanctions relief".into(),
            None
        )));
        assert!(f.contains(&(
            "South Korea".into(),
            Stance::Offer,
            "closing the plant".into(),
            None
        )));
        // an offer in exchange for something asks it; a plan's terms are the plan's
        assert!(has(
            "Chile offered a truce in exchange for the release of prisoners.",
            "Chile",
            Stance::Demand,
            "the release of prisoners"
        ));
        assert!(
            found("Peru rejected a plan for a truce in exchange for land.")
                .iter()
                .all(|(_, s, _, _)| *s == Stance::Reject)
        );
        assert!(has(
            "Ottawa wants lower tariffs as the price of backing the deal.",
            "Canada",
            Stance::Offer,
            "backing the deal"
        ));
        assert!(has(
            "Toyota Motor said the offer from the union falls short.",
            "Toyota Motor",
            Stance::Reject,
            "the offer from the union"
        ));
        assert!(has(
            "Cuba brushed off the criticism.",
            "Cuba",
            Stance::Reject,
            "the criticism"
        ));
    }

    #[test]
    fn wishes_stated_as_judgements_in_reports_are_demands() {
        assert!(has(
            "\"A deal before winter would be very good,\" Scholz said.",
            "Olaf Scholz",
            Stance::Demand,
            "A deal before winter"
        ));
        assert!(has(
            "Kyiv said the only acceptable outcome is a full withdrawal.",
            "Ukraine",
            Stance::Demand,
            "a full withdrawal"
        ));
        assert!(has(
            "The UAW said its priority is to end the strike.",
            "UAW",
            Stance::Demand,
            "end the strike"
        ));
        // a judgement of something past stays a claim
        let f = found("Norway said the meeting was very good.");
        assert!(f.iter().all(|p| p.1 != Stance::Demand), "{f:?}");
    }

    #[test]
    fn plans_in_headlines_support_won_and_demands_set_out() {
        // a demonym before a noun cue right after a verb (headline, no article)
        assert!(has(
            "Kenya rejects Ethiopian plan for joint border patrols",
            "Ethiopia",
            Stance::Propose,
            "joint border patrols"
        ));
        // "won support from X for Y": X supports Y
        assert!(has(
            "The premier won support from Sinn Fein for the new budget.",
            "Sinn Fein",
            Stance::Support,
            "the new budget"
        ));
        // demands that are set out are demands, not proposals
        assert!(has(
            "Moscow set out demands for a ceasefire.",
            "Russia",
            Stance::Demand,
            "demands for a ceasefire"
        ));
    }

    #[test]
    fn what_is_asked_of_a_target_is_not_its_position_and_asides_are_not_lists() {
        // Ukraine is asked to give up land; it offers nothing
        let f = found("Washington wants Ukraine to give up large areas of land.");
        assert!(f.iter().all(|p| p.0 != "Ukraine"), "{f:?}");
        assert!(f
            .iter()
            .any(|p| p.0 == "United States" && p.1 == Stance::Demand));
        // "talks with Ukraine, Macron urged": Ukraine does not urge anything
        let f =
            found("At the talks with Ukraine, Emmanuel Macron urged Putin to halt the strikes.");
        assert_eq!(
            f.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(),
            vec!["Emmanuel Macron"]
        );
        // a real list still shares the verb
        let f = found("France, Germany and Italy urged Russia to withdraw.");
        assert_eq!(f.len(), 3, "{f:?}");
    }

    #[test]
    fn descriptors_before_names_and_places_are_not_antecedents() {
        // "Jeep maker Stellantis" is Stellantis
        assert!(has(
            "Workers rejected an offer from Jeep maker Stellantis to raise pay.",
            "Stellantis",
            Stance::Offer,
            "raise pay"
        ));
        // lower-case particles inside an unknown name
        assert!(has(
            "Jean de la Fontaine rejected the plan.",
            "Jean de la Fontaine",
            Stance::Reject,
            "the plan"
        ));
        // a place after "in" is not whom the next "it" means
        let f = found("Chile met Bolivia in Sucre on Monday. It rejected the plan.");
        assert!(f.iter().all(|p| p.0 != "Sucre"), "{f:?}");
    }

    #[test]
    fn conditions_on_offers_and_wishes_and_duties() {
        // what an offer waits for is a demand of the one who offers
        assert!(has(
            "Chile is ready to resume talks if Bolivia drops its claim.",
            "Chile",
            Stance::Demand,
            "Bolivia drops its claim"
        ));
        assert!(has(
            "Canada would like a faster timetable.",
            "Canada",
            Stance::Demand,
            "a faster timetable"
        ));
        let f = found("Poorer nations say the rich countries have a duty to pay for the damage.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].1, Stance::Demand);
        // a plain "if" after a claim is no condition of anyone's
        let f = found("Norway said prices would rise if the talks failed.");
        assert!(f.iter().all(|p| p.1 == Stance::Claim), "{f:?}");
    }

    #[test]
    fn accusations_of_a_bare_name_and_verbs_that_never_invert() {
        // a one-word accused is still an accusation
        assert!(has(
            "Norway accused Russia of stalling the talks.",
            "Norway",
            Stance::Claim,
            "Russia stalling the talks"
        ));
        // "..., accused X of": X is accused, not the speaker of what came before
        let f = found(
            "The senator, who spoke with the president on Monday, accused the White House of stalling.",
        );
        assert!(f.iter().all(|p| p.0 != "United States"), "{f:?}");
    }

    #[test]
    fn targets_of_demands_offers_and_rejections() {
        let target_of = |text: &str, stance: Stance| {
            found(text)
                .into_iter()
                .find(|f| f.1 == stance)
                .unwrap_or_else(|| panic!("no {stance:?} in {text:?}"))
                .3
        };
        // the addressees of a control verb, coordinated: the first is named
        assert_eq!(
            target_of(
                "Vienna pressed Budapest and Bratislava to open the border.",
                Stance::Demand
            )
            .as_deref(),
            Some("Hungary")
        );
        // "wants Z to ...": whom the demand is put to
        assert_eq!(
            target_of(
                "Chile wants Peru to return the fishing boats.",
                Stance::Demand
            )
            .as_deref(),
            Some("Peru")
        );
        // "wants steps from Z"
        assert_eq!(
            target_of("Athens wants concrete steps from Ankara.", Stance::Demand).as_deref(),
            Some("Turkey")
        );
        // an owner written with a bare apostrophe
        assert_eq!(
            target_of(
                "Ottawa rejected the Philippines' latest proposal.",
                Stance::Reject
            )
            .as_deref(),
            Some("Philippines")
        );
        // "ready to normalise ties with Z"
        assert_eq!(
            target_of(
                "Rabat is ready to restore ties with Algiers.",
                Stance::Offer
            )
            .as_deref(),
            Some("Algeria")
        );
        // a plural group named by a common noun, and "wants to see Z ..."
        let f = found("Brazil called on all parties to show flexibility.");
        assert_eq!(
            f,
            vec![(
                "Brazil".into(),
                Stance::Demand,
                "show flexibility".into(),
                Some("all parties".into())
            )]
        );
        assert_eq!(
            target_of(
                "Ankara wants to see Stockholm take concrete steps.",
                Stance::Demand
            )
            .as_deref(),
            Some("Sweden")
        );
        // the subject of "must" in a report, a body's members standing for it
        assert_eq!(
            target_of("Turkey says NATO members must join forces.", Stance::Demand).as_deref(),
            Some("NATO")
        );
        // no addressee, no target; a withdrawal from a place is no demand on it
        assert_eq!(target_of("Chile wants a new treaty.", Stance::Demand), None);
        assert_eq!(
            target_of(
                "Kenya demanded a withdrawal of troops from Somalia.",
                Stance::Demand
            ),
            None
        );
    }

    #[test]
    fn reported_speech_in_its_shapes() {
        assert!(has(
            "Japan's foreign minister said that the talks had stalled.",
            "Japan",
            Stance::Claim,
            "the talks had stalled"
        ));
        assert!(has(
            "“The talks have stalled,” Tokyo said on Friday.",
            "Japan",
            Stance::Claim,
            "The talks have stalled"
        ));
        assert!(has(
            "The blockade must end, said Nairobi.",
            "Kenya",
            Stance::Demand,
            "The blockade must end"
        ));
        assert!(has(
            "According to Madrid, the deal is dead.",
            "Spain",
            Stance::Claim,
            "the deal is dead"
        ));
    }

    #[test]
    fn a_position_inside_a_report_replaces_the_claim() {
        let f = found("Seoul said it was ready to resume talks.");
        assert_eq!(
            f,
            vec![(
                "South Korea".into(),
                Stance::Offer,
                "resume talks".into(),
                None
            )]
        );
        let f = found("“We will never accept partition,” the Cypriot president said.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].0.as_str(), f[0].1), ("Cyprus", Stance::Reject));
    }

    #[test]
    fn negation_flips_the_stance() {
        assert!(has(
            "Cairo will not accept the new borders.",
            "Egypt",
            Stance::Reject,
            "the new borders"
        ));
        assert!(has(
            "Rome does not oppose the sanctions.",
            "Italy",
            Stance::Support,
            "the sanctions"
        ));
        // what was not put forward is neither proposed nor rejected
        let text = "Lima has still not tabled any detailed legal text.";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    #[test]
    fn a_report_of_two_clauses_joined_by_and_gives_two_claims() {
        let text =
            "Chile said its mines were running short of water and farmers had lost their crops.";
        assert!(has(
            text,
            "Chile",
            Stance::Claim,
            "its mines were running short of water"
        ));
        assert!(has(
            text,
            "Chile",
            Stance::Claim,
            "farmers had lost their crops"
        ));
        // one clause under "if", a coordinated subject, a coordinated noun phrase
        for (text, content) in [
            (
                "Peru said it would sign only if the tariffs are cut and the quotas are lifted.",
                None,
            ),
            (
                "Chile said Peru and Bolivia must share the water.",
                Some("Peru and Bolivia must share the water"),
            ),
            (
                "Chile said all attacks on farms and villages should end.",
                Some("all attacks on farms and villages should end"),
            ),
        ] {
            let f = found(text);
            assert!(
                !f.iter().any(|(_, s, c, _)| *s == Stance::Claim
                    && (c.starts_with("the quotas")
                        || c.starts_with("Bolivia")
                        || c.starts_with("villages"))),
                "{text}: {f:?}"
            );
            if let Some(c) = content {
                assert!(f.iter().any(|(_, _, x, _)| x == c), "{text}: {f:?}");
            }
        }
    }

    #[test]
    fn a_claim_about_a_demand_keeps_both() {
        let text = "The farmers say their main demand on water prices was ignored.";
        assert!(has(text, "farmers", Stance::Demand, "water prices"));
        assert!(has(
            text,
            "farmers",
            Stance::Claim,
            "their main demand on water prices was ignored"
        ));
    }

    #[test]
    fn an_apposition_with_an_adjective_pair_is_no_list() {
        let f = found(
            "Iran offered to close the Fordow plant, the enrichment and storage site near Qom.",
        );
        assert!(
            f.iter().any(|(a, s, c, _)| a == "Iran"
                && *s == Stance::Offer
                && c == "close the Fordow plant, the enrichment and storage site near Qom"),
            "{f:?}"
        );
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn agents_of_a_participle_and_examples_are_no_list() {
        for (text, content) in [
            (
                "Kenya rejected the talks brokered by Egypt and Qatar.",
                "the talks brokered by Egypt and Qatar",
            ),
            (
                "Chad condemned attacks on towns such as Abeche, Moundou and Sarh.",
                "attacks on towns such as Abeche, Moundou and Sarh",
            ),
            (
                "Peru backed a plan for cutting tariffs and opening markets.",
                "a plan for cutting tariffs and opening markets",
            ),
        ] {
            let f = found(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(f[0].2, content, "{text}: {f:?}");
        }
    }

    #[test]
    fn a_contrast_set_off_by_commas_stays_in_the_phrase() {
        let f = found("Chile wants Peruvian boats, and not Chilean ones, to leave the bay.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].1, Stance::Demand, "{f:?}");
        assert!(
            f[0].2
                .starts_with("Peruvian boats, and not Chilean ones, to leave the bay"),
            "{f:?}"
        );
    }

    #[test]
    fn a_condition_and_a_duty_are_asked_of_their_subject() {
        let text = "Chile will sign the accord only if Peru withdraws its troops.";
        assert!(
            has_target(
                text,
                "Chile",
                Stance::Demand,
                "Peru withdraws its troops",
                "Peru"
            ),
            "{:?}",
            found_str(text)
        );
        let text = "Fiji said Australia and Japan now have a duty to cut emissions.";
        let f: Vec<_> = positions(text);
        assert!(
            f.iter().any(|p| p.actor == "Fiji"
                && p.stance == Stance::Demand
                && p.target.as_deref() == Some("Japan")),
            "{f:?}"
        );
    }

    #[test]
    fn a_description_with_no_antecedent_is_its_own_actor() {
        let text = "The union rejected the offer, saying the hospitals waited too long.";
        assert!(
            has(text, "union", Stance::Reject, "the offer"),
            "{:?}",
            found(text)
        );
        // a person described with nobody named before stays unresolved
        assert!(found("The president rejected the offer.").is_empty());
    }

    #[test]
    fn the_following_is_what_its_dash_or_colon_announces() {
        let text =
            "Lima expects the following: Chile must withdraw its fleet, which is near the coast.";
        assert!(
            has_target(
                text,
                "Peru",
                Stance::Demand,
                "Chile must withdraw its fleet",
                "Chile"
            ),
            "{:?}",
            found_str(text)
        );
    }

    #[test]
    fn a_reaction_to_something_owned_is_aimed_at_its_owner() {
        // a possessive pronoun, resolved, names the owner
        let text = "Peru held talks with the ELN and described their demands as absurd.";
        assert!(
            has_target(text, "Peru", Stance::Reject, "their demands", "ELN"),
            "{:?}",
            found_str(text)
        );
        // past the verb of a modal refusal
        let text = "Senator Ana Soto said she expected talks with Governor Luis Vega \
                    but would not entertain his budget plan.";
        assert!(
            has_target(
                text,
                "Ana Soto",
                Stance::Reject,
                "entertain his budget plan",
                "Luis Vega"
            ),
            "{:?}",
            found_str(text)
        );
        // nobody is the target of a refusal of what is their own
        let text = "Chile would not drop its claim to the islands.";
        assert!(
            has_target(
                text,
                "Chile",
                Stance::Reject,
                "drop its claim to the islands",
                ""
            ),
            "{:?}",
            found_str(text)
        );
    }

    #[test]
    fn an_offer_or_demand_done_to_what_is_anothers_is_aimed_at_them() {
        let text =
            "Brazil said it understood Argentina's worries and promised to meet its requests.";
        assert!(
            has_target(
                text,
                "Brazil",
                Stance::Offer,
                "meet its requests",
                "Argentina"
            ),
            "{:?}",
            found_str(text)
        );
        // what is one's own is no target
        let text = "Chile offered to withdraw its troops.";
        assert!(
            has_target(text, "Chile", Stance::Offer, "withdraw its troops", ""),
            "{:?}",
            found_str(text)
        );
    }

    #[test]
    fn a_modal_of_a_second_verb_phrase_is_asked_of_the_clauses_subject() {
        let text = "\"We have made a fair offer,\" Peru said in a statement. \
                    \"The union has no reason to wait and should sign the deal now.\"";
        assert!(
            has_target(
                text,
                "Peru",
                Stance::Demand,
                "The union has no reason to wait and should sign the deal now",
                "union"
            ),
            "{:?}",
            found_str(text)
        );
    }

    #[test]
    fn a_group_in_apposition_is_said_of_the_names_before_it() {
        let text = "Hungary and Poland, two countries opposing the deal, met on Monday.";
        assert!(
            has(text, "Hungary", Stance::Reject, "the deal")
                && has(text, "Poland", Stance::Reject, "the deal"),
            "{:?}",
            found(text)
        );
        let text = "Chancellor Ana Soto, however, one of three leaders resisting the levy, is in no hurry.";
        assert!(
            has(text, "Ana Soto", Stance::Reject, "the levy"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_participle_set_off_by_commas_is_said_of_the_phrase_before_it() {
        let text = "The plan, backed by Brazil, was rejected by Peru.";
        assert!(
            has(text, "Brazil", Stance::Support, "The plan")
                && has(text, "Peru", Stance::Reject, "The plan"),
            "{:?}",
            found(text)
        );
        // of a name it is an aside, no position
        let text = "The Netherlands, backed by Sweden, argued for cuts.";
        assert!(
            !found(text).iter().any(|(_, s, _, _)| *s == Stance::Support),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn an_adverb_or_quotation_mark_inside_a_predicative_cue() {
        // "was fully prepared to" is no agentless passive
        let text = "The union said it was fully prepared to resume talks.";
        assert!(
            has(text, "union", Stance::Offer, "resume talks"),
            "{:?}",
            found(text)
        );
        // a quotation mark between the cue's words
        let text = "Peru is \"ready\" to sign the accord.";
        assert!(
            has(text, "Peru", Stance::Offer, "sign the accord"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn what_is_not_up_for_discussion_is_rejected() {
        let text = "Lima said the border was not up for discussion.";
        assert!(
            has(text, "Peru", Stance::Reject, "the border"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn refusing_to_yield_on_something_insists_on_it() {
        let text = "Chile won't budge on water rights as Peru seeks a deal.";
        assert!(
            has(text, "Chile", Stance::Demand, "water rights"),
            "{:?}",
            found(text)
        );
        let text = "Talks stalled, with Chile refusing to yield on its demands.";
        assert!(
            has(text, "Chile", Stance::Demand, "its demands"),
            "{:?}",
            found(text)
        );
        let text = "The union would not give ground on pensions.";
        assert!(
            has(text, "union", Stance::Demand, "pensions"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_relative_clause_without_which_or_that() {
        let text = "Lima rejected the concessions Chile is demanding.";
        assert!(
            has(text, "Peru", Stance::Reject, "the concessions")
                && has(text, "Chile", Stance::Demand, "the concessions"),
            "{:?}",
            found(text)
        );
        let text = "The concessions Chile is demanding are unacceptable to Lima.";
        assert!(
            has(text, "Chile", Stance::Demand, "The concessions"),
            "{:?}",
            found(text)
        );
        // a phrase after the verb is no empty object slot
        assert!(found("By the time Chile demanded a vote, talks had ended.")
            .iter()
            .all(|(_, _, c, _)| c == "a vote"));
    }

    #[test]
    fn a_content_never_opens_with_to() {
        let text = "The changes Chile is seeking to the draft arrived late.";
        assert!(
            found(text).iter().all(|(_, _, c, _)| !c.starts_with("to ")),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_shared_subject_carries_over_whole() {
        let text = "Lima and Quito welcomed the talks, and urged both sides to show restraint.";
        assert!(
            has(text, "Peru", Stance::Demand, "show restraint")
                && has(text, "Ecuador", Stance::Demand, "show restraint"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn what_might_be_is_no_position() {
        let text = "Chile wants guarantees from Peru before it backs the treaty.";
        let f = found(text);
        assert!(
            has(text, "Chile", Stance::Demand, "guarantees from Peru")
                && !f.iter().any(|(_, s, _, _)| *s == Stance::Support),
            "{f:?}"
        );
        let text =
            "If Quito thinks it can stall for a month and then say it wants more, that will fail.";
        assert!(found(text).is_empty(), "{:?}", found(text));
        let text = "Lima will wait until Quito accepts the offer.";
        assert!(
            !found(text).iter().any(|(_, s, _, _)| *s == Stance::Support),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn what_something_is_made_to_depend_on_is_demanded() {
        let text = "Moscow made any deal contingent on the withdrawal of troops and a vote.";
        assert!(
            has(text, "Russia", Stance::Demand, "the withdrawal of troops")
                && has(text, "Russia", Stance::Demand, "a vote"),
            "{:?}",
            found(text)
        );
        assert!(has(
            "Lima makes dialogue hinge on reparations.",
            "Peru",
            Stance::Demand,
            "reparations"
        ));
        assert!(has(
            "Quito made it conditional upon a referendum.",
            "Ecuador",
            Stance::Demand,
            "a referendum"
        ));
    }

    #[test]
    fn conditions_a_named_party_must_meet_are_put_to_it() {
        let text = "Ankara lists five conditions Stockholm must meet.";
        assert!(
            has_target(
                text,
                "Turkey",
                Stance::Demand,
                "five conditions Stockholm must meet",
                "Sweden"
            ),
            "{:?}",
            found_str(text)
        );
        assert!(has(
            "Peru spelled its terms out.",
            "Peru",
            Stance::Propose,
            "its terms"
        ));
    }

    #[test]
    fn a_group_with_a_relative_clause_holds_the_position() {
        let text = "Teachers who spoke to the BBC said the offer was an insult.";
        assert!(
            has(text, "teachers", Stance::Reject, "the offer"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_list_of_that_clauses_is_wanted_item_by_item() {
        let text = "Lima wants guarantees that the border will stay open, \
                    that tariffs will fall (not rise), and that talks will resume.";
        assert!(
            has(
                text,
                "Peru",
                Stance::Demand,
                "guarantees that the border will stay open"
            ) && has(text, "Peru", Stance::Demand, "tariffs will fall")
                && has(text, "Peru", Stance::Demand, "talks will resume"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn what_someone_is_asked_to_guarantee_is_no_refusal() {
        let text =
            "Lima wants guarantees that the next Chilean government will not revoke the deal.";
        assert!(
            found(text).iter().all(|(a, _, _, _)| a == "Peru"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn how_a_stance_looks_is_no_stance() {
        let text = "Officials in Lima said Quito had appeared ready to reopen the border.";
        assert!(
            found(text).iter().all(|(a, _, _, _)| a == "Peru"),
            "{:?}",
            found(text)
        );
        assert!(found("Chile seems to reject the plan.").is_empty());
    }

    #[test]
    fn those_after_as_do_share_the_position() {
        let text = "Peru rejects the levy, as do Andean members such as Bolivia.";
        assert!(
            has(text, "Peru", Stance::Reject, "the levy")
                && has(text, "Bolivia", Stance::Reject, "the levy"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_sentence_full_of_names_is_no_title_case_headline() {
        // many capitals, but a lower-case verb: names stay names
        let text =
            "Foreign Minister Ana Soto of Peru spoke on Monday. Soto said she rejected the plan.";
        let p = positions(text);
        assert!(
            p.iter().any(|p| p.actor == "Ana Soto"
                && p.stance == Stance::Reject
                && p.affiliation.as_deref() == Some("Peru")),
            "{p:?}"
        );
    }

    #[test]
    fn a_bare_noun_from_someone_says_nothing_of_what() {
        assert!(found("He said the offer from Lima was too low.")
            .iter()
            .all(|(_, _, c, _)| c != "the offer"));
        assert!(has(
            "Quito rejected a 5% offer from Lima.",
            "Peru",
            Stance::Offer,
            "5% offer"
        ));
    }

    #[test]
    fn a_verb_inside_what_is_offered_is_part_of_it() {
        let text = "Lima is prepared to complete and sign the accord within a month.";
        let f = found(text);
        assert!(
            has(
                text,
                "Peru",
                Stance::Offer,
                "complete and sign the accord within a month"
            ) && f.len() == 1,
            "{f:?}"
        );
    }

    #[test]
    fn an_intention_is_transparent_to_what_is_intended() {
        let text = "Lima plans to invite Quito to border talks.";
        let f = found_str(text);
        assert!(
            f.len() == 1 && f[0].0 == "Peru" && f[0].2 == "border talks" && f[0].3 == "Ecuador",
            "{f:?}"
        );
        // a headline's second verb after a comma shares the subject
        let text = "Lima raises the stakes, plans to invite Quito to border talks";
        assert!(
            found_str(text)
                .iter()
                .any(|(a, _, c, t)| a == "Peru" && c == "border talks" && t == "Ecuador"),
            "{:?}",
            found_str(text)
        );
        // the noun still is one: "a Peruvian plan to ...", "Lima's plans to ..."
        assert!(has(
            "Quito rejected a Peruvian plan to build a dam.",
            "Peru",
            Stance::Propose,
            "build a dam"
        ));
        assert!(has(
            "Quito rejected Lima's plans to build a dam.",
            "Peru",
            Stance::Propose,
            "build a dam"
        ));
    }

    #[test]
    fn each_thing_judged_in_a_report_is_rejected() {
        let text =
            "Lima said the offer from Quito and the other terms put forward by Chile fall short.";
        assert!(
            has(text, "Peru", Stance::Reject, "the offer from Quito")
                && has(
                    text,
                    "Peru",
                    Stance::Reject,
                    "the other terms put forward by Chile"
                ),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn the_subject_of_an_absolute_with_phrase() {
        let text = "Talks ended, with Peruvian officials regarding the offer as unacceptable.";
        assert!(
            has(text, "Peru", Stance::Reject, "the offer"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn an_and_inside_a_purpose_is_no_list() {
        let text = "Chile refused to free the prisoners to secure a truce and aid for the north.";
        let f = found(text);
        assert!(
            f.len() == 1 && f[0].2 == "free the prisoners to secure a truce and aid for the north",
            "{f:?}"
        );
        // "an end to sanctions and the release of prisoners" is a list
        let text = "Lima demanded an end to sanctions and the release of prisoners.";
        assert!(
            has(text, "Peru", Stance::Demand, "an end to sanctions")
                && has(text, "Peru", Stance::Demand, "the release of prisoners"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_question_is_no_claim() {
        let text = "Lima replied \"Why should we wait?\" and demanded a vote.";
        let f = found(text);
        assert!(
            !f.iter().any(|(_, s, _, _)| *s == Stance::Claim)
                && has(text, "Peru", Stance::Demand, "a vote"),
            "{f:?}"
        );
    }

    #[test]
    fn the_army_and_the_opposition_are_descriptions_of_bodies() {
        let text = "Fighting broke out between the army and the rebels. \
                    The rebels said they were ready to negotiate with the army on a truce.";
        assert!(
            has_target(
                text,
                "rebels",
                Stance::Offer,
                "negotiate with the army on a truce",
                "army"
            ),
            "{:?}",
            found_str(text)
        );
        // the two sides of "between" are one noun phrase, not two clauses
        let text =
            "Lima said talks between the government and the opposition will be held in Quito.";
        assert!(
            has(
                text,
                "Peru",
                Stance::Claim,
                "talks between the government and the opposition will be held in Quito"
            ),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_party_named_by_its_kind_is_a_target() {
        let text = "Brazil insisted that member states drop the tariff within a year.";
        assert!(
            has_target(
                text,
                "Brazil",
                Stance::Demand,
                "member states drop the tariff within a year",
                "member states"
            ),
            "{:?}",
            found_str(text)
        );
        let text = "Poorer countries rejected a plan from rich nations to cap emissions.";
        assert!(
            has_target(
                text,
                "poorer countries",
                Stance::Reject,
                "a plan from rich nations to cap emissions",
                "rich nations"
            ),
            "{:?}",
            found_str(text)
        );
    }

    #[test]
    fn the_following_inside_a_quoted_report() {
        let text = "Peru's foreign minister Ana Soto spoke on Monday. \"Our position is the \
                    following: Chile must withdraw its fleet, which is near the coast,\" Soto said.";
        assert!(
            has_target(
                text,
                "Ana Soto",
                Stance::Demand,
                "Chile must withdraw its fleet",
                "Chile"
            ),
            "{:?}",
            found_str(text)
        );
    }

    #[test]
    fn two_accused_are_both_in_the_accusation_and_the_first_is_the_target() {
        let text = "Chile accused Peru and neighbouring Bolivia of diverting the river.";
        assert!(
            has_target(
                text,
                "Chile",
                Stance::Claim,
                "Peru and neighbouring Bolivia diverting the river",
                "Peru"
            ),
            "{:?}",
            found_str(text)
        );
    }

    #[test]
    fn a_pronoun_in_a_subordinate_clause_is_the_first_subject() {
        // (what "it" would do "before" is no position: see what_might_be_is_no_position)
        let text = "Turkey met Sweden in Madrid because it rejects the current draft.";
        assert!(
            has(text, "Turkey", Stance::Reject, "the current draft"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn coordinated_actors_and_contents_split() {
        let f = found("Norway and Iceland rejected the quota and the fishing ban.");
        for actor in ["Norway", "Iceland"] {
            for content in ["the quota", "the fishing ban"] {
                assert!(
                    f.iter()
                        .any(|(a, s, c, _)| a == actor && *s == Stance::Reject && c == content),
                    "{actor} {content}: {f:?}"
                );
            }
        }
        // one noun phrase with "and" inside stays whole
        assert!(has(
            "Chile proposed a trade and investment agreement.",
            "Chile",
            Stance::Propose,
            "a trade and investment agreement"
        ));
    }

    #[test]
    fn several_positions_in_one_sentence() {
        let f = found("While Manila advocates joint patrols, Hanoi insists on a code of conduct.");
        assert!(
            f.contains(&(
                "Philippines".into(),
                Stance::Propose,
                "joint patrols".into(),
                None
            )),
            "{f:?}"
        );
        assert!(
            f.contains(&(
                "Vietnam".into(),
                Stance::Demand,
                "a code of conduct".into(),
                None
            )),
            "{f:?}"
        );
    }

    #[test]
    fn pronouns_resolve_to_the_last_compatible_actor() {
        let f = found("Prime Minister Aiko Tanaka spoke in Osaka. She demanded an apology. Beijing said it would respond.");
        assert!(
            f.iter().any(|(a, s, c, _)| a == "Aiko Tanaka"
                && *s == Stance::Demand
                && c == "an apology"),
            "{f:?}"
        );
        assert!(
            f.iter()
                .any(|(a, s, _, _)| a == "China" && *s == Stance::Claim),
            "{f:?}"
        );
    }

    #[test]
    fn titles_names_and_bodies() {
        let p = positions("Kenyan President William Ruto rejected the ruling.");
        assert_eq!(p[0].actor, "William Ruto");
        assert_eq!(p[0].affiliation.as_deref(), Some("Kenya"));
        assert!(has(
            "The Brazilian Foreign Ministry condemned the strike.",
            "Brazil",
            Stance::Reject,
            "the strike"
        ));
        assert!(has(
            "Ghanaian negotiators sought a longer transition.",
            "Ghana",
            Stance::Demand,
            "a longer transition"
        ));
        // an organisation introduced with its acronym keeps it
        let f = found("The Maritime Workers Federation (MWF) called for a strike. The MWF later backed the deal.");
        assert!(
            f.iter()
                .any(|(a, s, _, _)| a == "Maritime Workers Federation" && *s == Stance::Support),
            "{f:?}"
        );
    }

    #[test]
    fn nominal_passive_and_participle_forms() {
        assert!(has(
            "Athens's demand for compensation was ignored.",
            "Greece",
            Stance::Demand,
            "compensation"
        ));
        assert!(has(
            "The plan was rejected by Hezbollah.",
            "Hezbollah",
            Stance::Reject,
            "The plan"
        ));
        assert!(has(
            "Dublin accepted a compromise put forward by Brussels.",
            "European Union",
            Stance::Propose,
            "a compromise"
        ));
    }

    #[test]
    fn conditions_and_evaluations() {
        let f = found("Taipei would resume trade only if the embargo is lifted.");
        assert!(
            f.iter().any(|(a, s, c, _)| a == "Taiwan"
                && *s == Stance::Demand
                && c == "the embargo is lifted"),
            "{f:?}"
        );
        // acceptance on a condition is the condition's demand, no support
        let f = found("Peru said it would accept the treaty only if Chile withdrew its fleet.");
        assert!(
            f.iter().all(|(_, s, _, _)| *s == Stance::Demand) && !f.is_empty(),
            "{f:?}"
        );
        assert!(has(
            "Oslo called the offer unacceptable.",
            "Norway",
            Stance::Reject,
            "the offer"
        ));
    }

    #[test]
    fn quotations_run_over_sentences() {
        let text = "“We want a ceasefire now. The shelling must stop,” the Sudanese envoy said.";
        let f = found(text);
        assert!(
            f.iter()
                .any(|(a, s, c, _)| a == "Sudan" && *s == Stance::Demand && c == "a ceasefire"),
            "{f:?}"
        );
        assert!(
            f.iter()
                .any(|(a, s, _, _)| a == "Sudan" && *s == Stance::Demand),
            "{f:?}"
        );
    }

    #[test]
    fn documents_larger_than_a_chunk_keep_their_spans() {
        let para = "Lima demanded a new vote. The Kremlin said it was ready to talk.\n\n";
        let text = para.repeat(DOC_CHUNK_BYTES / para.len() + 50);
        let ps = positions(&text);
        assert!(ps.len() > 2 * (DOC_CHUNK_BYTES / para.len()));
        for p in &ps {
            assert_eq!(&text[p.span[0]..p.span[1]], p.sentence);
        }
        assert!(ps.last().unwrap().span[1] > DOC_CHUNK_BYTES);
    }

    #[test]
    fn anonymous_sources_are_not_actors() {
        assert!(
            found("Sources said the talks would resume. Analysts believe a deal is near.")
                .is_empty()
        );
    }

    #[test]
    fn spans_address_the_sentence_and_rules_are_named() {
        let text = "Headline Without Stop\n\nMoscow rejected the plan. Kyiv welcomed it.";
        for p in positions(text) {
            assert_eq!(&text[p.span[0]..p.span[1]], p.sentence);
            assert!(!p.rule.is_empty() && !p.cue.is_empty());
        }
    }

    /// (actor, stance, content, target) of every position, as strings.
    fn found_str(text: &str) -> Vec<(String, Stance, String, String)> {
        found(text)
            .into_iter()
            .map(|(a, s, c, t)| (a, s, c, t.unwrap_or_default()))
            .collect()
    }

    fn has_target(text: &str, actor: &str, stance: Stance, content: &str, target: &str) -> bool {
        found_str(text)
            .iter()
            .any(|(a, s, c, t)| a == actor && *s == stance && c == content && t == target)
    }

    #[test]
    fn an_attribution_inside_a_clause_keeps_both_halves() {
        let text = "Peru's trade minister Ana Soto spoke in Lima. \
                    The new tariffs, Soto said, would hurt farmers across the region.";
        assert!(
            has(
                text,
                "Ana Soto",
                Stance::Claim,
                "The new tariffs would hurt farmers across the region"
            ),
            "{:?}",
            found(text)
        );
        // an adverbial before the attribution is still left out
        let text = "In return, Soto said, Peru had asked only for lower duties.";
        assert!(
            !found(text)
                .iter()
                .any(|(_, _, c, _)| c.starts_with("In return")),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_body_named_after_a_place_is_one_actor() {
        let text = "The Musicians Guild of Canada rejected the latest offer from the broadcasters.";
        assert!(
            has(
                text,
                "Musicians Guild of Canada",
                Stance::Reject,
                "the latest offer from the broadcasters"
            ),
            "{:?}",
            found(text)
        );
        assert!(!found(text).iter().any(|(a, _, _, _)| a == "Canada"));
    }

    #[test]
    fn the_members_possessive_names_their_body() {
        let text = "The Musicians Guild of Canada rejected the latest offer from the broadcasters. \
                    Later, the musicians' bargaining committee said the broadcasters had not moved at all.";
        assert!(
            has(
                text,
                "Musicians Guild of Canada",
                Stance::Claim,
                "the broadcasters had not moved at all"
            ),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn an_indefinite_members_possessive_names_their_body_too() {
        let text = "The Minnesota Nurses Association met the hospitals in the morning. \
                    Later a nurses' union spurned a proposed new contract.";
        assert!(
            has(
                text,
                "Minnesota Nurses Association",
                Stance::Reject,
                "a proposed new contract"
            ),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_hope_that_another_actor_acts_is_a_demand_on_it() {
        let text = "Mexican President Claudia Sheinbaum said she hoped Washington would lift the tariffs soon.";
        assert!(
            has_target(
                text,
                "Claudia Sheinbaum",
                Stance::Demand,
                "Washington would lift the tariffs soon",
                "United States"
            ),
            "{:?}",
            found(text)
        );
        let text = "Claudia Sheinbaum hopes that Canada will drop the levy.";
        assert!(
            has_target(
                text,
                "Claudia Sheinbaum",
                Stance::Demand,
                "Canada will drop the levy",
                "Canada"
            ),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_pronoun_content_is_the_earlier_position_it_stands_for() {
        let text = "The owners put forward a 3% raise, but the dockworkers rejected it.";
        assert!(
            has_target(text, "dockworkers", Stance::Reject, "a 3% raise", "owners"),
            "{:?}",
            found(text)
        );
        assert!(!found(text).iter().any(|(_, _, c, _)| c == "it"));
    }

    #[test]
    fn a_month_after_a_title_is_a_surname() {
        let text = "Mrs May wants a longer transition period.";
        assert!(
            has(text, "May", Stance::Demand, "a longer transition period"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_passive_subject_before_an_aside_is_the_content() {
        let text = "Ottawa's demand that the levy apply only temporarily, during a transition \
                    period of two years, has been dismissed by Washington.";
        assert!(
            has(
                text,
                "United States",
                Stance::Reject,
                "Ottawa's demand that the levy apply only temporarily"
            ),
            "{:?}",
            found(text)
        );
        assert!(has(
            text,
            "Canada",
            Stance::Demand,
            "the levy apply only temporarily"
        ));
        // an agentless passive holds nothing: "will be expected to"
        let text = "Mrs May will be expected to show progress on the border question.";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    #[test]
    fn a_noun_phrase_content_ends_at_its_verb() {
        let text =
            "Rome's rejection of the Greek plan stands in stark contrast to its earlier tone.";
        assert!(
            has(text, "Italy", Stance::Reject, "the Greek plan"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn an_invitation_to_talks_is_an_offer_to_the_invited() {
        let text = "Seoul invited Pyongyang to talks on family reunions.";
        assert!(
            has_target(
                text,
                "South Korea",
                Stance::Offer,
                "talks on family reunions",
                "North Korea"
            ),
            "{:?}",
            found(text)
        );
        // invited to act is still asked to act
        let text = "Seoul invited Pyongyang to send a delegation.";
        assert!(has_target(
            text,
            "South Korea",
            Stance::Demand,
            "send a delegation",
            "North Korea"
        ));
    }

    #[test]
    fn what_is_made_sent_or_submitted_is_held_by_its_sender() {
        let text = "This week Kyiv sent Washington a counter-proposal of 20 points.";
        assert!(
            has_target(
                text,
                "Ukraine",
                Stance::Propose,
                "a counter-proposal of 20 points",
                "United States"
            ),
            "{:?}",
            found(text)
        );
        let text = "Hamas made an offer of a truce on Tuesday.";
        assert!(
            has(text, "Hamas", Stance::Offer, "an offer of a truce"),
            "{:?}",
            found(text)
        );
        let text = "Tehran handed the mediators a written proposal for a phased deal.";
        assert!(
            has(
                text,
                "Iran",
                Stance::Propose,
                "a written proposal for a phased deal"
            ),
            "{:?}",
            found(text)
        );
        assert!(found("Hamas made no offer on Tuesday.").is_empty());
        // a practice reported, not one offer
        let text = "Ankara says it has been sending extradition requests since 2017.";
        assert!(!found(text).iter().any(|(_, s, _, _)| *s == Stance::Demand));
    }

    #[test]
    fn a_relative_clause_object_is_the_phrase_it_hangs_on() {
        let text = "The nurses want fixed staffing ratios, an idea the hospitals have refused.";
        assert!(
            has_target(
                text,
                "hospitals",
                Stance::Reject,
                "fixed staffing ratios",
                "nurses"
            ),
            "{:?}",
            found(text)
        );
        let text = "Moscow tabled a plan that Kyiv rejected.";
        assert!(
            has(text, "Ukraine", Stance::Reject, "a plan"),
            "{:?}",
            found(text)
        );
        assert!(
            has(text, "Russia", Stance::Propose, "a plan"),
            "{:?}",
            found(text)
        );
        // "want to limit": the verb goes with the phrase
        let text = "Delhi backs the subsidies that wealthy nations want to limit.";
        assert!(
            has_target(
                text,
                "wealthy nations",
                Stance::Demand,
                "limit the subsidies",
                "India"
            ),
            "{:?}",
            found(text)
        );
        // a condition is no position
        assert!(
            found("China will talk if the US wants to move trade talks forward.")
                .iter()
                .all(|(a, _, _, _)| a != "United States")
        );
        let text = "The truce, which Hamas did not accept, collapsed.";
        assert!(
            has(text, "Hamas", Stance::Reject, "The truce"),
            "{:?}",
            found(text)
        );
        // "that" opening a clause with an object of its own is no object relative
        let text = "Moscow said that Kyiv rejected the offer.";
        assert!(
            positions(text).iter().all(|p| p.rule != "object-relative"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_plural_noun_before_its_verb_is_no_cue() {
        // "states" is the subject's noun here, not "states" as in "says"
        let text = "The group of frugal EU states are holding up the recovery money.";
        assert!(
            !found(text).iter().any(|(_, s, _, _)| *s == Stance::Claim),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn group_subjects_before_a_cue_with_its_auxiliary() {
        let text = "Richer nations are wary of pledging bigger amounts.";
        assert!(
            has(
                text,
                "richer nations",
                Stance::Reject,
                "pledging bigger amounts"
            ),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_surname_that_speaks_is_a_person_and_party_members_refer_back() {
        // a single unknown name that speaks is a person: "the Democratic leader"
        // means it, not the president named before
        let text = "Governor Maria Lopez spoke with Hernandez for an hour. Hernandez said \
                    talks would go on. The Democratic leader said he would veto the budget.";
        assert!(
            has(text, "Hernandez", Stance::Reject, "the budget"),
            "{:?}",
            found(text)
        );
        let text = "Senator Tom Baker called President Ana Ruiz. \
                    \"We need more time,\" the Texas Republican said.";
        let f = found(text);
        assert!(
            f.iter()
                .any(|(a, _, c, _)| a == "Tom Baker" && c == "more time"),
            "{f:?}"
        );
    }

    #[test]
    fn who_after_an_apposition_is_its_head() {
        let text = "The draft followed talks with Rustem Umerov, a senior aide to Zelensky, \
                    who agreed to most of the plan once a few changes were made.";
        assert!(
            has(text, "Rustem Umerov", Stance::Support, "most of the plan"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn both_sides_are_each_party_named_together_before() {
        let text = "Fighting between Armenia and Azerbaijan resumed on Monday. \
                    Both sides blame each other for the collapse of the truce.";
        let content = "each other for the collapse of the truce";
        assert!(
            has_target(text, "Armenia", Stance::Claim, content, "Azerbaijan"),
            "{:?}",
            found(text)
        );
        assert!(has_target(
            text,
            "Azerbaijan",
            Stance::Claim,
            content,
            "Armenia"
        ));
        // with no parties named together "both sides" stays as written
        let text = "Both sides rejected the plan.";
        assert!(
            has(text, "both sides", Stance::Reject, "the plan"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn both_companies_are_the_last_two_named() {
        let text = "Nissan and Renault reported results. The union held talks with Nissan \
                    on Monday and will meet Renault on Friday. Both of those companies have \
                    offered raises of 10%.";
        assert!(
            has(text, "Nissan", Stance::Offer, "raises of 10%"),
            "{:?}",
            found(text)
        );
        assert!(has(text, "Renault", Stance::Offer, "raises of 10%"));
    }

    #[test]
    fn object_boundaries_of_clauses_and_relatives() {
        // the object was the subject of a clause whose verb follows
        let text = "Word that Cairo had refused a plan for a truce first came in a summary.";
        assert!(
            has(text, "Egypt", Stance::Reject, "a plan for a truce"),
            "{:?}",
            found(text)
        );
        // "those who" is one phrase
        let text = "Delhi has been demanding action against those who carried out the attack.";
        assert!(
            has(
                text,
                "India",
                Stance::Demand,
                "action against those who carried out the attack"
            ),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn an_adverb_inside_a_two_word_cue() {
        let text = "Pyongyang had asked only for the lifting of some sanctions.";
        assert!(
            has(
                text,
                "North Korea",
                Stance::Demand,
                "the lifting of some sanctions"
            ),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn an_object_goes_on_past_an_attribution_aside() {
        let text = "Hamas wants assurances, reports say, that the truce will end the war.";
        assert!(
            has(
                text,
                "Hamas",
                Stance::Demand,
                "assurances that the truce will end the war"
            ),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_short_quoted_word_ends_a_report_that_starts_before_it() {
        let text = "Tehran sent a delegation. The talks in Vienna were \"constructive,\" an \
                    Iranian negotiator said.";
        assert!(
            has(
                text,
                "Iran",
                Stance::Claim,
                "The talks in Vienna were constructive"
            ),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn members_of_a_body_after_an_amount_and_an_apposition() {
        let text = "The United Auto Workers (UAW) called a strike. Some 12,700 UAW members, or \
                    8% of its workers, walked off the job, demanding higher pay.";
        assert!(
            has(text, "United Auto Workers", Stance::Demand, "higher pay"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn what_a_thing_hinges_on_is_a_condition_only_when_set() {
        // a condition set: "on whether" something is done, or "must hinge on"
        let text = "Belgrade said that progress turns directly on whether Pristina \
                    establishes the association.";
        assert!(
            found(text)
                .iter()
                .any(|(a, s, _, _)| a == "Serbia" && *s == Stance::Demand),
            "{:?}",
            found(text)
        );
        let text = "Madrid said any deal must be contingent on a full ceasefire.";
        assert!(
            has(text, "Spain", Stance::Demand, "a full ceasefire"),
            "{:?}",
            found(text)
        );
        // how things are: a claim
        let text = "Paris said that lasting peace hinges on mutual concessions.";
        assert!(
            has(
                text,
                "France",
                Stance::Claim,
                "lasting peace hinges on mutual concessions"
            ),
            "{:?}",
            found(text)
        );
        assert!(!found(text).iter().any(|(_, s, _, _)| *s == Stance::Demand));
    }

    #[test]
    fn a_clause_after_declaring_that_is_no_noun_phrase() {
        let text = "Netanyahu rejected the terms, declaring that a total victory could be won.";
        assert!(
            !found(text).iter().any(|(_, s, _, _)| *s == Stance::Offer),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn whose_office_belongs_to_the_name_of_the_body() {
        let text = "The prosecutor's office says the suspect will face charges of treason.";
        assert!(
            has(
                text,
                "prosecutor's office",
                Stance::Claim,
                "the suspect will face charges of treason"
            ),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn newer_cue_verbs_of_rejection_demand_and_support() {
        let f = |t: &str| {
            found(t)
                .into_iter()
                .map(|(_, s, c, _)| (s, c))
                .collect::<Vec<_>>()
        };
        assert!(f("Madrid snubbed the French proposal.")
            .contains(&(Stance::Reject, "the French proposal".to_string())));
        assert!(f("Unions decried the new pension law.")
            .contains(&(Stance::Reject, "the new pension law".to_string())));
        assert!(
            f("Seoul pleaded for restraint.").contains(&(Stance::Demand, "restraint".to_string()))
        );
        assert!(f("Tokyo said no to the tariff plan.")
            .contains(&(Stance::Reject, "the tariff plan".to_string())));
        assert!(f("Ankara backed away from its threat.")
            .contains(&(Stance::Reject, "its threat".to_string())));
        assert!(f("Lima signed on to the regional pact.")
            .contains(&(Stance::Support, "the regional pact".to_string())));
    }

    #[test]
    fn two_names_of_one_actor_side_by_side_are_one_speaker() {
        let text = "Hamas has turned down a plan for a short truce, the US State Department said.";
        assert!(
            has(
                text,
                "United States",
                Stance::Claim,
                "Hamas has turned down a plan for a short truce"
            ),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_description_is_what_a_later_pronoun_means() {
        let text = "Hamas met the mediators. Officials said the group will not abandon its \
                    demand for a full withdrawal.";
        assert!(
            has(text, "Hamas", Stance::Demand, "a full withdrawal"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn asked_someone_for_something_is_a_demand_on_them() {
        let text = "The United Steelworkers (USW) met with employers from across the region. The steelworkers' union has \
                    also asked Ottawa for emergency aid.";
        assert!(
            has_target(
                text,
                "United Steelworkers",
                Stance::Demand,
                "emergency aid",
                "Canada"
            ),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn it_right_after_and_said_is_the_sentence_subject() {
        let text = "Ottawa rejected a plan from Washington to impose tariffs, and said it was \
                    ready to hold talks with the United States.";
        assert!(
            has_target(
                text,
                "Canada",
                Stance::Offer,
                "hold talks with the United States",
                "United States"
            ),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn positions_given_up_or_not_taken_are_none() {
        // a demand given up is no demand; one kept is
        let text = "The hospitals said they were prepared to abandon their demand for lower \
                    pension benefits.";
        assert!(
            !found(text).iter().any(|(_, s, _, _)| *s == Stance::Demand),
            "{:?}",
            found(text)
        );
        let text = "Hamas will not abandon its demand for a full withdrawal.";
        assert!(
            has(text, "Hamas", Stance::Demand, "a full withdrawal"),
            "{:?}",
            found(text)
        );
        // what was not said
        let text = "The negotiators departed without saying where matters stood.";
        assert!(found(text).is_empty(), "{:?}", found(text));
        // "adding" a noun phrase is no report
        let text = "Washington has ramped up sanctions on Caracas, adding heavy pressure on \
                    the government.";
        assert!(
            !found(text).iter().any(|(_, s, _, _)| *s == Stance::Claim),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn states_after_an_adjective_is_a_noun() {
        let text = "Both Nordic states gave up decades of neutrality and asked to join NATO.";
        assert!(
            !found(text).iter().any(|(_, s, _, _)| *s == Stance::Claim),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn what_is_rejected_or_backed_is_aimed_at_its_author() {
        // a passive: the author comes from the subject phrase
        let text = "Ottawa's demand for a quota has been dismissed by Washington.";
        assert!(
            has_target(
                text,
                "United States",
                Stance::Reject,
                "Ottawa's demand for a quota",
                "Canada"
            ),
            "{:?}",
            found(text)
        );
        // an evaluation of a name's noun
        let text =
            "Foreign Minister Abbas Araqchi rejected the U.S. view that the talks had failed.";
        assert!(
            found_str(text)
                .iter()
                .any(|(_, s, _, t)| *s == Stance::Reject && t == "United States"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn acts_and_relative_reports_are_no_quotations() {
        // "responded with" a levy is an act
        let text = "Washington announced new duties, while Beijing responded with a levy on \
                    American goods.";
        assert!(
            !found(text)
                .iter()
                .any(|(a, s, _, _)| a == "China" && *s == Stance::Claim),
            "{:?}",
            found(text)
        );
        // a report inside a relative clause does not reach back
        let text = "Sudan has been devastated by fighting, a conflict in which local doctors \
                    say thousands have died.";
        assert!(
            !found(text)
                .iter()
                .any(|(_, _, c, _)| c.starts_with("Sudan has been devastated")),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn what_a_subject_acts_in_the_hope_of_is_its_demand() {
        let text = "Seoul sent a delegation to Geneva in the hope of securing a trade deal.";
        assert!(
            has(text, "South Korea", Stance::Demand, "a trade deal"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn those_who_back_the_subject_share_its_position() {
        let text = "France, backed by Spain and Italy, demanded a bigger budget for farmers.";
        for actor in ["France", "Spain", "Italy"] {
            assert!(
                has(text, actor, Stance::Demand, "a bigger budget for farmers"),
                "{actor}: {:?}",
                found(text)
            );
        }
    }

    #[test]
    fn a_threat_is_no_offer() {
        for text in [
            "Rutte said he was prepared to sink a deal alone if necessary.",
            "Washington is prepared to step up pressure on Tehran if the talks fall apart.",
            "Beijing vowed to retaliate against any new tariffs.",
        ] {
            assert!(
                !found(text).iter().any(|(_, s, _, _)| *s == Stance::Offer),
                "{text}: {:?}",
                found(text)
            );
        }
        // nor a position of its own: what is threatened is neither given nor asked
        assert!(found("Beijing vowed to retaliate against any new tariffs.").is_empty());
        // a concession still is one
        let text =
            "The hospitals said they were prepared to abandon their demand for lower pensions.";
        assert!(
            found(text).iter().any(|(_, s, _, _)| *s == Stance::Offer),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn pay_and_talks_put_forward_are_offers() {
        let text = "The employers put forward a 4% pay rise on Friday.";
        assert!(
            found(text)
                .iter()
                .any(|(_, s, c, _)| *s == Stance::Offer && c.contains("pay rise")),
            "{:?}",
            found(text)
        );
        let text = "Islamabad put forward talks with New Delhi.";
        assert!(
            has_target(
                text,
                "Pakistan",
                Stance::Offer,
                "talks with New Delhi",
                "India"
            ),
            "{:?}",
            found(text)
        );
        // a plan put forward is still a proposal
        let text = "Egypt put forward a plan for a temporary ceasefire.";
        assert!(
            found(text).iter().any(|(_, s, _, _)| *s == Stance::Propose),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn viewing_a_proposal_favourably_backs_it() {
        let text = "Hamas said it viewed the proposal in a positive spirit.";
        assert!(
            has(text, "Hamas", Stance::Support, "the proposal"),
            "{:?}",
            found(text)
        );
        let text = "Tokyo views the plan favourably.";
        assert!(
            has(text, "Japan", Stance::Support, "the plan"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn what_another_asserts_or_a_bare_recipient_is_no_position() {
        let text =
            "Pyongyang has denied Washington's assertion that it demanded an end to all sanctions.";
        assert!(
            !found(text).iter().any(|(_, s, _, _)| *s == Stance::Demand),
            "{:?}",
            found(text)
        );
        let text =
            "The studios made public the terms they had offered the Writers Guild of America, \
                    including new provisions on AI.";
        assert!(
            !found(text)
                .iter()
                .any(|(_, s, c, _)| *s == Stance::Offer && c == "the Writers Guild of America"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn told_a_newspaper_named_of_a_place_is_no_accusation() {
        let text =
            "Two diplomats told The Times of Israel that the plan would have started with a pause.";
        assert!(
            found(text)
                .iter()
                .all(|(_, _, c, _)| !c.starts_with("Times")),
            "{:?}",
            found(text)
        );
        let text = "Kyiv accused Moscow of stalling the talks.";
        assert!(
            found(text).iter().any(|(a, s, _, t)| a == "Ukraine"
                && *s == Stance::Claim
                && t.as_deref() == Some("Russia")),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_possessor_body_with_no_name_is_a_body_of_its_own() {
        let text = "The union FNV Havens rejected the offer on Monday. The employers' association \
                    said it had made its final offer and urged the union to put it to a vote.";
        assert!(
            has(
                text,
                "employers' association",
                Stance::Offer,
                "its final offer"
            ),
            "{:?}",
            found(text)
        );
        assert!(
            !found(text).iter().any(|(a, s, c, _)| a == "FNV Havens"
                && *s == Stance::Offer
                && c == "its final offer"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn talks_an_actor_will_hold_are_offered() {
        let text =
            "Moscow said it will discuss a prisoner exchange, but will not negotiate a withdrawal.";
        assert!(
            has(text, "Russia", Stance::Offer, "discuss a prisoner exchange"),
            "{:?}",
            found(text)
        );
        assert!(
            has(text, "Russia", Stance::Reject, "negotiate a withdrawal"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn two_gerunds_of_one_preposition_are_one_content() {
        let text = "Brussels rejected the plan for settling the border question and breaking the deadlock.";
        assert!(
            has(
                text,
                "European Union",
                Stance::Reject,
                "the plan for settling the border question and breaking the deadlock"
            ),
            "{:?}",
            found(text)
        );
        // two things wanted are still two
        let text = "Kyiv demanded security guarantees and the return of its territory.";
        assert!(
            has(text, "Ukraine", Stance::Demand, "security guarantees"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_subject_with_a_prepositional_phrase_before_its_verb() {
        let text = "Dockworkers at the port of Rotterdam on Monday rejected a 3% wage offer.";
        assert!(
            has(text, "dockworkers", Stance::Reject, "a 3% wage offer"),
            "{:?}",
            found(text)
        );
        let text =
            "ROTTERDAM - Dockworkers at the port of Rotterdam on Monday rejected a 3% wage offer.";
        assert!(
            found(text)
                .iter()
                .any(|(_, s, c, _)| *s == Stance::Reject && c == "a 3% wage offer"),
            "{:?}",
            found(text)
        );
        // talks with a country are no subject
        let text = "Talks with Russia on Monday stalled.";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    #[test]
    fn after_a_dateline_the_sentence_starts_again() {
        let text = "BELEM (Reuters) - Small island states on Friday rejected a draft climate deal.";
        assert!(
            has(
                text,
                "small island states",
                Stance::Reject,
                "a draft climate deal"
            ),
            "{:?}",
            found(text)
        );
        assert!(!found(text).iter().any(|(a, _, _, _)| a == "Small"));
    }

    #[test]
    fn a_hope_for_a_body_named_with_the() {
        let text = "The Alliance of Small Island States (AOSIS) said it hoped the European Union \
                    would back its proposal for a fund.";
        assert!(
            found_str(text)
                .iter()
                .any(|(a, s, _, t)| a == "Alliance of Small Island States"
                    && *s == Stance::Demand
                    && t == "European Union"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_list_after_a_cue_and_a_colon_holds_its_contents() {
        let text = "Foreign Minister Ana Soto set out her terms for the return of the boats. Soto specifically demanded:\n\
                    - The release of the detained fishermen, whom Lima holds responsible for nothing\n\
                    - The withdrawal of the coast guard vessels in which the crews were held\n\n\
                    Talks resume on Friday.";
        assert!(
            has(
                text,
                "Ana Soto",
                Stance::Demand,
                "The release of the detained fishermen"
            ),
            "{:?}",
            found(text)
        );
        assert!(
            has(
                text,
                "Ana Soto",
                Stance::Demand,
                "The withdrawal of the coast guard vessels"
            ),
            "{:?}",
            found(text)
        );
        // a dash line with no list opened before it is no item
        let text = "Talks resumed on Monday.\n- The release of the fishermen\n";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    #[test]
    fn an_apposition_with_those_says_which() {
        let text = "Pyongyang had asked only for the lifting of some sanctions, those that hamper \
                    the civilian economy.";
        assert!(
            has(
                text,
                "North Korea",
                Stance::Demand,
                "the lifting of some sanctions, those that hamper the civilian economy"
            ),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn an_apposition_with_a_title_says_whom_a_person_speaks_for() {
        let text = "The envoy travelled to Pristina to see Albin Kurti, Kosovo's acting Prime \
                    Minister. Kurti said again that Kosovo is willing to normalize ties with Serbia.";
        assert!(
            has(text, "Kosovo", Stance::Offer, "normalize ties with Serbia"),
            "{:?}",
            found(text)
        );
        // the offer replaces the bare claim of the report
        assert!(
            !found(text).iter().any(|(_, s, _, _)| *s == Stance::Claim),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn what_a_pronoun_was_described_as_is_the_claim() {
        let text =
            "Trump described it as a \"very good meeting\" with China at which much was agreed.";
        assert!(
            has(
                text,
                "Donald Trump",
                Stance::Claim,
                "a very good meeting with China at which much was agreed"
            ),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_report_of_what_another_asks_of_the_speakers_side_is_a_claim() {
        // what the US asks of Peru is no position of Peru, so the report of it stands
        let text = "Washington still wants Peru to hand over the mine, President Ana Soto of \
                    Peru said on Friday.";
        assert!(
            has(
                text,
                "United States",
                Stance::Demand,
                "Peru to hand over the mine"
            ),
            "{:?}",
            found(text)
        );
        assert!(
            found(text).iter().any(|(a, s, c, _)| a == "Ana Soto"
                && *s == Stance::Claim
                && c.starts_with("Washington still wants")),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_report_verb_inside_a_relative_clause_reports_nothing() {
        // "that we believe will end it": "believe" has no clause of its own
        let text = "Ana Soto of Peru said Peru wanted a deal that we believe will end the strike.";
        let all = found(text);
        assert!(
            !all.iter().any(|(_, _, c, _)| c.starts_with("will")),
            "{all:?}"
        );
        assert!(
            all.iter().any(|(a, s, c, _)| a == "Peru"
                && *s == Stance::Demand
                && c == "a deal that we believe will end the strike"),
            "{all:?}"
        );
    }

    #[test]
    fn those_a_thing_drew_a_reaction_from_react_to_it() {
        let text = "The offer, well below the $90 billion sought by Brazil, drew sharp \
                    criticism from Chile, Peru and the African Union.";
        let all = found(text);
        assert!(
            has(text, "Brazil", Stance::Demand, "the $90 billion"),
            "{all:?}"
        );
        for who in ["Chile", "Peru", "African Union"] {
            assert!(
                has(text, who, Stance::Reject, "The offer"),
                "{who}: {all:?}"
            );
        }
        let text = "Hamas's proposal came under fire from Israel. The plan won praise from Qatar.";
        assert!(
            has_target(text, "Israel", Stance::Reject, "Hamas's proposal", "Hamas"),
            "{:?}",
            found_str(text)
        );
        assert!(
            has(text, "Qatar", Stance::Support, "The plan"),
            "{:?}",
            found(text)
        );
        // an actor who draws criticism is no content of it
        let text = "Biden drew criticism from Republicans. Mrs May won support from her cabinet.";
        assert!(
            !positions(text).iter().any(|p| p.rule == "drew-reaction"),
            "{:?}",
            found_str(text)
        );
    }

    #[test]
    fn a_view_or_belief_that_is_held_is_a_claim() {
        let text = "Lima rejected the Chilean view that the border treaty is void.";
        assert!(
            has(text, "Chile", Stance::Claim, "the border treaty is void"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn what_a_partys_plan_asks_for_the_party_asks_for() {
        let text = "A Brazil-backed draft would require Peru to pull back its troops and \
                    sharply cut its navy.";
        let all = found_str(text);
        assert!(
            has_target(
                text,
                "Brazil",
                Stance::Demand,
                "Peru to pull back its troops",
                "Peru"
            ),
            "{all:?}"
        );
        assert!(
            has_target(
                text,
                "Brazil",
                Stance::Demand,
                "sharply cut its navy",
                "Peru"
            ),
            "{all:?}"
        );
        let text = "Peru's counter-proposal, made public on Monday, sets out a path to a \
                    ceasefire: The plan runs in three phases.";
        assert!(
            has(text, "Peru", Stance::Propose, "a path to a ceasefire"),
            "{:?}",
            found(text)
        );
        // a plan with no party named holds nothing
        let text = "The plan calls for a ceasefire.";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    #[test]
    fn examples_of_what_was_put_forward_are_the_positions() {
        let text = "Peru has made \"serious\" proposals, among them a joint patrol of the \
                    river and the return of the fishing boats.";
        let all = found(text);
        assert!(
            has(text, "Peru", Stance::Propose, "a joint patrol of the river"),
            "{all:?}"
        );
        assert!(
            has(
                text,
                "Peru",
                Stance::Propose,
                "the return of the fishing boats"
            ),
            "{all:?}"
        );
    }

    #[test]
    fn an_evaluation_before_a_long_object_judges_it() {
        let text = "Chile finds \"unacceptable\" any treaty that leaves out the river.";
        assert!(
            has(
                text,
                "Chile",
                Stance::Reject,
                "any treaty that leaves out the river"
            ),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn what_a_party_calls_something_is_its_claim() {
        let text =
            "The Peruvian army pulled out of the talks in protest at what it called raids by \
                    Chilean boats.";
        assert!(
            has(
                text,
                "Peruvian army",
                Stance::Claim,
                "raids by Chilean boats"
            ),
            "{:?}",
            found_str(text)
        );
        // the object of a cue keeps what it was called, with no claim besides
        let text = "Peru unveiled what it described as a final proposal for a truce.";
        assert!(
            has(
                text,
                "Peru",
                Stance::Propose,
                "a final proposal for a truce"
            ),
            "{:?}",
            found(text)
        );
        assert!(
            !positions(text).iter().any(|p| p.rule == "what-it-called"),
            "{:?}",
            found(text)
        );
        // the condition stops at a verb phrase of the main clause
        let text = "Peru says there can be no talks unless the dispute is addressed, and has \
                    called what it describes as Chilean moves \"unrealistic\".";
        assert!(
            has(text, "Peru", Stance::Demand, "the dispute is addressed"),
            "{:?}",
            found(text)
        );
        assert!(
            has(text, "Peru", Stance::Reject, "Chilean moves"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_subject_and_its_partners_are_both_holders() {
        let text = "Lima said the talks had failed, while Peru and its European partners \
                    accused Chile of stalling.";
        let all = found_str(text);
        assert!(
            all.iter()
                .any(|(a, s, c, _)| a == "Peru" && *s == Stance::Claim && c.contains("stalling")),
            "{all:?}"
        );
    }

    #[test]
    fn wishing_to_see_something_backs_it() {
        let text = "Lula said he \"sincerely wished\" to see Venezuela back in the bloc.";
        assert!(
            has(
                text,
                "Luiz Inácio Lula da Silva",
                Stance::Support,
                "Venezuela back in the bloc"
            ) || found(text)
                .iter()
                .any(|(_, s, c, _)| *s == Stance::Support && c == "Venezuela back in the bloc"),
            "{:?}",
            found(text)
        );
        let text = "Peru wishes to see a vote on the treaty.";
        assert!(
            has(text, "Peru", Stance::Support, "a vote on the treaty"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_participle_after_a_new_clause_and_what_a_group_is_said_to_need() {
        let text = "Chile offered a 2% rise in the quota, but Peru found it too little, \
                    arguing that farmers needed a quota that keeps up with demand.";
        let all = found(text);
        // "arguing" is said of Peru, and the farmers' need is Peru's demand
        assert!(
            has(
                text,
                "Peru",
                Stance::Demand,
                "a quota that keeps up with demand"
            ),
            "{all:?}"
        );
        assert!(!all.iter().any(|(a, _, _, _)| a == "farmers"), "{all:?}");
        assert!(
            !all.iter()
                .any(|(a, s, _, _)| a == "Chile" && *s == Stance::Claim),
            "{all:?}"
        );
    }

    #[test]
    fn a_source_named_by_its_kind_and_both_verbs_of_a_condition() {
        let text = "The Nurses Association rejected the offer. According to the hospitals, \
                    the offer would be withdrawn unless the union postponed its strike and \
                    immediately urged members to accept it.";
        let all = found_str(text);
        for content in [
            "the union postponed its strike",
            "immediately urged members to accept it",
        ] {
            assert!(
                all.iter()
                    .any(|(a, s, c, _)| a == "hospitals" && *s == Stance::Demand && c == content),
                "{content}: {all:?}"
            );
        }
        // people named by their kind are anonymous sources
        let text = "According to diplomats, Chile will sign the treaty.";
        assert!(
            !found(text).iter().any(|(a, _, _, _)| a == "diplomats"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn he_inside_the_speakers_own_quotation_is_somebody_else() {
        let text = "Foreign Minister Ana Soto of Peru met the envoy. \"He flies in and now he \
                    wants to change the agenda,\" Soto said.";
        let all = found(text);
        assert!(
            all.iter().any(|(a, s, c, _)| a == "Ana Soto"
                && *s == Stance::Claim
                && c == "He flies in and now he wants to change the agenda"),
            "{all:?}"
        );
        assert!(
            !all.iter()
                .any(|(a, s, _, _)| a == "Ana Soto" && *s == Stance::Demand),
            "{all:?}"
        );
        // outside the quotation marks "he" is the speaker
        let text = "Foreign Minister Ana Soto of Peru said she wants to change the agenda.";
        assert!(
            has(text, "Ana Soto", Stance::Demand, "change the agenda"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn the_family_name_he_and_a_person_named_after_a_lower_case_title() {
        let text = "Trade ministry spokesperson He Lifang made a statement on Monday. \
                    \"Whoever tied the bell must untie it,\" he added.";
        let all = found(text);
        assert!(
            all.iter()
                .any(|(a, s, _, _)| a == "He Lifang" && *s == Stance::Demand),
            "{all:?}"
        );
        // "He" opening a sentence is still the pronoun
        let text = "Foreign Minister Ana Soto of Peru spoke on Monday. He Said Nothing New.";
        assert!(
            !positions(text).iter().any(|p| p.actor.starts_with("He ")),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn examples_put_forward_replace_the_report_and_its_speaker_goes_on() {
        let text = "Foreign Minister Ana Soto of Peru said Peru had made \"serious\" proposals, \
                    among them a joint patrol of the river. \"This is the biggest step we can \
                    take.\"";
        let all = found(text);
        assert!(
            has(text, "Peru", Stance::Propose, "a joint patrol of the river"),
            "{all:?}"
        );
        assert!(
            !all.iter()
                .any(|(_, s, c, _)| *s == Stance::Claim && c.contains("proposals")),
            "{all:?}"
        );
        // the next quoted sentence is still hers
        assert!(
            has(
                text,
                "Ana Soto",
                Stance::Claim,
                "This is the biggest step we can take"
            ),
            "{all:?}"
        );
    }

    #[test]
    fn what_a_party_can_or_may_do_is_no_stance() {
        let text = "Under the rules any one of its 160 members can hold up a deal.";
        assert!(found(text).is_empty(), "{:?}", found(text));
        let text = "Moscow may soon reject the plan.";
        assert!(found(text).is_empty(), "{:?}", found(text));
        // "cannot accept" is a refusal
        let text = "Moscow cannot accept the plan.";
        assert!(
            has(text, "Russia", Stance::Reject, "the plan"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn pushing_something_forward_asks_nobody() {
        let text = "Chile will push its mining reform forward.";
        assert!(found(text).is_empty(), "{:?}", found(text));
        let text = "Chile pushed Peru to move the talks forward.";
        assert!(
            has(text, "Chile", Stance::Demand, "move the talks forward"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn the_last_of_a_list_after_a_preposition_is_no_subject() {
        let text = "Meetings with Chile, Bolivia, and Peru indicated a willingness to talk.";
        assert!(found(text).is_empty(), "{:?}", found(text));
        // after "of" the bodies are whom the head speaks for
        let text = "The army commanders of Peru and Chile agreed to calm tensions.";
        let all = found(text);
        assert!(
            all.iter().any(|(a, _, _, _)| a == "Peru")
                && all.iter().any(|(a, _, _, _)| a == "Chile"),
            "{all:?}"
        );
    }

    #[test]
    fn a_view_with_its_judgement_is_a_reaction() {
        let text = "Lima's rejection of the plan stands in contrast to Bolivia's favourable \
                    view of the draft. Chile's dim view of the plan is well known.";
        let all = found(text);
        assert!(
            has(text, "Bolivia", Stance::Support, "the draft"),
            "{all:?}"
        );
        assert!(has(text, "Chile", Stance::Reject, "the plan"), "{all:?}");
    }

    #[test]
    fn a_quotation_of_two_sentences_is_one_report() {
        let text = "\"We want the border reopened by May. There is no deal yet,\" Foreign \
                    Minister Ana Soto of Peru said.";
        let all = found(text);
        assert!(
            has(
                text,
                "Ana Soto",
                Stance::Demand,
                "the border reopened by May"
            ),
            "{all:?}"
        );
        assert!(
            !all.iter().any(|(_, s, _, _)| *s == Stance::Claim),
            "{all:?}"
        );
        // a single quoted sentence keeps its claim
        let text = "\"There is no deal yet,\" Foreign Minister Ana Soto of Peru said.";
        assert!(
            has(text, "Ana Soto", Stance::Claim, "There is no deal yet"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_quotation_reported_twice_belongs_to_the_nearer_report() {
        let text = "Lula insisted that \"a deal is possible only if Brazil's farmers are \
                    protected,\" Brazil's government said.";
        let all = found(text);
        assert!(
            all.iter().any(|(a, _, _, _)| a.starts_with("Luiz")),
            "{all:?}"
        );
        assert!(!all.iter().any(|(a, _, _, _)| a == "Brazil"), "{all:?}");
    }

    #[test]
    fn a_participle_after_a_relative_clause_and_adding_an_amount() {
        let text = "Peru wants a fixed quota in the treaty, an idea Chile has refused, arguing \
                    it would add $90 million a year to its costs.";
        let all = found(text);
        assert!(
            has(
                text,
                "Chile",
                Stance::Claim,
                "it would add $90 million a year to its costs"
            ),
            "{all:?}"
        );
        assert!(
            !all.iter()
                .any(|(a, s, _, _)| a == "Peru" && *s == Stance::Claim),
            "{all:?}"
        );
    }

    #[test]
    fn walking_out_is_an_event_and_a_time_phrase_opens_the_main_clause() {
        // leaving talks or a pact is something done, no position stated
        let text = "Peru walked away from the pact, and Chile pulled out of the talks.";
        assert!(found(text).is_empty(), "{:?}", found(text));
        // "In late May": the clause's subject comes after the time phrase
        let text = "In late May the Peruvian army left the talks, in protest at what it \
                    called raids by Chilean boats.";
        assert!(
            has(
                text,
                "Peruvian army",
                Stance::Claim,
                "raids by Chilean boats"
            ),
            "{:?}",
            found(text)
        );
    }
}
