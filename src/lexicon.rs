//! Lexicon stage: the actor gazetteer and the stance-cue lexicon.
//!
//! Receives: the compiled-in data files `data/actors.json` and
//! `data/cues.json`, and optionally a user file in the same format (see
//! `docs/lexicon.md`). Returns: a [`Lexicon`] with the matchers the extractor
//! needs: one Aho-Corasick automaton over every actor name, alias and
//! demonym, and hash indexes over every inflected cue form. Must never: match
//! inside a word, or let a lower-case word ("us", "who") match an acronym.

use crate::error::{Error, Result};
use crate::extract::attribution::AttributionModel;
use crate::model::{ActorKind, Stance};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

const BUILTIN_ACTORS: &str = include_str!("../data/actors.json");
const BUILTIN_CUES: &str = include_str!("../data/cues.json");
const BUILTIN_WORDS: &str = include_str!("../data/words.json");
const BUILTIN_SYNONYMS: &str = include_str!("../data/synonyms.tsv");
const BUILTIN_LOWERCASE: &str = include_str!("../data/lowercase.txt");
const BUILTIN_PERSON_NOUNS: &str = include_str!("../data/person_nouns.txt");
const BUILTIN_CLUSTERS: &str = include_str!("../data/clusters.tsv");

/// An actor in the gazetteer.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorEntry {
    pub name: Arc<str>,
    #[serde(default)]
    pub kind: ActorKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Adjectives naming the country ("Ukrainian"): "Ukrainian negotiators"
    /// and "Ukrainian President ..." resolve to it.
    #[serde(default)]
    pub demonyms: Vec<String>,
    #[serde(default)]
    pub affiliation: Option<Arc<str>>,
}

/// How a cue verb takes its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Frame {
    /// "X rejects Y", "X demanded that Y", "X is ready to Y".
    Object,
    /// Reported speech: "X said (that) Y", "“Y,” X said".
    Speech,
    /// A cue with an addressee: "X urged Z to Y" (target Z).
    Control,
}

/// A stance cue: a verb or multiword verb ("call on", "be ready to").
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CueEntry {
    pub cue: String,
    pub stance: Stance,
    pub frame: Frame,
    /// Stance when the cue takes a "that" clause ("suggested that" is a claim).
    #[serde(default)]
    pub that: Option<Stance>,
    /// Stance when the cue takes a "to" infinitive ("agreed to hold talks" is an offer).
    #[serde(default)]
    pub to: Option<Stance>,
    /// Stance when a speech cue takes a plain noun phrase ("declared a truce" is an offer).
    #[serde(default)]
    pub np: Option<Stance>,
    /// The particle may stand after the object: "turned that idea down".
    #[serde(default)]
    pub separable: bool,
    /// Inflected forms of the first word, when the regular rules get them wrong.
    #[serde(default)]
    pub forms: Option<Vec<String>>,
}

/// A nominal cue: "X's demand for Y", "an offer of Y by X".
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NounEntry {
    pub noun: String,
    pub stance: Stance,
    #[serde(default)]
    pub preps: Vec<String>,
}

/// The on-disk format of a lexicon file; every section is optional, so a
/// user file can hold only what it adds.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconFile {
    #[serde(default)]
    pub actors: Vec<ActorEntry>,
    #[serde(default)]
    pub cues: Vec<CueEntry>,
    #[serde(default)]
    pub nouns: Vec<NounEntry>,
    #[serde(default)]
    pub irregular_verbs: HashMap<String, Vec<String>>,
    #[serde(default)]
    pub titles: Vec<String>,
    #[serde(default)]
    pub group_nouns: Vec<String>,
    /// Evaluative words and phrases by the stance they express when an actor
    /// applies them to something ("called the offer unacceptable" rejects it).
    #[serde(default)]
    pub evaluations: HashMap<Stance, Vec<String>>,
    /// Closed classes of words the stages ask about, by class name
    /// (`data/words.json`: "determiners", "bare_pronouns", "relative_pronouns",
    /// "function_words", "shell_nouns", "body_nouns"; `data/lowercase.txt`:
    /// "lowercase_words"; `data/person_nouns.txt`: "person_nouns").
    #[serde(default)]
    pub word_classes: HashMap<WordClass, Vec<String>>,
    /// Issue grouping's synonyms: a word and the word that stands for it
    /// and its synonyms (`data/synonyms.tsv`, from WordNet: "truce" and
    /// "ceasefire" are both "armistice").
    #[serde(default)]
    pub synonyms: HashMap<String, String>,
    /// The attribution tagger's word clusters: a lower-case word and its
    /// Brown cluster path of 0s and 1s (`data/clusters.tsv`), so that words
    /// used alike ("insisted", "contended") share weight. The model was
    /// trained with the built-in paths: change them only to retrain.
    #[serde(default)]
    pub word_clusters: HashMap<String, String>,
}

