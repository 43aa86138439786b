//! The polyphone model: reads a polyphonic character from its context.
//!
//! This is the inference of g2pM (Park & Lee, Interspeech 2020; PyPI `g2pM` 0.1.2.5, Apache-2.0),
//! written from its architecture with its published weights (`data/g2pm/`): a 64-dimensional
//! character embedding, a one-layer bidirectional LSTM with 32 units per direction (PyTorch gate
//! order i, f, g, o), and two dense layers 64 → 32 (ReLU) → 876 reading classes. The sentence is
//! framed by begin and end tokens; the two hidden states at the character are the input of the
//! dense layers. The embedding is stored as int8 with one scale per row, and the build multiplies it
//! with the LSTM input weights once for every vocabulary entry (kept as f16), so that a step only
//! multiplies the 32 recurrent units. The predictions are g2pM's for 99.9% of CPP dev
//! (`scripts/g2pm-compare.py`; see `data/g2pm/README.md`).
//!
//! The model only decides the 623 characters it was trained on ([`is_polyphone`]), and only
//! among their candidate readings (the CPP label set of the character).
//!
//! ```
//! use tongyong::model;
//! let text: Vec<char> = "他在银行工作，请重新输入。".chars().collect();
//! let r = model::predict(&text, &[3, 8]);
//! assert_eq!(r[0].unwrap().to_string(), "hang2");
//! assert_eq!(r[1].unwrap().to_string(), "chong2");
//! ```

use crate::syllable::Syllable;
use crate::tables::{
    G2PM_BOS, G2PM_BW_WHH_T, G2PM_CHAR_CODES, G2PM_CHAR_IDS, G2PM_CLASSES, G2PM_EOS, G2PM_FW_WHH_T,
    G2PM_L0_B, G2PM_L0_W, G2PM_L1_B, G2PM_L1_W, G2PM_POLY_CHARS, G2PM_POLY_CLASSES,
    G2PM_POLY_OFFSETS, G2PM_PROJECTION, G2PM_UNK, G2PM_VOCAB,
};

const HIDDEN: usize = 32;
const GATES: usize = 4 * HIDDEN;
const FC: usize = 32;

/// Whether the model decides the reading of `c`: one of the polyphonic characters it was trained
/// on.
///
/// ```
/// assert!(tongyong::model::is_polyphone('行'));
/// assert!(!tongyong::model::is_polyphone('我'));
/// ```
pub fn is_polyphone(c: char) -> bool {
    G2PM_POLY_CHARS.binary_search(&(c as u32)).is_ok()
}

/// The candidate classes of `c`, if the model decides it.
fn candidates(c: char) -> Option<&'static [u16]> {
    let k = G2PM_POLY_CHARS.binary_search(&(c as u32)).ok()?;
    Some(&G2PM_POLY_CLASSES[G2PM_POLY_OFFSETS[k] as usize..G2PM_POLY_OFFSETS[k + 1] as usize])
}

fn input_id(c: char) -> u16 {
    match G2PM_CHAR_CODES.binary_search(&(c as u32)) {
        Ok(k) => G2PM_CHAR_IDS[k],
        Err(_) => G2PM_UNK,
    }
}

/// f16 → f32 (the projections are normal numbers or zero), branch-free so that it vectorises.
fn f16_to_f32(h: u16) -> f32 {
    let h = h as u32;
    let magnitude = (h & 0x7fff) << 13;
    let bits = (h & 0x8000) << 16
        | if magnitude == 0 {
            0
        } else {
            magnitude + (112 << 23)
        };
    f32::from_bits(bits)
}

/// The gate inputs of input id `id` for direction `dir` (0 forward, 1 backward): the embedding
/// times the input weights plus the biases, precomputed at build time.
fn project(id: u16, dir: usize, out: &mut [f32; GATES]) {
    debug_assert!((id as usize) < G2PM_VOCAB);
    let at = (id as usize * 2 + dir) * GATES * 2;
    let row = &G2PM_PROJECTION[at..at + GATES * 2];
    for (o, b) in out.iter_mut().zip(row.chunks_exact(2)) {
        *o = f16_to_f32(u16::from_le_bytes([b[0], b[1]]));
    }
}

/// A dot product with eight accumulators (vectorises; both lengths are multiples of 8).
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    for (x, y) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        for k in 0..8 {
            acc[k] += x[k] * y[k];
        }
    }
    acc.iter().sum()
}

/// e^x to about 2·10⁻⁷ relative error, branch-free so that loops over it vectorise: x = k·ln 2 + r
/// with |r| ≤ ln 2 / 2, e^r by its Taylor polynomial of degree 7, 2^k by the exponent bits.
fn exp(x: f32) -> f32 {
    const ROUND: f32 = 12_582_912.0; // 1.5 · 2^23: adding it rounds to an integer
    let x = x.clamp(-87.0, 87.0);
    let t = x * std::f32::consts::LOG2_E + ROUND;
    let k = t - ROUND;
    let r = (x - k * 0.693_145_75) - k * 1.428_606_8e-6;
    let p = 1.0
        + r * (1.0
            + r * (0.5
                + r * (1.0 / 6.0
                    + r * (1.0 / 24.0
                        + r * (1.0 / 120.0 + r * (1.0 / 720.0 + r * (1.0 / 5040.0)))))));
    let k = t.to_bits().wrapping_sub(ROUND.to_bits()) as i32;
    p * f32::from_bits(((k + 127) as u32) << 23)
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + exp(-x))
}

