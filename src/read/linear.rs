//! The linear polyphone model: one multinomial logistic regression per polyphonic character,
//! trained here (`scripts/train-polyphone.py`, weights in `data/polyphone/`) on g2pL train and a
//! fixed part of CPP dev.
//!
//! A target character is described by hashed binary features ([`features`]): the characters at
//! offsets −3…+3 and the bigrams and trigrams around it, the Han characters within ±8 (as a bag),
//! the lexicon word that the segmenter found around it with the target's place in it and its POS,
//! the words before and after it, and the reading the lexicon stage gave it (phrase or default)
//! with where that came from. The score of a reading is the sum of the weights of the features
//! present (int8 with one scale per character); the reading's log-probability is the log-softmax
//! of the scores over the character's readings ([`log_probabilities`]).
//!
//! The training script does not compute features itself: `examples/polyphone_features.rs` prints
//! the strings of this module for every training item, so training and reading see the same
//! features; both hash them with [`super::feature_hash`].
//!
//! Where it stands in the reading stage (`crate::read`, precedence from first to last): the user
//! dictionary; a multi-character word's phrase reading (which this model overrides only when it
//! is nearly sure, like g2pM, see `read::LINEAR_OVERRIDE`); measure words, erhua and the grammar
//! rules; then this model, alone in [`crate::ReadingMode::Fast`] and combined with g2pM's
//! log-probabilities in [`crate::ReadingMode::Model`]; then the character's default reading.

use super::feature_hash::{fnv_bytes, slot, FNV_OFFSET, ROW_BITS};
use super::Settled;
use crate::lexicon::Entry;
use crate::segment::{is_han, Token, TokenKind};
use crate::syllable::Syllable;
use crate::tables::{
    LINEAR_CHARS, LINEAR_CLASSES, LINEAR_INFO, LINEAR_LEADS, LINEAR_SET, LINEAR_SURE_SET,
    LINEAR_TABLE, LINEAR_TABLE_BITS, LINEAR_WEIGHTS, LINEAR_WIDEST,
};

/// The most readings a character of the model has.
pub(crate) const MAX_CLASSES: usize = LINEAR_WIDEST;

