//! The pipeline: normalise → segment → read → spacing → cells → encode, and the result with its
//! position maps.

use std::ops::Range;

use crate::cell::{Cell, Symbol};
use crate::cells;
use crate::encode::{encode, write_encoded, Format};
use crate::lexicon::Entry;
use crate::normalise::{normalise_into, Change, Normalised};
use crate::options::{LowercaseSign, Options};
use crate::read::{read_into, ReadingBuffers};
use crate::segment::{is_han, segment_into, Step, Token, TokenKind};
use crate::spacing::{self, blank_between, Group, GroupKind};
use crate::syllable::{Final, Syllable};
use crate::user_dict::UserDictionary;

/// A unit of input and output positions. Parsed (`FromStr`) from `scalar`, `utf16`, `byte`.
///
/// ```
/// assert_eq!("utf16".parse(), Ok(tongyong::Unit::Utf16));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Unicode scalar values (Python `str` indexes, Rust `chars()`).
    #[default]
    Scalar,
    /// UTF-16 code units (Windows, Java, JavaScript, NVDA).
    Utf16,
    /// UTF-8 bytes (Rust `&str` byte offsets, C `char*`).
    Byte,
}

impl std::str::FromStr for Unit {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "scalar" => Ok(Unit::Scalar),
            "utf16" => Ok(Unit::Utf16),
            "byte" => Ok(Unit::Byte),
            other => Err(crate::Error::InvalidOption(format!(
                "unknown position unit {other:?} (expected scalar, utf16 or byte)"
            ))),
        }
    }
}

impl Unit {
    /// The offset in this unit of every Unicode scalar of `text`, plus the total length at the
    /// end (so `offsets[i]..offsets[i + 1]` is character `i`).
    ///
    /// ```
    /// assert_eq!(tongyong::Unit::Utf16.offsets("a😀b"), [0, 1, 3, 4]);
    /// assert_eq!(tongyong::Unit::Byte.offsets("中a"), [0, 3, 4]);
    /// ```
    pub fn offsets(self, text: &str) -> Vec<usize> {
        let mut offsets = Vec::with_capacity(text.len() + 1);
        let mut at = 0;
        for c in text.chars() {
            offsets.push(at);
            at += match self {
                Unit::Scalar => 1,
                Unit::Utf16 => c.len_utf16(),
                Unit::Byte => c.len_utf8(),
            };
        }
        offsets.push(at);
        offsets
    }
}

/// What a [`Word`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum WordKind {
    /// A Chinese braille word (possibly with letters or digits joined to it).
    Han,
    /// Latin letters, digits and symbols.
    Code,
    /// A punctuation mark.
    Punct,
    /// A character with no braille form, passed through.
    Other,
}

/// One braille word (or punctuation mark) of a translation, with its readings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// What the word is.
    pub kind: WordKind,
    /// Input range, in Unicode scalars.
    pub input: Range<usize>,
    /// Output range (symbols), without the blanks around it.
    pub output: Range<usize>,
    /// One reading per Han character of the word (`None` for a Han character without a reading);
    /// empty for words without Han characters.
    pub pinyin: Vec<Option<Syllable>>,
}

/// The result of a translation: the output symbols and exact maps between input and output.
///
/// Every output symbol maps to the input character it came from (a blank cell between words maps
/// to the last character of the word before it); every input character maps to the first symbol
/// written for it (a character that produced none, such as a combining mark folded into its base,
/// maps to the symbol of the character before it). No position is ever -1.
#[derive(Clone, Debug)]
pub struct Translation {
    text: String,
    symbols: Vec<Symbol>,
    /// Per output symbol: input index in scalars.
    source: Vec<u32>,
    /// Per input scalar: first output symbol.
    first: Vec<u32>,
    words: Vec<Word>,
}

impl Translation {
    /// The input text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The output symbols (cells and passed-through characters).
    pub fn symbols(&self) -> &[Symbol] {
        &self.symbols
    }

