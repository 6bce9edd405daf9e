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
//! The model file: the magic `SGATTR1\n`; the number of labels L (11) and of
//! weight rows N (u32, little-endian); the weight unit (f32); the (L + 1) × L
//! transition weights (f32; the last row is from the sentence start); then
//! the N rows, in increasing key order: a u64 feature key and L weights in
//! units (i16). The rows are read where they lie, not copied.

use rustc_hash::FxHashMap;
use std::borrow::Cow;

const MAGIC: &[u8; 8] = b"SGATTR1\n";

/// The tagger's label count: BIO over three roles, sources and contents
/// on either side of their cue ([`super::LABELS`]).
pub const LABELS: usize = 11;

/// Bytes of one weight row in the file: the key and a weight per label.
const ROW: usize = 8 + 2 * LABELS;

/// Trained weights, ready to tag. The rows are looked up in the model file's
/// bytes as they are (the compiled-in model is never copied): an index of
/// where each top-16-bit key prefix starts narrows a lookup to a few rows.
#[derive(Debug, Clone)]
pub struct Weights {
    /// `trans[prev * LABELS + next]`, `prev == LABELS` for the start.
    trans: Vec<f32>,
    unit: f32,
    bytes: Cow<'static, [u8]>,
    /// Offset of the rows in `bytes`.
    rows_at: usize,
    /// `index[p]..index[p + 1]`: the rows whose key starts with prefix `p`.
    index: Vec<u32>,
    /// Tells models apart (a clone shares its original's): per-thread
    /// caches of sums of one model's weights are not used with another.
    id: u64,
}

fn u32_at(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]])
}

fn u64_at(b: &[u8], i: usize) -> u64 {
    let mut x = [0u8; 8];
    x.copy_from_slice(&b[i..i + 8]);
    u64::from_le_bytes(x)
}

impl Weights {
    /// The weight row of a feature key, if the model has one.
    #[inline]
    fn row(&self, key: u64) -> Option<&[u8]> {
        let p = (key >> 48) as usize;
        let (lo, hi) = (self.index[p] as usize, self.index[p + 1] as usize);
        let rows = &self.bytes[self.rows_at + lo * ROW..self.rows_at + hi * ROW];
        rows.chunks_exact(ROW)
            .find(|r| u64_at(r, 0) == key)
            .map(|r| &r[8..])
    }

    /// This model's identity: no two loaded models share one.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The label scores of one token with these features, in weight units:
    /// the sum of their rows (features without one weigh nothing).
    pub fn score(&self, keys: &[u64]) -> [i32; LABELS] {
        let mut acc = [0i32; LABELS];
        self.add_score(keys, &mut acc);
        acc
    }

    /// Adds the rows of these features to `acc`.
    pub fn add_score(&self, keys: &[u64], acc: &mut [i32; LABELS]) {
        for &k in keys {
            if let Some(row) = self.row(k) {
                for (a, w) in acc.iter_mut().zip(row.chunks_exact(2)) {
                    *a += i32::from(i16::from_le_bytes([w[0], w[1]]));
                }
            }
        }
    }

    /// The best label sequence for tokens with these features.
    pub fn viterbi(&self, features: &[Vec<u64>]) -> Vec<usize> {
        let scores: Vec<[i32; LABELS]> = features.iter().map(|k| self.score(k)).collect();
        self.viterbi_scores(&scores)
    }

    /// The best label sequence for tokens with these label scores
    /// ([`Weights::score`]).
    pub fn viterbi_scores(&self, scores: &[[i32; LABELS]]) -> Vec<usize> {
        let l = LABELS;
        let n = scores.len();
        if n == 0 {
            return Vec::new();
        }
        let mut state = vec![0f32; n * l];
        for (t, acc) in scores.iter().enumerate() {
            for (s, &a) in state[t * l..(t + 1) * l].iter_mut().zip(acc) {
                *s = a as f32 * self.unit;
            }
        }
        viterbi(l, &self.trans, &state, n)
    }

