//! A first-order sequence tagger: an averaged structured perceptron (Collins
//! 2002) over hashed features, decoded with Viterbi.
//!
//! Why written here and not taken from a crate: `crfs` tags CRFsuite models
//! in pure Rust, but its trainers clear a dense vector of every feature once
//! per sentence, about 30 s an iteration on PolNeAR's million features; the
//! `crfsuite` crate trains fast but builds C code with CMake, which a fresh
//! machine lacks. The perceptron is a hundred lines, trains in seconds, and
//! its sparse updates are exact.
//!
//! The model file: the magic `SGATTR1\n`; the number of labels L and of
//! weight rows N (u32, little-endian); the weight unit (f32); the (L + 1) × L
//! transition weights (f32; the last row is from the sentence start); then
//! the N rows, sorted by key: a u64 feature key and L weights in units (i16).

use rustc_hash::FxHashMap;

const MAGIC: &[u8; 8] = b"SGATTR1\n";

/// Trained weights, ready to tag.
#[derive(Debug, Clone)]
pub struct Weights {
    labels: usize,
    /// `trans[prev * labels + next]`, `prev == labels` for the start.
    trans: Vec<f32>,
    rows: FxHashMap<u64, Box<[i16]>>,
    unit: f32,
}

impl Weights {
    /// The best label sequence for tokens with these features.
    pub fn viterbi(&self, features: &[Vec<u64>]) -> Vec<usize> {
        let l = self.labels;
        let n = features.len();
        if n == 0 {
            return Vec::new();
        }
        let mut state = vec![0f32; n * l];
        let mut acc = vec![0i32; l];
        for (t, keys) in features.iter().enumerate() {
            acc.iter_mut().for_each(|a| *a = 0);
            for k in keys {
                if let Some(row) = self.rows.get(k) {
                    for (a, &w) in acc.iter_mut().zip(row.iter()) {
                        *a += i32::from(w);
                    }
                }
            }
            for (s, &a) in state[t * l..(t + 1) * l].iter_mut().zip(&acc) {
                *s = a as f32 * self.unit;
            }
        }
        viterbi(l, &self.trans, &state, n)
    }

