//! The command line: one file per subcommand, each a thin layer that parses
//! its flags and calls into the library.

pub mod build;
pub mod explain;
pub mod export;
pub mod extract;
pub mod issues;
pub mod merge;
pub mod network;
pub mod progress;
pub mod query;
pub mod render;
pub mod train;

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
    /// Write a graph file for Graphviz, Gephi, yEd, Cytoscape, networkx or a spreadsheet.
    Export(export::ExportArgs),
    /// List the issues (matters under negotiation) a graph's positions take stances on.
    Issues(issues::IssuesArgs),
    /// Combine graph files (any order, any grouping: the result is the same).
    Merge(merge::MergeArgs),
    /// The actor-actor network: shared (congruence) or opposed (conflict) contents.
    Network(network::NetworkArgs),
    /// Draw the diagram as SVG (built in, or Graphviz), PNG or PDF (Graphviz).
    Render(render::RenderArgs),
    /// Show how a sentence is read: tokens, actors, cues and rules.
    Explain(explain::ExplainArgs),
    /// Train the attribution model from an annotated corpus (see docs/model.md).
    Train(train::TrainArgs),
}

/// Writes `text` to standard output. A reader that went away (`| head`,
/// `| true`) is an I/O error of kind BrokenPipe, which `main` ends quietly
/// on, as ripgrep does; `print!` would panic instead.
pub fn print_out(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|source| {
            anyhow::Error::new(stancegraph::Error::Io {
                path: PathBuf::from("<stdout>"),
                source,
            })
        })
}

/// Writes to standard output through a buffer, with `write`.
pub fn write_out(
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    write(&mut out)
        .and_then(|()| out.flush())
        .map_err(|source| {
            anyhow::Error::new(stancegraph::Error::Io {
                path: PathBuf::from("<stdout>"),
                source,
            })
        })
}

/// Options shared by the commands that read text.
#[derive(Debug, Args)]
pub struct LexiconArgs {
    /// A lexicon file (JSON, see docs/lexicon.md) extending the built-in one.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
    /// An attribution model (written by `stancegraph train`) instead of the built-in one.
    #[arg(long, value_name = "FILE", conflicts_with = "rules_only")]
    pub model: Option<PathBuf>,
    /// Run the hand rules alone, without the attribution model.
    #[arg(long)]
    pub rules_only: bool,
}

impl LexiconArgs {
    pub fn load(&self) -> anyhow::Result<Lexicon> {
        let mut lx = match &self.lexicon {
            Some(p) => Lexicon::with_user_file(p)?,
            None => Lexicon::builtin(),
        };
        if let Some(m) = &self.model {
            lx = lx.with_model(m)?;
        }
        if self.rules_only {
            lx = lx.without_model();
        }
        Ok(lx)
    }
}

/// How positions are grouped into issues (see docs/issues.md).
#[derive(Debug, Args)]
pub struct IssueArgs {
    /// A codebook (CSV with columns issue,pattern) whose issues win over the automatic ones.
    #[arg(long, value_name = "FILE")]
    pub codebook: Option<PathBuf>,
    /// A lexicon file extending the built-in word lists the grouping reads.
    #[arg(long = "issue-lexicon", value_name = "FILE")]
    pub issue_lexicon: Option<PathBuf>,
}

impl IssueArgs {
    /// The issues of a graph under these options.
    pub fn assign(
        &self,
        g: &stancegraph::graph::PositionGraph,
    ) -> anyhow::Result<stancegraph::issues::Issues> {
        let (lx, opts) = self.grouping()?;
        Ok(stancegraph::issues::assign(g, &lx, &opts))
    }

    /// The word lists and options issues are grouped with.
    fn grouping(&self) -> anyhow::Result<(Lexicon, stancegraph::issues::IssueOptions)> {
        let lx = match &self.issue_lexicon {
            Some(p) => Lexicon::with_user_file(p)?,
            None => Lexicon::builtin(),
        };
        let mut opts = stancegraph::issues::IssueOptions::default();
        if let Some(p) = &self.codebook {
            opts.codebook = stancegraph::issues::codebook::Codebook::load(p)?;
        }
        Ok((lx, opts))
    }

    /// A text that changes when the grouping options do: the contents of
    /// the codebook and lexicon files given.
    fn stamp(&self) -> anyhow::Result<String> {
        let mut h = stancegraph::graph::TextHasher::default();
        for (name, file) in [
            ("codebook", &self.codebook),
            ("lexicon", &self.issue_lexicon),
        ] {
            if let Some(p) = file {
                let bytes =
                    std::fs::read(p).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?;
                h.update(name.as_bytes());
                h.update(&bytes);
            }
        }
        Ok(format!(
            "grouping {} {}",
            stancegraph::issues::GROUPING_VERSION,
            h.finish()
        ))
    }

