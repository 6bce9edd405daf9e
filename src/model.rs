//! Types the pipeline stages exchange: documents in, sentences and positions
//! through, graph evidence out.
//!
//! Offsets are UTF-8 byte offsets into the original document text, never char
//! offsets, because the scorer, the graph evidence and every export address
//! the same bytes.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

/// One of the six stances an actor can take (see `docs/positions.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Demand,
    Offer,
    Propose,
    Support,
    Reject,
    Claim,
}

impl Stance {
    pub const ALL: [Stance; 6] = [
        Stance::Demand,
        Stance::Offer,
        Stance::Propose,
        Stance::Support,
        Stance::Reject,
        Stance::Claim,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Demand => "demand",
            Stance::Offer => "offer",
            Stance::Propose => "propose",
            Stance::Support => "support",
            Stance::Reject => "reject",
            Stance::Claim => "claim",
        }
    }

    /// The stance a negated cue expresses ("will not accept" is a rejection,
    /// "does not oppose" a support). `None` where negation leaves no position:
    /// "did not say", and "has not tabled a text" (what was not put forward
    /// is neither proposed nor rejected).
    pub fn negated(self) -> Option<Stance> {
        match self {
            Stance::Support => Some(Stance::Reject),
            Stance::Reject => Some(Stance::Support),
            Stance::Demand | Stance::Offer => Some(Stance::Reject),
            Stance::Propose | Stance::Claim => None,
        }
    }
}

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Stance {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Stance::ALL
            .into_iter()
            .find(|st| st.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                format!("unknown stance '{s}' (expected demand, offer, propose, support, reject or claim)")
            })
    }
}

/// What sort of party an actor is; used for pronoun resolution and diagrams.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Country,
    Organization,
    Person,
    Group,
    #[default]
    Unknown,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Country => "country",
            ActorKind::Organization => "organization",
            ActorKind::Person => "person",
            ActorKind::Group => "group",
            ActorKind::Unknown => "unknown",
        }
    }
}

/// A document as read from a file, standard input or a JSON Lines record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Set when the document is one part of a text too large to hold whole
    /// (a file read in parts by [`crate::input`]); `text` is then that part.
    #[serde(skip)]
    pub part: Option<Part>,
}

/// Where a part of a document read in parts lies in the whole text. The
/// parts of one document come one after another, first to last; extraction
/// reads each on its own, as it reads the chunks of a long document, and
/// places its spans in the whole text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Byte offset of the part's text in the whole text.
    pub offset: usize,
    pub first: bool,
    pub last: bool,
    /// The hash of the whole text ([`crate::graph::text_hash`]), which
    /// identifies the document.
    pub hash: String,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            date: None,
            source: None,
            title: None,
            part: None,
        }
    }

    /// Whether this is the last (or only) part of its document.
    pub fn is_last_part(&self) -> bool {
        self.part.as_ref().is_none_or(|p| p.last)
    }

    /// Whether this is the first (or only) part of its document.
    pub fn is_first_part(&self) -> bool {
        self.part.as_ref().is_none_or(|p| p.first)
    }
}

/// A sentence: a byte range `[start, end)` of its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// Cut from a longer run at the sentence length limit.
    pub cut: bool,
}

/// A resolved actor: canonical name plus what the text told us about it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Actor {
    /// (Shared: an actor is copied into every mention, position and
    /// discourse entry of a document, and a copy is a reference count.)
    pub name: Arc<str>,
    pub kind: ActorKind,
    /// The body a person or sub-body speaks for ("United States" for Marco Rubio).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<Arc<str>>,
}

/// One extracted position, the unit of `extract` output (SCHEMA.md fields
/// first, then provenance).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Position {
    pub doc: String,
    pub actor: String,
    pub stance: Stance,
    pub content: String,
    pub target: Option<String>,
    /// Byte range of the sentence in the document.
    pub span: [usize; 2],
    pub sentence: String,
    /// The cue words as written in the sentence.
    pub cue: String,
    /// Name of the rule that produced the position, to trace errors.
    pub rule: String,
    #[serde(default)]
    pub negated: bool,
    #[serde(default)]
    pub actor_kind: ActorKind,
    /// The words the text used for the actor ("he", "the Kremlin").
    #[serde(default)]
    pub actor_mention: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

impl Position {
    /// Appends the position as one line of JSON without the line break: the
    /// bytes `serde_json::to_writer` writes for it, field for field, written
    /// directly. `extract` writes three bytes of JSON per byte of input (the
    /// evidence sentence goes with every position), and serde_json's escaper,
    /// which looks at one byte at a time, was a sixth of a run.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        out.push(b'{');
        json_str_field(out, "doc", &self.doc);
        json_str_field(out, "actor", &self.actor);
        json_str_field(out, "stance", self.stance.as_str());
        json_str_field(out, "content", &self.content);
        match &self.target {
            Some(t) => json_str_field(out, "target", t),
            None => out.extend_from_slice(b",\"target\":null"),
        }
        json_span_field(out, self.span);
        json_str_field(out, "sentence", &self.sentence);
        json_str_field(out, "cue", &self.cue);
        json_str_field(out, "rule", &self.rule);
        out.extend_from_slice(if self.negated {
            b",\"negated\":true"
        } else {
            b",\"negated\":false"
        });
        json_str_field(out, "actor_kind", self.actor_kind.as_str());
        json_str_field(out, "actor_mention", &self.actor_mention);
        json_opt_field(out, "affiliation", self.affiliation.as_deref());
        json_opt_field(out, "date", self.date.as_deref());
        out.push(b'}');
    }
}

