//! National Common Sign Language (国家通用手语): gloss look-up, text → sign sequence and
//! fingerspelling (汉语手指字母方案).
//!
//! The lexicon holds the **6,707 signs** of the national common sign-language vocabulary
//! (《国家通用手语词典》, 2019) as published in the **NationalCSL-DP** dataset: for each sign its
//! dataset id, the headword as printed, its variant number and the words listed as sharing the
//! sign. It is compiled into the library (`data/sign/`, a `phf` map; nothing to load).
//!
//! **Attribution (CC BY 4.0).** The sign ids and headwords come from NationalCSL-DP: Jin, P., Li, H.,
//! Yang, J., Ren, Y., Li, Y., Zhou, L., Liu, J., Zhang, M., Pu, X. & Jing, S. "A large dataset
//! covering the Chinese national sign language for dual-view isolated sign language recognition."
//! *Scientific Data* 12, 660 (2025), doi:10.1038/s41597-025-04986-x; data record
//! doi:10.6084/m9.figshare.27261843. Licence: CC BY 4.0.
//!
//! An entry never describes how to sign a word: the dictionary's descriptions and drawings are
//! copyrighted. Applications use [`SignEntry::id`] to show a licensed video or picture (e.g. the
//! NationalCSL-DP videos, which use the same ids).
//!
//! ```
//! use tongyong::sign::{sign_lookup, to_signs, SignKind};
//!
//! let e = sign_lookup("爱人");
//! assert_eq!(e[0].headword, "爱人");
//! assert!(sign_lookup("妻子").iter().any(|s| s.id == e[0].id)); // a word sharing the sign
//!
//! let tokens = to_signs("我爱手语");
//! assert!(tokens.iter().all(|t| t.kind == SignKind::Sign));
//! ```
//!
//! Fingerspelling is a **fallback**, not the sign: the national norm aims to reduce it. It spells the
//! toneless pinyin syllable by syllable with the 30 handshapes of 《汉语手指字母方案》 (1963; GB/T
//! 24435-2009 §3); tone is returned as data, never as a handshape.
//!
//! ```
//! use tongyong::sign::{fingerspell, FingerLetter::*};
//! let s = fingerspell("张");
//! assert_eq!(s[0].letters, [Zh, A, Ng]);
//! assert_eq!(s[0].tone(), Some(1));
//! ```

use std::fmt;
use std::ops::Range;

use crate::normalise::Normalised;
use crate::options::Options;
use crate::read::read_word;
use crate::segment::{is_han, TokenKind};
use crate::syllable::{Final, Syllable, Tone};
use crate::translate::analyse;

/// A word listed as sharing a sign with the headword (the dictionary's parenthesised synonyms).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SharedWord {
    /// The word, without a variant mark.
    pub word: &'static str,
    /// Which of the word's signs this is, when the word has several (`不孝②` → 2).
    pub variant: Option<u8>,
}

/// One sign of the lexicon. Static data: look-ups return references and allocate nothing.
///
/// Only facts from NationalCSL-DP (CC BY 4.0) are stored; [`SignEntry::pinyin`] and
/// [`SignEntry::fingerspelling`] are **derived** by tongyong and marked as such.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct SignEntry {
    /// The NationalCSL-DP sign id (0–6706), the stable key for licensed media.
    pub id: u16,
    /// The gloss exactly as printed, with variant mark and parenthesised part:
    /// `违反①（触犯、得罪、不孝②）`.
    pub gloss: &'static str,
    /// The headword without variant mark and synonyms (`违反`). Digits for the numeral signs
    /// (`10`). The two 刚果 signs keep their qualifier: `刚果（布）`, `刚果（金）`.
    pub headword: &'static str,
    /// The variant number when the headword has several signs (① or ➊ → 1), else `None`.
    pub variant: Option<u8>,
    /// The words listed as sharing this sign, in the source's order.
    pub shares_sign_with: &'static [SharedWord],
}