    /// The issues of the graph or store at `path` as `filter` leaves it,
    /// with the evidence counts networks are drawn from. A store answers
    /// from the issues it keeps when nothing is filtered (grouping them
    /// first, and keeping them, when they are out of date); `members`
    /// says whether each issue's phrasings and documents are wanted.
    pub fn issues_of(
        &self,
        filter: &FilterArgs,
        path: &std::path::Path,
        members: bool,
    ) -> anyhow::Result<(stancegraph::issues::Issues, stancegraph::network::Tally)> {
        if filter.is_none() && stancegraph::store::is_store(path) {
            // (the options are read before the store, so a bad file is
            // told before any grouping)
            let stamp = self.stamp()?;
            let (lx, opts) = self.grouping()?;
            let stored = stancegraph::store::stored_issues(path, &stamp, members, &lx, &opts)?;
            return Ok((stored.issues, stored.tally));
        }
        let g = filter.load(path)?;
        let issues = self.assign(&g)?;
        let tally = stancegraph::network::Tally::of(&g, &issues);
        Ok((issues, tally))
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
    /// Replace invalid UTF-8 with U+FFFD and go on (with a warning) instead of refusing the file.
    #[arg(long)]
    pub lossy: bool,
    /// No progress line on a terminal.
    #[arg(long, short)]
    pub quiet: bool,
    /// List every input passed over (a file in a folder that is not .txt, .md
    /// or .jsonl, a FIFO or device in a folder, a record with empty text).
    #[arg(long, short)]
    pub verbose: bool,
}

impl InputArgs {
    /// Says on standard error how many inputs were passed over and why (each
    /// one with --verbose); with `read == 0` and nothing failed, that nothing
    /// could be read is an error.
    pub fn report(
        &self,
        skips: &stancegraph::input::Skips,
        read: usize,
        failed: bool,
    ) -> anyhow::Result<()> {
        let skips = skips.lock().map(|v| v.clone()).unwrap_or_default();
        if !skips.is_empty() {
            let mut by: std::collections::BTreeMap<stancegraph::input::SkipReason, usize> =
                Default::default();
            for (_, why) in &skips {
                *by.entry(*why).or_default() += 1;
            }
            let why: Vec<String> = by
                .iter()
                .map(|(r, n)| format!("{n} {}", r.as_str()))
                .collect();
            eprintln!(
                "stancegraph: skipped {} inputs ({}){}",
                skips.len(),
                why.join(", "),
                if self.verbose {
                    ":"
                } else {
                    "; --verbose lists them"
                }
            );
            if self.verbose {
                for (what, why) in &skips {
                    eprintln!("stancegraph:   {what}: {}", why.as_str());
                }
            }
        }
        if read == 0 && !failed {
            let names: Vec<String> = self.paths.iter().map(|p| p.display().to_string()).collect();
            anyhow::bail!(
                "{}: nothing to read (no .txt, .md or .jsonl document with text)",
                names.join(", ")
            );
        }
        Ok(())
    }

    /// The documents these arguments name.
    pub fn inputs(&self) -> stancegraph::input::Inputs {
        let inputs = stancegraph::input::Inputs::new(&self.paths, self.jsonl);
        if self.lossy {
            inputs.lossy(|w| eprintln!("stancegraph: warning: {w}"))
        } else {
            inputs
        }
    }

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

/// Filters every query and export applies.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Keep evidence dated on or after DATE (ISO, e.g. 2025-03-01); undated evidence is left out.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Keep evidence dated on or before DATE.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Keep only these stances (repeat or separate with commas).
    #[arg(long, value_name = "STANCE", value_delimiter = ',')]
    pub stance: Vec<stancegraph::model::Stance>,
    /// Keep stance edges with at least N evidence sentences.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_count: usize,
    /// actor: people as themselves; affiliation: people folded into the body they speak for.
    #[arg(long, value_enum, default_value = "actor")]
    pub level: Level,
    /// Merge contents whose words overlap at least this much (0-1, Jaccard), keeping the variants.
    #[arg(long, value_name = "THRESHOLD", value_parser = parse_threshold)]
    pub merge_similar: Option<f64>,
}

/// A similarity threshold between 0 and 1.
pub fn parse_threshold(s: &str) -> Result<f64, String> {
    let v: f64 = s.parse().map_err(|_| format!("'{s}' is not a number"))?;
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{v} is outside 0..1"))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Level {
    Actor,
    Affiliation,
}

impl FilterArgs {
    /// Load a graph file and apply the level and filters.
    pub fn load(
        &self,
        path: &std::path::Path,
    ) -> anyhow::Result<stancegraph::graph::PositionGraph> {
        Ok(self.apply(stancegraph::graph::PositionGraph::load(path)?))
    }

    /// Apply the level and filters to a loaded graph.
    pub fn apply(&self, g: stancegraph::graph::PositionGraph) -> stancegraph::graph::PositionGraph {
        let g = if self.level == Level::Affiliation {
            g.by_affiliation()
        } else {
            g
        };
        let g = match self.merge_similar {
            Some(t) => g.merge_similar(t),
            None => g,
        };
        g.filtered(&self.filter())
    }

    /// What is kept of the evidence and edges.
    pub fn filter(&self) -> stancegraph::graph::Filter {
        stancegraph::graph::Filter {
            since: self.since.clone(),
            until: self.until.clone(),
            stances: (!self.stance.is_empty()).then(|| self.stance.clone()),
            min_count: self.min_count,
        }
    }

    /// Whether nothing is filtered, folded or merged: the graph as stored.
    pub fn is_none(&self) -> bool {
        self.keeps_nodes()
            && self.since.is_none()
            && self.until.is_none()
            && self.stance.is_empty()
            && self.min_count <= 1
    }

    /// Whether the graph keeps its nodes: no folding into bodies and no
    /// merging of contents, only evidence and edges left out.
    pub fn keeps_nodes(&self) -> bool {
        self.level == Level::Actor && self.merge_similar.is_none()
    }
}

/// Say that sentences of a document were cut at the length limit.
pub fn warn_cut(doc_id: &str, cut_sentences: usize) {
    if cut_sentences > 0 {
        eprintln!(
            "stancegraph: warning: {}: {} sentences longer than {} bytes were cut at a space",
            doc_id,
            cut_sentences,
            stancegraph::sentences::MAX_SENTENCE_BYTES
        );
    }
}

/// Report a problem with one input and remember that the run must fail.
pub fn warn(failed: &mut bool, e: &dyn std::fmt::Display) {
    eprintln!("stancegraph: {e}");
    *failed = true;
}
