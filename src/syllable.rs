//! Hanyu Pinyin syllables: initial, final and tone.
//!
//! This module has no dependencies on the rest of the crate because `build.rs` includes it
//! (with `#[path]`) to encode the compiled tables; keep it self-contained.

use std::fmt::{self, Write as _};

/// A pinyin initial (声母). Zero-initial syllables (spelled with y, w or a bare vowel) have none.
#[allow(missing_docs)] // each variant is its pinyin spelling
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Initial {
    B,
    P,
    M,
    F,
    D,
    T,
    N,
    L,
    G,
    K,
    H,
    J,
    Q,
    X,
    Zh,
    Ch,
    Sh,
    R,
    Z,
    C,
    S,
}

impl Initial {
    /// All initials, in the order of the code numbers used by [`Syllable::code`].
    pub const ALL: [Initial; 21] = [
        Initial::B,
        Initial::P,
        Initial::M,
        Initial::F,
        Initial::D,
        Initial::T,
        Initial::N,
        Initial::L,
        Initial::G,
        Initial::K,
        Initial::H,
        Initial::J,
        Initial::Q,
        Initial::X,
        Initial::Zh,
        Initial::Ch,
        Initial::Sh,
        Initial::R,
        Initial::Z,
        Initial::C,
        Initial::S,
    ];

    /// The pinyin spelling of the initial.
    pub fn as_str(self) -> &'static str {
        match self {
            Initial::B => "b",
            Initial::P => "p",
            Initial::M => "m",
            Initial::F => "f",
            Initial::D => "d",
            Initial::T => "t",
            Initial::N => "n",
            Initial::L => "l",
            Initial::G => "g",
            Initial::K => "k",
            Initial::H => "h",
            Initial::J => "j",
            Initial::Q => "q",
            Initial::X => "x",
            Initial::Zh => "zh",
            Initial::Ch => "ch",
            Initial::Sh => "sh",
            Initial::R => "r",
            Initial::Z => "z",
            Initial::C => "c",
            Initial::S => "s",
        }
    }

    /// zh ch sh r z c s: the initials that form a syllable with the apical vowel -i alone.
    pub fn takes_apical(self) -> bool {
        matches!(
            self,
            Initial::Zh
                | Initial::Ch
                | Initial::Sh
                | Initial::R
                | Initial::Z
                | Initial::C
                | Initial::S
        )
    }

    /// j q x: palatal initials, only found before i- and ü-type finals.
    pub fn is_palatal(self) -> bool {
        matches!(self, Initial::J | Initial::Q | Initial::X)
    }
}

/// A pinyin final (韵母) in its full form: `iou` for *you*/*-iu*, `uei` for *wei*/*-ui*,
/// `uen` for *wen*/*-un*, `v` for ü.
#[allow(missing_docs)] // each variant is its pinyin spelling
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Final {
    A,
    O,
    E,
    /// ê (欸).
    EHat,
    I,
    /// The apical vowel of zhi chi shi ri zi ci si; never written in braille.
    Apical,
    U,
    V,
    Er,
    Ai,
    Ao,
    Ei,
    Ou,
    Ia,
    Iao,
    Ie,
    Iou,
    Ua,
    Uai,
    Uei,
    Uo,
    Ve,
    An,
    Ang,
    En,
    Eng,
    Ian,
    Iang,
    In,
    Ing,
    Uan,
    Uang,
    Uen,
    Ong,
    Ueng,
    Van,
    Vn,
    Iong,
    /// The syllabic nasal of the interjections m, hm (呣, 噷).
    M,
    /// The syllabic nasal of the interjection n (嗯 ń).
    N,
    /// The syllabic nasal of the interjections ng, hng (嗯 ńg, 哼 hng).
    Ng,
    /// The *yo* of the interjection 哟 (zero initial only).
    Io,
}

impl Final {
    /// All finals, in the order of the code numbers used by [`Syllable::code`].
    pub const ALL: [Final; 42] = [
        Final::A,
        Final::O,
        Final::E,
        Final::EHat,
        Final::I,
        Final::Apical,
        Final::U,
        Final::V,
        Final::Er,
        Final::Ai,
        Final::Ao,
        Final::Ei,
        Final::Ou,
        Final::Ia,
        Final::Iao,
        Final::Ie,
        Final::Iou,
        Final::Ua,
        Final::Uai,
        Final::Uei,
        Final::Uo,
        Final::Ve,
        Final::An,
        Final::Ang,
        Final::En,
        Final::Eng,
        Final::Ian,
        Final::Iang,
        Final::In,
        Final::Ing,
        Final::Uan,
        Final::Uang,
        Final::Uen,
        Final::Ong,
        Final::Ueng,
        Final::Van,
        Final::Vn,
        Final::Iong,
        Final::M,
        Final::N,
        Final::Ng,
        Final::Io,
    ];

