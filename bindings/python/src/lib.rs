//! `tongyong._tongyong`: the native part of the Python package. It only converts types: Python
//! strings and option names in, plain tuples out; the package `tongyong` (python/tongyong) wraps
//! the tuples in typed dataclasses. Long work runs with the GIL released. Sign entries cross as
//! their ids (the package builds each entry object once).

use std::borrow::Cow;

use pyo3::prelude::*;
use pyo3::types::PyString;
use tongyong::sign::Spelled;
use tongyong::{
    BackKind, BrailleInput, DecimalPoint, Format, IdiomSpacing, LowercaseSign, Options,
    ReadingMode, SignKind, SpacingOptions, SymbolMode, ToneMode, Translation, Unit, UserDictionary,
    WordKind,
};

/// (kind, start, end, pinyin, braille) of a word; positions in the requested unit.
type WordTuple = (&'static str, usize, usize, Vec<Option<String>>, String);
/// (braille, input positions, output positions, cursor, words).
type TranslationTuple = (
    String,
    Vec<usize>,
    Vec<usize>,
    Option<usize>,
    Vec<WordTuple>,
);
/// (kind, start, end, text, tones, syllables) of a back-translated item.
type BackItemTuple = (&'static str, usize, usize, String, Vec<u32>, Vec<String>);

/// The exception `tongyong.<class>(message[, position])`; the classes live in Python
/// (tongyong/_errors.py) so that they can carry attributes and docstrings.
fn error(py: Python<'_>, class: &str, message: String, position: Option<usize>) -> PyErr {
    let raised = py
        .import("tongyong._errors")
        .and_then(|m| m.getattr(class))
        .and_then(|cls| match position {
            Some(p) => cls.call1((message, p)),
            None => cls.call1((message,)),
        });
    match raised {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}

fn option_error(py: Python<'_>, e: tongyong::Error) -> PyErr {
    let message = match e {
        tongyong::Error::InvalidOption(m) => m,
        other => other.to_string(),
    };
    error(py, "OptionError", message, None)
}

fn parse<T: std::str::FromStr<Err = tongyong::Error>>(py: Python<'_>, s: &str) -> PyResult<T> {
    s.parse().map_err(|e| option_error(py, e))
}

/// The UTF-8 text of a Python string; a lone surrogate raises `tongyong.Error`.
fn text<'a>(py: Python<'_>, s: &'a Bound<'_, PyString>) -> PyResult<Cow<'a, str>> {
    s.to_cow().map_err(|e| {
        error(
            py,
            "Error",
            format!("the text is not valid Unicode: {}", e.value(py)),
            None,
        )
    })
}

fn word_kind(k: WordKind) -> &'static str {
    match k {
        WordKind::Han => "han",
        WordKind::Code => "code",
        WordKind::Punct => "punct",
        _ => "other",
    }
}

fn words(
    text: &str,
    words: &[tongyong::Word],
    unit: Unit,
    braille: impl Fn(&tongyong::Word) -> String,
) -> Vec<WordTuple> {
    let offsets = unit.offsets(text);
    words
        .iter()
        .map(|w| {
            (
                word_kind(w.kind),
                offsets[w.input.start],
                offsets[w.input.end],
                w.pinyin.iter().map(|s| s.map(|s| s.to_string())).collect(),
                braille(w),
            )
        })
        .collect()
}

fn translation_tuple(
    text: &str,
    t: &Translation,
    unit: Unit,
    cursor: Option<usize>,
) -> TranslationTuple {
    (
        t.to_string_as(Format::Unicode),
        t.input_positions(unit),
        t.output_positions(unit),
        cursor.map(|c| t.cursor_to_output(c, unit)),
        words(text, t.words(), unit, |w| {
            t.word_braille(w, Format::Unicode)
        }),
    )
}

/// A translator with fixed options. Thread-safe; its methods release the GIL while they work.
#[pyclass(frozen, module = "tongyong._tongyong")]
struct Translator {
    inner: tongyong::Translator,
}