    /// The output cells; a passed-through character is `None`.
    pub fn cells(&self) -> impl Iterator<Item = Option<Cell>> + '_ {
        self.symbols.iter().map(|s| s.cell())
    }

    /// The braille words and punctuation marks, in order.
    pub fn words(&self) -> &[Word] {
        &self.words
    }

    /// The output in `format`.
    pub fn to_string_as(&self, format: Format) -> String {
        encode(&self.symbols, format)
    }

    /// Writes the output in `format` to `out` (the text of [`Translation::to_string_as`], without
    /// building it first).
    pub fn write_as<W: std::io::Write + ?Sized>(
        &self,
        format: Format,
        out: &mut W,
    ) -> std::io::Result<()> {
        write_encoded(&self.symbols, format, out)
    }

    /// The output of one word in `format`.
    pub fn word_braille(&self, word: &Word, format: Format) -> String {
        encode(&self.symbols[word.output.clone()], format)
    }

    /// For every output symbol, the index of the input character it came from, in `unit`.
    pub fn input_positions(&self, unit: Unit) -> Vec<usize> {
        let offsets = self.unit_offsets(unit);
        self.source.iter().map(|&s| offsets[s as usize]).collect()
    }

    /// For every input position in `unit` (every UTF-16 unit or byte of a character maps like the
    /// character), the first output symbol written for it.
    pub fn output_positions(&self, unit: Unit) -> Vec<usize> {
        match unit {
            Unit::Scalar => self.first.iter().map(|&f| f as usize).collect(),
            Unit::Utf16 | Unit::Byte => {
                let mut out = Vec::with_capacity(self.text.len());
                for (c, &f) in self.text.chars().zip(&self.first) {
                    let n = if unit == Unit::Utf16 {
                        c.len_utf16()
                    } else {
                        c.len_utf8()
                    };
                    out.extend(std::iter::repeat_n(f as usize, n));
                }
                out
            }
        }
    }

    /// The output position of an input cursor given in `unit`. A cursor at or past the end of the
    /// input maps to the end of the output.
    pub fn cursor_to_output(&self, cursor: usize, unit: Unit) -> usize {
        let scalar = self.to_scalar(cursor, unit);
        self.first
            .get(scalar)
            .map_or(self.symbols.len(), |&f| f as usize)
    }

    /// The input position, in `unit`, of an output cursor (a routing key). A cursor at or past the
    /// end of the output maps to the end of the input.
    pub fn cursor_to_input(&self, cursor: usize, unit: Unit) -> usize {
        let offsets = self.unit_offsets(unit);
        match self.source.get(cursor) {
            Some(&s) => offsets[s as usize],
            None => *offsets.last().unwrap_or(&0),
        }
    }

    /// Offsets of every scalar of the input in `unit`, plus the total length at the end.
    fn unit_offsets(&self, unit: Unit) -> Vec<usize> {
        unit.offsets(&self.text)
    }

    fn to_scalar(&self, pos: usize, unit: Unit) -> usize {
        if unit == Unit::Scalar {
            return pos;
        }
        let offsets = self.unit_offsets(unit);
        // The character containing `pos`.
        match offsets.binary_search(&pos) {
            Ok(k) => k,
            Err(k) => k.saturating_sub(1),
        }
    }
}

/// The analysis shared by braille and pinyin: normalised text, tokens, readings and groups, with
/// the working buffers of the stages.
#[derive(Default)]
pub(crate) struct Analysis {
    pub norm: Normalised,
    /// What normalisation changed in the input.
    change: Change,
    pub tokens: Vec<Token>,
    /// Per normalised character: its reading (Han characters only).
    pub readings: Vec<Option<Syllable>>,
    pub groups: Vec<Group>,
    buffers: Buffers,
}

/// The stages' working buffers, kept with the analysis so that a reused analysis allocates
/// nothing for them.
#[derive(Default)]
struct Buffers {
    entries: Vec<Option<Entry>>,
    steps: Vec<Step>,
    reading: ReadingBuffers,
    spacing: spacing::Buffers,
    cells: Vec<Cell>,
    indexed: Vec<(usize, Cell)>,
    keep: Vec<bool>,
    /// The readings of the word of [`for_each_word`].
    pinyin: Vec<Option<Syllable>>,
    /// The line of [`write_pinyin`], and the text of every syllable it met.
    pinyin_line: Vec<u8>,
    syllable_texts: SyllableTexts,
}