    /// The name of the final as used in the data tables (`data/braille/finals.tsv`).
    pub fn name(self) -> &'static str {
        match self {
            Final::A => "a",
            Final::O => "o",
            Final::E => "e",
            Final::EHat => "ê",
            Final::I => "i",
            Final::Apical => "-i",
            Final::U => "u",
            Final::V => "v",
            Final::Er => "er",
            Final::Ai => "ai",
            Final::Ao => "ao",
            Final::Ei => "ei",
            Final::Ou => "ou",
            Final::Ia => "ia",
            Final::Iao => "iao",
            Final::Ie => "ie",
            Final::Iou => "iou",
            Final::Ua => "ua",
            Final::Uai => "uai",
            Final::Uei => "uei",
            Final::Uo => "uo",
            Final::Ve => "ve",
            Final::An => "an",
            Final::Ang => "ang",
            Final::En => "en",
            Final::Eng => "eng",
            Final::Ian => "ian",
            Final::Iang => "iang",
            Final::In => "in",
            Final::Ing => "ing",
            Final::Uan => "uan",
            Final::Uang => "uang",
            Final::Uen => "uen",
            Final::Ong => "ong",
            Final::Ueng => "ueng",
            Final::Van => "van",
            Final::Vn => "vn",
            Final::Iong => "iong",
            Final::M => "m",
            Final::N => "n",
            Final::Ng => "ng",
            Final::Io => "io",
        }
    }

    /// Finals that begin with i or ü (the only ones j q x combine with).
    pub fn is_front_high(self) -> bool {
        matches!(
            self,
            Final::I
                | Final::Ia
                | Final::Iao
                | Final::Ie
                | Final::Iou
                | Final::Ian
                | Final::Iang
                | Final::In
                | Final::Ing
                | Final::Iong
                | Final::V
                | Final::Ve
                | Final::Van
                | Final::Vn
        )
    }

    fn is_u_type(self) -> bool {
        matches!(self, Final::V | Final::Ve | Final::Van | Final::Vn)
    }

    fn is_nasal_interjection(self) -> bool {
        matches!(self, Final::M | Final::N | Final::Ng)
    }
}

/// A tone number: 1–4 for the four tones, 5 for the neutral tone (轻声).
pub type Tone = u8;

/// The neutral tone (轻声), never written in braille.
pub const NEUTRAL: Tone = 5;

/// One pinyin syllable with its tone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Syllable {
    /// The initial, or `None` for a zero-initial syllable.
    pub initial: Option<Initial>,
    /// The final in its full form.
    pub fin: Final,
    /// 1–4, or 5 for the neutral tone.
    pub tone: Tone,
}

/// Why a pinyin string could not be read as a syllable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyllableError(pub String);

impl fmt::Display for SyllableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a pinyin syllable: {:?}", self.0)
    }
}

impl std::error::Error for SyllableError {}

const TONE_MARKS: [(char, char, Tone); 24] = [
    ('ā', 'a', 1),
    ('á', 'a', 2),
    ('ǎ', 'a', 3),
    ('à', 'a', 4),
    ('ē', 'e', 1),
    ('é', 'e', 2),
    ('ě', 'e', 3),
    ('è', 'e', 4),
    ('ī', 'i', 1),
    ('í', 'i', 2),
    ('ǐ', 'i', 3),
    ('ì', 'i', 4),
    ('ō', 'o', 1),
    ('ó', 'o', 2),
    ('ǒ', 'o', 3),
    ('ò', 'o', 4),
    ('ū', 'u', 1),
    ('ú', 'u', 2),
    ('ǔ', 'u', 3),
    ('ù', 'u', 4),
    ('ǖ', 'v', 1),
    ('ǘ', 'v', 2),
    ('ǚ', 'v', 3),
    ('ǜ', 'v', 4),
];