#[pymethods]
impl Translator {
    #[new]
    #[pyo3(signature = (
        *,
        tones = "national",
        apical_tone_before_zero_initial = true,
        tone_retention_list = true,
        abbreviate_before_zero_initial = false,
        blank_after_sentence_end = true,
        lowercase_sign = "chinese",
        decimal_point = "dot3",
        symbols = "chinese",
        readings = "model",
        split_long_words = true,
        join_monosyllables = true,
        join_negation = true,
        join_modal_particles = true,
        join_preposition_noun = false,
        join_numeral_measure = true,
        join_ordinals = true,
        join_dates = true,
        join_names = true,
        join_place_generics = true,
        idioms = "joined",
        max_syllables = 4,
        user_dictionary = None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        tones: &str,
        apical_tone_before_zero_initial: bool,
        tone_retention_list: bool,
        abbreviate_before_zero_initial: bool,
        blank_after_sentence_end: bool,
        lowercase_sign: &str,
        decimal_point: &str,
        symbols: &str,
        readings: &str,
        split_long_words: bool,
        join_monosyllables: bool,
        join_negation: bool,
        join_modal_particles: bool,
        join_preposition_noun: bool,
        join_numeral_measure: bool,
        join_ordinals: bool,
        join_dates: bool,
        join_names: bool,
        join_place_generics: bool,
        idioms: &str,
        max_syllables: i64,
        user_dictionary: Option<Vec<(String, Option<String>)>>,
    ) -> PyResult<Self> {
        let idioms = match idioms {
            "joined" => IdiomSpacing::Joined,
            "two-plus-two" => IdiomSpacing::TwoPlusTwo,
            other => {
                return Err(error(
                    py,
                    "OptionError",
                    format!("unknown idiom spacing {other:?} (expected joined or two-plus-two)"),
                    None,
                ))
            }
        };
        let max_syllables = usize::try_from(max_syllables)
            .ok()
            .filter(|&n| n >= 1)
            .ok_or_else(|| {
                error(
                    py,
                    "OptionError",
                    format!("max_syllables must be at least 1, not {max_syllables}"),
                    None,
                )
            })?;
        let options = Options {
            tones: parse::<ToneMode>(py, tones)?,
            apical_tone_before_zero_initial,
            tone_retention_list,
            abbreviate_before_zero_initial,
            blank_after_sentence_end,
            lowercase_sign: parse::<LowercaseSign>(py, lowercase_sign)?,
            decimal_point: parse::<DecimalPoint>(py, decimal_point)?,
            symbols: parse::<SymbolMode>(py, symbols)?,
            spacing: SpacingOptions {
                split_long_words,
                join_monosyllables,
                join_negation,
                join_modal_particles,
                join_preposition_noun,
                join_numeral_measure,
                join_ordinals,
                join_dates,
                join_names,
                join_place_generics,
                idioms,
                max_syllables,
            },
            readings: parse::<ReadingMode>(py, readings)?,
        };
        let mut inner = tongyong::Translator::with_options(options);
        if let Some(entries) = user_dictionary.filter(|e| !e.is_empty()) {
            let mut dict = UserDictionary::new();
            for (word, reading) in &entries {
                let reading = reading.as_deref().filter(|r| !r.trim().is_empty());
                dict.add(word, reading)
                    .map_err(|e| error(py, "OptionError", e.to_string(), None))?;
            }
            inner = inner.with_user_dictionary(dict);
        }
        Ok(Translator { inner })
    }

    /// The braille of `text` in `format` ("unicode", "dots" or "brf").
    #[pyo3(signature = (text, format = "unicode"))]
    fn to_braille(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyString>,
        format: &str,
    ) -> PyResult<String> {
        let format: Format = parse(py, format)?;
        let text = self::text(py, text)?;
        let tr = &self.inner;
        Ok(py.detach(|| tr.to_braille(&text, format)))
    }

    /// The braille of every text of `texts`, computed with the GIL released.
    #[pyo3(signature = (texts, format = "unicode"))]
    fn to_braille_many(
        &self,
        py: Python<'_>,
        texts: Vec<Bound<'_, PyString>>,
        format: &str,
    ) -> PyResult<Vec<String>> {
        let format: Format = parse(py, format)?;
        let texts = texts
            .iter()
            .map(|t| text(py, t).map(Cow::into_owned))
            .collect::<PyResult<Vec<String>>>()?;
        let tr = &self.inner;
        Ok(py.detach(|| texts.iter().map(|t| tr.to_braille(t, format)).collect()))
    }

    /// (braille, input positions, output positions, cursor, words) of `text`, positions in
    /// `unit` ("scalar", "utf16" or "byte").
    #[pyo3(signature = (text, unit = "scalar", cursor = None))]
    fn translate(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyString>,
        unit: &str,
        cursor: Option<usize>,
    ) -> PyResult<TranslationTuple> {
        let unit: Unit = parse(py, unit)?;
        let text = self::text(py, text)?;
        let tr = &self.inner;
        Ok(py.detach(|| translation_tuple(&text, &tr.translate(&text), unit, cursor)))
    }

    /// The words of `text` with their readings, positions in `unit`.
    #[pyo3(signature = (text, unit = "scalar"))]
    fn to_pinyin(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyString>,
        unit: &str,
    ) -> PyResult<Vec<WordTuple>> {
        let unit: Unit = parse(py, unit)?;
        let text = self::text(py, text)?;
        let tr = &self.inner;
        Ok(py.detach(|| words(&text, &tr.to_pinyin(&text), unit, |_| String::new())))
    }
}