include!(concat!(env!("OUT_DIR"), "/sign_tables.rs"));

impl SignEntry {
    /// **Derived** (not from the source): the reading of the headword by tongyong's own pinyin
    /// (context-aware, but a polyphone may be read wrongly), one syllable per Han character. For a
    /// numeral sign with a digit headword, the reading of its first Chinese synonym (`10` → 十
    /// shí). Empty when there is no Han character (`KTV`).
    ///
    /// ```
    /// let e = tongyong::sign::sign_lookup("银行")[0];
    /// let p: Vec<String> = e.pinyin().iter().map(|s| s.unwrap().to_string()).collect();
    /// assert_eq!(p, ["yin2", "hang2"]);
    /// ```
    pub fn pinyin(&self) -> Vec<Option<Syllable>> {
        let text = if self.headword.chars().any(is_han) {
            self.headword
        } else {
            self.shares_sign_with
                .iter()
                .map(|s| s.word)
                .find(|w| w.chars().any(is_han))
                .unwrap_or("")
        };
        let chars: Vec<char> = text.chars().filter(|&c| is_han(c)).collect();
        let mut out = Vec::with_capacity(chars.len());
        read_word(&chars, &mut out);
        out
    }

    /// **Derived** (not from the source, and not the sign itself): the fingerspelling of the
    /// headword from [`SignEntry::pinyin`], or of its Latin letters when it has no reading (`KTV`).
    ///
    /// ```
    /// use tongyong::sign::{sign_lookup, FingerLetter::*};
    /// let e = sign_lookup("手语")[0];
    /// let letters: Vec<_> = e.fingerspelling().iter().flat_map(|s| s.letters.clone()).collect();
    /// assert_eq!(letters, [Sh, O, U, Y, U]);
    /// ```
    pub fn fingerspelling(&self) -> Vec<Spelled> {
        let pinyin = self.pinyin();
        if pinyin.is_empty() {
            return spell_latin(self.headword).into_iter().collect();
        }
        pinyin.iter().flatten().map(fingerspell_syllable).collect()
    }
}

/// The signs of `word`: as a headword or as a word listed as sharing a sign, all of them in
/// variant order (the word's own variant number, then headword before shared word, then id).
/// Empty when the word has no sign. Latin letters also match in upper case (`wifi` → `WIFI`).
///
/// ```
/// use tongyong::sign::sign_lookup;
/// let signs = sign_lookup("爱国");
/// assert_eq!(signs.len(), 2);
/// assert_eq!((signs[0].variant, signs[1].variant), (Some(1), Some(2)));
/// assert_eq!(sign_lookup("十")[0].headword, "10");
/// assert!(sign_lookup("没有这个词").is_empty());
/// ```
pub fn sign_lookup(word: &str) -> &'static [&'static SignEntry] {
    if let Some(e) = SIGN_INDEX.get(word) {
        return e;
    }
    if word.bytes().any(|b| b.is_ascii_lowercase()) {
        if let Some(e) = SIGN_INDEX.get(word.to_ascii_uppercase().as_str()) {
            return e;
        }
    }
    &[]
}

/// The sign with NationalCSL-DP id `id`.
///
/// ```
/// assert_eq!(tongyong::sign::sign_by_id(1).unwrap().headword, "孔雀");
/// assert!(tongyong::sign::sign_by_id(6707).is_none());
/// ```
pub fn sign_by_id(id: u16) -> Option<&'static SignEntry> {
    SIGN_ENTRIES.get(id as usize).copied()
}

/// Every sign of the lexicon, in id order.
///
/// ```
/// assert_eq!(tongyong::sign::sign_entries().len(), 6707);
/// ```
pub fn sign_entries() -> impl ExactSizeIterator<Item = &'static SignEntry> {
    SIGN_ENTRIES.iter().copied()
}