/// The tone-number text of every syllable met so far (`zhong1`), made once: formatting a
/// syllable per Han character cost a tenth of `tongyong pinyin`. Each text is kept in 8 bytes
/// (up to 7 bytes of text, `zhuang1` is the longest, then its length), so that writing one is
/// an 8-byte copy. Indexed densely by initial, final and tone (59 KB for all of them): the texts
/// in use share cache lines.
#[derive(Default)]
struct SyllableTexts(Vec<[u8; 8]>);

impl SyllableTexts {
    fn push_to(&mut self, s: Syllable, out: &mut Vec<u8>) {
        let initial = s.initial.map_or(0, |i| i as usize + 1);
        let key = (initial * Final::ALL.len() + s.fin as usize) * 8 + s.tone as usize;
        // Every text is non-empty: a length of 0 is a text not made yet. (Tones fit in 3 bits;
        // one beyond would take another syllable's key.)
        match self.0.get(key) {
            Some(slot) if slot[7] != 0 && s.tone < 8 => {
                let len = out.len();
                out.extend_from_slice(slot);
                out.truncate(len + slot[7] as usize);
            }
            _ => self.make(s, key, out),
        }
    }

    #[cold]
    fn make(&mut self, s: Syllable, key: usize, out: &mut Vec<u8>) {
        let text = s.to_string();
        out.extend_from_slice(text.as_bytes());
        // A tone beyond 7 (none is) or a text too long is written but not kept.
        if s.tone >= 8 || text.len() > 7 {
            return;
        }
        if key >= self.0.len() {
            self.0.resize(key + 1, [0; 8]);
        }
        self.0[key][..text.len()].copy_from_slice(text.as_bytes());
        self.0[key][7] = text.len() as u8;
    }
}

fn push_char(out: &mut Vec<u8>, c: char) {
    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
}

thread_local! {
    /// The analysis of this thread, reused from call to call: a translation of a line of text
    /// allocated a dozen buffers, which cost more than some stages. Borrowed in place (moving the
    /// analysis in and out cost 2% of `tongyong pinyin`); a nested call finds it borrowed and
    /// uses buffers of its own.
    static SPARE: std::cell::RefCell<Analysis> = std::cell::RefCell::new(Analysis::default());
}

/// Buffers larger than this many characters are not kept, so one long text does not hold its
/// memory for the rest of the thread.
const SPARE_LIMIT: usize = 1 << 16;

/// Calls `f` with the analysis of `text`, made in the buffers of this thread when they are free.
fn with_analysis<R>(
    text: &str,
    opts: &Options,
    user: Option<&UserDictionary>,
    mut f: impl FnMut(&mut Analysis) -> R,
) -> R {
    let reused = SPARE.try_with(|spare| {
        let mut a = spare.try_borrow_mut().ok()?;
        a.run(text, opts, user);
        let r = f(&mut a);
        if a.norm.chars.capacity() > SPARE_LIMIT {
            *a = Analysis::default();
        }
        Some(r)
    });
    match reused {
        Ok(Some(r)) => r,
        // Borrowed by a caller up the stack, or the thread is ending.
        _ => {
            let mut a = Analysis::default();
            a.run(text, opts, user);
            f(&mut a)
        }
    }
}

impl Analysis {
    /// The [`Word`] of a group (none for spaces and line breaks), with its output range.
    fn word(&self, g: &Group, output: Range<usize>) -> Option<Word> {
        let mut word = Word {
            kind: WordKind::Other,
            input: 0..0,
            output,
            pinyin: Vec::new(),
        };
        self.word_into(g, &mut word).then_some(word)
    }

    /// [`Analysis::word`] into `word` (its output range left as it is), reusing its readings'
    /// buffer; false for spaces and line breaks.
    fn word_into(&self, g: &Group, word: &mut Word) -> bool {
        let kind = match g.kind {
            GroupKind::Han => WordKind::Han,
            GroupKind::Code => WordKind::Code,
            GroupKind::Punct(_) => WordKind::Punct,
            GroupKind::Other => WordKind::Other,
            GroupKind::Space | GroupKind::LineBreak => return false,
        };
        let range = self.chars_of(g);
        word.pinyin.clear();
        if kind == WordKind::Han {
            // Sized for the whole word: one allocation.
            word.pinyin.reserve(range.len());
            word.pinyin.extend(
                range
                    .clone()
                    .filter(|&k| is_han(self.norm.chars[k]))
                    .map(|k| self.readings[k]),
            );
        }
        word.kind = kind;
        word.input = self.norm.input_range(range);
        true
    }
}

