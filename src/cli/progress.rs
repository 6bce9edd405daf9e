//! A progress line on standard error for long runs: documents, MB/s and
//! positions found. Shown only when standard error is a terminal and
//! `--quiet` is not given, so pipelines and logs stay clean.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    docs: u64,
    bytes: u64,
    positions: u64,
}

impl Progress {
    pub fn new(quiet: bool) -> Self {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template("{spinner} {elapsed} {msg}")
                    .expect("a valid template"),
            );
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
            docs: 0,
            bytes: 0,
            positions: 0,
        }
    }

    /// `bytes` more bytes read with `positions` positions; `ends_document`
    /// when they end a document (a large file comes in parts).
    pub fn part(&mut self, bytes: usize, positions: usize, ends_document: bool) {
        self.docs += u64::from(ends_document);
        self.bytes += bytes as u64;
        self.positions += positions as u64;
        if let Some(bar) = &self.bar {
            if !ends_document || self.docs % 64 == 1 {
                let secs = self.started.elapsed().as_secs_f64().max(1e-3);
                bar.set_message(format!(
                    "{} documents, {:.1} MB/s, {} positions",
                    self.docs,
                    self.bytes as f64 / 1e6 / secs,
                    self.positions
                ));
            }
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