fn final_from_spelling(s: &str) -> Option<Final> {
    Some(match s {
        "a" => Final::A,
        "o" => Final::O,
        "e" => Final::E,
        "ê" => Final::EHat,
        "i" => Final::I,
        "u" => Final::U,
        "v" => Final::V,
        "er" => Final::Er,
        "ai" => Final::Ai,
        "ao" => Final::Ao,
        "ei" => Final::Ei,
        "ou" => Final::Ou,
        "ia" => Final::Ia,
        "iao" => Final::Iao,
        "ie" => Final::Ie,
        "iu" | "iou" => Final::Iou,
        "ua" => Final::Ua,
        "uai" => Final::Uai,
        "ui" | "uei" => Final::Uei,
        "uo" => Final::Uo,
        "ve" => Final::Ve,
        "an" => Final::An,
        "ang" => Final::Ang,
        "en" => Final::En,
        "eng" => Final::Eng,
        "ian" => Final::Ian,
        "iang" => Final::Iang,
        "in" => Final::In,
        "ing" => Final::Ing,
        "uan" => Final::Uan,
        "uang" => Final::Uang,
        "un" | "uen" => Final::Uen,
        "ong" => Final::Ong,
        "van" => Final::Van,
        "vn" => Final::Vn,
        "iong" => Final::Iong,
        _ => return None,
    })
}

/// Zero-initial spellings with y and w, mapped to their full finals.
fn zero_initial_final(s: &str) -> Option<Final> {
    Some(match s {
        "yi" => Final::I,
        "ya" => Final::Ia,
        "ye" => Final::Ie,
        "yao" => Final::Iao,
        "you" => Final::Iou,
        "yo" => Final::Io,
        "yan" => Final::Ian,
        "yin" => Final::In,
        "yang" => Final::Iang,
        "ying" => Final::Ing,
        "yong" => Final::Iong,
        "yu" | "yv" => Final::V,
        "yue" | "yve" => Final::Ve,
        "yuan" | "yvan" => Final::Van,
        "yun" | "yvn" => Final::Vn,
        "wu" => Final::U,
        "wa" => Final::Ua,
        "wo" => Final::Uo,
        "wai" => Final::Uai,
        "wei" => Final::Uei,
        "wan" => Final::Uan,
        "wen" => Final::Uen,
        "wang" => Final::Uang,
        "weng" => Final::Ueng,
        _ => return None,
    })
}