/// A closed class of words in `data/words.json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WordClass {
    /// Begin a phrase but name nobody ("the", "some").
    Determiners,
    /// Name nobody without an antecedent ("he", "someone").
    BarePronouns,
    /// Stand for the phrase before them ("who", "which").
    RelativePronouns,
    /// Carry no matter of their own: an issue is never named by them ("the",
    /// "would"; the Snowball English stop list).
    FunctionWords,
    /// Abstract nouns that stand for a matter said elsewhere ("the plan",
    /// "the offer"; Schmid's shell nouns): a content of these alone refers
    /// back to an issue of its document.
    ShellNouns,
    /// Kinds of institution ("union", "police", "city"): "union officials"
    /// names a body, where "senior officials" is anonymous sourcing.
    BodyNouns,
    /// Words news text writes in lower case (`data/lowercase.txt`, counted
    /// in a corpus by `scripts/make-lowercase.py`): opening a sentence, such
    /// a word begins no name ("Like Hartwell, ...").
    LowercaseWords,
    /// Nouns for a person (`data/person_nouns.txt`, from WordNet by
    /// `scripts/make-person-nouns.sh`): after "a" and a name, such a noun
    /// is someone the name does not speak through ("a Trump supporter").
    PersonNouns,
}

impl LexiconFile {
    /// Parse and check a lexicon file, naming `origin` in errors.
    pub fn parse(origin: &Path, text: &str) -> Result<Self> {
        let err = |message: String| Error::Lexicon {
            path: origin.to_path_buf(),
            message,
        };
        let f: LexiconFile = serde_json::from_str(text).map_err(|e| err(e.to_string()))?;
        for (i, a) in f.actors.iter().enumerate() {
            if a.name.trim().is_empty() {
                return Err(err(format!("actors[{i}]: empty \"name\"")));
            }
            if let Some(bad) = a
                .aliases
                .iter()
                .chain(&a.demonyms)
                .find(|s| s.trim().is_empty())
            {
                return Err(err(format!(
                    "actor \"{}\": empty alias or demonym {bad:?}",
                    a.name
                )));
            }
        }
        for (i, c) in f.cues.iter().enumerate() {
            if c.cue.split_whitespace().next().is_none() {
                return Err(err(format!("cues[{i}]: empty \"cue\"")));
            }
        }
        if let Some((w, p)) = f
            .word_clusters
            .iter()
            .find(|(_, p)| p.is_empty() || p.bytes().any(|b| b != b'0' && b != b'1'))
        {
            return Err(err(format!(
                "word_clusters: the path of {w:?} must be 0s and 1s, got {p:?}"
            )));
        }
        for (i, n) in f.nouns.iter().enumerate() {
            if n.noun.trim().is_empty() || n.noun.contains(' ') {
                return Err(err(format!(
                    "nouns[{i}]: \"noun\" must be one word, got {:?}",
                    n.noun
                )));
            }
        }
        Ok(f)
    }

    /// Add `other`'s entries; an entry with the same name (actor), cue or
    /// noun replaces the existing one.
    pub fn extend(&mut self, other: LexiconFile) {
        for a in other.actors {
            match self.actors.iter_mut().find(|x| x.name == a.name) {
                Some(x) => *x = a,
                None => self.actors.push(a),
            }
        }
        for c in other.cues {
            match self.cues.iter_mut().find(|x| x.cue == c.cue) {
                Some(x) => *x = c,
                None => self.cues.push(c),
            }
        }
        for n in other.nouns {
            match self.nouns.iter_mut().find(|x| x.noun == n.noun) {
                Some(x) => *x = n,
                None => self.nouns.push(n),
            }
        }
        self.irregular_verbs.extend(other.irregular_verbs);
        self.titles.extend(other.titles);
        self.group_nouns.extend(other.group_nouns);
        for (k, v) in other.evaluations {
            self.evaluations.entry(k).or_default().extend(v);
        }
        for (k, v) in other.word_classes {
            self.word_classes.entry(k).or_default().extend(v);
        }
        self.synonyms.extend(other.synonyms);
        self.word_clusters.extend(other.word_clusters);
    }
}

/// The built-in lexicon extended by a user file `mine.json` holding `json`
/// (as `--lexicon` reads it), or the one-line error naming that file.
#[cfg(test)]
pub(crate) fn with_user_json(json: &str) -> std::result::Result<Lexicon, String> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("mine.json");
    std::fs::write(&path, json).expect("a file in it");
    Lexicon::with_user_file(&path).map_err(|e| e.to_string())
}

/// The Brown cluster path of a lower-case word in `data/clusters.tsv`,
/// found by binary search over its lines (sorted by word, byte order): the
/// 100,000 words are never copied; an index keeps where each word starts and
/// how long it and its path are (0.8 MB).
fn builtin_cluster(lower: &str) -> Option<&'static str> {
    static INDEX: std::sync::OnceLock<Vec<(u32, u8, u8)>> = std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index = Vec::with_capacity(110_000);
        let mut at = 0;
        for line in BUILTIN_CLUSTERS.split_inclusive('\n') {
            let entry = line.trim_end_matches('\n').split_once('\t');
            if let (false, Some((word, path))) = (line.starts_with('#'), entry) {
                if let (Ok(w), Ok(p)) = (u8::try_from(word.len()), u8::try_from(path.len())) {
                    index.push((at as u32, w, p));
                }
            }
            at += line.len();
        }
        index
    });
    let word =
        |&(at, w, _): &(u32, u8, u8)| &BUILTIN_CLUSTERS[at as usize..at as usize + w as usize];
    let k = index.binary_search_by(|e| word(e).cmp(lower)).ok()?;
    let (at, w, p) = index[k];
    let start = at as usize + w as usize + 1;
    Some(&BUILTIN_CLUSTERS[start..start + p as usize])
}

