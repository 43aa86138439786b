//! Translation options. Every rule that `../shared/docs` marks INFERRED or UNKNOWN is a named
//! option here, with the documents' recommended default.

use crate::spacing::SpacingOptions;
use crate::Error;

/// Which tones are written. Parsed (`FromStr`) from the CLI's names `national`, `full`, `none`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ToneMode {
    /// National Common Braille (GF 0019-2018): tones written, one omitted per initial group
    /// (§10.2), and the six abbreviations.
    #[default]
    National,
    /// Current braille (现行盲文) with every tone written; no abbreviations.
    Full,
    /// Current braille without tones; no abbreviations.
    None,
}

impl std::str::FromStr for ToneMode {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "national" => Ok(ToneMode::National),
            "full" => Ok(ToneMode::Full),
            "none" => Ok(ToneMode::None),
            other => Err(Error::InvalidOption(format!(
                "unknown tone mode {other:?} (expected national, full or none)"
            ))),
        }
    }
}

/// When a run of lower-case Latin letters gets the letter sign ⠰ (braille-scheme.md §6.4, INFERRED).
/// Parsed (`FromStr`) from the CLI's names `never`, `chinese`, `always`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LowercaseSign {
    /// Never (liblouis zhcn-cbs).
    Never,
    /// When the text also contains Chinese characters (the recommended reading of "inside Chinese").
    #[default]
    InChineseText,
    /// Always.
    Always,
}

impl std::str::FromStr for LowercaseSign {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "never" => Ok(LowercaseSign::Never),
            "chinese" => Ok(LowercaseSign::InChineseText),
            "always" => Ok(LowercaseSign::Always),
            other => Err(Error::InvalidOption(format!(
                "unknown lowercase sign mode {other:?} (expected never, chinese or always)"
            ))),
        }
    }
}

/// The cell of a decimal point between digits (braille-scheme.md §6.3, UNKNOWN).
/// Parsed (`FromStr`) from the CLI's names `dot3`, `dot2`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DecimalPoint {
    /// Dot 3 ⠄, as liblouis writes 3.14.
    #[default]
    Dot3,
    /// Dot 2 ⠂, as brailix writes it.
    Dot2,
}

impl std::str::FromStr for DecimalPoint {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "dot3" => Ok(DecimalPoint::Dot3),
            "dot2" => Ok(DecimalPoint::Dot2),
            other => Err(Error::InvalidOption(format!(
                "unknown decimal point {other:?} (expected dot3 or dot2)"
            ))),
        }
    }
}

/// What to do with printable ASCII symbols that are no punctuation mark (`+ = / @ # _ & …`).
/// Parsed (`FromStr`) from the CLI's names `chinese`, `computer`, `pass`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SymbolMode {
    /// In Chinese text, the symbol's form of `data/braille/symbols.tsv` (two or more cells, so
    /// that no symbol reads as a syllable: `/` ⠸⠌, not the ⠌ of *zhi*); inside a run of code (a
    /// word with Latin letters: URLs, paths, options) and for symbols without a row, the
    /// computer-braille cell. The rows are INFERRED or UNKNOWN (each says which sources it follows).
    #[default]
    ChineseText,
    /// Always write the cell that North American computer braille (BRF) gives the symbol (keeps
    /// every symbol one cell, as in paths and addresses).
    ComputerBraille,
    /// Pass the character through unchanged.
    PassThrough,
}

impl std::str::FromStr for SymbolMode {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "chinese" => Ok(SymbolMode::ChineseText),
            "computer" => Ok(SymbolMode::ComputerBraille),
            "pass" => Ok(SymbolMode::PassThrough),
            other => Err(Error::InvalidOption(format!(
                "unknown symbol mode {other:?} (expected chinese, computer or pass)"
            ))),
        }
    }
}