impl Syllable {
    /// Reads a pinyin syllable written with a tone number (`zhong1`, `lv4`, `nu:e4`, `de5`, `de`)
    /// or with tone marks (`zhōng`, `lǜ`). A missing tone means the neutral tone.
    ///
    /// ```
    /// use tongyong::{Syllable, Initial, Final};
    /// let s = Syllable::parse("zhang1").unwrap();
    /// assert_eq!((s.initial, s.fin, s.tone), (Some(Initial::Zh), Final::Ang, 1));
    /// assert_eq!(Syllable::parse("lǜ").unwrap().to_string(), "lv4");
    /// assert!(Syllable::parse("xyz").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Syllable, SyllableError> {
        let err = || SyllableError(text.to_string());
        // A tone digit may only stand at the end.
        let (body, mut tone) = match text.as_bytes().last() {
            Some(d @ b'1'..=b'5') => (&text[..text.len() - 1], Some(d - b'0')),
            _ => (text, None),
        };
        let mut spelling = String::with_capacity(body.len());
        for c in body.chars() {
            let c = c.to_lowercase().next().unwrap_or(c);
            if let Some(&(_, base, t)) = TONE_MARKS.iter().find(|m| m.0 == c) {
                if tone.is_some() {
                    return Err(err());
                }
                tone = Some(t);
                spelling.push(base);
            } else if c == 'ü' {
                spelling.push('v');
            } else if c == ':' {
                // CEDICT style u: for ü.
                if !spelling.ends_with('u') {
                    return Err(err());
                }
                spelling.pop();
                spelling.push('v');
            } else if c.is_ascii_lowercase() || c == 'ê' {
                spelling.push(c);
            } else {
                return Err(err());
            }
        }
        let tone = tone.unwrap_or(NEUTRAL);
        Syllable::from_spelling(&spelling, tone).ok_or_else(err)
    }

    fn from_spelling(s: &str, tone: Tone) -> Option<Syllable> {
        let zero = |fin| {
            Some(Syllable {
                initial: None,
                fin,
                tone,
            })
        };
        match s {
            "m" => return zero(Final::M),
            "n" => return zero(Final::N),
            "ng" => return zero(Final::Ng),
            "hm" => {
                return Some(Syllable {
                    initial: Some(Initial::H),
                    fin: Final::M,
                    tone,
                })
            }
            "hng" => {
                return Some(Syllable {
                    initial: Some(Initial::H),
                    fin: Final::Ng,
                    tone,
                })
            }
            _ => {}
        }
        if let Some(fin) = zero_initial_final(s) {
            return zero(fin);
        }
        if s.starts_with(['y', 'w']) {
            return None;
        }
        let (initial, rest) = split_initial(s);
        let Some(initial) = initial else {
            // a o e ai ei ao ou an en ang eng er ê
            let fin = final_from_spelling(rest)?;
            return matches!(
                fin,
                Final::A
                    | Final::O
                    | Final::E
                    | Final::EHat
                    | Final::Er
                    | Final::Ai
                    | Final::Ei
                    | Final::Ao
                    | Final::Ou
                    | Final::An
                    | Final::En
                    | Final::Ang
                    | Final::Eng
            )
            .then_some(Syllable {
                initial: None,
                fin,
                tone,
            });
        };
        let fin = if rest == "i" && initial.takes_apical() {
            Final::Apical
        } else if initial.is_palatal() && rest.starts_with('u') {
            // ju qu xu: the u is ü.
            final_from_spelling(&format!("v{}", &rest[1..]))?
        } else if matches!(initial, Initial::N | Initial::L) && rest == "ue" {
            // nue/lue as some sources spell nüe/lüe.
            Final::Ve
        } else {
            final_from_spelling(rest)?
        };
        let syllable = Syllable {
            initial: Some(initial),
            fin,
            tone,
        };
        syllable.is_valid().then_some(syllable)
    }

    /// Whether the initial and final can combine in Mandarin (by the pinyin table's broad rules).
    pub fn is_valid(&self) -> bool {
        if !(1..=5).contains(&self.tone) {
            return false;
        }
        let Some(initial) = self.initial else {
            return self.fin != Final::Apical;
        };
        let fin = self.fin;
        if fin.is_nasal_interjection() {
            return initial == Initial::H && fin != Final::N;
        }
        if fin == Final::Apical {
            return initial.takes_apical();
        }
        if matches!(fin, Final::Er | Final::EHat | Final::Ueng | Final::Io) {
            return false;
        }
        if initial.is_palatal() {
            return fin.is_front_high();
        }
        if fin.is_u_type() {
            return matches!(initial, Initial::N | Initial::L)
                && matches!(fin, Final::V | Final::Ve);
        }
        if fin.is_front_high() {
            // Only b p m d t n l (and f in rare loans) combine with i-type finals.
            return matches!(
                initial,
                Initial::B
                    | Initial::P
                    | Initial::M
                    | Initial::D
                    | Initial::T
                    | Initial::N
                    | Initial::L
            ) || (initial == Initial::F && fin == Final::Iao);
        }
        true
    }

    /// The syllable spelled in standard pinyin without tone (`zhong`, `lv`, `yue`, `shi`).
    pub fn spelling(&self) -> String {
        let (initial, rest) = self.spelling_parts();
        [initial, rest].concat()
    }

    /// The spelling as two static parts (initial, rest), so that writing a syllable allocates
    /// nothing (pinyin output writes one per Han character).
    fn spelling_parts(&self) -> (&'static str, &'static str) {
        let fin = self.fin;
        let Some(initial) = self.initial else {
            let whole = match fin {
                Final::I => "yi",
                Final::Ia => "ya",
                Final::Ie => "ye",
                Final::Iao => "yao",
                Final::Iou => "you",
                Final::Io => "yo",
                Final::Ian => "yan",
                Final::In => "yin",
                Final::Iang => "yang",
                Final::Ing => "ying",
                Final::Iong => "yong",
                Final::V => "yu",
                Final::Ve => "yue",
                Final::Van => "yuan",
                Final::Vn => "yun",
                Final::U => "wu",
                Final::Ua => "wa",
                Final::Uo => "wo",
                Final::Uai => "wai",
                Final::Uei => "wei",
                Final::Uan => "wan",
                Final::Uen => "wen",
                Final::Uang => "wang",
                Final::Ueng => "weng",
                other => other.name(),
            };
            return ("", whole);
        };
        let rest = match fin {
            Final::Apical => "i",
            Final::Iou => "iu",
            Final::Uei => "ui",
            Final::Uen => "un",
            Final::V if initial.is_palatal() => "u",
            Final::Ve if initial.is_palatal() => "ue",
            Final::Van => "uan",
            Final::Vn => "un",
            other => other.name(),
        };
        (initial.as_str(), rest)
    }

    /// A 14-bit code (initial, final, tone) used by the compiled tables; never 0.
    pub fn code(&self) -> u16 {
        let initial = self.initial.map_or(0, |i| {
            Initial::ALL.iter().position(|x| *x == i).unwrap() + 1
        });
        let fin = Final::ALL.iter().position(|x| *x == self.fin).unwrap();
        ((initial as u16) << 9) | ((fin as u16) << 3) | self.tone as u16
    }

    /// The inverse of [`Syllable::code`].
    #[inline]
    pub fn from_code(code: u16) -> Option<Syllable> {
        Syllable::from_table_code(code).filter(|s| s.is_valid())
    }

    /// [`Syllable::from_code`] of a code of the compiled tables, without checking that the
    /// syllable is valid: the tables hold valid syllables only (their tests check every code),
    /// and the readings decode one per character.
    #[inline]
    pub(crate) fn from_table_code(code: u16) -> Option<Syllable> {
        let tone = (code & 7) as Tone;
        let fin = *Final::ALL.get(((code >> 3) & 63) as usize)?;
        let initial = match (code >> 9) as usize {
            0 => None,
            i => Some(*Initial::ALL.get(i - 1)?),
        };
        Some(Syllable { initial, fin, tone })
    }
}