/// The analysis of `text`.
pub(crate) fn analyse(text: &str, opts: &Options, user: Option<&UserDictionary>) -> Analysis {
    let mut a = Analysis::default();
    a.run(text, opts, user);
    a
}

impl Analysis {
    /// Analyses `text`, reusing the buffers of a previous analysis.
    fn run(&mut self, text: &str, opts: &Options, user: Option<&UserDictionary>) {
        let Analysis {
            norm,
            change,
            tokens,
            readings,
            groups,
            buffers: b,
        } = self;
        *change = normalise_into(text, norm);
        segment_into(&norm.chars, user, tokens, &mut b.entries, &mut b.steps);
        let entries = &mut b.entries;
        read_into(
            &norm.chars,
            tokens,
            entries,
            user,
            opts.readings,
            readings,
            &mut b.reading,
        );
        spacing::group_into(
            tokens,
            entries,
            &norm.chars,
            readings,
            &opts.spacing,
            &mut b.spacing,
            groups,
        );
    }
}

/// Runs the whole pipeline.
pub(crate) fn translate(text: &str, opts: &Options, user: Option<&UserDictionary>) -> Translation {
    with_analysis(text, opts, user, |a| translate_analysed(text, opts, a))
}

/// The braille of an analysis.
fn translate_analysed(text: &str, opts: &Options, a: &mut Analysis) -> Translation {
    let mut cell_buf = std::mem::take(&mut a.buffers.cells);
    let mut indexed = std::mem::take(&mut a.buffers.indexed);
    let mut keep = std::mem::take(&mut a.buffers.keep);
    let chars = &a.norm.chars;
    let letter_sign = match opts.lowercase_sign {
        LowercaseSign::Never => false,
        LowercaseSign::Always => true,
        LowercaseSign::InChineseText => chars.iter().any(|&c| is_han(c)),
    };
    let mut symbols: Vec<Symbol> = Vec::with_capacity(chars.len() * 3);
    // Per symbol: normalised index.
    let mut norm_source: Vec<u32> = Vec::with_capacity(chars.len() * 3);
    let mut words = Vec::with_capacity(a.groups.len());
    let mut prev_kind: Option<GroupKind> = None;
    // The last group written, for the spaces after an opening mark.
    let mut prev_group: Option<&Group> = None;
    for (gi, g) in a.groups.iter().enumerate() {
        // R23: typed spaces next to attaching Chinese marks are no blanks (spacing.rs decides).
        let side = |m: &Group| (m.kind, chars[a.chars_of(m).start]);
        if g.kind == GroupKind::Space
            && spacing::drops_typed_space(
                prev_group.map(side),
                a.groups[gi + 1..]
                    .iter()
                    .find(|n| n.kind != GroupKind::Space)
                    .map(side),
            )
        {
            continue;
        }
        prev_group = Some(g);
        if let Some(p) = prev_kind {
            if blank_between(p, g.kind, opts.blank_after_sentence_end) {
                let last = *norm_source.last().unwrap_or(&0);
                symbols.push(Symbol::Cell(Cell::BLANK));
                norm_source.push(last);
            }
        }
        prev_kind = Some(g.kind);
        let out_start = symbols.len();
        let tokens = &a.tokens[g.tokens.clone()];
        let mut push = |sym: Symbol, at: usize| {
            symbols.push(sym);
            norm_source.push(at as u32);
        };
        // Syllables of the whole group, for the look-ahead of §10.2.7 and the abbreviations.
        let group_range = tokens[0].start..tokens[tokens.len() - 1].end;
        for (k, t) in tokens.iter().enumerate() {
            // R16: a digit run is followed by a blank before Chinese, even inside one braille word
            // (2018年), or the next cells would read as digits.
            if k > 0 && tokens[k - 1].kind == TokenKind::Number && t.kind == TokenKind::Han {
                push(Symbol::Cell(Cell::BLANK), tokens[k - 1].end - 1);
            }
            match t.kind {
                TokenKind::Han => {
                    let word = &chars[t.start..t.end];
                    if opts.tone_retention_list {
                        cells::retained_tones(word, &a.readings[t.start..t.end], &mut keep);
                    } else {
                        keep.clear();
                        keep.resize(word.len(), false);
                    }
                    for (k, &c) in word.iter().enumerate() {
                        let at = t.start + k;
                        match a.readings[at] {
                            Some(r) => {
                                let next =
                                    a.readings.get(at + 1).filter(|_| at + 1 < group_range.end);
                                cell_buf.clear();
                                cells::han_cells(
                                    c,
                                    &r,
                                    next.and_then(|n| n.as_ref()),
                                    keep[k],
                                    opts,
                                    &mut cell_buf,
                                );
                                for &cell in &cell_buf {
                                    push(Symbol::Cell(cell), at);
                                }
                            }
                            None => push(Symbol::Text(c), at),
                        }
                    }
                }
                TokenKind::Latin | TokenKind::Number => {
                    indexed.clear();
                    let run = &chars[t.start..t.end];
                    if t.kind == TokenKind::Number {
                        cells::number_cells(run, opts, &mut indexed);
                    } else {
                        // The letter sign goes before the first letters of a unit (not again
                        // after each / in a path), and before letters straight after digits,
                        // which would otherwise read as digits.
                        let first_in_group = t.start == group_range.start;
                        let after_number = !first_in_group && chars[t.start - 1].is_ascii_digit();
                        cells::latin_cells(
                            run,
                            (letter_sign && first_in_group) || after_number,
                            &mut indexed,
                        );
                    }
                    for &(k, cell) in &indexed {
                        push(Symbol::Cell(cell), t.start + k);
                    }
                }
                TokenKind::Punct => {
                    for &b in cells::punctuation_cells(t.mark.unwrap_or("")) {
                        push(Symbol::Cell(Cell(b)), t.start);
                    }
                }
                TokenKind::Symbol => {
                    // A symbol in a word with Latin letters (a URL, a path, an option) is code.
                    let in_code = chars[group_range.clone()]
                        .iter()
                        .any(|c| c.is_ascii_alphabetic());
                    cells::symbol(chars[t.start], in_code, opts, |s| push(s, t.start));
                }
                TokenKind::Space => {
                    for k in t.start..t.end {
                        push(Symbol::Cell(Cell::BLANK), k);
                    }
                }
                TokenKind::LineBreak | TokenKind::Other => {
                    push(Symbol::Text(chars[t.start]), t.start)
                }
            }
        }
        words.extend(a.word(g, out_start..symbols.len()));
    }
    // Map normalised indexes back to input scalars (nothing to do when normalisation kept every
    // character: the map is then the identity, as the sources strictly increase).
    let mut source = norm_source;
    if a.norm.chars.len() != a.norm.input_len {
        for s in &mut source {
            *s = a.norm.source[*s as usize];
        }
    }
    let mut first = vec![u32::MAX; a.norm.input_len];
    for (j, &s) in source.iter().enumerate().rev() {
        first[s as usize] = j as u32;
    }
    let mut last = 0;
    for f in first.iter_mut() {
        if *f == u32::MAX {
            *f = last;
        } else {
            last = *f;
        }
    }
    a.buffers.cells = cell_buf;
    a.buffers.indexed = indexed;
    a.buffers.keep = keep;
    Translation {
        text: text.to_string(),
        symbols,
        source,
        first,
        words,
    }
}