/// One piece of a feature string.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Part<'a> {
    /// Literal text (the feature's tag).
    Str(&'a str),
    /// One character.
    Char(char),
    /// Several characters.
    Chars(&'a [char]),
    /// A number, in decimal.
    Num(u32),
}

/// Receives the features of a target, each as the concatenation of its parts.
pub(crate) trait Sink {
    /// One feature.
    fn feature(&mut self, parts: &[Part<'_>]);
}

fn hash_parts(parts: &[Part<'_>]) -> u32 {
    let mut h = FNV_OFFSET;
    let mut buf = [0u8; 4];
    for p in parts {
        h = match *p {
            Part::Str(s) => fnv_bytes(h, s.as_bytes()),
            Part::Char(c) => fnv_bytes(h, c.encode_utf8(&mut buf).as_bytes()),
            Part::Chars(cs) => cs
                .iter()
                .fold(h, |h, c| fnv_bytes(h, c.encode_utf8(&mut buf).as_bytes())),
            Part::Num(n) => {
                let mut digits = [0u8; 10];
                let mut k = digits.len();
                let mut n = n;
                loop {
                    k -= 1;
                    digits[k] = b'0' + (n % 10) as u8;
                    n /= 10;
                    if n == 0 {
                        break;
                    }
                }
                fnv_bytes(h, &digits[k..])
            }
        };
    }
    h
}

/// Collects the features as strings (for `examples/polyphone_features.rs` and the tests).
#[derive(Default)]
pub(crate) struct Strings(pub Vec<String>);

impl Sink for Strings {
    fn feature(&mut self, parts: &[Part<'_>]) {
        let mut s = String::new();
        for p in parts {
            match *p {
                Part::Str(t) => s.push_str(t),
                Part::Char(c) => s.push(c),
                Part::Chars(cs) => s.extend(cs),
                Part::Num(n) => s.push_str(&n.to_string()),
            }
        }
        self.0.push(s);
    }
}

/// Hashes every feature and hands the hash on.
struct Hashes<F: FnMut(u32)>(F);

impl<F: FnMut(u32)> Sink for Hashes<F> {
    fn feature(&mut self, parts: &[Part<'_>]) {
        (self.0)(hash_parts(parts))
    }
}

/// What the features of a target are made of: the sentence after the lexicon stage.
pub(crate) struct Context<'a> {
    /// The normalised characters of the text.
    pub chars: &'a [char],
    /// Its tokens.
    pub tokens: &'a [Token],
    /// The lexicon entry of each token.
    pub entries: &'a [Option<Entry>],
    /// The readings of the lexicon stage (phrase or default readings for the targets).
    pub readings: &'a [Option<Syllable>],
    /// How far the lexicon stage settles each character.
    pub settled: &'a [Settled],
}

/// How far the features look for the sentence's bounds (and the bag's reach).
const REACH: usize = 32;
const BAG: usize = 8;

/// The characters `start..end` of the sentence around `i` (at most [`REACH`] each side).
fn sentence(chars: &[char], i: usize) -> (usize, usize) {
    super::sentence_window(chars, i, REACH)
}

/// A character as the features see it: digits as `0`, Latin letters as `a`, blanks and controls
/// as `_`.
fn shape(c: char) -> char {
    if c.is_ascii_digit() {
        '0'
    } else if c.is_ascii_alphabetic() {
        'a'
    } else if c.is_whitespace() || c.is_control() {
        '_'
    } else {
        c
    }
}

const UNIGRAMS: [(&str, isize); 6] = [
    ("c-3=", -3),
    ("c-2=", -2),
    ("c-1=", -1),
    ("c1=", 1),
    ("c2=", 2),
    ("c3=", 3),
];
const BIGRAMS: [(&str, isize, isize); 5] = [
    ("b-3=", -3, -2),
    ("b-2=", -2, -1),
    ("b-1=", -1, 1),
    ("b1=", 1, 2),
    ("b2=", 2, 3),
];
const TRIGRAMS: [(&str, isize, isize, isize); 4] = [
    ("t-3=", -3, -2, -1),
    ("t-2=", -2, -1, 1),
    ("t-1=", -1, 1, 2),
    ("t1=", 1, 2, 3),
];

/// Emits the features of the target `cx.chars[i]` into `sink`.
pub(crate) fn features(cx: &Context<'_>, i: usize, sink: &mut impl Sink) {
    use Part::{Char, Chars, Num, Str};
    let chars = cx.chars;
    let (s, e) = sentence(chars, i);
    let at = |o: isize| {
        let j = i as isize + o;
        if j < s as isize {
            '^'
        } else if j >= e as isize {
            '$'
        } else {
            shape(chars[j as usize])
        }
    };
    sink.feature(&[Str("bias")]);
    for (tag, o) in UNIGRAMS {
        sink.feature(&[Str(tag), Char(at(o))]);
    }
    for (tag, a, b) in BIGRAMS {
        sink.feature(&[Str(tag), Char(at(a)), Char(at(b))]);
    }
    for (tag, a, b, c) in TRIGRAMS {
        sink.feature(&[Str(tag), Char(at(a)), Char(at(b)), Char(at(c))]);
    }
    let from = i.saturating_sub(BAG).max(s);
    for (j, &c) in chars[..(i + BAG + 1).min(e)].iter().enumerate().skip(from) {
        if j != i && is_han(c) {
            sink.feature(&[Str("x="), Char(c)]);
        }
    }
    let k = cx.tokens.partition_point(|t| t.end <= i);
    let pos = |k: usize| {
        cx.entries
            .get(k)
            .copied()
            .flatten()
            .filter(|e| e.is_word())
            .map_or("", |e| e.pos())
    };
    if let Some(t) = cx.tokens.get(k).filter(|t| t.start <= i) {
        let len = t.end - t.start;
        if len >= 2 {
            sink.feature(&[Str("w="), Chars(&chars[t.start..t.end])]);
        }
        let place = (i - t.start).min(4) as u32;
        sink.feature(&[Str("wp="), Num(place), Str("/"), Num(len.min(5) as u32)]);
        sink.feature(&[Str("p="), Str(pos(k))]);
        let neighbour =
            |tag: &str, ptag: &str, n: Option<usize>, sink: &mut dyn FnMut(&[Part<'_>])| match n
                .and_then(|n| cx.tokens.get(n).map(|t| (n, t)))
            {
                Some((n, t)) if t.kind == TokenKind::Han && t.end > s && t.start < e => {
                    sink(&[Str(tag), Chars(&chars[t.start..t.end])]);
                    sink(&[Str(ptag), Str(pos(n))]);
                }
                Some((_, t)) if t.end > s && t.start < e => sink(&[Str(tag), Str("#")]),
                _ => sink(&[Str(tag), Str("^")]),
            };
        let mut emit = |parts: &[Part<'_>]| sink.feature(parts);
        neighbour("pw=", "pp=", k.checked_sub(1), &mut emit);
        neighbour("nw=", "np=", Some(k + 1), &mut emit);
    }
    if let Some(r) = cx.readings[i] {
        let code = r.code() as u32;
        sink.feature(&[Str("r="), Num(code)]);
        if matches!(cx.settled.get(i), Some(Settled::Phrase { .. })) {
            sink.feature(&[Str("rp="), Num(code)]);
        }
    }
}

/// Whether the model reads `c`.
#[inline]
pub(crate) fn covers(c: char) -> bool {
    LINEAR_SET.contains(c)
}

/// Whether the model leads for `c`: it decides the character's open readings in both modes (g2pM
/// leaves them), as it was trained on enough of its items (g2pL's).
#[inline]
pub(crate) fn leads(c: char) -> bool {
    LINEAR_LEADS.contains(c)
}

/// Whether the model re-reads `c`, which g2pM does not read, when it is sure
/// (`crate::read::LINEAR_SURE`).
#[inline]
pub(crate) fn sure_only(c: char) -> bool {
    LINEAR_SURE_SET.contains(c)
}

/// The best reading of `cx.chars[i]` and its probability, if the model reads the character.
pub(crate) fn best(cx: &Context<'_>, i: usize) -> Option<(Syllable, f32)> {
    let mut lp = [0f32; MAX_CLASSES];
    let classes = log_probabilities(cx, i, &mut lp)?;
    let (k, p) = lp[..classes.len()]
        .iter()
        .copied()
        .enumerate()
        .fold((0, f32::NEG_INFINITY), |b, x| if x.1 > b.1 { x } else { b });
    Some((Syllable::from_code(classes[k])?, p.exp()))
}

/// The slot `s` of the feature table: the hash and the character number with the row.
#[inline]
fn slot_at(s: usize) -> (u32, u32) {
    let b = &LINEAR_TABLE[8 * s..8 * s + 8];
    (
        u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
        u32::from_le_bytes([b[4], b[5], b[6], b[7]]),
    )
}

/// The readings of `cx.chars[i]` with their log-probabilities (in the order of the character's
/// classes, at most [`MAX_CLASSES`]), written to `out`; `None` when the model does not read the
/// character.
pub(crate) fn log_probabilities(
    cx: &Context<'_>,
    i: usize,
    out: &mut [f32; MAX_CLASSES],
) -> Option<&'static [u16]> {
    let c = cx.chars[i] as u32;
    let m = LINEAR_CHARS.binary_search(&c).ok()?;
    let (_, _, weight_start, class_start, width, scale) = LINEAR_INFO[m];
    let width = width as usize;
    let mask = (1usize << LINEAR_TABLE_BITS) - 1;
    let mut sums = [0i32; MAX_CLASSES];
    features(
        cx,
        i,
        &mut Hashes(|h| {
            let mut s = slot(h, m as u32, LINEAR_TABLE_BITS);
            loop {
                let (key, packed) = slot_at(s);
                if packed == 0 {
                    return;
                }
                if key == h && packed >> ROW_BITS == m as u32 {
                    let row = (packed & ((1 << ROW_BITS) - 1)) as usize - 1;
                    let w = weight_start as usize + row * width;
                    for (s, &b) in sums.iter_mut().zip(&LINEAR_WEIGHTS[w..w + width]) {
                        *s += b as i8 as i32;
                    }
                    return;
                }
                s = (s + 1) & mask;
            }
        }),
    );
    let scores = &mut out[..width];
    for (o, &s) in scores.iter_mut().zip(&sums) {
        *o = s as f32 * scale;
    }
    let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let total: f32 = scores.iter().map(|s| (s - max).exp()).sum();
    let log_total = total.ln() + max;
    for o in scores.iter_mut() {
        *o -= log_total;
    }
    let class_start = class_start as usize;
    Some(&LINEAR_CLASSES[class_start..class_start + width])
}

/// The feature strings of `cx.chars[i]` (for `examples/polyphone_features.rs`).
pub(crate) fn feature_strings(cx: &Context<'_>, i: usize) -> Vec<String> {
    let mut s = Strings::default();
    features(cx, i, &mut s);
    s.0
}

#[cfg(test)]
mod tests {
    use super::super::feature_hash::fnv_str;
    use super::*;

    #[test]
    fn hashing_parts_equals_hashing_the_string() {
        let parts = [
            Part::Str("t-2="),
            Part::Char('银'),
            Part::Chars(&['行', 'a']),
            Part::Num(1043),
        ];
        let mut s = Strings::default();
        s.feature(&parts);
        assert_eq!(s.0[0], "t-2=银行a1043");
        assert_eq!(hash_parts(&parts), fnv_str("t-2=银行a1043"));
        assert_eq!(hash_parts(&[Part::Num(0)]), fnv_str("0"));
    }

    fn strings(text: &str, i: usize) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let tokens = crate::segment::segment(&chars);
        let entries: Vec<Option<Entry>> = tokens
            .iter()
            .map(|t| crate::lexicon::lookup_chars(&chars[t.start..t.end]))
            .collect();
        let readings: Vec<Option<Syllable>> = chars
            .iter()
            .map(|&c| super::super::char_reading(c))
            .collect();
        let settled = vec![Settled::No; chars.len()];
        let cx = Context {
            chars: &chars,
            tokens: &tokens,
            entries: &entries,
            readings: &readings,
            settled: &settled,
        };
        feature_strings(&cx, i)
    }

    #[test]
    fn features_see_the_neighbours_and_the_sentence_bounds() {
        let f = strings("他在银行上班。明天", 3);
        for want in [
            "bias",
            "c-1=银",
            "c-3=他",
            "c2=班",
            "c3=。",
            "b-1=银上",
            "t1=上班。",
            "x=他",
            "w=银行",
            "wp=1/2",
            "nw=上班",
        ] {
            assert!(f.iter().any(|x| x == want), "{want} in {f:?}");
        }
        // The sentence ends at 。: nothing after it is seen.
        assert!(!f.iter().any(|x| x.contains('明')));
        let g = strings("行。明天", 0);
        assert!(g.iter().any(|x| x == "c-1=^") && g.iter().any(|x| x == "c2=$"));
        assert!(!g.iter().any(|x| x.contains('明')));
    }

    #[test]
    fn features_shape_latin_and_digits() {
        let f = strings("ab12长", 4);
        assert!(f.iter().any(|x| x == "c-1=0"));
        assert!(f.iter().any(|x| x == "c-3=a"));
    }

    #[test]
    fn every_covered_character_has_valid_classes() {
        for (k, &(ks, ke, _, cs, w, scale)) in LINEAR_INFO.iter().enumerate() {
            assert!(
                ks <= ke && w >= 2 && scale > 0.0,
                "char {}",
                LINEAR_CHARS[k]
            );
            for &code in &LINEAR_CLASSES[cs as usize..cs as usize + w as usize] {
                assert!(Syllable::from_code(code).is_some());
            }
        }
    }
}