/// A word as synonyms are keyed: lower case, without hyphens
/// ("Cease-fire" is "ceasefire").
fn plain_word(w: &str) -> String {
    w.to_lowercase().replace(['-', '\u{2010}', '\u{2011}'], "")
}

/// What an actor surface form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurfaceKind {
    Name,
    Demonym,
}

/// One string the automaton finds, pointing back to its actor entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Surface {
    pub actor: usize,
    pub kind: SurfaceKind,
    /// All-capital acronyms ("US", "WHO") must match with exact case.
    pub exact_case: bool,
    /// Forms that start with a capital must start with one in the text.
    pub capitalised: bool,
}

/// An inflected cue form: the lower-case words to match and the cue it means.
#[derive(Debug, Clone)]
pub struct CueForm {
    pub words: Vec<String>,
    pub cue: usize,
}

/// A map from lower-case words with a 4096-bit sketch in front: most tokens
/// are not in a given lexicon table, and the sketch (length, first and last
/// byte) turns them away without hashing the word.
#[derive(Debug, Clone)]
pub struct WordMap<V> {
    sketch: Sketch,
    map: FxHashMap<String, V>,
}

#[inline]
fn word_sketch(w: &str) -> usize {
    let b = w.as_bytes();
    let (first, last) = (
        b.first().copied().unwrap_or(0) as usize,
        b.last().copied().unwrap_or(0) as usize,
    );
    (first * 131 + last * 31 + b.len()) % 4096
}

/// The 4096-bit sketch of a set of words: one bit for each (length, first
/// byte, last byte) seen. A word whose bit is clear is not in the set.
#[derive(Debug, Clone)]
pub(crate) struct Sketch(Box<[u64; 64]>);

impl Default for Sketch {
    fn default() -> Self {
        Sketch(Box::new([0; 64]))
    }
}

impl Sketch {
    pub(crate) fn insert(&mut self, w: &str) {
        let k = word_sketch(w);
        self.0[k / 64] |= 1 << (k % 64);
    }

    #[inline]
    pub(crate) fn may_contain(&self, w: &str) -> bool {
        let k = word_sketch(w);
        self.0[k / 64] & (1 << (k % 64)) != 0
    }
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap {
            sketch: Sketch::default(),
            map: FxHashMap::default(),
        }
    }
}

impl<V> WordMap<V> {
    #[inline]
    pub fn get(&self, w: &str) -> Option<&V> {
        if !self.sketch.may_contain(w) {
            return None;
        }
        self.map.get(w)
    }

    pub fn contains(&self, w: &str) -> bool {
        self.get(w).is_some()
    }

    pub fn entry_mut(&mut self, w: String) -> &mut V
    where
        V: Default,
    {
        self.sketch.insert(&w);
        self.map.entry(w).or_default()
    }

    pub fn insert(&mut self, w: String, v: V) {
        self.sketch.insert(&w);
        self.map.insert(w, v);
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.map.keys()
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.map.values_mut()
    }
}

impl FromIterator<String> for WordMap<()> {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        let mut m = WordMap::default();
        for w in iter {
            m.insert(w, ());
        }
        m
    }
}

/// The compiled lexicon the extractor matches against.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Tells lexicons apart (a clone shares its original's): per-thread
    /// caches of what was computed from one are not used with another.
    id: u64,
    pub actors: Vec<ActorEntry>,
    pub cues: Vec<CueEntry>,
    pub nouns: Vec<NounEntry>,
    surfaces: Vec<Surface>,
    automaton: AhoCorasick,
    /// `lower_initials[b]`: some actor form not starting with a capital
    /// starts with byte `b` (ASCII lower-cased).
    lower_initials: Box<[bool; 256]>,
    cue_index: WordMap<Vec<CueForm>>,
    noun_index: WordMap<usize>,
    titles: WordMap<()>,
    /// First words of titles, so most tokens are turned away by one lookup.
    title_first_words: WordMap<()>,
    max_title_words: usize,
    group_nouns: WordMap<()>,
    word_classes: HashMap<WordClass, WordMap<()>>,
    /// Issue grouping's synonyms, lower case and without hyphens.
    synonyms: HashMap<String, String>,
    /// The tagger's word clusters from a user's file: lower-case word ->
    /// Brown cluster path; they replace the built-in ones.
    user_clusters: FxHashMap<String, Box<str>>,
    /// First words of the group nouns of several words.
    group_first_words: WordMap<()>,
    /// Evaluation phrase (lower-case words) -> stance, longest first.
    evaluations: Vec<(Vec<String>, Stance)>,
    /// First words of the evaluation phrases.
    evaluation_first_words: WordMap<()>,
    actor_by_name: HashMap<String, usize>,
    actor_by_form: HashMap<String, usize>,
    /// The learned attribution tagger extraction runs after the rules: the
    /// compiled-in one unless replaced ([`Lexicon::with_model`]); None runs the
    /// rules alone.
    pub attribution: Option<&'static AttributionModel>,
}

