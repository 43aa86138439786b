//! # tongyong (通用)
//!
//! Chinese text to **National Common Braille** (国家通用盲文, GF 0019-2018), with the scheme's
//! tone-omission rules, its six abbreviations and word spacing; braille back to pinyin; exact
//! position maps for screen readers.
//!
//! ```
//! use tongyong::{Translator, Format};
//! let t = Translator::new();
//! assert_eq!(t.to_braille("他们是老师。", Format::Unicode), "⠞⠍⠴⠀⠱⠀⠇⠖⠄⠱⠁⠐⠆");
//! assert_eq!(t.to_braille("你好", Format::Dots), "1345-125-235-3");
//! assert_eq!(t.to_braille("你好", Format::Brf), "NH6'");
//! ```
//!
//! The pipeline has one module per stage:
//! [`normalise`] → [`segment`] → [`read`] (with the polyphone [`model`]) → [`spacing`] → [`cells`] →
//! [`encode`].
//! Spacing comes before the cells because two cell rules depend on the braille word
//! (GF 0019-2018 §10.2.7 and the abbreviation exception before a zero-initial syllable).
//!
//! Beside the pipeline: [`back`] reads braille back into pinyin, [`layout`] breaks lines and pages
//! for embossers, [`sign`] looks up National Common Sign Language (国家通用手语) signs and
//! fingerspells, and [`UserDictionary`] lets callers add words and readings.
//!
//! The tables (`data/`) are compiled into the library at build time: a translator needs no
//! files, allocates nothing at start-up and is `Send + Sync`.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod back;
pub mod cell;
pub mod cells;
pub mod encode;
pub mod layout;
mod lexicon;
pub mod model;
pub mod normalise;
pub mod options;
pub mod read;
pub mod segment;
pub mod sign;
pub mod spacing;
pub mod syllable;
mod tables;
mod translate;
mod user_dict;
mod word_class;

pub use back::{from_braille, BackItem, BackKind, BackTranslation, BrailleInput};
pub use cell::{Cell, Symbol};
pub use cells::tone_omitted;
pub use encode::Format;
pub use options::{DecimalPoint, LowercaseSign, Options, ReadingMode, SymbolMode, ToneMode};
pub use read::{char_reading, char_readings};
#[doc(hidden)]
pub use read::{lexicon_trace, polyphone_trace, LexiconTrace, PolyphoneTrace};
pub use sign::{
    fingerspell, sign_by_id, sign_entries, sign_lookup, to_signs, SignEntry, SignKind, SignToken,
};
pub use spacing::{IdiomSpacing, SpacingOptions};
pub use syllable::{Final, Initial, Syllable, SyllableError, Tone};
pub use translate::{Translation, Unit, Word, WordKind};
pub use user_dict::UserDictionary;

/// Errors of the library.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// An option value that is not known.
    #[error("invalid option: {0}")]
    InvalidOption(String),
    /// A user dictionary entry that cannot be used (with its line when parsed from text).
    #[error("invalid user dictionary: {0}")]
    InvalidDictionary(String),
    /// A braille input that cannot be read back; `position` is the index of the offending cell
    /// (in symbols of the input).
    #[error("cannot back-translate at cell {position}: {message}")]
    Braille {
        /// Index of the offending cell.
        position: usize,
        /// What is wrong.
        message: String,
    },
}

/// The library version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A translator with fixed options and an optional user dictionary. Cheap to create and to clone
/// (the dictionary is shared); thread-safe.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Translator {
    options: Options,
    user: Option<std::sync::Arc<UserDictionary>>,
}

impl Translator {
    /// A translator for National Common Braille with the default options.
    pub fn new() -> Translator {
        Translator::default()
    }

    /// A translator with `options`.
    pub fn with_options(options: Options) -> Translator {
        Translator {
            options,
            user: None,
        }
    }

    /// The same translator with a user dictionary, whose words and readings win over the built-in
    /// lexicon (see [`UserDictionary`]).
    pub fn with_user_dictionary(mut self, dictionary: UserDictionary) -> Translator {
        self.user = Some(std::sync::Arc::new(dictionary));
        self
    }

    /// The user dictionary, if any.
    pub fn user_dictionary(&self) -> Option<&UserDictionary> {
        self.user.as_deref()
    }

    /// The options.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Translates `text`, with position maps and words.
    ///
    /// ```
    /// use tongyong::{Translator, Unit};
    /// let t = Translator::new().translate("我们的学校");
    /// assert_eq!(t.to_string_as(tongyong::Format::Unicode), "⠕⠍⠴⠙⠀⠓⠾⠂⠓⠜");
    /// // 学 (index 3) starts at cell 5, after 我们的 and the blank.
    /// assert_eq!(t.output_positions(Unit::Scalar), [0, 1, 3, 5, 8]);
    /// assert_eq!(t.input_positions(Unit::Scalar)[4], 2); // the blank belongs to 的
    /// ```
    pub fn translate(&self, text: &str) -> Translation {
        translate::translate(text, &self.options, self.user.as_deref())
    }

    /// Translates `text` to a braille string in `format`.
    pub fn to_braille(&self, text: &str, format: Format) -> String {
        self.translate(text).to_string_as(format)
    }

    /// The words of `text` with their readings, as the braille is spaced: one [`Word`] per braille
    /// word or punctuation mark (the output ranges are empty: no braille is written).
    ///
    /// ```
    /// let words = tongyong::Translator::new().to_pinyin("我们去银行。");
    /// let p: Vec<Vec<String>> = words
    ///     .iter()
    ///     .map(|w| w.pinyin.iter().map(|s| s.unwrap().to_string()).collect())
    ///     .collect();
    /// assert_eq!(p, [vec!["wo3", "men5"], vec!["qu4"], vec!["yin2", "hang2"], vec![]]);
    /// ```
    pub fn to_pinyin(&self, text: &str) -> Vec<Word> {
        translate::words_only(text, &self.options, self.user.as_deref())
    }

    /// Calls `f` with each word of [`Translator::to_pinyin`], in order, without collecting them:
    /// the same [`Word`] is reused from word to word (and from call to call on a thread), so a
    /// loop over many lines allocates nothing per word.
    ///
    /// ```
    /// let t = tongyong::Translator::new();
    /// let mut words = Vec::new();
    /// t.for_each_word("我们去银行。", |w| words.push(w.clone()));
    /// assert_eq!(words, t.to_pinyin("我们去银行。"));
    /// ```
    pub fn for_each_word(&self, text: &str, f: impl FnMut(&Word)) {
        translate::for_each_word(text, &self.options, self.user.as_deref(), f)
    }

    /// Writes the pinyin line of `text` to `out` (without a line ending), as `tongyong pinyin`
    /// prints it: the words of [`Translator::to_pinyin`] separated by spaces, each Han character
    /// by its reading in tone numbers (`zhong1`, ü as v), anything else as it is in `text`.
    ///
    /// ```
    /// let mut out = Vec::new();
    /// tongyong::Translator::new().write_pinyin("我们去ＡＢＣ银行。", &mut out).unwrap();
    /// assert_eq!(String::from_utf8(out).unwrap(), "wo3men5 qu4 ＡＢＣ yin2hang2 。");
    /// ```
    pub fn write_pinyin<W: std::io::Write + ?Sized>(
        &self,
        text: &str,
        out: &mut W,
    ) -> std::io::Result<()> {
        translate::write_pinyin(text, &self.options, self.user.as_deref(), out)
    }
}
