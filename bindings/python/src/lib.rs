//! `tongyong._tongyong`: the native part of the Python package. It only converts types: Python
//! strings and option names in, plain tuples out; the package `tongyong` (python/tongyong) wraps
//! the tuples in typed dataclasses. Long work runs with the GIL released.

use std::borrow::Cow;

use pyo3::prelude::*;
use pyo3::types::PyString;
use tongyong::{
    BackKind, BrailleInput, DecimalPoint, Format, LowercaseSign, Options, SymbolMode, ToneMode,
    Translation, Unit, WordKind,
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

/// Offsets in `unit` of every scalar of `text`, and the length at the end.
fn unit_offsets(text: &str, unit: Unit) -> Vec<usize> {
    let mut offsets = Vec::with_capacity(text.len() + 1);
    let mut at = 0;
    for c in text.chars() {
        offsets.push(at);
        at += match unit {
            Unit::Scalar => 1,
            Unit::Utf16 => c.len_utf16(),
            Unit::Byte => c.len_utf8(),
        };
    }
    offsets.push(at);
    offsets
}

fn words(
    text: &str,
    words: &[tongyong::Word],
    unit: Unit,
    braille: impl Fn(&tongyong::Word) -> String,
) -> Vec<WordTuple> {
    let offsets = unit_offsets(text, unit);
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
        symbols = "computer",
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
    ) -> PyResult<Self> {
        let options = Options {
            tones: parse::<ToneMode>(py, tones)?,
            apical_tone_before_zero_initial,
            tone_retention_list,
            abbreviate_before_zero_initial,
            blank_after_sentence_end,
            lowercase_sign: parse::<LowercaseSign>(py, lowercase_sign)?,
            decimal_point: parse::<DecimalPoint>(py, decimal_point)?,
            symbols: parse::<SymbolMode>(py, symbols)?,
            // The spacing rules are not exposed to Python yet: their defaults.
            spacing: Default::default(),
        };
        Ok(Translator {
            inner: tongyong::Translator::with_options(options),
        })
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
    Ok(())
}