/// How polyphonic characters (多音字) are read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ReadingMode {
    /// The lexicon's phrase readings and each character's most frequent reading, then the
    /// polyphone model ([`crate::model`]) for the polyphones it knows, over the sentence around
    /// them (bounded window). The most accurate.
    #[default]
    Model,
    /// The lexicon's phrase readings, each character's most frequent reading and neighbour rules
    /// distilled from the polyphone model (`data/readings/context-rules.tsv`), without running the
    /// model: faster.
    Fast,
}

impl std::str::FromStr for ReadingMode {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "model" => Ok(ReadingMode::Model),
            "fast" => Ok(ReadingMode::Fast),
            other => Err(Error::InvalidOption(format!(
                "unknown reading mode {other:?} (expected model or fast)"
            ))),
        }
    }
}

/// Options of a [`crate::Translator`]. `Options::default()` is National Common Braille with the
/// documents' recommended defaults.
///
/// ```
/// use tongyong::{Options, ToneMode};
/// let o = Options { tones: ToneMode::Full, ..Options::default() };
/// assert!(o.apical_tone_before_zero_initial);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Options {
    /// Which tones are written.
    pub tones: ToneMode,
    /// GF 0019-2018 §10.2.7 (INFERRED): an apical syllable (zhi chi shi ri zi ci si) directly
    /// followed, in the same braille word, by a zero-initial syllable keeps its tone (事业 ⠱⠆⠑⠆).
    pub apical_tone_before_zero_initial: bool,
    /// The tone-retention list reported as §10.2.8 (`data/braille/tone-retention.tsv`, single
    /// source): 问, 再, 地道 keep their tone cells.
    pub tone_retention_list: bool,
    /// Write 的 么 你 他 她 它 abbreviated even when a zero-initial syllable follows in the same
    /// braille word. Off by default: implementations report that §11.1 writes them in full there
    /// (INFERRED, braille-word-spacing.md R11).
    pub abbreviate_before_zero_initial: bool,
    /// A blank cell after 。？！ when text follows on the same line (§6.2, UNKNOWN; the blank after
    /// ，、；： is always written).
    pub blank_after_sentence_end: bool,
    /// The letter sign ⠰ before lower-case Latin runs (§6.4, INFERRED).
    pub lowercase_sign: LowercaseSign,
    /// The cell of a decimal point (§6.3, UNKNOWN).
    pub decimal_point: DecimalPoint,
    /// ASCII symbols that are no punctuation mark (`+ = / @ #`…; symbols.tsv, INFERRED/UNKNOWN).
    pub symbols: SymbolMode,
    /// The word-spacing rules left INFERRED or UNKNOWN by the sources.
    pub spacing: SpacingOptions,
    /// How polyphonic characters are read.
    pub readings: ReadingMode,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            tones: ToneMode::National,
            apical_tone_before_zero_initial: true,
            tone_retention_list: true,
            abbreviate_before_zero_initial: false,
            blank_after_sentence_end: true,
            lowercase_sign: LowercaseSign::InChineseText,
            decimal_point: DecimalPoint::Dot3,
            symbols: SymbolMode::ChineseText,
            spacing: SpacingOptions::default(),
            readings: ReadingMode::Model,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_names_parse() {
        assert_eq!("full".parse::<ToneMode>(), Ok(ToneMode::Full));
        assert_eq!(
            "chinese".parse::<LowercaseSign>(),
            Ok(LowercaseSign::InChineseText)
        );
        assert_eq!("always".parse::<LowercaseSign>(), Ok(LowercaseSign::Always));
        assert_eq!("dot2".parse::<DecimalPoint>(), Ok(DecimalPoint::Dot2));
        assert_eq!("pass".parse::<SymbolMode>(), Ok(SymbolMode::PassThrough));
        assert_eq!(
            "computer".parse::<SymbolMode>(),
            Ok(SymbolMode::ComputerBraille)
        );
        let e = "Dot2".parse::<DecimalPoint>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid option: unknown decimal point \"Dot2\" (expected dot3 or dot2)"
        );
    }
}