fn split_initial(s: &str) -> (Option<Initial>, &str) {
    for (prefix, initial) in [
        ("zh", Initial::Zh),
        ("ch", Initial::Ch),
        ("sh", Initial::Sh),
    ] {
        if let Some(rest) = s.strip_prefix(prefix) {
            return (Some(initial), rest);
        }
    }
    let Some(first) = s.chars().next() else {
        return (None, s);
    };
    let initial = match first {
        'b' => Initial::B,
        'p' => Initial::P,
        'm' => Initial::M,
        'f' => Initial::F,
        'd' => Initial::D,
        't' => Initial::T,
        'n' => Initial::N,
        'l' => Initial::L,
        'g' => Initial::G,
        'k' => Initial::K,
        'h' => Initial::H,
        'j' => Initial::J,
        'q' => Initial::Q,
        'x' => Initial::X,
        'r' => Initial::R,
        'z' => Initial::Z,
        'c' => Initial::C,
        's' => Initial::S,
        _ => return (None, s),
    };
    (Some(initial), &s[1..])
}

/// Tone-number form with ü as `v`, as in the JSON output: `zhong1`, `lv4`, `de5`.
impl fmt::Display for Syllable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (initial, rest) = self.spelling_parts();
        f.write_str(initial)?;
        f.write_str(rest)?;
        match self.tone {
            t @ 0..=9 => f.write_char(char::from(b'0' + t)),
            t => write!(f, "{t}"),
        }
    }
}

impl Syllable {
    /// The syllable with a tone mark (`zhōng`, `lǜ`, `de`).
    pub fn with_tone_mark(&self) -> String {
        let plain = self.spelling().replace('v', "ü");
        if !(1..=4).contains(&self.tone) {
            return plain;
        }
        // The mark goes on a, else o or e, else the last of i u ü.
        let chars: Vec<char> = plain.chars().collect();
        let target = chars
            .iter()
            .position(|&c| c == 'a')
            .or_else(|| chars.iter().position(|&c| c == 'o' || c == 'e' || c == 'ê'))
            .or_else(|| chars.iter().rposition(|&c| matches!(c, 'i' | 'u' | 'ü')))
            .or_else(|| chars.iter().rposition(|&c| matches!(c, 'm' | 'n')));
        let Some(target) = target else { return plain };
        chars
            .iter()
            .enumerate()
            .map(|(k, &c)| {
                if k != target {
                    return c.to_string();
                }
                let base = if c == 'ü' { 'v' } else { c };
                match TONE_MARKS.iter().find(|m| m.1 == base && m.2 == self.tone) {
                    Some(m) => m.0.to_string(),
                    // m, n, ê: combining marks.
                    None => format!(
                        "{c}{}",
                        ['\u{304}', '\u{301}', '\u{30c}', '\u{300}'][self.tone as usize - 1]
                    ),
                }
            })
            .collect()
    }
}
