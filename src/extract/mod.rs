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
//! cues ("Kyiv's demand for ..."); "according to X"; in a transcript, a
//! labelled speaker's turn (the `transcript` module). A last pass over the
//! document gives quotations to their speakers: "we" inside a quotation is the
//! person quoted, and a quotation running over several sentences is
//! attributed once.

pub mod attribution;
pub mod mentions;
pub mod rules;
pub mod tokens;
mod transcript;

use crate::lexicon::Lexicon;
use crate::model::{Document, Position, Stance};
use crate::sentences::split_sentences;
use mentions::{
    find_mentions, known_person, new_person, note_capitalised, Discourse, Mention, Referent,
};
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
        // (a part of a document read in parts places its spans in the whole text)
        let base = doc.part.as_ref().map_or(0, |p| p.offset);
        if doc.text.len() <= DOC_CHUNK_BYTES {
            let (mut out, cut) = self.extract_whole_reporting(doc);
            if base > 0 {
                out.iter_mut()
                    .for_each(|p| p.span = p.span.map(|x| x + base));
            }
            return (out, cut);
        }
        let mut cut_sentences = 0;
        // A document of many megabytes (a dump, a feed with no breaks) is read
        // in chunks cut at paragraph or sentence ends, so memory stays bounded;
        // pronouns do not reach across a cut.
        let mut out = Vec::new();
        let text = doc.text.as_str();
        let mut start = 0;
        while start < text.len() {
            let end = start + crate::sentences::chunk_len(&text[start..], DOC_CHUNK_BYTES);
            let part = Document {
                id: doc.id.clone(),
                text: text[start..end].to_string(),
                date: doc.date.clone(),
                source: doc.source.clone(),
                title: doc.title.clone(),
                part: None,
            };
            let (positions, cut) = self.extract_whole_reporting(&part);
            cut_sentences += cut;
            for mut p in positions {
                p.span = p.span.map(|x| x + base + start);
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
        let turns = transcript::turns(&doc.text, &work);
        for (w, turn) in work.iter_mut().zip(&turns) {
            let speaker = self.read_sentence(w, &mut disc, &mut list, &mut block_speaker);
            sentence_speaker.push(speaker);
            if let Some(turn) = turn {
                self.read_turn(w, turn, &mut disc);
            }
        }
        self.continue_quotations(&mut work, &block_speaker, &sentence_speaker);
        drop_closing_claims(&mut work);
        for (si, w) in work.iter().enumerate() {
            if let Some(speaker) = w.fully_quoted().and_then(|b| block_speaker.get(&b)) {
                sentence_speaker[si] = Some(speaker.clone());
            }
        }
        (work, sentence_speaker)
    }

    /// One sentence's mentions and candidates, read in document order with
    /// the discourse so far; notes who speaks its quotation blocks in
    /// `block_speaker` and returns who speaks the sentence's quotation.
    fn read_sentence<'t>(
        &self,
        w: &mut SentenceWork<'t>,
        disc: &mut Discourse<'t>,
        list: &mut Option<(Holder, String, Stance)>,
        block_speaker: &mut rustc_hash::FxHashMap<usize, (Holder, String)>,
    ) -> Option<(Holder, String)> {
        w.mentions = find_mentions(self.lx, w.text, &w.tokens, disc);
        let ctx = w.ctx(self.lx);
        let mut cands = ctx.candidates();
        let item = w
            .tokens
            .first()
            .is_some_and(|t| matches!(t.text, "-" | "•" | "*" | "–" | "—"));
        match (&*list, item) {
            // (an item that opens with a position of its own is a clause, no item)
            (Some((holder, text, stance)), true) if cands.iter().all(|c| c.cue.0 > 3) => {
                cands.extend(ctx.list_item(holder, text, *stance));
            }
            (_, true) => {}
            _ => *list = ctx.list_intro(),
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
        for c in cands
            .iter_mut()
            .filter(|c| c.target.is_none() && matches!(c.stance, Stance::Reject | Stance::Support))
        {
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
        if let Some(Referent::Actor(a)) = ctx.main_subject(w.tokens.len()).map(|m| &m.referent) {
            disc.note(a);
        }
        for c in &cands {
            if let Holder::Actor(a) = &c.holder {
                disc.note(a);
            }
        }
        let speaker = quote_speaker(&cands).or(speaker_before);
        w.candidates = cands;
        speaker
    }

    /// A sentence of a transcript speaker's turn: "I" and "we" are the
    /// speaker, and the turn's first sentence is the speaker's claim (or
    /// demand, with a modal).
    fn read_turn(
        &self,
        w: &mut SentenceWork<'_>,
        turn: &transcript::Turn,
        disc: &mut Discourse<'_>,
    ) {
        let name = transcript::label_name(&turn.label);
        // a label the text has not named a person by speaks only if it
        // comes back ("VIDEO:" once is a caption)
        let actor = match known_person(self.lx, disc, &name) {
            Some(a) => a,
            None if turn.repeats => new_person(disc, &name),
            None => return,
        };
        let speaker = Holder::Actor(actor);
        for c in w.candidates.iter_mut() {
            if c.holder == Holder::FirstPerson {
                c.holder = speaker.clone();
                c.holder_text = turn.label.clone();
            }
        }
        let Some(colon) = turn.colon else {
            return;
        };
        if let Some(c) = whole_clause(
            self.lx,
            w,
            colon + 1,
            speaker,
            turn.label.clone(),
            transcript::RULE,
        ) {
            w.candidates.push(Candidate {
                cue: (colon, colon + 1),
                speech: false,
                ..c
            });
        }
    }

    /// Quotations attributed elsewhere in the same quotation block: a
    /// sentence fully inside quotation marks is its block's speaker's.
    fn continue_quotations(
        &self,
        work: &mut [SentenceWork<'_>],
        block_speaker: &rustc_hash::FxHashMap<usize, (Holder, String)>,
        sentence_speaker: &[Option<(Holder, String)>],
    ) {
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
            if let Some(c) =
                whole_clause(self.lx, w, 0, speaker, speaker_text, "quotation-continued")
            {
                w.candidates.push(c);
            }
        }
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

/// The rest of a sentence from token `from`, without the marks around it,
/// as the speaker's claim (a demand, with a modal): a quotation that goes on
/// or a transcript's turn. None for fewer than three tokens.
fn whole_clause(
    lx: &Lexicon,
    w: &SentenceWork<'_>,
    from: usize,
    holder: Holder,
    holder_text: String,
    rule: &'static str,
) -> Option<Candidate> {
    let kept = |t: &Token<'_>| t.is_word() || t.kind == TokKind::Number;
    let (mut a, mut b) = (from, w.tokens.len());
    while a < b && !kept(&w.tokens[a]) {
        a += 1;
    }
    while b > a && !kept(&w.tokens[b - 1]) {
        b -= 1;
    }
    if b <= a + 2 {
        return None;
    }
    let (stance, target) = match w.ctx(lx).modal_demand(a, b) {
        Some(t) => (Stance::Demand, t),
        None => (Stance::Claim, None),
    };
    Some(Candidate {
        cue: (a, a),
        stance,
        holder,
        holder_text,
        content: (a, b),
        content_extra: None,
        target,
        rule,
        negated: false,
        speech: true,
    })
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

/// Reported speech and what it reports: a report's contents go to its
/// speaker, a report that is one of the positions it contains adds no
/// claim, and the rest of a claim splits into its clauses.
fn resolve_reported_speech(ctx: &SentenceCtx<'_, '_>, cands: &mut Vec<Candidate>) {
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
        let covered = give_to_speaker(ctx, cands, si);
        // an accusation ("accused Russia of stalling") is one content in two
        // pieces, not a report to split into clauses
        if cands[si].stance != Stance::Claim || cands[si].content_extra.is_some() {
            continue;
        }
        let (a, b) = cands[si].content;
        let clauses = report_clauses(ctx, a, b);
        let mut replacement = Vec::new();
        for (ca, cb) in clauses {
            if cb <= ca + 1 || covered.iter().any(|&c| c >= ca && c < cb) {
                continue;
            }
            replacement.extend(report_clause(ctx, &cands[si], (ca, cb)));
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

/// Hand what a report contains to its speaker: "we" and a pronoun opening
/// the report are the speaker, as is a described group's need; a "he"
/// inside the speaker's own quotation is somebody else. Returns the cues of
/// the positions the report is (which cover its clauses).
fn give_to_speaker(ctx: &SentenceCtx<'_, '_>, cands: &mut [Candidate], si: usize) -> Vec<usize> {
    let inside = |c: &Candidate, s: &Candidate| {
        let within = |(a, b): (usize, usize)| c.cue.0 >= a && c.cue.1 <= b;
        within(s.content) || s.content_extra.is_some_and(within)
    };
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
    covered
}

/// The clauses of a report over `a..b`: "A, and B", "A; B", "A, but B", and
/// "A and B" when B has its own subject and finite verb.
fn report_clauses(ctx: &SentenceCtx<'_, '_>, a: usize, b: usize) -> Vec<(usize, usize)> {
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
    clauses
}

/// The positions one clause of a report gives: a rejection ("That is a
/// non-starter"), a condition, a wish or a modal demand, else the claim;
/// each thing judged is rejected on its own.
fn report_clause(
    ctx: &SentenceCtx<'_, '_>,
    report: &Candidate,
    (ca, cb): (usize, usize),
) -> Vec<Candidate> {
    let speaker = &report.holder;
    let mut replacement = Vec::new();
    let mut c = report.clone();
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
        let own = matches!((&target, &speaker), (Some(t), Holder::Actor(s)) if t.name == s.name);
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
            return replacement;
        }
    }
    replacement.push(c);
    replacement
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

pub use crate::sentences::DOC_CHUNK_BYTES;

/// Largest number of documents extracted together.
pub const BATCH_DOCS: usize = 256;
/// Largest amount of text extracted together.
/// "“I believe it was a productive discussion. There is no agreement
/// yet,” McCarthy said": one quotation, one report. When the quoted
/// sentence before already holds a position of the same speaker, the bare
/// claim of the attributed last sentence adds none.
fn drop_closing_claims(work: &mut [SentenceWork<'_>]) {
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
}

pub const BATCH_BYTES: usize = 2 << 20;

#[cfg(test)]
mod tests;