/// Every look-up key (headwords and shared words) with its signs, in no particular order.
pub fn sign_keys() -> impl Iterator<Item = (&'static str, &'static [&'static SignEntry])> {
    SIGN_INDEX.entries().map(|(k, v)| (*k, *v))
}

/// One of the 30 handshapes of 《汉语手指字母方案》: the 26 letters and the digraphs ZH CH SH NG.
#[allow(missing_docs)] // each variant is its letter
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FingerLetter {
    A,
    B,
    C,
    D,
    E,
    F,
    G,
    H,
    I,
    J,
    K,
    L,
    M,
    N,
    O,
    P,
    Q,
    R,
    S,
    T,
    U,
    V,
    W,
    X,
    Y,
    Z,
    /// Retroflex initial zh: one handshape.
    Zh,
    /// Retroflex initial ch: one handshape.
    Ch,
    /// Retroflex initial sh: one handshape.
    Sh,
    /// Velar nasal coda -ng: one handshape.
    Ng,
}

impl FingerLetter {
    /// All 30 handshapes, in the scheme's order.
    pub const ALL: [FingerLetter; 30] = {
        use FingerLetter::*;
        [
            A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, Zh, Ch,
            Sh, Ng,
        ]
    };

    /// The symbol: `A` … `Z`, `ZH`, `CH`, `SH`, `NG`.
    pub fn as_str(self) -> &'static str {
        const NAMES: [&str; 30] = [
            "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q",
            "R", "S", "T", "U", "V", "W", "X", "Y", "Z", "ZH", "CH", "SH", "NG",
        ];
        NAMES[self as usize]
    }

    /// What the handshape spells in pinyin (`data/sign/finger_alphabet.tsv`).
    pub fn pinyin_role(self) -> &'static str {
        FINGER_ROLES[self as usize]
    }

    /// The handshape of an ASCII letter (either case).
    pub fn from_ascii(c: char) -> Option<FingerLetter> {
        c.is_ascii_alphabetic()
            .then(|| FingerLetter::ALL[(c.to_ascii_uppercase() as u8 - b'A') as usize])
    }
}

impl fmt::Display for FingerLetter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A fingerspelled unit: one pinyin syllable, or a run of Latin letters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spelled {
    /// The syllable spelled (its tone is data, not signed); `None` for Latin letters.
    pub syllable: Option<Syllable>,
    /// The handshapes, in order.
    pub letters: Vec<FingerLetter>,
    /// The `U` stands for ü (`nü`, `lü`, `nüe`, `lüe`): the scheme marks it on the U handshape;
    /// the manual form of the mark is not given here.
    pub umlaut: bool,
    /// The `E` stands for ê (欸): marked like ü.
    pub circumflex: bool,
}

impl Spelled {
    /// The tone of the syllable (1–4, 5 = neutral): returned as data, no handshape spells it.
    pub fn tone(&self) -> Option<Tone> {
        self.syllable.map(|s| s.tone)
    }
}

impl fmt::Display for Spelled {
    /// The handshapes separated by spaces, a marked U as `U(¨)`, a marked E as `E(^)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (k, l) in self.letters.iter().enumerate() {
            if k > 0 {
                f.write_str(" ")?;
            }
            f.write_str(l.as_str())?;
            if self.umlaut && *l == FingerLetter::U {
                f.write_str("(¨)")?;
            }
            if self.circumflex && *l == FingerLetter::E {
                f.write_str("(^)")?;
            }
        }
        Ok(())
    }
}