    /// The model file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut keys: Vec<&u64> = self.rows.keys().collect();
        keys.sort_unstable();
        let mut out =
            Vec::with_capacity(24 + self.trans.len() * 4 + keys.len() * (8 + 2 * self.labels));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.labels as u32).to_le_bytes());
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.unit.to_le_bytes());
        for w in &self.trans {
            out.extend_from_slice(&w.to_le_bytes());
        }
        for k in keys {
            out.extend_from_slice(&k.to_le_bytes());
            for w in self.rows[k].iter() {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model file; `labels` is the label count the caller expects.
    pub fn from_bytes(bytes: &[u8], labels: usize) -> Result<Weights, String> {
        let bad = |what: &str| format!("not an attribution model ({what})");
        if bytes.len() < 20 || &bytes[..8] != MAGIC {
            return Err(bad("no SGATTR1 header"));
        }
        let u32_at =
            |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
        let l = u32_at(8) as usize;
        let n = u32_at(12) as usize;
        if l != labels {
            return Err(bad(&format!("{l} labels, expected {labels}")));
        }
        let unit = f32::from_le_bytes(bytes[16..20].try_into().map_err(|_| bad("short"))?);
        let trans_len = (l + 1) * l;
        let row_len = 8 + 2 * l;
        let expected = 20 + trans_len * 4 + n * row_len;
        if bytes.len() != expected || !unit.is_finite() {
            return Err(bad(&format!(
                "{} bytes where its header promises {expected}",
                bytes.len()
            )));
        }
        let trans: Vec<f32> = bytes[20..20 + trans_len * 4]
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        if trans.iter().any(|w| !w.is_finite()) {
            return Err(bad("a transition weight is not a number"));
        }
        let mut rows = FxHashMap::default();
        rows.reserve(n);
        for r in bytes[20 + trans_len * 4..].chunks_exact(row_len) {
            let key = u64::from_le_bytes(r[..8].try_into().map_err(|_| bad("short row"))?);
            let w: Box<[i16]> = r[8..]
                .chunks_exact(2)
                .map(|c| i16::from_le_bytes([c[0], c[1]]))
                .collect();
            rows.insert(key, w);
        }
        Ok(Weights {
            labels: l,
            trans,
            rows,
            unit,
        })
    }

    /// Weight rows in the model.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// Viterbi over state scores `state[t * l + y]` and transitions
/// `trans[prev * l + y]` (row `l` from the start).
fn viterbi(l: usize, trans: &[f32], state: &[f32], n: usize) -> Vec<usize> {
    let mut score = vec![0f32; n * l];
    let mut back = vec![0usize; n * l];
    for y in 0..l {
        score[y] = trans[l * l + y] + state[y];
    }
    for t in 1..n {
        for y in 0..l {
            let (mut best, mut arg) = (f32::NEG_INFINITY, 0);
            for p in 0..l {
                let s = score[(t - 1) * l + p] + trans[p * l + y];
                if s > best {
                    (best, arg) = (s, p);
                }
            }
            score[t * l + y] = best + state[t * l + y];
            back[t * l + y] = arg;
        }
    }
    let mut y = (0..l)
        .max_by(|&a, &b| {
            score[(n - 1) * l + a]
                .total_cmp(&score[(n - 1) * l + b])
                .then(b.cmp(&a))
        })
        .unwrap_or(0);
    let mut out = vec![0; n];
    for t in (0..n).rev() {
        out[t] = y;
        y = back[t * l + y];
    }
    out
}

/// A weight with the running sum the average is taken from.
#[derive(Clone, Copy, Default)]
struct Averaged {
    w: f64,
    /// Sum of `step * update` (the "lazy averaging" trick: the average is
    /// `w - sum / steps`).
    sum: f64,
}

impl Averaged {
    fn update(&mut self, delta: f64, step: f64) {
        self.w += delta;
        self.sum += step * delta;
    }
    fn average(&self, steps: f64) -> f64 {
        self.w - self.sum / steps
    }
}

/// Trains [`Weights`] one sentence at a time.
pub struct Trainer {
    labels: usize,
    trans: Vec<Averaged>,
    rows: FxHashMap<u64, Vec<Averaged>>,
    /// How often each feature was seen, to leave out the rare ones.
    seen: FxHashMap<u64, u32>,
    step: f64,
}

impl Trainer {
    pub fn new(labels: usize) -> Trainer {
        Trainer {
            labels,
            trans: vec![Averaged::default(); (labels + 1) * labels],
            rows: FxHashMap::default(),
            seen: FxHashMap::default(),
            step: 1.0,
        }
    }

    /// Counts the features of a sentence (call once per sentence before training).
    pub fn count(&mut self, features: &[Vec<u64>]) {
        for k in features.iter().flatten() {
            *self.seen.entry(*k).or_default() += 1;
        }
    }

    /// One perceptron step: decode with the current weights, and where the
    /// result differs from `gold`, move weights toward gold. Returns whether
    /// the sentence was already right.
    pub fn learn(&mut self, features: &[Vec<u64>], gold: &[usize], min_count: u32) -> bool {
        let l = self.labels;
        let n = features.len();
        let mut state = vec![0f32; n * l];
        for (t, keys) in features.iter().enumerate() {
            for k in keys {
                if let Some(row) = self.rows.get(k) {
                    for (y, w) in row.iter().enumerate() {
                        state[t * l + y] += w.w as f32;
                    }
                }
            }
        }
        let trans: Vec<f32> = self.trans.iter().map(|a| a.w as f32).collect();
        let guess = viterbi(l, &trans, &state, n);
        let right = guess == gold;
        if !right {
            let step = self.step;
            for t in 0..n {
                let (g, p) = (gold[t], guess[t]);
                let (gp, pp) = if t == 0 {
                    (l, l)
                } else {
                    (gold[t - 1], guess[t - 1])
                };
                if g != p {
                    for k in &features[t] {
                        if self.seen.get(k).copied().unwrap_or(0) < min_count {
                            continue;
                        }
                        let row = self
                            .rows
                            .entry(*k)
                            .or_insert_with(|| vec![Averaged::default(); l]);
                        row[g].update(1.0, step);
                        row[p].update(-1.0, step);
                    }
                }
                if g != p || gp != pp {
                    self.trans[gp * l + g].update(1.0, step);
                    self.trans[pp * l + p].update(-1.0, step);
                }
            }
        }
        self.step += 1.0;
        right
    }

    /// The averaged weights, rounded to 16-bit units; rows that round to
    /// nothing are left out.
    pub fn finish(&self) -> Weights {
        let steps = self.step;
        let max = self
            .rows
            .values()
            .flatten()
            .map(|a| a.average(steps).abs())
            .fold(1e-9, f64::max);
        let unit = (max / f64::from(i16::MAX)) as f32;
        let mut rows = FxHashMap::default();
        for (k, row) in &self.rows {
            let q: Box<[i16]> = row
                .iter()
                .map(|a| (a.average(steps) / f64::from(unit)).round() as i16)
                .collect();
            if q.iter().any(|&w| w != 0) {
                rows.insert(*k, q);
            }
        }
        Weights {
            labels: self.labels,
            trans: self.trans.iter().map(|a| a.average(steps) as f32).collect(),
            rows,
            unit,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A toy language: "x" is label 1 after "a" and label 0 otherwise.
    fn toy() -> Vec<(Vec<Vec<u64>>, Vec<usize>)> {
        let f = |w: u64, prev: u64| vec![w, 100 + prev];
        vec![
            (vec![f(1, 0), f(2, 1)], vec![0, 1]),
            (vec![f(2, 0), f(2, 2)], vec![0, 0]),
            (vec![f(3, 0), f(1, 3), f(2, 1)], vec![0, 0, 1]),
        ]
    }

    #[test]
    fn learns_a_toy_language_and_round_trips_through_bytes() {
        let mut tr = Trainer::new(2);
        for (x, _) in toy() {
            tr.count(&x);
        }
        for _ in 0..10 {
            for (x, y) in toy() {
                tr.learn(&x, &y, 1);
            }
        }
        let w = tr.finish();
        for (x, y) in toy() {
            assert_eq!(w.viterbi(&x), y);
        }
        let back = Weights::from_bytes(&w.to_bytes(), 2).unwrap();
        assert_eq!(back.to_bytes(), w.to_bytes());
        for (x, y) in toy() {
            assert_eq!(back.viterbi(&x), y);
        }
    }

    #[test]
    fn damaged_files_are_refused() {
        assert!(Weights::from_bytes(b"SGATTR1\n", 2).is_err());
        let mut bytes = Trainer::new(2).finish().to_bytes();
        assert!(Weights::from_bytes(&bytes, 3).is_err());
        bytes.push(0);
        assert!(Weights::from_bytes(&bytes, 2).is_err());
    }
}
