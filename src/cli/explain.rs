//! `stancegraph explain`: how a sentence is read, to trace an error to its rule.

use super::LexiconArgs;
use clap::Args;
use stancegraph::extract::Extractor;

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The text to explain (one or more sentences).
    pub text: String,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
}

pub fn run(args: &ExplainArgs) -> anyhow::Result<bool> {
    if args.text.trim().is_empty() {
        anyhow::bail!("explain: no text to explain (give a sentence in quotes)");
    }
    let lx = args.lexicon.load()?;
    super::print_out(&Extractor::new(&lx).explain(&args.text))?;
    Ok(true)
}