/// Fingerspells one syllable from its written pinyin (without tone): `zh`/`ch`/`sh` at the start and
/// `ng` at the end are one handshape each, every other letter one handshape; `y`/`w` as written;
/// ü is written `u` after j q x y and is a marked U after n and l.
///
/// ```
/// use tongyong::sign::{fingerspell_syllable, FingerLetter::*};
/// use tongyong::Syllable;
/// let s = fingerspell_syllable(&Syllable::parse("nv3").unwrap());
/// assert_eq!((s.letters.as_slice(), s.umlaut), ([N, U].as_slice(), true));
/// assert_eq!(fingerspell_syllable(&Syllable::parse("ying1").unwrap()).letters, [Y, I, Ng]);
/// ```
pub fn fingerspell_syllable(syllable: &Syllable) -> Spelled {
    let spelling = syllable.spelling();
    let mut rest = spelling.as_str();
    let mut letters = Vec::with_capacity(rest.len());
    for (prefix, letter) in [
        ("zh", FingerLetter::Zh),
        ("ch", FingerLetter::Ch),
        ("sh", FingerLetter::Sh),
    ] {
        if let Some(r) = rest.strip_prefix(prefix) {
            letters.push(letter);
            rest = r;
            break;
        }
    }
    let ng = rest.strip_suffix("ng");
    let mut umlaut = false;
    let mut circumflex = false;
    for c in ng.unwrap_or(rest).chars() {
        let letter = match c {
            'v' | 'ü' => {
                umlaut = true;
                FingerLetter::U
            }
            'ê' => {
                circumflex = true;
                FingerLetter::E
            }
            c => match FingerLetter::from_ascii(c) {
                Some(l) => l,
                None => continue,
            },
        };
        letters.push(letter);
    }
    if ng.is_some() {
        letters.push(FingerLetter::Ng);
    }
    // `spelling()` writes ê alone for the syllable ê; a final ê is never written elsewhere.
    if syllable.fin == Final::EHat {
        circumflex = true;
    }
    Spelled {
        syllable: Some(*syllable),
        letters,
        umlaut,
        circumflex,
    }
}

fn spell_latin(text: &str) -> Option<Spelled> {
    let letters: Vec<FingerLetter> = text.chars().filter_map(FingerLetter::from_ascii).collect();
    (!letters.is_empty()).then_some(Spelled {
        syllable: None,
        letters,
        umlaut: false,
        circumflex: false,
    })
}

/// Fingerspells `text`: every Han character by its reading in context (one [`Spelled`] per
/// syllable), every run of Latin letters as its letters; anything else is skipped.
///
/// ```
/// use tongyong::sign::fingerspell;
/// let s: Vec<String> = fingerspell("女生 ok").iter().map(|s| s.to_string()).collect();
/// assert_eq!(s, ["N U(¨)", "SH E NG", "O K"]);
/// ```
pub fn fingerspell(text: &str) -> Vec<Spelled> {
    let a = analyse(text, &Options::default(), None);
    let mut out = Vec::new();
    for t in &a.tokens {
        match t.kind {
            TokenKind::Han => out.extend(
                a.readings[t.start..t.end]
                    .iter()
                    .flatten()
                    .map(fingerspell_syllable),
            ),
            TokenKind::Latin => {
                let run: String = a.norm.chars[t.start..t.end].iter().collect();
                out.extend(spell_latin(&run));
            }
            _ => {}
        }
    }
    out
}

/// What a [`SignToken`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SignKind {
    /// A lexicon sign: the word itself, several words of the text that form one lexicon word, or a
    /// part of a word split into lexicon words.
    Sign,
    /// No sign: fingerspelled (a Chinese word by its syllables, or Latin letters).
    Fingerspell,
    /// A number sign: digits or a Chinese numeral with a sign (`20`, 二十), or one digit of a
    /// number that has no sign of its own.
    Number,
    /// Punctuation, symbols and anything else without a sign.
    Other,
}

impl SignKind {
    /// `sign`, `fingerspell`, `number`, `other`.
    pub fn as_str(self) -> &'static str {
        match self {
            SignKind::Sign => "sign",
            SignKind::Fingerspell => "fingerspell",
            SignKind::Number => "number",
            SignKind::Other => "other",
        }
    }
}

