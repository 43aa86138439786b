//! Stage 1: normalisation. Canonical composition (NFC) and width folding, keeping for every
//! normalised character the index of the input character it came from.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::UnicodeNormalization;

use crate::tables::punctuation_char;

/// Normalised text with a map back to the input.
#[derive(Clone, Debug, Default)]
pub struct Normalised {
    /// The normalised characters.
    pub chars: Vec<char>,
    /// For each normalised character, the index (in Unicode scalars) of the input character it
    /// came from. Strictly increasing: every normalised character has an input character of its
    /// own (input characters composed into another one have none).
    pub source: Vec<u32>,
    /// The number of Unicode scalars in the input.
    pub input_len: usize,
}

impl Normalised {
    /// The input range (in scalars) of the normalised characters `range`.
    pub fn input_range(&self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = self.source[range.start] as usize;
        let end = self
            .source
            .get(range.end)
            .map_or(self.input_len, |&s| s as usize);
        start..end
    }
}

/// Normalises `text`: NFC inside clusters of a base and its combining marks; full-width ASCII
/// letters, digits and symbols to ASCII (full-width Chinese punctuation stays as it is); the
/// ideographic space to a space.
pub fn normalise(text: &str) -> Normalised {
    let mut out = Normalised::default();
    normalise_into(text, &mut out);
    out
}

/// What [`normalise_into`] did to a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Change {
    /// Nothing: the normalised characters are the input's.
    #[default]
    None,
    /// Width folding only, one character for one: the `k`th character of both is a Han character
    /// or not alike.
    Folded,
    /// Combining marks composed: the characters no longer correspond one for one.
    Composed,
}

/// [`normalise`] into `out`, reusing its buffers; says what changed.
pub(crate) fn normalise_into(text: &str, out: &mut Normalised) -> Change {
    out.chars.clear();
    out.source.clear();
    // Capacity: a character takes at least one byte.
    out.chars.reserve(text.len());
    out.source.reserve(text.len());
    // ASCII has no combining marks and nothing to fold: a third of the lines of man pages.
    if text.is_ascii() {
        out.chars.extend(text.bytes().map(char::from));
        out.source.extend(0..text.len() as u32);
        out.input_len = text.len();
        return Change::None;
    }
    // Below U+0300 and in the CJK blocks there are no combining marks: skip the table.
    let is_mark = |c: char| c >= '\u{300}' && !crate::segment::is_han(c) && is_combining_mark(c);
    // Text without combining marks (nearly all) keeps every character: decoded and folded in one
    // pass, without the clusters' look-ahead.
    out.chars.extend(text.chars());
    let (mut marks, mut folded) = (false, false);
    for c in out.chars.iter_mut() {
        // Most characters: Latin-1 or the main CJK block, neither marks nor folded.
        if *c < '\u{300}' || ('\u{4E00}'..='\u{9FFF}').contains(c) {
            continue;
        }
        marks |= is_mark(*c);
        let f = fold_width(*c);
        folded |= f != *c;
        *c = f;
    }
    if !marks {
        out.source.extend(0..out.chars.len() as u32);
        out.input_len = out.chars.len();
        return if folded { Change::Folded } else { Change::None };
    }
    out.chars.clear();
    let mut input = text.chars().peekable();
    // A base and the combining marks after it, when there are any.
    let mut cluster: Vec<char> = Vec::new();
    let mut i = 0;
    while let Some(base) = input.next() {
        if !input.peek().is_some_and(|&c| is_mark(c)) {
            out.chars.push(fold_width(base));
            out.source.push(i as u32);
            i += 1;
            continue;
        }
        cluster.clear();
        cluster.push(base);
        while let Some(mark) = input.next_if(|&c| is_mark(c)) {
            cluster.push(mark);
        }
        let end = i + cluster.len();
        let composed: Vec<char> = cluster.iter().collect::<String>().nfc().collect();
        let m = composed.len();
        if m > end - i {
            // Normalisation would make more characters than the input has (a base that
            // decomposes and is excluded from recomposition, U+0958 + a mark): keep the
            // cluster as it is, one character per input character.
            for (k, &c) in cluster.iter().enumerate() {
                out.chars.push(fold_width(c));
                out.source.push((i + k) as u32);
            }
        } else {
            // The first character (the base, with the marks composed into it) comes from
            // the base; the marks left uncomposed from the last input characters. Every
            // normalised character keeps an input character of its own, so no word or
            // sign token has an empty input range.
            for (k, &c) in composed.iter().enumerate() {
                out.chars.push(fold_width(c));
                out.source
                    .push(if k == 0 { i } else { end - (m - k) } as u32);
            }
        }
        i = end;
    }
    out.input_len = i;
    Change::Composed
}

