//! Types the pipeline stages exchange: documents in, sentences and positions
//! through, graph evidence out.
//!
//! Offsets are UTF-8 byte offsets into the original document text, never char
//! offsets, because the scorer, the graph evidence and every export address
//! the same bytes.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

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
    /// "does not oppose" a support). `None` where negation leaves no position
    /// ("did not say").
    pub fn negated(self) -> Option<Stance> {
        match self {
            Stance::Support => Some(Stance::Reject),
            Stance::Reject => Some(Stance::Support),
            Stance::Demand | Stance::Offer | Stance::Propose => Some(Stance::Reject),
            Stance::Claim => None,
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
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            date: None,
            source: None,
            title: None,
        }
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
    pub name: String,
    pub kind: ActorKind,
    /// The body a person or sub-body speaks for ("United States" for Marco Rubio).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
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