/// One item of a sign sequence (see [`to_signs`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignToken {
    /// What the token is.
    pub kind: SignKind,
    /// Its range in the input, in Unicode scalars.
    pub input: Range<usize>,
    /// The range of the text word the token was taken from: equal to `input` unless the word was
    /// split into several lexicon words and fingerspelled parts (or a number into digits).
    pub word: Range<usize>,
    /// The signs (all variants, in variant order) for `Sign` and `Number` tokens; empty otherwise.
    pub entries: &'static [&'static SignEntry],
    /// For `Fingerspell` tokens: one item per syllable (or one for a run of Latin letters).
    pub fingerspelling: Vec<Spelled>,
}

impl SignToken {
    /// Whether the token is part of a word that was split.
    pub fn is_split(&self) -> bool {
        self.input != self.word
    }

    /// All handshapes of a fingerspelled token, in order.
    pub fn letters(&self) -> impl Iterator<Item = FingerLetter> + '_ {
        self.fingerspelling
            .iter()
            .flat_map(|s| s.letters.iter().copied())
    }
}

/// The most text tokens joined into one look-up key.
const MAX_JOINED_TOKENS: usize = 8;

/// Turns `text` into a sequence of signs.
///
/// 1. The text is segmented into words by tongyong's segmenter (spaces and line breaks are
///    dropped; punctuation marks boundaries and becomes an `Other` token).
/// 2. At each word, the longest run of whole consecutive words (at most 8, not across spaces) that
///    is a lexicon key is taken: a word (`手语`), several words forming a listed word (`U` `盘` →
///    优盘, `吃一堑，长一智`), a listed number (`10`), listed letters (`KTV`). A single Latin letter
///    only matches after a number (`5 m` is 米, a lone `m` is fingerspelled).
/// 3. A Chinese word that is not in the lexicon is split into lexicon words (`手机号码` → 手机 +
///    号码): fewest characters left over, then fewest pieces; a single character only counts when it
///    is a headword of its own or a numeral (一). What is left over is fingerspelled (`电脑游戏` → 电脑 spelled +
///    游戏); a word with no listed part is fingerspelled syllable by syllable.
/// 4. A number without a sign is signed digit by digit; other characters in it (`.`) are `Other`.
///    Latin letters without a sign are fingerspelled.
///
/// ```
/// use tongyong::sign::{to_signs, SignKind};
/// let t = to_signs("手语翻译，2026");
/// let view: Vec<(SignKind, usize, usize, &str)> = t
///     .iter()
///     .map(|t| (t.kind, t.input.start, t.input.end, t.entries.first().map_or("", |e| e.headword)))
///     .collect();
/// assert_eq!(view[..3], [
///     (SignKind::Sign, 0, 2, "手语"),
///     (SignKind::Sign, 2, 4, "翻译"),
///     (SignKind::Other, 4, 5, ""),
/// ]);
/// assert_eq!(view[3], (SignKind::Number, 5, 6, "2"));
/// assert_eq!(t.len(), 7); // 2026 has no sign: 2 0 2 6
/// ```
pub fn to_signs(text: &str) -> Vec<SignToken> {
    let a = analyse(text, &Options::default(), None);
    let chars = &a.norm.chars;
    let toks = &a.tokens;
    let mut out = Vec::with_capacity(toks.len());
    let mut key = String::new();
    let mut k = 0;
    while k < toks.len() {
        let t = toks[k];
        if matches!(t.kind, TokenKind::Space | TokenKind::LineBreak) {
            k += 1;
            continue;
        }
        // Longest run of whole tokens that is a lexicon key.
        let mut best: Option<(usize, &'static [&'static SignEntry])> = None;
        key.clear();
        for (j, u) in toks
            .iter()
            .enumerate()
            .skip(k)
            .take(MAX_JOINED_TOKENS)
            .take_while(|(_, u)| !matches!(u.kind, TokenKind::Space | TokenKind::LineBreak))
        {
            key.extend(&chars[u.start..u.end]);
            if key.chars().count() > SIGN_LONGEST_KEY {
                break;
            }
            let lone_letter = j == k && t.kind == TokenKind::Latin && t.end - t.start == 1;
            let after_number = toks[..k]
                .iter()
                .rev()
                .find(|u| u.kind != TokenKind::Space)
                .is_some_and(|u| u.kind == TokenKind::Number);
            if lone_letter && !after_number {
                continue;
            }
            let found = sign_lookup(&key);
            if !found.is_empty() {
                best = Some((j + 1, found));
            }
        }
        if let Some((end, entries)) = best {
            let range = a.norm.input_range(t.start..toks[end - 1].end);
            out.push(SignToken {
                kind: if is_number_sign(entries) {
                    SignKind::Number
                } else {
                    SignKind::Sign
                },
                input: range.clone(),
                word: range,
                entries,
                fingerspelling: Vec::new(),
            });
            k = end;
            continue;
        }
        let word = a.norm.input_range(t.start..t.end);
        match t.kind {
            TokenKind::Han => {
                let spell = |range: Range<usize>| -> SignToken {
                    let spelled: Vec<Spelled> = a.readings[range.clone()]
                        .iter()
                        .flatten()
                        .map(fingerspell_syllable)
                        .collect();
                    SignToken {
                        kind: if spelled.is_empty() {
                            SignKind::Other
                        } else {
                            SignKind::Fingerspell
                        },
                        input: a.norm.input_range(range),
                        word: word.clone(),
                        entries: &[],
                        fingerspelling: spelled,
                    }
                };
                match split(&chars[t.start..t.end]) {
                    Some(pieces) => {
                        let mut at = t.start;
                        for piece in pieces {
                            match piece {
                                Piece::Sign(len, entries) => {
                                    out.push(SignToken {
                                        kind: if is_number_sign(entries) {
                                            SignKind::Number
                                        } else {
                                            SignKind::Sign
                                        },
                                        input: a.norm.input_range(at..at + len),
                                        word: word.clone(),
                                        entries,
                                        fingerspelling: Vec::new(),
                                    });
                                    at += len;
                                }
                                Piece::Spell(len) => {
                                    out.push(spell(at..at + len));
                                    at += len;
                                }
                            }
                        }
                    }
                    None => out.push(spell(t.start..t.end)),
                }
            }
            TokenKind::Latin => {
                let run: String = chars[t.start..t.end].iter().collect();
                out.push(SignToken {
                    kind: SignKind::Fingerspell,
                    input: word.clone(),
                    word,
                    entries: &[],
                    fingerspelling: spell_latin(&run).into_iter().collect(),
                });
            }
            TokenKind::Number => number_tokens(&a.norm, t.start..t.end, &word, &mut out),
            _ => out.push(SignToken {
                kind: SignKind::Other,
                input: word.clone(),
                word,
                entries: &[],
                fingerspelling: Vec::new(),
            }),
        }
        k += 1;
    }
    out
}