/// (pinyin string, items) read back from `braille` ("unicode" or "brf" input).
#[pyfunction]
#[pyo3(signature = (braille, input = "unicode"))]
fn from_braille(
    py: Python<'_>,
    braille: &Bound<'_, PyString>,
    input: &str,
) -> PyResult<(String, Vec<BackItemTuple>)> {
    let input: BrailleInput = parse(py, input)?;
    let braille = text(py, braille)?;
    match py.detach(|| tongyong::from_braille(&braille, input)) {
        Ok(back) => {
            let items = back
                .items
                .iter()
                .map(|item| {
                    let kind = match item.kind {
                        BackKind::Syllable => "syllable",
                        BackKind::Abbreviation => "abbreviation",
                        BackKind::Number => "number",
                        BackKind::Letters => "letters",
                        BackKind::Punct => "punct",
                        BackKind::Blank => "blank",
                        _ => "text",
                    };
                    (
                        kind,
                        item.cells.start,
                        item.cells.end,
                        item.text.clone(),
                        item.tones.iter().map(|&t| u32::from(t)).collect(),
                        item.syllables().iter().map(|s| s.to_string()).collect(),
                    )
                })
                .collect();
            Ok((back.to_pinyin_string(), items))
        }
        Err(tongyong::Error::Braille { position, message }) => Err(error(
            py,
            "BrailleError",
            format!("cannot read the braille back at cell {position}: {message}"),
            Some(position),
        )),
        Err(e) => Err(error(py, "Error", e.to_string(), None)),
    }
}

// ---- National Common Sign Language ------------------------------------------------------------