/// [`words_only`] one word at a time, in one reused [`Word`]: no allocation per word.
pub(crate) fn for_each_word(
    text: &str,
    opts: &Options,
    user: Option<&UserDictionary>,
    mut f: impl FnMut(&Word),
) {
    with_analysis(text, opts, user, |a| {
        let mut word = Word {
            kind: WordKind::Other,
            input: 0..0,
            output: 0..0,
            pinyin: std::mem::take(&mut a.buffers.pinyin),
        };
        for g in &a.groups {
            if a.word_into(g, &mut word) {
                f(&word);
            }
        }
        a.buffers.pinyin = word.pinyin;
    })
}

/// Writes the pinyin line of `text` (see [`crate::Translator::write_pinyin`]).
pub(crate) fn write_pinyin<W: std::io::Write + ?Sized>(
    text: &str,
    opts: &Options,
    user: Option<&UserDictionary>,
    out: &mut W,
) -> std::io::Result<()> {
    with_analysis(text, opts, user, |a| {
        let mut line = std::mem::take(&mut a.buffers.pinyin_line);
        let mut texts = std::mem::take(&mut a.buffers.syllable_texts);
        line.clear();
        a.pinyin_line(text, &mut texts, &mut line);
        let written = out.write_all(&line);
        a.buffers.pinyin_line = line;
        a.buffers.syllable_texts = texts;
        written
    })
}