/// Whether all `entries` are numeral signs (digit headwords: `10`, found by `10`, 十 or 拾).
fn is_number_sign(entries: &[&SignEntry]) -> bool {
    entries
        .iter()
        .all(|e| e.headword.bytes().all(|b| b.is_ascii_digit()))
}

/// A part of a word that is not in the lexicon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Piece {
    /// A lexicon word of this many characters.
    Sign(usize, &'static [&'static SignEntry]),
    /// This many characters without a sign, fingerspelled.
    Spell(usize),
}

/// Splits a word that is not in the lexicon into lexicon words: the fewest characters left to
/// fingerspell, then the fewest pieces, then the longer first piece. A single character is a piece
/// only when it is the headword of a sign of its own or a numeral of a number sign (一 of `1`): 电
/// is only listed as sharing the sign of 闪电, so 电脑 is not 闪电 + 头. `None` when no part of the
/// word has a sign.
fn split(word: &[char]) -> Option<Vec<Piece>> {
    let n = word.len();
    if n < 2 {
        return None;
    }
    // best[i]: ((characters fingerspelled, pieces) for word[i..], first piece).
    type Step = ((usize, usize), Piece);
    let mut best: Vec<Option<Step>> = vec![None; n + 1];
    best[n] = Some(((0, 0), Piece::Spell(0)));
    let mut key = String::new();
    for i in (0..n).rev() {
        let ((fs, pieces), _) = best[i + 1].expect("filled");
        let mut here: Step = ((fs + 1, pieces + 1), Piece::Spell(1));
        for len in (1..=(n - i).min(SIGN_LONGEST_KEY)).rev() {
            if len == n {
                continue;
            }
            let ((fs, pieces), _) = best[i + len].expect("filled");
            let cost = (fs, pieces + 1);
            if cost >= here.0 {
                continue;
            }
            key.clear();
            key.extend(&word[i..i + len]);
            let entries = sign_lookup(&key);
            let own = |e: &&SignEntry| {
                e.headword == key || e.headword.bytes().all(|b| b.is_ascii_digit())
            };
            if entries.is_empty() || (len == 1 && !entries.iter().any(own)) {
                continue;
            }
            here = (cost, Piece::Sign(len, entries));
        }
        best[i] = Some(here);
    }
    if best[0]?.0 .0 == n {
        return None;
    }
    let mut pieces: Vec<Piece> = Vec::new();
    let mut i = 0;
    while i < n {
        let (_, piece) = best[i]?;
        match (piece, pieces.last_mut()) {
            (Piece::Spell(1), Some(Piece::Spell(len))) => *len += 1,
            _ => pieces.push(piece),
        }
        i += match piece {
            Piece::Sign(len, _) | Piece::Spell(len) => len,
        };
    }
    Some(pieces)
}

