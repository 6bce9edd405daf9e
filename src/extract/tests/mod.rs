//! The rule stage's own tests (the learned stage has its tests in `attribution`).

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

mod actors;
mod constructions;
mod reports;
