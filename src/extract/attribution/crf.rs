//! A linear-chain CRF trainer: the same features and model file as the
//! perceptron ([`super::perceptron`]), fitted by maximum likelihood with an
//! L2 penalty, minimised by L-BFGS (the `liblbfgs` crate, a pure-Rust port
//! of libLBFGS, which CRFsuite uses too).
//!
//! The gradient is accumulated sparsely, one sentence at a time, with
//! forward-backward in scaled probabilities (no logarithm per label pair).
//! Sentences are visited in order and summed in order, so training is
//! deterministic.

use super::perceptron::{Weights, LABELS};
use rustc_hash::FxHashMap;

/// Sentences with their features as dense ids, and the gold labels.
struct Data {
    sentences: Vec<(Vec<Vec<u32>>, Vec<usize>)>,
    keys: Vec<u64>,
}

fn densify(sentences: &[(Vec<Vec<u64>>, Vec<usize>)], min_count: u32) -> Data {
    let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
    for k in sentences.iter().flat_map(|s| s.0.iter().flatten()) {
        *counts.entry(*k).or_default() += 1;
    }
    let mut keys: Vec<u64> = counts
        .into_iter()
        .filter(|&(_, c)| c >= min_count)
        .map(|(k, _)| k)
        .collect();
    keys.sort_unstable();
    let id: FxHashMap<u64, u32> = keys
        .iter()
        .enumerate()
        .map(|(i, &k)| (k, i as u32))
        .collect();
    let sentences = sentences
        .iter()
        .map(|(x, y)| {
            let x = x
                .iter()
                .map(|f| f.iter().filter_map(|k| id.get(k).copied()).collect())
                .collect();
            (x, y.clone())
        })
        .collect();
    Data { sentences, keys }
}

/// Scratch space for one sentence's forward-backward.
#[derive(Default)]
struct Lattice {
    /// exp(state score), `n × L`.
    state: Vec<f64>,
    alpha: Vec<f64>,
    beta: Vec<f64>,
    /// Scaling factor of each position.
    scale: Vec<f64>,
}

/// Adds one sentence's negative log-likelihood gradient to `g`; returns its
/// negative log-likelihood. `x` holds `A × L` state weights, then the
/// `(L + 1) × L` transitions (`exp_trans` is their exponential).
fn sentence_gradient(
    x: &[f64],
    exp_trans: &[f64],
    feats: &[Vec<u32>],
    gold: &[usize],
    g: &mut [f64],
    lat: &mut Lattice,
) -> f64 {
    let l = LABELS;
    let n = feats.len();
    let trans_at = x.len() - (l + 1) * l;
    lat.state.clear();
    lat.state.resize(n * l, 0.0);
    let mut gold_score = 0.0;
    for (t, f) in feats.iter().enumerate() {
        let row = &mut lat.state[t * l..(t + 1) * l];
        for &a in f {
            let w = &x[a as usize * l..a as usize * l + l];
            for (s, &v) in row.iter_mut().zip(w) {
                *s += v;
            }
        }
        gold_score += row[gold[t]];
        let prev = if t == 0 { l } else { gold[t - 1] };
        gold_score += x[trans_at + prev * l + gold[t]];
        for s in row.iter_mut() {
            *s = s.exp();
        }
    }
    lat.alpha.clear();
    lat.alpha.resize(n * l, 0.0);
    lat.beta.clear();
    lat.beta.resize(n * l, 0.0);
    lat.scale.clear();
    lat.scale.resize(n, 0.0);
    // forward, each position scaled to sum 1
    for t in 0..n {
        for y in 0..l {
            let into = if t == 0 {
                exp_trans[l * l + y]
            } else {
                (0..l)
                    .map(|p| lat.alpha[(t - 1) * l + p] * exp_trans[p * l + y])
                    .sum()
            };
            lat.alpha[t * l + y] = into * lat.state[t * l + y];
        }
        let sum: f64 = lat.alpha[t * l..(t + 1) * l].iter().sum();
        let c = if sum > 0.0 { 1.0 / sum } else { 1.0 };
        lat.scale[t] = c;
        lat.alpha[t * l..(t + 1) * l]
            .iter_mut()
            .for_each(|a| *a *= c);
    }
    let log_z: f64 = -lat.scale.iter().map(|c| c.ln()).sum::<f64>();
    // backward, with the forward's scales
    for y in 0..l {
        lat.beta[(n - 1) * l + y] = lat.scale[n - 1];
    }
    for t in (0..n.saturating_sub(1)).rev() {
        for p in 0..l {
            let s: f64 = (0..l)
                .map(|y| {
                    exp_trans[p * l + y] * lat.state[(t + 1) * l + y] * lat.beta[(t + 1) * l + y]
                })
                .sum();
            lat.beta[t * l + p] = s * lat.scale[t];
        }
    }
    // expectations minus the gold counts
    for t in 0..n {
        let c = lat.scale[t];
        for y in 0..l {
            let p =
                lat.alpha[t * l + y] * lat.beta[t * l + y] / c - f64::from(u8::from(gold[t] == y));
            if p != 0.0 {
                for &a in &feats[t] {
                    g[a as usize * l + y] += p;
                }
            }
        }
        if t == 0 {
            for y in 0..l {
                let p = lat.alpha[y] * lat.beta[y] / c;
                g[trans_at + l * l + y] += p;
            }
            g[trans_at + l * l + gold[0]] -= 1.0;
        } else {
            for p in 0..l {
                for y in 0..l {
                    let m = lat.alpha[(t - 1) * l + p]
                        * exp_trans[p * l + y]
                        * lat.state[t * l + y]
                        * lat.beta[t * l + y];
                    g[trans_at + p * l + y] += m;
                }
            }
            g[trans_at + gold[t - 1] * l + gold[t]] -= 1.0;
        }
    }
    log_z - gold_score
}