impl Lexicon {
    /// The compiled-in lexicon.
    pub fn builtin() -> Lexicon {
        Self::compile(Self::builtin_file()).expect("the compiled-in lexicon is valid")
    }

    fn builtin_file() -> LexiconFile {
        let mut f = LexiconFile::parse(Path::new("data/actors.json"), BUILTIN_ACTORS)
            .expect("data/actors.json is valid");
        f.extend(
            LexiconFile::parse(Path::new("data/cues.json"), BUILTIN_CUES)
                .expect("data/cues.json is valid"),
        );
        f.extend(
            LexiconFile::parse(Path::new("data/words.json"), BUILTIN_WORDS)
                .expect("data/words.json is valid"),
        );
        f.synonyms.extend(
            BUILTIN_SYNONYMS
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split_once('\t'))
                .map(|(w, r)| (w.to_string(), r.to_string())),
        );
        for (class, text) in [
            (WordClass::LowercaseWords, BUILTIN_LOWERCASE),
            (WordClass::PersonNouns, BUILTIN_PERSON_NOUNS),
        ] {
            f.word_classes.entry(class).or_default().extend(
                text.lines()
                    .filter(|l| !l.starts_with('#') && !l.is_empty())
                    .map(str::to_string),
            );
        }
        f
    }

    /// The compiled-in lexicon extended by the user's file.
    pub fn with_user_file(path: &Path) -> Result<Lexicon> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::Lexicon {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        let user = LexiconFile::parse(path, &text)?;
        let mut f = Self::builtin_file();
        f.extend(user);
        Self::compile(f)
    }

    /// Build the matchers.
    pub fn compile(mut f: LexiconFile) -> Result<Lexicon> {
        let mut patterns: Vec<String> = Vec::new();
        let mut surfaces = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        let mut actor_by_name = HashMap::new();
        let mut actor_by_form = HashMap::new();
        for (i, a) in f.actors.iter().enumerate() {
            actor_by_name.insert(a.name.to_lowercase(), i);
            for al in std::iter::once(&*a.name).chain(a.aliases.iter().map(String::as_str)) {
                actor_by_form.entry(al.to_lowercase()).or_insert(i);
            }
            let names = std::iter::once(&*a.name)
                .chain(a.aliases.iter().map(String::as_str))
                .map(|s| (s, SurfaceKind::Name));
            let mut forms: Vec<(String, SurfaceKind)> =
                names.map(|(s, k)| (s.to_string(), k)).collect();
            for d in &a.demonyms {
                forms.push((d.clone(), SurfaceKind::Demonym));
                if let Some(p) = demonym_plural(d) {
                    // "the Ukrainians said" speaks for Ukraine as a whole.
                    forms.push((p, SurfaceKind::Name));
                }
            }
            for (form, kind) in forms {
                let form = form.trim().to_string();
                // the first entry to claim a surface form keeps it
                if !seen.insert(form.clone()) {
                    continue;
                }
                let letters: Vec<char> = form.chars().filter(|c| c.is_alphabetic()).collect();
                let exact_case = letters.len() <= 5 && letters.iter().all(|c| c.is_uppercase());
                let capitalised = form.chars().next().is_some_and(|c| c.is_uppercase());
                patterns.push(form);
                surfaces.push(Surface {
                    actor: i,
                    kind,
                    exact_case,
                    capitalised,
                });
            }
        }
        // first bytes (ASCII lower case) of the forms that do not start with a capital
        let mut lower_initials = [false; 256];
        for form in &patterns {
            if !form.chars().next().is_some_and(char::is_uppercase) {
                if let Some(&b) = form.as_bytes().first() {
                    lower_initials[usize::from(b.to_ascii_lowercase())] = true;
                }
            }
        }
        // anchored at token starts only: a match must begin where a word does,
        // and most words cannot begin a name (see `may_start_surface`).
        // A contiguous NFA, not a full DFA: an anchored search walks only the
        // few bytes of one name, where the DFA's speed per byte buys nothing,
        // while building the DFA cost 19 M instructions at every start-up
        // (`extract` of one short article: 41.8 M with it, 22.8 M without;
        // as much as extracting some 15 articles) and its table 4 MB of memory.
        let automaton = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .start_kind(aho_corasick::StartKind::Anchored)
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|e| Error::Usage(format!("lexicon: cannot build the actor matcher: {e}")))?;

        let cue_index = cue_index(&f);
        let mut noun_index = WordMap::default();
        for (i, n) in f.nouns.iter().enumerate() {
            let n_l = n.noun.to_lowercase();
            noun_index.insert(plural(&n_l), i);
            noun_index.insert(n_l, i);
        }
        // the tokenizer keeps a full stop apart ("Sen" "."), so an abbreviated
        // title is known by its letters too ("sen." is also "sen")
        let titles: WordMap<()> = f
            .titles
            .iter()
            .flat_map(|t| {
                let t = t.to_lowercase();
                let bare = t.strip_suffix('.').map(str::to_string);
                std::iter::once(t).chain(bare)
            })
            .collect();
        let title_first_words = titles
            .keys()
            .filter_map(|t| t.split(' ').next().map(str::to_string))
            .collect();
        let max_title_words = titles
            .keys()
            .map(|t| t.split(' ').count())
            .max()
            .unwrap_or(1);
        let group_nouns: WordMap<()> = f.group_nouns.iter().map(|t| t.to_lowercase()).collect();
        let word_classes = f
            .word_classes
            .iter()
            .map(|(k, v)| (*k, v.iter().map(|w| w.to_lowercase()).collect()))
            .collect();
        let group_first_words = group_nouns
            .keys()
            .filter_map(|g| g.split_once(' ').map(|(first, _)| first.to_string()))
            .collect();
        let synonyms = f
            .synonyms
            .iter()
            .map(|(w, r)| (plain_word(w), plain_word(r)))
            .collect();
        let evaluations = evaluation_phrases(&f);
        let user_clusters = std::mem::take(&mut f.word_clusters)
            .into_iter()
            .map(|(w, p)| (w.to_lowercase(), p.into_boxed_str()))
            .collect();
        let evaluation_first_words = evaluations.iter().map(|(w, _)| w[0].clone()).collect();
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Ok(Lexicon {
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            actors: f.actors,
            cues: f.cues,
            nouns: f.nouns,
            surfaces,
            automaton,
            lower_initials: Box::new(lower_initials),
            cue_index,
            noun_index,
            titles,
            title_first_words,
            max_title_words,
            group_nouns,
            group_first_words,
            word_classes,
            synonyms,
            user_clusters,
            evaluations,
            evaluation_first_words,
            actor_by_name,
            actor_by_form,
            attribution: AttributionModel::builtin(),
        })
    }

    /// This lexicon without an attribution model: extraction runs the hand
    /// rules alone (`--rules-only`, and the rules' own unit tests).
    pub fn without_model(mut self) -> Lexicon {
        self.attribution = None;
        self
    }

    /// This lexicon with the attribution model in `path` (a file written by
    /// `stancegraph train`) instead of the compiled-in one. The model stays
    /// loaded for the rest of the process.
    pub fn with_model(mut self, path: &Path) -> Result<Lexicon> {
        let model = AttributionModel::from_file(path)?;
        self.attribution = Some(Box::leak(Box::new(model)));
        Ok(self)
    }

    /// Actor names, aliases and demonyms in `text`, as `(start, end, surface)`
    /// byte ranges that begin and end on word boundaries. Matches are tried
    /// where a word starts and do not overlap.
    pub fn find_actor_surfaces<'s>(
        &'s self,
        text: &'s str,
    ) -> impl Iterator<Item = (usize, usize, &'s Surface)> + 's {
        let mut prev: Option<char> = None;
        let word_starts = text.char_indices().filter_map(move |(s, c)| {
            let start = c.is_alphanumeric() && !prev.is_some_and(char::is_alphanumeric);
            prev = Some(c);
            start.then_some(s)
        });
        self.actor_surfaces_from(text, word_starts)
    }

    /// As [`Lexicon::find_actor_surfaces`], trying only the byte offsets
    /// `starts` (in increasing order; the extractor passes its token starts).
    /// A match covers its bytes: starts inside it are not tried, whether or
    /// not it passed the boundary and case checks.
    pub fn actor_surfaces_from<'s>(
        &'s self,
        text: &'s str,
        starts: impl IntoIterator<Item = usize> + 's,
    ) -> impl Iterator<Item = (usize, usize, &'s Surface)> + 's {
        let mut covered = 0;
        starts.into_iter().filter_map(move |s| {
            if s < covered
                || !text[s..]
                    .chars()
                    .next()
                    .is_some_and(|c| self.may_start_surface(c))
            {
                return None;
            }
            let (e, surface) = self.actor_surface_at(text, s)?;
            covered = e;
            surface.map(|surface| (s, e, surface))
        })
    }

    /// Whether an actor surface form can start with the character `c` (the
    /// first of a token). Nearly all start with a capital; the few that do
    /// not ("von der Leyen") are looked for by their first byte.
    pub fn may_start_surface(&self, c: char) -> bool {
        c.is_uppercase() || {
            let mut buf = [0u8; 4];
            self.lower_initials[usize::from(c.encode_utf8(&mut buf).as_bytes()[0])]
        }
    }

    /// The longest actor surface form that starts at byte `s` of `text`:
    /// `None` when no form does; otherwise where the match ends, with the
    /// surface when the match also passes the word-boundary and case checks
    /// (a match that fails them still covers its bytes, so a caller scanning
    /// on resumes after it).
    pub fn actor_surface_at<'s>(
        &'s self,
        text: &str,
        s: usize,
    ) -> Option<(usize, Option<&'s Surface>)> {
        let input = aho_corasick::Input::new(text)
            .range(s..)
            .anchored(aho_corasick::Anchored::Yes);
        let m = self
            .automaton
            .try_find(input)
            .expect("the actor matcher is built for anchored searches")?;
        let e = m.end();
        let before = text[..s].chars().next_back();
        let after = text[e..].chars().next();
        if before.is_some_and(|c| c.is_alphanumeric()) || after.is_some_and(|c| c.is_alphanumeric())
        {
            return Some((e, None));
        }
        // "U.S" matched inside "U.S." is fine; a hyphenated word is not a name ("pro-Russian" stays a word)
        if before == Some('-') {
            return Some((e, None));
        }
        let surface = &self.surfaces[m.pattern().as_usize()];
        let found = &text[s..e];
        if surface.exact_case {
            if !self.automaton_pattern(m.pattern().as_usize(), found) {
                return Some((e, None));
            }
        } else if surface.capitalised && !found.chars().next().is_some_and(|c| c.is_uppercase()) {
            return Some((e, None));
        }
        Some((e, Some(surface)))
    }

    fn automaton_pattern(&self, pattern: usize, found: &str) -> bool {
        // exact-case check: compare against the actor's stored forms
        let a = &self.actors[self.surfaces[pattern].actor];
        std::iter::once(&*a.name)
            .chain(a.aliases.iter().map(String::as_str))
            .chain(a.demonyms.iter().map(String::as_str))
            .any(|f| f == found)
    }

    /// Cue forms starting with the lower-case word `word`, longest first.
    pub fn cue_forms(&self, word: &str) -> &[CueForm] {
        self.cue_index.get(word).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The nominal cue a lower-case word is a form of.
    pub fn noun(&self, word: &str) -> Option<usize> {
        self.noun_index.get(word).copied()
    }

    /// Whether some title starts with this lower-case word.
    pub fn starts_title(&self, lower: &str) -> bool {
        self.title_first_words.contains(lower)
    }

    pub fn is_title(&self, lower_words: &str) -> bool {
        self.titles.contains(lower_words)
    }

    pub fn max_title_words(&self) -> usize {
        self.max_title_words
    }

    /// The evaluation phrase starting with these lower-case words, as
    /// (number of words, stance).
    pub fn evaluation_at<'w>(
        &self,
        words: impl Fn(usize) -> Option<&'w str>,
    ) -> Option<(usize, Stance)> {
        if !words(0).is_some_and(|w| self.evaluation_first_words.contains(w)) {
            return None;
        }
        self.evaluations
            .iter()
            .find(|(w, _)| {
                w.iter()
                    .enumerate()
                    .all(|(i, x)| words(i) == Some(x.as_str()))
            })
            .map(|(w, st)| (w.len(), *st))
    }

    /// Whether some evaluation phrase starts with this lower-case word.
    pub fn starts_evaluation(&self, lower: &str) -> bool {
        self.evaluation_first_words.contains(lower)
    }

    /// The word standing for a lower-case word and its synonyms in issue
    /// terms (a plural is looked up as its singular too), if it has one.
    pub fn synonym(&self, lower: &str) -> Option<&str> {
        if self.synonyms.is_empty() {
            return None;
        }
        let plain = plain_word(lower);
        self.synonyms
            .get(&plain)
            .or_else(|| plain.strip_suffix('s').and_then(|w| self.synonyms.get(w)))
            .map(String::as_str)
    }

    /// This lexicon's identity: no two compiled lexicons share one.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The Brown cluster path of a lower-case word (`data/clusters.tsv`),
    /// if it has one: the attribution tagger's features read its prefixes.
    pub fn cluster(&self, lower: &str) -> Option<&str> {
        match self.user_clusters.get(lower) {
            Some(p) => Some(p),
            None => builtin_cluster(lower),
        }
    }

    /// The lower-case word is in the closed class (`data/words.json`).
    pub fn is_in(&self, class: WordClass, lower: &str) -> bool {
        self.word_classes
            .get(&class)
            .is_some_and(|m| m.contains(lower))
    }

    pub fn is_group_noun(&self, lower: &str) -> bool {
        self.group_nouns.contains(lower)
    }

    /// A noun a body speaks through after its name: a group noun
    /// ("officials") or a kind of institution ("union", `body_nouns`).
    pub fn is_body_word(&self, lower: &str) -> bool {
        self.is_group_noun(lower) || self.is_in(WordClass::BodyNouns, lower)
    }

    /// Whether some group noun of several words starts with this lower-case
    /// word.
    pub fn starts_group_noun(&self, lower: &str) -> bool {
        self.group_first_words.contains(lower)
    }

    /// The gazetteer entry with this canonical name (any case).
    pub fn actor_named(&self, name: &str) -> Option<&ActorEntry> {
        self.actor_by_name
            .get(&name.to_lowercase())
            .map(|&i| &self.actors[i])
    }

    /// The gazetteer entry with this name or alias (any case).
    pub fn actor_by_form(&self, form: &str) -> Option<&ActorEntry> {
        self.actor_by_form
            .get(&form.to_lowercase())
            .map(|&i| &self.actors[i])
    }
}