fn tanh(x: f32) -> f32 {
    2.0 * sigmoid(2.0 * x) - 1.0
}

/// One LSTM direction: its index in the projection table and its recurrent weights (transposed:
/// one column of gate inputs per hidden unit).
struct Direction {
    index: usize,
    whh_t: &'static [f32],
}

const FORWARD: Direction = Direction {
    index: 0,
    whh_t: &G2PM_FW_WHH_T,
};
const BACKWARD: Direction = Direction {
    index: 1,
    whh_t: &G2PM_BW_WHH_T,
};

/// z += W · h, with W given by columns of 128 gate inputs (one per hidden unit). Works on blocks
/// of 32 gates so that each block's sums stay in registers.
fn add_recurrent(z: &mut [f32; GATES], columns: &[f32], h: &[f32; HIDDEN]) {
    for (b, block) in z.chunks_exact_mut(32).enumerate() {
        let mut acc = [0f32; 32];
        acc.copy_from_slice(block);
        for (j, &hj) in h.iter().enumerate() {
            let col = &columns[j * GATES + b * 32..j * GATES + b * 32 + 32];
            for (a, &w) in acc.iter_mut().zip(col) {
                *a += w * hj;
            }
        }
        block.copy_from_slice(&acc);
    }
}

impl Direction {
    /// One time step: updates the hidden state `h` and the cell `c` with input id `id`.
    fn step(&self, id: u16, h: &mut [f32; HIDDEN], c: &mut [f32; HIDDEN]) {
        let mut z = [0f32; GATES];
        project(id, self.index, &mut z);
        add_recurrent(&mut z, self.whh_t, h);
        // Gates i, f, g, o (PyTorch order); tanh(x) = 2·sigmoid(2x) − 1.
        for v in &mut z[2 * HIDDEN..3 * HIDDEN] {
            *v *= 2.0;
        }
        let mut a = [0f32; GATES];
        for (ak, &zk) in a.iter_mut().zip(&z) {
            *ak = sigmoid(zk);
        }
        for v in &mut a[2 * HIDDEN..3 * HIDDEN] {
            *v = 2.0 * *v - 1.0;
        }
        for k in 0..HIDDEN {
            c[k] = a[HIDDEN + k] * c[k] + a[k] * a[2 * HIDDEN + k];
            h[k] = a[3 * HIDDEN + k] * tanh(c[k]);
        }
    }
}

/// The hidden states of both directions at each target (indexes into `context`).
fn encode(context: &[char], targets: &[usize]) -> Vec<[f32; 2 * HIDDEN]> {
    // Input ids with the begin and end tokens: position p + 1 is context[p].
    let mut ids = Vec::with_capacity(context.len() + 2);
    ids.push(G2PM_BOS);
    ids.extend(context.iter().map(|&c| input_id(c)));
    ids.push(G2PM_EOS);
    let mut out = vec![[0f32; 2 * HIDDEN]; targets.len()];
    let (Some(&first), Some(&last)) = (targets.iter().min(), targets.iter().max()) else {
        return out;
    };
    let (mut h, mut c) = ([0f32; HIDDEN], [0f32; HIDDEN]);
    for (p, &id) in ids.iter().enumerate().take(last + 2) {
        FORWARD.step(id, &mut h, &mut c);
        for (t, o) in targets.iter().zip(out.iter_mut()) {
            if t + 1 == p {
                o[..HIDDEN].copy_from_slice(&h);
            }
        }
    }
    let (mut h, mut c) = ([0f32; HIDDEN], [0f32; HIDDEN]);
    for p in (first + 1..ids.len()).rev() {
        BACKWARD.step(ids[p], &mut h, &mut c);
        for (t, o) in targets.iter().zip(out.iter_mut()) {
            if t + 1 == p {
                o[HIDDEN..].copy_from_slice(&h);
            }
        }
    }
    out
}

/// The first dense layer (with ReLU).
fn hidden_layer(state: &[f32; 2 * HIDDEN]) -> [f32; FC] {
    let mut z = [0f32; FC];
    for (k, zk) in z.iter_mut().enumerate() {
        *zk =
            (G2PM_L0_B[k] + dot(&G2PM_L0_W[k * 2 * HIDDEN..(k + 1) * 2 * HIDDEN], state)).max(0.0);
    }
    z
}

fn class_score(z: &[f32; FC], class: u16) -> f32 {
    let k = class as usize;
    G2PM_L1_B[k] + dot(&G2PM_L1_W[k * FC..(k + 1) * FC], z)
}

