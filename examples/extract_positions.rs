//! Extract the positions of one text with the library and print them.
//!
//! Run: `cargo run --example extract_positions -- "Kyiv demanded a ceasefire."`

use stancegraph::extract::extract_text;
use stancegraph::lexicon::Lexicon;

fn main() {
    let text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let text = if text.is_empty() {
        "The U.S. urged Russia to make concessions, while Kyiv demanded a ceasefire.".to_string()
    } else {
        text
    };
    let lx = Lexicon::builtin();
    for p in extract_text(&lx, &text) {
        let target = p.target.map(|t| format!(" (to {t})")).unwrap_or_default();
        println!(
            "{} {} \"{}\"{} [{}]",
            p.actor, p.stance, p.content, target, p.rule
        );
    }
}