/// (id, gloss, headword, variant, shared words as (word, variant)) of a sign entry.
type EntryTuple = (
    u16,
    &'static str,
    &'static str,
    Option<u8>,
    Vec<(&'static str, Option<u8>)>,
);
/// (syllable with tone number or None for Latin letters, handshapes, umlaut, circumflex).
type SpelledTuple = (Option<String>, Vec<&'static str>, bool, bool);
/// (kind, text, start, end, word start, word end, entry ids, fingerspelling); positions in the
/// requested unit.
type SignTokenTuple = (
    &'static str,
    String,
    usize,
    usize,
    usize,
    usize,
    Vec<u16>,
    Vec<SpelledTuple>,
);

fn spelled_tuple(s: &Spelled) -> SpelledTuple {
    (
        s.syllable.map(|s| s.to_string()),
        s.letters.iter().map(|l| l.as_str()).collect(),
        s.umlaut,
        s.circumflex,
    )
}

fn entry_of(id: u32) -> Option<&'static tongyong::SignEntry> {
    u16::try_from(id).ok().and_then(tongyong::sign_by_id)
}

/// The number of signs in the lexicon (ids run from 0 to this number minus 1).
#[pyfunction]
fn sign_count() -> usize {
    tongyong::sign_entries().len()
}

/// (id, gloss, headword, variant, shared words) of the sign with id `id`, or None.
#[pyfunction]
fn sign_entry(id: u32) -> Option<EntryTuple> {
    entry_of(id).map(|e| {
        (
            e.id,
            e.gloss,
            e.headword,
            e.variant,
            e.shares_sign_with
                .iter()
                .map(|s| (s.word, s.variant))
                .collect(),
        )
    })
}

/// The ids of the signs of `word`, in variant order.
#[pyfunction]
fn sign_lookup(py: Python<'_>, word: &Bound<'_, PyString>) -> PyResult<Vec<u16>> {
    let word = text(py, word)?;
    Ok(tongyong::sign_lookup(&word).iter().map(|e| e.id).collect())
}

/// The derived reading of the headword of sign `id` (one syllable or None per Han character).
#[pyfunction]
fn sign_entry_pinyin(id: u32) -> Option<Vec<Option<String>>> {
    entry_of(id).map(|e| {
        e.pinyin()
            .iter()
            .map(|s| s.map(|s| s.to_string()))
            .collect()
    })
}

/// The derived fingerspelling of the headword of sign `id`.
#[pyfunction]
fn sign_entry_fingerspelling(id: u32) -> Option<Vec<SpelledTuple>> {
    entry_of(id).map(|e| e.fingerspelling().iter().map(spelled_tuple).collect())
}

/// The fingerspelling of `text`: one item per syllable or run of Latin letters.
#[pyfunction]
fn fingerspell(py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<Vec<SpelledTuple>> {
    let text = self::text(py, text)?;
    Ok(py.detach(|| {
        tongyong::fingerspell(&text)
            .iter()
            .map(spelled_tuple)
            .collect()
    }))
}

/// The sign tokens of `text`, positions in `unit` ("scalar", "utf16" or "byte").
#[pyfunction]
#[pyo3(signature = (text, unit = "scalar"))]
fn to_signs(
    py: Python<'_>,
    text: &Bound<'_, PyString>,
    unit: &str,
) -> PyResult<Vec<SignTokenTuple>> {
    let unit: Unit = parse(py, unit)?;
    let text = self::text(py, text)?;
    Ok(py.detach(|| {
        let chars: Vec<char> = text.chars().collect();
        let offsets = unit.offsets(&text);
        tongyong::to_signs(&text)
            .iter()
            .map(|t| {
                let kind = match t.kind {
                    SignKind::Sign => "sign",
                    SignKind::Fingerspell => "fingerspell",
                    SignKind::Number => "number",
                    SignKind::Other => "other",
                };
                (
                    kind,
                    chars[t.input.clone()].iter().collect(),
                    offsets[t.input.start],
                    offsets[t.input.end],
                    offsets[t.word.start],
                    offsets[t.word.end],
                    t.entries.iter().map(|e| e.id).collect(),
                    t.fingerspelling.iter().map(spelled_tuple).collect(),
                )
            })
            .collect()
    }))
}

/// The library version.
#[pyfunction]
fn version() -> &'static str {
    tongyong::VERSION
}

#[pymodule]
fn _tongyong(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Translator>()?;
    m.add_function(wrap_pyfunction!(from_braille, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    m.add_function(wrap_pyfunction!(sign_count, m)?)?;
    m.add_function(wrap_pyfunction!(sign_entry, m)?)?;
    m.add_function(wrap_pyfunction!(sign_lookup, m)?)?;
    m.add_function(wrap_pyfunction!(sign_entry_pinyin, m)?)?;
    m.add_function(wrap_pyfunction!(sign_entry_fingerspelling, m)?)?;
    m.add_function(wrap_pyfunction!(fingerspell, m)?)?;
    m.add_function(wrap_pyfunction!(to_signs, m)?)?;
    Ok(())
}
