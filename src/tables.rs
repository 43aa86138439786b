//! Tables compiled by `build.rs` from `data/`.

/// How a punctuation mark is spaced (`data/braille/punctuation.tsv`, braille-word-spacing.md R23–R24).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PunctClass {
    /// Opening quote or bracket: a blank before it, none after it.
    Open,
    /// Closing quote or bracket: attaches to the word before it, a blank after it.
    Close,
    /// ，、；： and the like: attach left, always a blank after.
    Medial,
    /// 。？！: attach left, a blank after when [`crate::Options::blank_after_sentence_end`] is set.
    Final,
    /// Marks written inside a word with no blank on either side (· －).
    Joiner,
    /// Attaches left; spaced like a word after it.
    Other,
}

/// A punctuation mark's cells and spacing class.
pub type PunctEntry = (&'static [u8], PunctClass);

include!(concat!(env!("OUT_DIR"), "/braille_tables.rs"));
include!(concat!(env!("OUT_DIR"), "/char_readings.rs"));
include!(concat!(env!("OUT_DIR"), "/measure_words.rs"));
include!(concat!(env!("OUT_DIR"), "/lexicon_pos.rs"));
include!(concat!(env!("OUT_DIR"), "/lexicon_chars.rs"));
include!(concat!(env!("OUT_DIR"), "/spacing_tables.rs"));
include!(concat!(env!("OUT_DIR"), "/g2pm.rs"));
include!(concat!(env!("OUT_DIR"), "/model_settled.rs"));
include!(concat!(env!("OUT_DIR"), "/context_rules.rs"));
include!(concat!(env!("OUT_DIR"), "/curated_words.rs"));

/// The polyphone model's input projections: per input id, 128 forward then 128 backward gate
/// inputs, f16 little-endian (see `build/g2pm.rs`).
pub static G2PM_PROJECTION: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/g2pm_projection.bin"));

/// The lexicon blob (see `build.rs`, `lexicon_blob`).
pub static LEXICON: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.bin"));

/// The punctuation table's entry for `mark`: its key, cells and class ([`PUNCTUATION`] without
/// hashing: the hot paths look up every mark).
pub fn punctuation(mark: &str) -> Option<(&'static str, PunctEntry)> {
    let mut chars = mark.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => punctuation_char(c),
        _ => PUNCTUATION_LONG
            .iter()
            .find(|e| e.0 == mark)
            .map(|&(k, v)| (k, v)),
    }
}

/// The punctuation table's entry for the one-character mark `c`.
#[inline]
pub fn punctuation_char(c: char) -> Option<(&'static str, PunctEntry)> {
    PUNCTUATION_CHARS
        .binary_search_by_key(&(c as u32), |e| e.0)
        .ok()
        .map(|k| (PUNCTUATION_CHARS[k].1, PUNCTUATION_CHARS[k].2))
}
