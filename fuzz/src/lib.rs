//! Shared pieces of the fuzz targets: options derived from the input's first bytes, and the
//! invariants of a translation's position maps.

use tongyong::{
    DecimalPoint, IdiomSpacing, LowercaseSign, Options, ReadingMode, SpacingOptions, SymbolMode,
    ToneMode,
};

/// The number of leading bytes [`options`] reads.
pub const OPTION_BYTES: usize = 4;

/// Splits `data` into options (from its first [`OPTION_BYTES`] bytes, every field of
/// [`Options`] and [`SpacingOptions`] reachable) and the rest.
pub fn options(data: &[u8]) -> (Options, &[u8]) {
    if data.len() < OPTION_BYTES {
        return (Options::default(), data);
    }
    let (head, rest) = data.split_at(OPTION_BYTES);
    let bits = u32::from_le_bytes([head[0], head[1], head[2], head[3]]);
    let bit = |k: u32| bits >> k & 1 == 1;
    let opts = Options {
        tones: match bits % 3 {
            0 => ToneMode::National,
            1 => ToneMode::Full,
            _ => ToneMode::None,
        },
        apical_tone_before_zero_initial: bit(2),
        tone_retention_list: bit(3),
        abbreviate_before_zero_initial: bit(4),
        blank_after_sentence_end: bit(5),
        lowercase_sign: match bits >> 6 & 3 {
            0 => LowercaseSign::Never,
            1 => LowercaseSign::Always,
            _ => LowercaseSign::InChineseText,
        },
        decimal_point: if bit(8) {
            DecimalPoint::Dot2
        } else {
            DecimalPoint::Dot3
        },
        symbols: if bit(9) {
            SymbolMode::PassThrough
        } else {
            SymbolMode::ComputerBraille
        },
        readings: if bit(25) {
            ReadingMode::Fast
        } else {
            ReadingMode::Model
        },
        spacing: SpacingOptions {
            split_long_words: bit(10),
            join_monosyllables: bit(11),
            join_negation: bit(12),
            join_modal_particles: bit(13),
            join_preposition_noun: bit(14),
            join_numeral_measure: bit(15),
            join_ordinals: bit(16),
            join_dates: bit(17),
            join_names: bit(18),
            join_place_generics: bit(19),
            idioms: if bit(20) {
                IdiomSpacing::TwoPlusTwo
            } else {
                IdiomSpacing::Joined
            },
            // 0..=6 and, rarely, absurd values.
            max_syllables: match bits >> 21 & 15 {
                15 => usize::MAX,
                14 => 1 << 20,
                n => (n % 7) as usize,
            },
        },
    };
    (opts, rest)
}

#[path = "../../tests/common/maps.rs"]
mod maps;
pub use maps::{check_translation, silent};