impl Analysis {
    /// The words of the groups separated by spaces, each Han character of `text` by its reading
    /// and anything else as it is, walking `text` along with the groups: the same text as the
    /// words of [`words_only`] give, without making them.
    fn pinyin_line(&self, text: &str, texts: &mut SyllableTexts, out: &mut Vec<u8>) {
        if self.change == Change::None {
            return self.pinyin_line_unchanged(texts, out);
        }
        // The input characters from scalar index `at` on.
        let mut rest = text.chars();
        let mut at = 0;
        for (k, (g, range)) in self.written_groups().enumerate() {
            if k > 0 {
                out.push(b' ');
            }
            let input = self.norm.input_range(range.clone());
            if input.start < at {
                // Groups come in input order; should one not, start again from the beginning.
                (rest, at) = (text.chars(), 0);
            }
            if input.start > at {
                rest.nth(input.start - at - 1);
            }
            at = input.end;
            if g.kind != GroupKind::Han {
                let from = text.len() - rest.as_str().len();
                if !input.is_empty() {
                    rest.nth(input.len() - 1);
                }
                out.extend_from_slice(&text.as_bytes()[from..text.len() - rest.as_str().len()]);
                continue;
            }
            let chars = rest.by_ref().take(input.len());
            if self.change == Change::Folded {
                // The input's characters are the normalised ones, Han where they are Han.
                for (c, k) in chars.zip(range) {
                    match self.readings[k].filter(|_| is_han(c)) {
                        Some(s) => texts.push_to(s, out),
                        None => push_char(out, c),
                    }
                }
                continue;
            }
            // The readings of the normalised Han characters, in order, as `Word::pinyin`.
            let mut readings = range
                .filter(|&k| is_han(self.norm.chars[k]))
                .map(|k| self.readings[k]);
            for c in chars {
                match is_han(c).then(|| readings.next().flatten()).flatten() {
                    Some(s) => texts.push_to(s, out),
                    None => push_char(out, c),
                }
            }
        }
    }

    /// The groups a pinyin line writes (all but spaces and line breaks), each with its range of
    /// normalised characters.
    fn written_groups(&self) -> impl Iterator<Item = (&Group, Range<usize>)> {
        self.groups
            .iter()
            .filter(|g| !matches!(g.kind, GroupKind::Space | GroupKind::LineBreak))
            .map(|g| (g, self.chars_of(g)))
    }

    /// The normalised characters of a group.
    fn chars_of(&self, g: &Group) -> Range<usize> {
        self.tokens[g.tokens.start].start..self.tokens[g.tokens.end - 1].end
    }

    /// [`Analysis::pinyin_line`] of a text that normalisation left as it is (nearly every line):
    /// the normalised characters are the input's, at the same indexes, so the input need not be
    /// walked.
    fn pinyin_line_unchanged(&self, texts: &mut SyllableTexts, out: &mut Vec<u8>) {
        let chars = &self.norm.chars;
        for (k, (g, range)) in self.written_groups().enumerate() {
            if k > 0 {
                out.push(b' ');
            }
            let han = g.kind == GroupKind::Han;
            for (&c, &r) in chars[range.clone()].iter().zip(&self.readings[range]) {
                match r.filter(|_| han && is_han(c)) {
                    Some(s) => texts.push_to(s, out),
                    None if c.is_ascii() => out.push(c as u8),
                    None => push_char(out, c),
                }
            }
        }
    }
}

/// The words and readings without writing braille.
pub(crate) fn words_only(text: &str, opts: &Options, user: Option<&UserDictionary>) -> Vec<Word> {
    with_analysis(text, opts, user, |a| {
        let mut words = Vec::with_capacity(a.groups.len());
        words.extend(a.groups.iter().filter_map(|g| a.word(g, 0..0)));
        words
    })
}