fn fold_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => {
            if punctuation_char(c).is_some() {
                c
            } else {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
        }
        // NFC of a character that has a one-character canonical decomposition: the CJK
        // compatibility ideographs (不 U+F967 → 不 U+4E0D, which has a reading), Ω U+2126, Å U+212B.
        '\u{300}'.. => canonical_singleton(c).unwrap_or(c),
        _ => c,
    }
}

/// The one character that NFC makes of `c` when it is a singleton decomposition (never
/// recomposed), else `None`. The CJK punctuation and full-width blocks have none: not looked up.
fn canonical_singleton(c: char) -> Option<char> {
    if matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}') {
        return None;
    }
    let (mut first, mut count) = (c, 0);
    decompose_canonical(c, |d| {
        first = d;
        count += 1;
    });
    (count == 1 && first != c).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_letters_and_digits_fold_but_chinese_punctuation_stays() {
        let n = normalise("ＡＢ１２，！（");
        assert_eq!(n.chars.iter().collect::<String>(), "AB12，！（");
    }

    #[test]
    fn composition_keeps_the_source_of_the_cluster() {
        // "e" + combining acute → "é", then "x".
        let n = normalise("e\u{301}x");
        assert_eq!(n.chars, vec!['é', 'x']);
        assert_eq!(n.source, vec![0, 2]);
        assert_eq!(n.input_len, 3);
    }

    #[test]
    fn uncomposed_marks_keep_their_own_source() {
        // A Syriac mark after U+FFFD does not compose: both keep their index (fuzz signs crash
        // 3d584f4f: the mark's sign token had the empty input range 1..1).
        let n = normalise("\u{FFFD}\u{FFFD}\u{73B}x");
        assert_eq!(n.source, vec![0, 1, 2, 3]);
        // a + diaeresis + dot below: NFC sorts the dot below first and composes it (ạ), the
        // diaeresis is left. Inside a cluster the marks left over take the last positions (the
        // order inside a cluster is not kept exactly; the positions stay in the cluster).
        let n = normalise("a\u{308}\u{323}");
        assert_eq!(n.chars, vec!['ạ', '\u{308}']);
        assert_eq!(n.source, vec![0, 2]);
        // QA decomposes and does not recompose: the cluster is kept as it is.
        let n = normalise("\u{958}\u{301}");
        assert_eq!(n.chars, vec!['\u{958}', '\u{301}']);
        assert_eq!(n.source, vec![0, 1]);
    }

    #[test]
    fn sources_strictly_increase() {
        for text in [
            "e\u{301}\u{301}\u{301}x",
            "\u{301}\u{301}",
            "\u{1E0A}\u{323}\u{307}",
        ] {
            let n = normalise(text);
            assert!(
                n.source.windows(2).all(|w| w[0] < w[1]),
                "{text:?}: {:?}",
                n.source
            );
        }
    }

    #[test]
    fn compatibility_ideographs_become_the_unified_ones() {
        // 不 U+F967, 樂 U+F914, 𪘀 U+2FA1D (supplement), Ω U+2126: NFC, one for one.
        let n = normalise("神差\u{F967}多\u{F914}\u{2FA1D}\u{2126}");
        assert_eq!(
            n.chars,
            vec!['神', '差', '不', '多', '樂', '\u{2A600}', 'Ω']
        );
        assert_eq!(n.source, (0..7).collect::<Vec<u32>>());
        // Characters whose NFC is themselves stay: é, a Hangul syllable, full-width marks.
        assert_eq!(normalise("é한，").chars, vec!['é', '한', '，']);
    }

    #[test]
    fn ideographic_space_becomes_a_space() {
        assert_eq!(normalise("我\u{3000}你").chars, vec!['我', ' ', '你']);
    }
}