/// Every inflected form of every cue, by its first word, longest forms
/// first (so "call on" wins over "call").
fn cue_index(f: &LexiconFile) -> WordMap<Vec<CueForm>> {
    let mut cue_index: WordMap<Vec<CueForm>> = WordMap::default();
    for (i, c) in f.cues.iter().enumerate() {
        let words: Vec<String> = c.cue.split_whitespace().map(|w| w.to_lowercase()).collect();
        let head = &words[0];
        let mut heads: Vec<String> = match (&c.forms, f.irregular_verbs.get(head)) {
            (Some(forms), _) | (None, Some(forms)) => forms.clone(),
            (None, None) => inflect(head),
        };
        heads.push(head.clone());
        heads.sort();
        heads.dedup();
        for h in heads {
            let mut w = words.clone();
            w[0] = h.to_lowercase();
            cue_index
                .entry_mut(w[0].clone())
                .push(CueForm { words: w, cue: i });
        }
    }
    for v in cue_index.values_mut() {
        v.sort_by_key(|f| std::cmp::Reverse(f.words.len()));
    }
    cue_index
}

/// The evaluation phrases as lower-case words with their stance, longest
/// first.
fn evaluation_phrases(f: &LexiconFile) -> Vec<(Vec<String>, Stance)> {
    let mut evaluations: Vec<(Vec<String>, Stance)> = f
        .evaluations
        .iter()
        .flat_map(|(st, v)| {
            v.iter().map(move |w| {
                (
                    w.to_lowercase()
                        .split_whitespace()
                        .map(str::to_string)
                        .collect::<Vec<_>>(),
                    *st,
                )
            })
        })
        .filter(|(w, _)| !w.is_empty())
        .collect();
    evaluations.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    evaluations
}

