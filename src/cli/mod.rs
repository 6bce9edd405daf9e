//! The command line: one file per subcommand, each a thin layer that parses
//! its flags and calls into the library.

pub mod build;
pub mod explain;
pub mod export;
pub mod extract;
pub mod query;

use clap::{Args, Parser, Subcommand};
use stancegraph::lexicon::Lexicon;
use std::path::PathBuf;

/// Turn news text into a graph of who wants what.
#[derive(Debug, Parser)]
#[command(name = "stancegraph", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find positions in documents and print them as JSON Lines.
    Extract(extract::ExtractArgs),
    /// Build a position graph from documents.
    Build(build::BuildArgs),
    /// Ask a graph file about an actor's positions.
    Query(query::QueryArgs),
    /// Write a graph file as DOT or JSON.
    Export(export::ExportArgs),
    /// Show how a sentence is read: tokens, actors, cues and rules.
    Explain(explain::ExplainArgs),
}

/// Options shared by the commands that read text.
#[derive(Debug, Args)]
pub struct LexiconArgs {
    /// A lexicon file (JSON, see docs/lexicon.md) extending the built-in one.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
}

impl LexiconArgs {
    pub fn load(&self) -> anyhow::Result<Lexicon> {
        Ok(match &self.lexicon {
            Some(p) => Lexicon::with_user_file(p)?,
            None => Lexicon::builtin(),
        })
    }
}

/// Inputs: files, folders, `-`.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or folders (searched recursively for .txt, .md and .jsonl); `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Read standard input as JSON Lines documents ({"id", "text", "date", "source", "title"}).
    #[arg(long)]
    pub jsonl: bool,
    /// Worker threads for extraction (default: all cores); the output is the same for any number.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

impl InputArgs {
    pub fn threads(&self) -> usize {
        self.threads
            .unwrap_or_else(|| {
                std::thread::available_parallelism()
                    .map(|n| n.get())
                    .unwrap_or(1)
            })
            .max(1)
    }
}

/// Report a problem with one input and remember that the run must fail.
pub fn warn(failed: &mut bool, e: &dyn std::fmt::Display) {
    eprintln!("stancegraph: {e}");
    *failed = true;
}