/// A number without a sign of its own: runs of digits that have a sign, else digit by digit; other
/// characters (decimal point, separators) as `Other`.
fn number_tokens(
    norm: &Normalised,
    range: Range<usize>,
    word: &Range<usize>,
    out: &mut Vec<SignToken>,
) {
    let chars = &norm.chars;
    let mut i = range.start;
    while i < range.end {
        let digits = chars[i].is_ascii_digit();
        let mut end = i + 1;
        while end < range.end && chars[end].is_ascii_digit() == digits {
            end += 1;
        }
        let run: String = chars[i..end].iter().collect();
        let whole = sign_lookup(&run);
        if !digits {
            for k in i..end {
                out.push(SignToken {
                    kind: SignKind::Other,
                    input: norm.input_range(k..k + 1),
                    word: word.clone(),
                    entries: &[],
                    fingerspelling: Vec::new(),
                });
            }
        } else if !whole.is_empty() {
            out.push(SignToken {
                kind: SignKind::Number,
                input: norm.input_range(i..end),
                word: word.clone(),
                entries: whole,
                fingerspelling: Vec::new(),
            });
        } else {
            for (k, c) in chars.iter().enumerate().take(end).skip(i) {
                let mut buf = [0u8; 4];
                out.push(SignToken {
                    kind: SignKind::Number,
                    input: norm.input_range(k..k + 1),
                    word: word.clone(),
                    entries: sign_lookup(c.encode_utf8(&mut buf)),
                    fingerspelling: Vec::new(),
                });
            }
        }
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_complete() {
        assert_eq!(SIGN_ENTRIES.len(), 6707);
        for (k, e) in SIGN_ENTRIES.iter().enumerate() {
            assert_eq!(e.id as usize, k);
        }
    }

    #[test]
    fn split_prefers_fewest_pieces() {
        let w: Vec<char> = "手语翻译".chars().collect();
        let p = split(&w).unwrap();
        assert!(matches!(p[..], [Piece::Sign(2, _), Piece::Sign(2, _)]));
        assert!(split(&['手']).is_none());
        // 电 and 脑 only share other signs: 电脑 is fingerspelled, 游戏 signed.
        let w: Vec<char> = "电脑游戏".chars().collect();
        assert!(matches!(
            split(&w).unwrap()[..],
            [Piece::Spell(2), Piece::Sign(2, _)]
        ));
    }
}