/// Appends `"key":` to an object being written, after a comma unless it is
/// the object's first field (the object's `{` is the last byte so far).
#[inline]
fn json_key(out: &mut Vec<u8>, key: &str) {
    if out.last() != Some(&b'{') {
        out.push(b',');
    }
    out.push(b'"');
    out.extend_from_slice(key.as_bytes());
    out.extend_from_slice(b"\":");
}

/// Appends the field `"key":"value"` (the key is a plain name, not escaped).
#[inline]
pub(crate) fn json_str_field(out: &mut Vec<u8>, key: &str, value: &str) {
    json_key(out, key);
    write_json_str(out, value);
}

/// Appends the field when there is a value; nothing, as serde's
/// `skip_serializing_if = "Option::is_none"` does, when there is none.
#[inline]
pub(crate) fn json_opt_field(out: &mut Vec<u8>, key: &str, value: Option<&str>) {
    if let Some(v) = value {
        json_str_field(out, key, v);
    }
}

/// Appends the field `"span":[start,end]`.
#[inline]
pub(crate) fn json_span_field(out: &mut Vec<u8>, span: [usize; 2]) {
    json_key(out, "span");
    out.push(b'[');
    push_decimal(out, span[0]);
    out.push(b',');
    push_decimal(out, span[1]);
    out.push(b']');
}

/// Appends `n` in decimal (the formatting machinery of `write!` cost more
/// than the rest of a position's fields).
pub(crate) fn push_decimal(out: &mut Vec<u8>, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// Whether any of the eight bytes in `x` must be escaped in a JSON string
/// (a control character, `"` or `\`), tested on all eight at once.
fn any_escape(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below_space = x.wrapping_sub(ONES * 0x20) & !x;
    let q = x ^ (ONES * u64::from(b'"'));
    let quote = q.wrapping_sub(ONES) & !q;
    let b = x ^ (ONES * u64::from(b'\\'));
    let backslash = b.wrapping_sub(ONES) & !b;
    (below_space | quote | backslash) & HIGH != 0
}

/// Whether a byte must be escaped in a JSON string.
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The index of the first byte of `bytes` that must be escaped, or its length.
fn first_escape(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut i = 0;
    for chunk in &mut chunks {
        if any_escape(u64::from_le_bytes(chunk.try_into().expect("eight bytes"))) {
            break;
        }
        i += 8;
    }
    i + bytes[i..]
        .iter()
        .position(|&b| needs_escape(b))
        .unwrap_or(bytes.len() - i)
}

/// Appends `s` as a JSON string literal, escaped as serde_json escapes it:
/// `"` and `\`, the short forms `\b \f \n \r \t`, other control characters
/// as `\u00xx`; everything else, non-ASCII included, as it is.
pub fn write_json_str(out: &mut Vec<u8>, s: &str) {
    let mut rest = s.as_bytes();
    out.reserve(rest.len() + 2);
    out.push(b'"');
    loop {
        let clean = first_escape(rest);
        out.extend_from_slice(&rest[..clean]);
        let Some(&b) = rest.get(clean) else {
            break;
        };
        let short = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            0x0C => b'f',
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            _ => 0,
        };
        if short != 0 {
            out.extend_from_slice(&[b'\\', short]);
        } else {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 0xF)]);
        }
        rest = &rest[clean + 1..];
    }
    out.push(b'"');
}

#[cfg(test)]
mod json_tests {
    use super::*;
    use proptest::prelude::*;

    fn position(strings: [String; 8], span: [usize; 2], negated: bool, opt: [bool; 3]) -> Position {
        let [doc, actor, content, target, sentence, cue, rule, mention] = strings;
        Position {
            doc,
            actor,
            stance: Stance::Reject,
            content,
            target: opt[0].then(|| target.clone()),
            span,
            sentence,
            cue,
            rule,
            negated,
            actor_kind: ActorKind::Organization,
            actor_mention: mention,
            affiliation: opt[1].then(|| target.clone()),
            date: opt[2].then_some(target),
        }
    }

    #[test]
    fn escapes_as_serde_json_does() {
        for s in [
            "",
            "plain",
            "\"quoted\" and \\ back",
            "tab\there\nline\r\u{8}\u{c}\u{1}\u{1f}\u{7f}",
            "“curly” — Zürich ½ \u{2028}",
            "exactly8",
            "seven\"x",
        ] {
            let mut out = Vec::new();
            write_json_str(&mut out, s);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(s).unwrap()
            );
        }
    }

    proptest! {
        #[test]
        fn positions_write_the_bytes_serde_json_writes(
            strings in proptest::array::uniform8("[a-z \"\\\\\t\n\u{0}-\u{1f}\u{7f}é“½]{0,30}"),
            a in any::<usize>(), b in 0usize..100_000,
            negated: bool, opt in proptest::array::uniform3(proptest::bool::ANY),
        ) {
            let p = position(strings, [a, b], negated, opt);
            let mut out = Vec::new();
            p.write_json(&mut out);
            prop_assert_eq!(out, serde_json::to_vec(&p).unwrap());
        }
    }
}
