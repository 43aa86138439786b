//! Word classes of single characters (`data/spacing/classes.tsv` and the name lists of
//! `data/spacing/`), compiled at build time: the one table that both the reading stage and the
//! spacing stage consult (a count before a measure word, a surname before a given name), so that
//! neither calls the other.

use crate::segment::{Token, TokenKind};
use crate::tables::{CHAR_CLASS_BLOCKS, CHAR_CLASS_BLOCK_INDEX, CHAR_CLASS_SETS};

/// Word classes of single characters (`data/spacing/classes.tsv`), as bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub(crate) enum Class {
    Prefix = 0,
    Title,
    Ordinal,
    Suffix,
    Structural,
    Aspect,
    Modal,
    Complement,
    Degree,
    Negation,
    Determiner,
    Localizer,
    Numeral,
    Demonstrative,
    Measure,
    Unit,
    Generic,
    Preposition,
    Auxiliary,
    /// A common single-character surname (`data/spacing/surnames.tsv`).
    Surname,
    /// A character common in given names (`data/spacing/given-names.tsv`).
    GivenName,
    /// A character of the transcription of foreign names (`data/spacing/transliteration.tsv`).
    Transliteration,
}

/// Whether `c` is a common single-character surname (`data/spacing/surnames.tsv`).
#[inline]
pub(crate) fn is_surname(c: char) -> bool {
    has_class(c, Class::Surname)
}

/// Whether `c` is of the word class `class`.
#[inline]
pub(crate) fn has_class(c: char, class: Class) -> bool {
    classes_of(c) & (1 << class as u32) != 0
}

/// The word classes of `c` as bits of [`Class`] (0 for a character in no class).
#[inline]
pub(crate) fn classes_of(c: char) -> u32 {
    let Some(&block) = CHAR_CLASS_BLOCK_INDEX.get(c as usize >> 8) else {
        return 0;
    };
    CHAR_CLASS_BLOCKS
        .get(block as usize)
        .map_or(0, |b| CHAR_CLASS_SETS[b[c as usize & 0xff] as usize])
}

/// Whether the token `t` counts the word after it: a number in digits or numeral characters, a
/// demonstrative (这 那 哪) or 每 各 某, so that a measure word may follow (R7, R14; the reading
/// stage reads a measure word there as one: 两只 zhī).
#[inline]
pub(crate) fn counts(t: &Token, chars: &[char]) -> bool {
    match t.kind {
        TokenKind::Number => true,
        TokenKind::Han => is_count(&chars[t.start..t.end]),
        _ => false,
    }
}

/// Whether the Han characters `text` are a count: numerals, or one demonstrative or 每 各 某.
#[inline]
pub(crate) fn is_count(text: &[char]) -> bool {
    !text.is_empty() && text.iter().all(|&c| has_class(c, Class::Numeral))
        || matches!(text, [c] if has_class(*c, Class::Demonstrative) || matches!(c, '每' | '各' | '某'))
}