/// Predicts the readings of `context[t]` for each `t` in `targets`, with the whole of `context`
/// (typically one sentence) as the model's input. `None` for a character the model does not
/// decide ([`is_polyphone`] is false).
///
/// The work is one LSTM step per character of `context` and direction (about 25,000
/// multiply-adds), whatever the number of targets: callers bound `context` to a window.
pub fn predict(context: &[char], targets: &[usize]) -> Vec<Option<Syllable>> {
    predict_with_probability(context, targets)
        .into_iter()
        .map(|p| p.map(|(s, _)| s))
        .collect()
}

/// Like [`predict`], with the probability of each prediction (softmax over the character's
/// candidate readings).
///
/// ```
/// let text: Vec<char> = "他在银行工作。".chars().collect();
/// let (s, p) = tongyong::model::predict_with_probability(&text, &[3])[0].unwrap();
/// assert_eq!(s.to_string(), "hang2");
/// assert!(p > 0.5 && p <= 1.0);
/// ```
pub fn predict_with_probability(
    context: &[char],
    targets: &[usize],
) -> Vec<Option<(Syllable, f32)>> {
    let wanted: Vec<usize> = targets
        .iter()
        .copied()
        .filter(|&t| candidates(context[t]).is_some())
        .collect();
    let states = encode(context, &wanted);
    let mut by_target = wanted.iter().zip(&states);
    targets
        .iter()
        .map(|&t| {
            let cands = candidates(context[t])?;
            let (_, state) = by_target.next()?;
            let z = hidden_layer(state);
            let mut best: Option<(u16, f32)> = None;
            let mut scores = [0f32; 16];
            for (k, &class) in cands.iter().enumerate() {
                let s = class_score(&z, class);
                if k < scores.len() {
                    scores[k] = s;
                }
                if best.is_none_or(|(_, b)| s > b) {
                    best = Some((class, s));
                }
            }
            let (class, top) = best?;
            let total: f32 = scores[..cands.len().min(scores.len())]
                .iter()
                .map(|s| (s - top).exp())
                .sum();
            Some((
                Syllable::from_code(G2PM_CLASSES[class as usize])?,
                1.0 / total,
            ))
        })
        .collect()
}

/// The probabilities (softmax over the candidates) of each candidate reading of `context[target]`,
/// best first; empty when the model does not decide the character.
///
/// ```
/// let text: Vec<char> = "他在银行工作。".chars().collect();
/// let p = tongyong::model::probabilities(&text, 3);
/// assert_eq!(p[0].0.to_string(), "hang2");
/// assert!(p[0].1 > 0.5 && p.iter().map(|x| x.1).sum::<f32>() > 0.99);
/// ```
pub fn probabilities(context: &[char], target: usize) -> Vec<(Syllable, f32)> {
    let Some(cands) = candidates(context[target]) else {
        return Vec::new();
    };
    let z = hidden_layer(&encode(context, &[target])[0]);
    let scores: Vec<f32> = cands.iter().map(|&k| class_score(&z, k)).collect();
    let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let total: f32 = scores.iter().map(|s| (s - max).exp()).sum();
    let mut out: Vec<(Syllable, f32)> = cands
        .iter()
        .zip(&scores)
        .filter_map(|(&k, s)| {
            Some((
                Syllable::from_code(G2PM_CLASSES[k as usize])?,
                (s - max).exp() / total,
            ))
        })
        .collect();
    out.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal));
    out
}

/// The scores of all 876 classes for `context[target]` (the published model's output, without
/// restricting it to the character's candidates), best first: for checking this inference
/// against g2pM itself.
#[doc(hidden)]
pub fn class_scores(context: &[char], target: usize) -> Vec<(Option<Syllable>, f32)> {
    let state = encode(context, &[target])[0];
    let z = hidden_layer(&state);
    let mut scores: Vec<(Option<Syllable>, f32)> = (0..G2PM_CLASSES.len())
        .map(|k| {
            (
                Syllable::from_code(G2PM_CLASSES[k]),
                class_score(&z, k as u16),
            )
        })
        .collect();
    scores.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal));
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, at: usize) -> String {
        let chars: Vec<char> = text.chars().collect();
        predict(&chars, &[at])[0].unwrap().to_string()
    }

    #[test]
    fn context_decides() {
        assert_eq!(read("他在银行工作。", 3), "hang2");
        assert_eq!(read("我们去人行道走。", 4), "xing2");
        assert_eq!(read("这个问题很重要。", 5), "zhong4");
        assert_eq!(read("请重新输入密码。", 1), "chong2");
    }

    #[test]
    fn characters_outside_the_model_are_none() {
        let chars: Vec<char> = "我行".chars().collect();
        let r = predict(&chars, &[0, 1]);
        assert!(r[0].is_none() && r[1].is_some());
    }

    #[test]
    fn several_targets_share_one_pass() {
        let chars: Vec<char> = "银行的行长走在人行道上".chars().collect();
        let together = predict(&chars, &[1, 3, 8]);
        for (k, &t) in [1, 3, 8].iter().enumerate() {
            assert_eq!(predict(&chars, &[t])[0], together[k]);
        }
    }
}