/// Fits a CRF to the sentences (features as keys, labels as indexes into
/// [`super::LABELS`]).
pub fn fit(
    sentences: &[(Vec<Vec<u64>>, Vec<usize>)],
    min_count: u32,
    c2: f64,
    max_iterations: usize,
    verbose: bool,
) -> Weights {
    let data = densify(sentences, min_count);
    let l = LABELS;
    let dims = data.keys.len() * l + (l + 1) * l;
    let trans_at = data.keys.len() * l;
    let mut x = vec![0.0f64; dims];
    let mut lat = Lattice::default();
    let evaluate = |x: &[f64], g: &mut [f64]| -> anyhow::Result<f64> {
        g.iter_mut().for_each(|v| *v = 0.0);
        let exp_trans: Vec<f64> = x[trans_at..].iter().map(|v| v.exp()).collect();
        let mut loss = 0.0;
        for (f, y) in &data.sentences {
            if !f.is_empty() {
                loss += sentence_gradient(x, &exp_trans, f, y, g, &mut lat);
            }
        }
        for (gi, &xi) in g.iter_mut().zip(x) {
            *gi += 2.0 * c2 * xi;
            loss += c2 * xi * xi;
        }
        Ok(loss)
    };
    let progress = |p: &liblbfgs::Progress| -> bool {
        if verbose {
            eprintln!("iteration {}: loss {:.1}", p.niter, p.fx);
        }
        false
    };
    // (a run that stops early, at the iteration limit or on a line-search
    // failure, still leaves usable weights in x)
    let _ = liblbfgs::lbfgs()
        .with_max_iterations(max_iterations)
        .with_epsilon(1e-5)
        .with_fx_delta(1e-5, 10)
        .minimize(&mut x, evaluate, progress);
    let rows = data.keys.iter().enumerate().map(|(i, &k)| {
        let mut w = [0f64; LABELS];
        w.copy_from_slice(&x[i * l..i * l + l]);
        (k, w)
    });
    Weights::from_rows(&x[trans_at..], rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The gradient of a one-sentence corpus matches finite differences.
    #[test]
    fn the_gradient_is_the_derivative_of_the_loss() {
        let feats = vec![vec![0u32, 1], vec![1], vec![0]];
        let gold = vec![0usize, 3, 4];
        let dims = 2 * LABELS + (LABELS + 1) * LABELS;
        let x: Vec<f64> = (0..dims)
            .map(|i| ((i * 37 % 11) as f64 - 5.0) / 10.0)
            .collect();
        let loss = |x: &[f64], g: &mut [f64]| {
            let exp_trans: Vec<f64> = x[2 * LABELS..].iter().map(|v| v.exp()).collect();
            sentence_gradient(x, &exp_trans, &feats, &gold, g, &mut Lattice::default())
        };
        let mut g = vec![0.0; dims];
        let f0 = loss(&x, &mut g);
        for i in [
            0,
            3,
            2 * LABELS + 5,
            dims - 1,
            2 * LABELS + LABELS * LABELS + 2,
        ] {
            let mut x2 = x.clone();
            x2[i] += 1e-6;
            let f1 = loss(&x2, &mut vec![0.0; dims]);
            let numeric = (f1 - f0) / 1e-6;
            assert!((numeric - g[i]).abs() < 1e-4, "{i}: {numeric} vs {}", g[i]);
        }
    }
}
