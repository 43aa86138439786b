//! Stage 1: normalisation. Canonical composition (NFC) and width folding, keeping for every
//! normalised character the index of the input character it came from.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::tables::PUNCTUATION;

/// Normalised text with a map back to the input.
#[derive(Clone, Debug, Default)]
pub struct Normalised {
    /// The normalised characters.
    pub chars: Vec<char>,
    /// For each normalised character, the index (in Unicode scalars) of the input character it
    /// came from. Non-decreasing.
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
    let input: Vec<char> = text.chars().collect();
    let mut out = Normalised {
        chars: Vec::with_capacity(input.len()),
        source: Vec::with_capacity(input.len()),
        input_len: input.len(),
    };
    let mut i = 0;
    while i < input.len() {
        let mut end = i + 1;
        // Below U+0300 and in the CJK blocks there are no combining marks: skip the table.
        while end < input.len()
            && input[end] >= '\u{300}'
            && !crate::segment::is_han(input[end])
            && is_combining_mark(input[end])
        {
            end += 1;
        }
        if end - i == 1 {
            out.chars.push(fold_width(input[i]));
            out.source.push(i as u32);
        } else {
            let cluster: String = input[i..end].iter().collect();
            for c in cluster.nfc() {
                out.chars.push(fold_width(c));
                out.source.push(i as u32);
            }
        }
        i = end;
    }
    out
}

fn fold_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => {
            let mut buf = [0u8; 4];
            if PUNCTUATION.contains_key(c.encode_utf8(&mut buf)) {
                c
            } else {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
        }
        _ => c,
    }
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
    fn ideographic_space_becomes_a_space() {
        assert_eq!(normalise("我\u{3000}你").chars, vec!['我', ' ', '你']);
    }
}