fn demonym_plural(d: &str) -> Option<String> {
    let l = d.to_lowercase();
    if l.ends_with("ese")
        || l.ends_with("ish")
        || l.ends_with("ch")
        || l.ends_with("ss")
        || l.ends_with('s')
        || l.contains('.')
        || d.len() <= 3
    {
        None
    } else {
        Some(format!("{d}s"))
    }
}

fn plural(n: &str) -> String {
    if n.ends_with('s') || n.ends_with("sh") || n.ends_with("ch") || n.ends_with('x') {
        format!("{n}es")
    } else if n.ends_with('y') && !n.ends_with("ey") && !n.ends_with("ay") {
        format!("{}ies", &n[..n.len() - 1])
    } else {
        format!("{n}s")
    }
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Regular English inflections of a verb: third person, past, -ing. Forms a
/// verb never takes are harmless (they never occur in text), so doubtful
/// cases produce both spellings.
pub fn inflect(v: &str) -> Vec<String> {
    let chars: Vec<char> = v.chars().collect();
    let n = chars.len();
    let mut out = vec![plural(v)];
    if n == 0 {
        return out;
    }
    let last = chars[n - 1];
    if last == 'e' {
        out.push(format!("{v}d"));
        if v.ends_with("ee") {
            out.push(format!("{v}ing"));
        } else {
            out.push(format!("{}ing", &v[..v.len() - 1]));
        }
    } else if last == 'y' && n > 1 && !is_vowel(chars[n - 2]) {
        out.push(format!("{}ied", &v[..v.len() - 1]));
        out.push(format!("{v}ing"));
    } else {
        out.push(format!("{v}ed"));
        out.push(format!("{v}ing"));
        let cvc = n >= 3
            && !is_vowel(last)
            && !matches!(last, 'w' | 'x' | 'y')
            && is_vowel(chars[n - 2])
            && !is_vowel(chars[n - 3]);
        if cvc {
            out.push(format!("{v}{last}ed"));
            out.push(format!("{v}{last}ing"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflects_regular_verbs() {
        assert!(inflect("demand").contains(&"demanded".to_string()));
        assert!(inflect("urge").contains(&"urging".to_string()));
        assert!(inflect("deny").contains(&"denied".to_string()));
        assert!(inflect("slam").contains(&"slammed".to_string()));
        assert!(inflect("push").contains(&"pushes".to_string()));
    }

    #[test]
    fn builtin_lexicon_finds_names_on_word_boundaries() {
        let lx = Lexicon::builtin();
        let t =
            "The U.S. and Kyiv told us that Russians in Moscow-based firms and Prussia said WHO";
        let found: Vec<&str> = lx
            .find_actor_surfaces(t)
            .map(|(s, e, _)| &t[s..e])
            .collect();
        assert!(found.contains(&"U.S."), "{found:?}");
        assert!(found.contains(&"Kyiv"));
        assert!(found.contains(&"Russians"));
        assert!(found.contains(&"Moscow"));
        assert!(!found.contains(&"us"));
        assert!(!found.iter().any(|f| f.contains("Prussia")));
    }

    #[test]
    fn names_are_looked_for_where_they_can_start() {
        let lx = Lexicon::builtin();
        assert!(lx.may_start_surface('K'));
        assert!(
            lx.may_start_surface('v'),
            "von der Leyen starts in lower case"
        );
        assert!(!lx.may_start_surface('q'));
        let t = "Ursula von der Leyen met the Kremlin";
        let at = t.find("von").unwrap();
        let (e, surface) = lx.actor_surface_at(t, at).unwrap();
        assert_eq!(&t[at..e], "von der Leyen");
        assert!(surface.is_some());
        // a match inside a longer word covers its bytes but is no name
        let t = "Kremlinology";
        assert_eq!(lx.actor_surface_at(t, 0), Some((7, None)));
        assert_eq!(lx.actor_surface_at("quietly", 0), None);
    }

    #[test]
    fn acronyms_need_their_case() {
        let lx = Lexicon::builtin();
        let t = "who is it";
        assert_eq!(lx.find_actor_surfaces(t).count(), 0);
    }

    #[test]
    fn multiword_cues_are_indexed_with_inflections() {
        let lx = Lexicon::builtin();
        assert!(lx
            .cue_forms("called")
            .iter()
            .any(|f| f.words == ["called", "on"]));
        assert!(lx.cue_forms("said").iter().any(|f| f.words == ["said"]));
        assert!(lx
            .cue_forms("is")
            .iter()
            .any(|f| f.words == ["is", "willing", "to"]));
    }

    #[test]
    fn word_classes_come_from_data_and_a_user_file_extends_them() {
        let lx = Lexicon::builtin();
        // (the corpus-counted list in data/lowercase.txt)
        assert!(lx.is_in(WordClass::LowercaseWords, "like"));
        assert!(!lx.is_in(WordClass::LowercaseWords, "obama"));
        // data/person_nouns.txt, from WordNet: nouns for a person only
        assert!(lx.is_in(WordClass::PersonNouns, "lawyer"));
        assert!(lx.is_in(WordClass::PersonNouns, "supporters"));
        assert!(!lx.is_in(WordClass::PersonNouns, "statement"));
        assert!(!lx.is_in(WordClass::PersonNouns, "aaron"));
        assert!(lx.is_in(WordClass::Determiners, "the"));
        assert!(lx.is_in(WordClass::RelativePronouns, "who"));
        assert!(!lx.is_in(WordClass::Determiners, "mayor"));
        let lx = with_user_json(r#"{"word_classes": {"determiners": ["Yon"]}}"#).unwrap();
        assert!(lx.is_in(WordClass::Determiners, "yon") && lx.is_in(WordClass::Determiners, "the"));
        let e = with_user_json(r#"{"word_classes": {"adverbs": ["very"]}}"#).unwrap_err();
        assert!(e.contains("mine.json") && e.contains("adverbs"), "{e}");
    }

    #[test]
    fn user_file_errors_name_the_entry() {
        let e =
            LexiconFile::parse(Path::new("my.json"), r#"{"actors":[{"name":""}]}"#).unwrap_err();
        assert_eq!(e.to_string(), "my.json: actors[0]: empty \"name\"");
        let e = LexiconFile::parse(
            Path::new("my.json"),
            r#"{"cues":[{"cue":"x","stance":"want","frame":"object"}]}"#,
        )
        .unwrap_err()
        .to_string();
        assert!(e.starts_with("my.json: unknown variant `want`"), "{e}");
    }

    #[test]
    fn builtin_clusters_are_sorted_for_binary_search() {
        let entries: Vec<(&str, &str)> = BUILTIN_CLUSTERS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split_once('\t').expect("word<TAB>path"))
            .collect();
        assert!(entries.len() > 100_000);
        assert!(entries.windows(2).all(|w| w[0].0 < w[1].0));
        // every entry is found where it is, the first and the last too
        for (word, path) in entries.iter().step_by(997).chain(entries.last()) {
            assert_eq!(builtin_cluster(word), Some(*path), "{word}");
        }
        assert_eq!(builtin_cluster(""), None);
    }

    #[test]
    fn word_clusters_come_from_data_and_a_user_file_replaces_them() {
        let lx = Lexicon::builtin();
        // (data/clusters.tsv: rare speech verbs share a leaf with common ones)
        let argued = lx.cluster("argued").unwrap();
        assert_eq!(lx.cluster("insisted"), Some(argued));
        assert!(argued.len() > 4 && argued.bytes().all(|b| b == b'0' || b == b'1'));
        assert_ne!(lx.cluster("the"), Some(argued));
        assert_eq!(lx.cluster("qxzv"), None);
        let lx = with_user_json(r#"{"word_clusters": {"Opined": "0110", "qxzv": "01"}}"#).unwrap();
        assert_eq!(lx.cluster("opined"), Some("0110"));
        assert_eq!(lx.cluster("qxzv"), Some("01"));
        assert_eq!(lx.cluster("insisted"), Some(argued));
        let e = with_user_json(r#"{"word_clusters": {"opined": "01x"}}"#).unwrap_err();
        assert!(e.contains("mine.json") && e.contains("opined"), "{e}");
    }
}
