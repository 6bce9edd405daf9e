//! `stancegraph train`: fit the attribution model to an annotated corpus.

use super::LexiconArgs;
use clap::Args;
use stancegraph::extract::attribution::train::{
    evaluate, read_corpus, train, Algorithm, TrainOptions,
};
use stancegraph::extract::attribution::AttributionModel;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct TrainArgs {
    /// A corpus folder as `polnear.py prepare` writes it: docs/*.txt and gold.jsonl.
    #[arg(long, value_name = "DIR")]
    pub corpus: PathBuf,
    /// Where to write the model (atomically).
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// The learning algorithm: the blend of the perceptron and the CRF is
    /// the shipped model's.
    #[arg(long, value_enum, default_value = "blend")]
    pub algorithm: Algorithm,
    /// The perceptron's passes over the corpus.
    #[arg(long, default_value_t = TrainOptions::default().epochs)]
    pub epochs: usize,
    /// The CRF's L-BFGS iterations at most.
    #[arg(long, default_value_t = TrainOptions::default().crf_iterations)]
    pub crf_iterations: usize,
    /// The CRF's L2 regularisation weight.
    #[arg(long, default_value_t = TrainOptions::default().c2)]
    pub c2: f64,
    /// Features seen fewer times get no weight.
    #[arg(long, default_value_t = TrainOptions::default().min_count)]
    pub min_count: u32,
    /// The perceptron's shuffle seed: retraining with other seeds measures
    /// how much of a change in score is the noise of training.
    #[arg(long, default_value_t = TrainOptions::default().seed)]
    pub seed: u64,
    /// Also score the trained model's spans on this held-out corpus folder.
    #[arg(long, value_name = "DIR")]
    pub eval: Option<PathBuf>,
    /// Print each pass's error rate.
    #[arg(long, short)]
    pub verbose: bool,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
}

pub fn run(args: &TrainArgs) -> anyhow::Result<bool> {
    let lx = args.lexicon.load()?;
    let opts = TrainOptions {
        algorithm: args.algorithm,
        c2: args.c2,
        epochs: args.epochs,
        crf_iterations: args.crf_iterations,
        min_count: args.min_count,
        seed: args.seed,
        verbose: args.verbose,
    };
    let rows = train(&lx, &args.corpus, &args.output, &opts)?;
    eprintln!(
        "stancegraph: a model of {rows} weight rows -> {}",
        args.output.display()
    );
    if let Some(dir) = &args.eval {
        let model = AttributionModel::from_file(&args.output)?;
        let held_out = read_corpus(dir)?;
        eprint!("{}", evaluate(&lx, &model, &held_out));
    }
    Ok(true)
}