    /// The model file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.bytes.to_vec()
    }

    /// Reads a model file; `labels` is the label count the caller expects.
    pub fn from_bytes(bytes: &[u8]) -> Result<Weights, String> {
        Self::from_cow(Cow::Owned(bytes.to_vec()))
    }

    /// Reads a model file that lives as long as the process (compiled in).
    pub fn from_static(bytes: &'static [u8]) -> Result<Weights, String> {
        Self::from_cow(Cow::Borrowed(bytes))
    }

    fn from_cow(bytes: Cow<'static, [u8]>) -> Result<Weights, String> {
        let bad = |what: &str| format!("not an attribution model ({what})");
        if bytes.len() < 20 || &bytes[..8] != MAGIC {
            return Err(bad("no SGATTR1 header"));
        }
        let l = u32_at(&bytes, 8) as usize;
        let n = u32_at(&bytes, 12) as usize;
        if l != LABELS {
            return Err(bad(&format!("{l} labels, expected {LABELS}")));
        }
        let unit = f32::from_bits(u32_at(&bytes, 16));
        let trans_len = (l + 1) * l;
        let rows_at = 20 + trans_len * 4;
        if n.checked_mul(ROW).and_then(|r| r.checked_add(rows_at)) != Some(bytes.len())
            || !unit.is_finite()
        {
            return Err(bad(&format!(
                "{} bytes where its header promises {n} rows",
                bytes.len()
            )));
        }
        let trans: Vec<f32> = (0..trans_len)
            .map(|i| f32::from_bits(u32_at(&bytes, 20 + 4 * i)))
            .collect();
        if trans.iter().any(|w| !w.is_finite()) {
            return Err(bad("a transition weight is not a number"));
        }
        let mut index = vec![0u32; (1 << 16) + 1];
        let mut last = None;
        for r in 0..n {
            let key = u64_at(&bytes, rows_at + r * ROW);
            if last.is_some_and(|k| k >= key) {
                return Err(bad("rows out of order"));
            }
            last = Some(key);
            index[(key >> 48) as usize + 1] += 1;
        }
        for p in 1..index.len() {
            index[p] += index[p - 1];
        }
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Ok(Weights {
            trans,
            unit,
            bytes,
            rows_at,
            index,
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        })
    }

    /// The transition weights, `(LABELS + 1) × LABELS`, the last row from
    /// the start.
    pub fn transitions(&self) -> Vec<f64> {
        self.trans.iter().map(|&w| f64::from(w)).collect()
    }

    /// Every weight row: its feature key and its weight per label.
    pub fn rows(&self) -> impl Iterator<Item = (u64, [f64; LABELS])> + '_ {
        let rows = &self.bytes[self.rows_at..];
        rows.chunks_exact(ROW).map(move |r| {
            let mut w = [0f64; LABELS];
            for (x, b) in w.iter_mut().zip(r[8..].chunks_exact(2)) {
                *x = f64::from(i16::from_le_bytes([b[0], b[1]])) * f64::from(self.unit);
            }
            (u64_at(r, 0), w)
        })
    }

    /// Two models of the same features as one: each scaled so that its
    /// state weights have a root mean square of one, then averaged (a
    /// feature one of them lacks weighs zero there). Both score a path by
    /// a sum of weights, so the average scores it by the mean of the two
    /// scores, and the blend tags at the cost of one model.
    pub fn blend(a: &Weights, b: &Weights) -> Weights {
        let rms = |w: &Weights| {
            let (sum, n) = w
                .rows()
                .flat_map(|(_, r)| r)
                .fold((0.0, 0usize), |(s, n), x| (s + x * x, n + 1));
            if sum > 0.0 {
                (sum / n as f64).sqrt()
            } else {
                1.0
            }
        };
        let (sa, sb) = (2.0 * rms(a), 2.0 * rms(b));
        let trans: Vec<f64> = a
            .transitions()
            .iter()
            .zip(b.transitions())
            .map(|(x, y)| x / sa + y / sb)
            .collect();
        let mut rows: std::collections::BTreeMap<u64, [f64; LABELS]> = Default::default();
        for (w, s) in [(a, sa), (b, sb)] {
            for (k, r) in w.rows() {
                let row = rows.entry(k).or_insert([0.0; LABELS]);
                for (x, v) in row.iter_mut().zip(r) {
                    *x += v / s;
                }
            }
        }
        Weights::from_rows(&trans, rows.into_iter())
    }

    /// Weight rows in the model.
    pub fn len(&self) -> usize {
        self.index[1 << 16] as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
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

/// Trains [`Weights`] (over [`LABELS`] labels) one sentence at a time.
pub struct Trainer {
    /// `(LABELS + 1) × LABELS`, the last row from the start, as in the file.
    trans: Vec<Averaged>,
    rows: FxHashMap<u64, Vec<Averaged>>,
    /// How often each feature was seen, to leave out the rare ones.
    seen: FxHashMap<u64, u32>,
    step: f64,
}

impl Default for Trainer {
    fn default() -> Self {
        Self::new()
    }
}

impl Trainer {
    pub fn new() -> Trainer {
        Trainer {
            trans: vec![Averaged::default(); (LABELS + 1) * LABELS],
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
        let l = LABELS;
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

    /// The averaged weights.
    pub fn finish(&self) -> Weights {
        let steps = self.step;
        let trans: Vec<f64> = self.trans.iter().map(|a| a.average(steps)).collect();
        let rows = self.rows.iter().map(|(k, row)| {
            let mut w = [0f64; LABELS];
            for (x, a) in w.iter_mut().zip(row) {
                *x = a.average(steps);
            }
            (*k, w)
        });
        Weights::from_rows(&trans, rows)
    }
}

impl Weights {
    /// Weights from trained values: `trans` is `(LABELS + 1) × LABELS`
    /// (the last row from the start), `rows` the state weights per feature
    /// key. They are rounded to 16-bit units of the largest state weight;
    /// rows that round to nothing are left out.
    pub fn from_rows(trans: &[f64], rows: impl Iterator<Item = (u64, [f64; LABELS])>) -> Weights {
        let rows: Vec<(u64, [f64; LABELS])> = rows.collect();
        let max = rows
            .iter()
            .flat_map(|r| r.1)
            .map(f64::abs)
            .fold(1e-9, f64::max);
        let unit = (max / f64::from(i16::MAX)) as f32;
        let mut q: Vec<(u64, [i16; LABELS])> = rows
            .into_iter()
            .map(|(k, w)| {
                let mut r = [0i16; LABELS];
                for (x, v) in r.iter_mut().zip(w) {
                    *x = (v / f64::from(unit)).round() as i16;
                }
                (k, r)
            })
            .filter(|(_, r)| r.iter().any(|&w| w != 0))
            .collect();
        q.sort_unstable_by_key(|r| r.0);
        let mut out = Vec::with_capacity(20 + trans.len() * 4 + q.len() * ROW);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(LABELS as u32).to_le_bytes());
        out.extend_from_slice(&(q.len() as u32).to_le_bytes());
        out.extend_from_slice(&unit.to_le_bytes());
        for &w in trans {
            out.extend_from_slice(&(w as f32).to_le_bytes());
        }
        for (k, r) in q {
            out.extend_from_slice(&k.to_le_bytes());
            for w in r {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        Weights::from_bytes(&out).expect("trained weights read back")
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

    /// The toy language learned in ten passes.
    fn toy_model() -> Weights {
        let mut tr = Trainer::new();
        for (x, _) in toy() {
            tr.count(&x);
        }
        for _ in 0..10 {
            for (x, y) in toy() {
                tr.learn(&x, &y, 1);
            }
        }
        tr.finish()
    }

    #[test]
    fn learns_a_toy_language_and_round_trips_through_bytes() {
        let w = toy_model();
        for (x, y) in toy() {
            assert_eq!(w.viterbi(&x), y);
        }
        let back = Weights::from_bytes(&w.to_bytes()).unwrap();
        assert_eq!(back.to_bytes(), w.to_bytes());
        for (x, y) in toy() {
            assert_eq!(back.viterbi(&x), y);
        }
    }

    #[test]
    fn a_blend_tags_as_both_its_models_agree_and_keeps_either_ones_features() {
        let w = toy_model();
        // a model blended with itself, or with one of other scale, tags alike
        let louder = Weights::from_rows(
            &w.transitions().iter().map(|t| 3.0 * t).collect::<Vec<_>>(),
            w.rows().map(|(k, r)| (k, r.map(|x| 3.0 * x))),
        );
        let blend = Weights::blend(&w, &louder);
        assert_eq!(blend.len(), w.len());
        for (x, y) in toy() {
            assert_eq!(blend.viterbi(&x), y);
        }
        // a feature only the other model has keeps its (halved) weight
        let other = Weights::from_rows(
            &[0.0; (LABELS + 1) * LABELS],
            [(999, [1.0; LABELS])].into_iter(),
        );
        let blend = Weights::blend(&w, &other);
        assert_eq!(blend.len(), w.len() + 1);
        assert!(blend
            .rows()
            .any(|(k, r)| k == 999 && r.iter().all(|&v| v > 0.0)));
    }

    #[test]
    fn damaged_files_are_refused() {
        assert!(Weights::from_bytes(b"SGATTR1\n").is_err());
        let mut bytes = Trainer::new().finish().to_bytes();
        assert!(Weights::from_bytes(&bytes).is_ok());
        // a header of another label count
        let mut three = bytes.clone();
        three[8..12].copy_from_slice(&3u32.to_le_bytes());
        assert!(Weights::from_bytes(&three).is_err());
        bytes.push(0);
        assert!(Weights::from_bytes(&bytes).is_err());
    }
}
