//! Back-translation: National Common Braille → pinyin syllables with tones.
//!
//! A syllable written without a tone cell is ambiguous by design: it has either its initial
//! group's omitted tone or the neutral tone, and both are reported. Abbreviations come back as
//! their characters; numbers, letters and punctuation as text.

use std::ops::Range;

use crate::cell::{Cell, Symbol};
use crate::cells::{tone_omitted, CAPITAL_SIGN, LETTER_SIGN, NUMBER_SIGN};
use crate::syllable::{Final, Initial, Syllable, Tone, NEUTRAL};
use crate::tables::{ABBREVIATIONS, FINAL_CELLS, INITIAL_CELLS, PUNCTUATION, TONE_CELLS};
use crate::Error;

/// The form of braille text given to [`from_braille`]. Parsed (`FromStr`) from the CLI's names
/// `unicode`, `brf`.
///
/// ```
/// assert_eq!("brf".parse(), Ok(tongyong::BrailleInput::Brf));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum BrailleInput {
    /// Unicode braille (U+2800 block); an ASCII space is also a blank cell.
    #[default]
    Unicode,
    /// North American ASCII braille (BRF), either letter case.
    Brf,
}

impl std::str::FromStr for BrailleInput {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "unicode" => Ok(BrailleInput::Unicode),
            "brf" => Ok(BrailleInput::Brf),
            other => Err(Error::InvalidOption(format!(
                "unknown braille input {other:?} (expected unicode or brf)"
            ))),
        }
    }
}

/// What a [`BackItem`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BackKind {
    /// A pinyin syllable.
    Syllable,
    /// An abbreviated character (的 么 你 他 她 它).
    Abbreviation,
    /// A number.
    Number,
    /// Latin letters.
    Letters,
    /// A punctuation mark.
    Punct,
    /// A blank cell: the end of a braille word.
    Blank,
    /// A character that is not braille, passed through.
    Text,
}

/// One item read back from braille.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackItem {
    /// What the item is.
    pub kind: BackKind,
    /// The cells it was read from.
    pub cells: Range<usize>,
    /// The text: the syllable's spelling without tone (`men`, `lv`), the abbreviated character,
    /// the digits, letters or punctuation mark.
    pub text: String,
    /// For syllables, the possible tones: the written tone, or the group's omitted tone(s) and the
    /// neutral tone 5 (and 1 for an unmarked `ta`, which is also 他 spelled in full). Empty for
    /// other items.
    pub tones: Vec<Tone>,
}

impl BackItem {
    /// The candidate syllables of a syllable item (one per possible tone).
    pub fn syllables(&self) -> Vec<Syllable> {
        self.tones
            .iter()
            .filter_map(|t| Syllable::parse(&format!("{}{t}", self.text)).ok())
            .collect()
    }
}

/// The result of [`from_braille`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BackTranslation {
    /// The items in order.
    pub items: Vec<BackItem>,
}

impl BackTranslation {
    /// A readable pinyin rendering: syllables with their tone candidates separated by `/`
    /// (`men2/5`), items of one braille word joined by `'`, braille words separated by a space.
    ///
    /// ```
    /// let b = tongyong::from_braille("⠕⠍⠴⠀⠱⠂", tongyong::BrailleInput::Unicode).unwrap();
    /// assert_eq!(b.to_pinyin_string(), "wo3/5'men2/5 shi2");
    /// ```
    pub fn to_pinyin_string(&self) -> String {
        let mut out = String::new();
        let mut in_word = false;
        for item in &self.items {
            match item.kind {
                BackKind::Blank => {
                    out.push(' ');
                    in_word = false;
                    continue;
                }
                BackKind::Text => {
                    out.push_str(&item.text);
                    in_word = false;
                    continue;
                }
                _ => {}
            }
            if in_word {
                out.push('\'');
            }
            out.push_str(&item.text);
            let tones: Vec<String> = item.tones.iter().map(|t| t.to_string()).collect();
            out.push_str(&tones.join("/"));
            in_word = true;
        }
        out
    }
}

fn position<T: PartialEq>(table: &[T], x: T) -> Option<usize> {
    table.iter().position(|t| *t == x)
}

fn is_tone_cell(c: Cell) -> Option<Tone> {
    position(&TONE_CELLS, c.0).map(|k| k as Tone + 1)
}

fn final_of(c: Cell) -> Option<Final> {
    // Cells shared by two finals read as the common one: o/e → e, ie/ê → ie, ong/ueng → ong,
    // eng/ng → eng, iou/io → iou (you, not the interjection yo).
    match c.0 {
        0 => None,
        _ => Final::ALL
            .iter()
            .zip(FINAL_CELLS.iter())
            .find(|(f, &cell)| {
                cell == c.0
                    && !matches!(
                        f,
                        Final::O
                            | Final::EHat
                            | Final::Ueng
                            | Final::M
                            | Final::N
                            | Final::Ng
                            | Final::Io
                    )
            })
            .map(|(f, _)| *f),
    }
}

/// The initial read from a cell; g/j, k/q, h/x are resolved by the final that follows.
fn initial_of(c: Cell, next_final: Option<Final>) -> Option<Initial> {
    let k = position(&INITIAL_CELLS, c.0)?;
    let initial = Initial::ALL[k];
    let front = next_final.is_some_and(|f| f.is_front_high());
    Some(match (initial, front) {
        (Initial::G, true) => Initial::J,
        (Initial::K, true) => Initial::Q,
        (Initial::H, true) => Initial::X,
        (i, _) => i,
    })
}

fn digit_of(c: Cell) -> Option<char> {
    let brf = c.to_brf()?;
    match brf {
        'A'..='I' => Some((b'1' + (brf as u8 - b'A')) as char),
        'J' => Some('0'),
        _ => None,
    }
}

fn letter_of(c: Cell) -> Option<char> {
    c.to_brf()
        .filter(|b| b.is_ascii_uppercase())
        .map(|b| b.to_ascii_lowercase())
}

/// The tones an unmarked syllable may have: those the group rule omits, and the neutral tone.
fn unmarked_tones(initial: Option<Initial>, fin: Final) -> Vec<Tone> {
    let mut tones: Vec<Tone> = (1..=4)
        .filter(|&t| {
            tone_omitted(&Syllable {
                initial,
                fin,
                tone: t,
            })
        })
        .collect();
    tones.push(NEUTRAL);
    tones
}

/// Reads National Common Braille back into pinyin.
///
/// ```
/// use tongyong::{from_braille, BrailleInput};
/// let b = from_braille("⠝⠀⠓⠖⠄⠐⠆", BrailleInput::Unicode).unwrap();
/// assert_eq!(b.to_pinyin_string(), "你 hao3'。");
/// // BRF, as an embosser file holds it
/// let b = from_braille("N H6'", BrailleInput::Brf).unwrap();
/// assert_eq!(b.to_pinyin_string(), "你 hao3");
/// // A tone cell with no syllable before it cannot be read.
/// assert!(from_braille("⠁", BrailleInput::Unicode).is_err());
/// ```
pub fn from_braille(text: &str, input: BrailleInput) -> Result<BackTranslation, Error> {
    let symbols: Vec<Symbol> = text
        .chars()
        .map(|c| {
            let cell = match input {
                BrailleInput::Unicode => {
                    Cell::from_unicode(c).or((c == ' ').then_some(Cell::BLANK))
                }
                BrailleInput::Brf => Cell::from_brf(c),
            };
            cell.map_or(Symbol::Text(c), Symbol::Cell)
        })
        .collect();
    Reader {
        symbols: &symbols,
        pos: 0,
        items: Vec::new(),
        double_quote_open: false,
        single_quote_open: false,
    }
    .read()
}

struct Reader<'a> {
    symbols: &'a [Symbol],
    pos: usize,
    items: Vec<BackItem>,
    double_quote_open: bool,
    single_quote_open: bool,
}

impl Reader<'_> {
    fn cell(&self, k: usize) -> Option<Cell> {
        self.symbols
            .get(k)
            .and_then(|s| s.cell())
            .filter(|c| *c != Cell::BLANK)
    }

    fn push(&mut self, kind: BackKind, len: usize, text: String, tones: Vec<Tone>) {
        self.items.push(BackItem {
            kind,
            cells: self.pos..self.pos + len,
            text,
            tones,
        });
        self.pos += len;
    }

    fn error(&self, message: &str) -> Error {
        Error::Braille {
            position: self.pos,
            message: message.to_string(),
        }
    }

    fn read(mut self) -> Result<BackTranslation, Error> {
        while self.pos < self.symbols.len() {
            match self.symbols[self.pos] {
                Symbol::Text(c) => self.push(BackKind::Text, 1, c.to_string(), Vec::new()),
                Symbol::Cell(Cell::BLANK) => {
                    self.push(BackKind::Blank, 1, " ".to_string(), Vec::new())
                }
                Symbol::Cell(c) => self.read_item(c)?,
            }
        }
        Ok(BackTranslation { items: self.items })
    }

    fn read_item(&mut self, c: Cell) -> Result<(), Error> {
        let next = self.cell(self.pos + 1);
        if c == NUMBER_SIGN && next.and_then(digit_of).is_some() {
            return self.read_number();
        }
        if c == CAPITAL_SIGN || c == LETTER_SIGN {
            let after = if c == CAPITAL_SIGN && next == Some(CAPITAL_SIGN) {
                self.cell(self.pos + 2)
            } else {
                next
            };
            if after.and_then(letter_of).is_some() {
                return self.read_letters();
            }
        }
        if c == Cell(0b1000) && next == Some(Cell(INITIAL_CELLS[5])) {
            // ⠈⠞ 它, or its full spelling ⠈⠞⠔
            let full = self.cell(self.pos + 2) == Some(Cell(FINAL_CELLS[0]));
            let tone = full && self.cell(self.pos + 3).and_then(is_tone_cell) == Some(1);
            self.push(
                BackKind::Abbreviation,
                2 + full as usize + tone as usize,
                "它".to_string(),
                Vec::new(),
            );
            return Ok(());
        }
        if position(&INITIAL_CELLS, c.0).is_some() {
            return self.read_syllable_with_initial(c);
        }
        if let Some(fin) = final_of(c) {
            let start = self.pos;
            self.pos += 1;
            let (len, tones) = self.tone_after(None, fin);
            self.pos = start;
            // A bare ⠢ without a tone cell is o (10.2.6: o omits every tone) or a neutral e; with a
            // tone cell it can only be e. A bare ⠼ that starts no number is the nasal ng/n (嗯).
            let (fin, tones) = match fin {
                Final::E if len == 0 => (Final::O, vec![1, 2, 3, 4, 5]),
                Final::Eng => (Final::Ng, tones),
                _ => (fin, tones),
            };
            let text = Syllable {
                initial: None,
                fin,
                tone: NEUTRAL,
            }
            .spelling();
            self.push(BackKind::Syllable, 1 + len, text, tones);
            return Ok(());
        }
        if let Some(len) = self.read_punctuation() {
            let _ = len;
            return Ok(());
        }
        if is_tone_cell(c).is_some() {
            return Err(self.error("a tone cell with no syllable before it"));
        }
        Err(self.error(&format!(
            "the cell {} ({}) cannot start a syllable or mark",
            c,
            c.dot_numbers()
        )))
    }

    /// The tone of the syllable ending before `self.pos`: (cells used, candidate tones).
    fn tone_after(&self, initial: Option<Initial>, fin: Final) -> (usize, Vec<Tone>) {
        match self.cell(self.pos).and_then(is_tone_cell) {
            Some(t) => (1, vec![t]),
            None => (0, unmarked_tones(initial, fin)),
        }
    }

    fn read_syllable_with_initial(&mut self, c: Cell) -> Result<(), Error> {
        let start = self.pos;
        let next = self.cell(start + 1);
        let fin = next.and_then(final_of);
        if let Some(fin) = fin {
            let initial = initial_of(c, Some(fin));
            // ⠢ is o after b p m f, e elsewhere.
            let fin = match (fin, initial) {
                (Final::E, Some(Initial::B | Initial::P | Initial::M | Initial::F)) => Final::O,
                _ => fin,
            };
            let s = Syllable {
                initial,
                fin,
                tone: NEUTRAL,
            };
            if s.is_valid() {
                self.pos = start + 2;
                let (len, mut tones) = self.tone_after(initial, fin);
                self.pos = start;
                // ⠞⠔ without a tone cell is also 他 (ta1) written in full before a zero-initial
                // syllable (the abbreviation's full spelling, data/braille/abbreviations.tsv).
                if len == 0 && initial == Some(Initial::T) && fin == Final::A && !tones.contains(&1)
                {
                    tones.insert(0, 1);
                }
                self.push(BackKind::Syllable, 2 + len, s.spelling(), tones);
                return Ok(());
            }
        }
        let initial = initial_of(c, None);
        // An initial alone: 她 (⠞⠁), the other abbreviations, or an apical syllable.
        let tone = next.and_then(is_tone_cell);
        if initial == Some(Initial::T) && tone == Some(1) {
            self.push(BackKind::Abbreviation, 2, "她".to_string(), Vec::new());
            return Ok(());
        }
        if let Some(i) = initial.filter(|i| i.takes_apical()) {
            self.pos = start + 1;
            let (len, tones) = self.tone_after(Some(i), Final::Apical);
            self.pos = start;
            let text = Syllable {
                initial: Some(i),
                fin: Final::Apical,
                tone: NEUTRAL,
            }
            .spelling();
            self.push(BackKind::Syllable, 1 + len, text, tones);
            return Ok(());
        }
        let abbreviation = ABBREVIATIONS
            .entries()
            .find(|(_, (_, forms))| forms[0] == [c.0])
            .map(|(ch, _)| *ch);
        match abbreviation {
            Some(ch) if tone.is_none() => {
                self.push(BackKind::Abbreviation, 1, ch.to_string(), Vec::new());
                Ok(())
            }
            _ => Err(self.error(&format!("the initial {} has no final", c))),
        }
    }

    fn read_number(&mut self) -> Result<(), Error> {
        let start = self.pos;
        let mut k = start + 1;
        let mut text = String::new();
        while let Some(c) = self.cell(k) {
            if let Some(d) = digit_of(c) {
                text.push(d);
            } else if (c == Cell(0b100) || c == Cell(0b10))
                && self.cell(k + 1).and_then(digit_of).is_some()
            {
                text.push(if c == Cell(0b100) { '.' } else { ',' });
            } else {
                break;
            }
            k += 1;
        }
        self.push(BackKind::Number, k - start, text, Vec::new());
        Ok(())
    }

    fn read_letters(&mut self) -> Result<(), Error> {
        let start = self.pos;
        let mut k = start;
        let mut text = String::new();
        let mut caps_run = false;
        let mut capital = false;
        while let Some(c) = self.cell(k) {
            if c == CAPITAL_SIGN && self.cell(k + 1) == Some(CAPITAL_SIGN) {
                caps_run = true;
                k += 2;
                continue;
            }
            if c == CAPITAL_SIGN {
                capital = true;
            } else if c == LETTER_SIGN && k == start {
                // the lower-case letter sign
            } else if let Some(l) = letter_of(c) {
                text.push(if caps_run || capital {
                    l.to_ascii_uppercase()
                } else {
                    l
                });
                capital = false;
            } else {
                break;
            }
            k += 1;
        }
        self.push(BackKind::Letters, k - start, text, Vec::new());
        Ok(())
    }

    fn read_punctuation(&mut self) -> Option<usize> {
        // Longest cell sequence of the table starting here; marks sharing cells read as the more
        // common one (？ over 〈, ： over －, quotes alternate open and close).
        let mut best: Option<(&str, usize)> = None;
        for (mark, (cells, _)) in PUNCTUATION.entries() {
            let n = cells.len();
            if (0..n).all(|k| self.cell(self.pos + k) == Some(Cell(cells[k])))
                && best.is_none_or(|(m, len)| n > len || (n == len && preferred(mark, m)))
            {
                best = Some((mark, n));
            }
        }
        let (mark, len) = best?;
        let mark = match mark {
            "“" | "”" => {
                self.double_quote_open = !self.double_quote_open;
                if self.double_quote_open {
                    "“"
                } else {
                    "”"
                }
            }
            "‘" | "’" => {
                self.single_quote_open = !self.single_quote_open;
                if self.single_quote_open {
                    "‘"
                } else {
                    "’"
                }
            }
            m => m,
        };
        self.push(BackKind::Punct, len, mark.to_string(), Vec::new());
        Some(len)
    }
}

/// Among marks with the same cells, the one read back.
fn preferred(a: &str, b: &str) -> bool {
    const ORDER: [&str; 4] = ["？", "：", "【", "】"];
    let rank = |m: &str| ORDER.iter().position(|o| *o == m).unwrap_or(ORDER.len());
    rank(a) < rank(b) || (rank(a) == rank(b) && a < b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn back(s: &str) -> String {
        from_braille(s, BrailleInput::Unicode)
            .unwrap()
            .to_pinyin_string()
    }

    #[test]
    fn shared_initial_cells_are_resolved_by_the_final() {
        assert_eq!(back("⠛⠊⠁"), "ji1");
        assert_eq!(back("⠛⠢⠁"), "ge1");
        assert_eq!(back("⠅⠊"), "qi2/5");
    }

    #[test]
    fn apical_syllable_before_zero_initial() {
        // 事业 with §10.2.7: ⠱⠆⠑⠆
        assert_eq!(back("⠱⠆⠑⠆"), "shi4'ye4");
        // without the rule, sh+ie is no syllable, so ⠱ is read as shi
        assert_eq!(back("⠱⠑⠆"), "shi4/5'ye4");
    }

    #[test]
    fn numbers_letters_and_abbreviations() {
        assert_eq!(back("⠼⠁⠃⠉⠄⠑"), "123.5");
        assert_eq!(back("⠠⠠⠁⠃⠉"), "ABC");
        assert_eq!(back("⠰⠥⠀⠏⠧⠂"), "u pan2");
        assert_eq!(back("⠞⠁⠍⠴"), "她'men2/5");
        assert_eq!(back("⠈⠞⠍⠴"), "它'men2/5");
    }

    #[test]
    fn the_full_spelling_of_ta_reads_back_with_tone_1() {
        // 他儿: 他 is written in full (⠞⠔, no tone cell) before the zero-initial 儿; found by
        // the round-trip property test (tests/properties.rs).
        let braille = crate::Translator::new().to_braille("他儿", crate::Format::Unicode);
        assert_eq!(braille, "⠞⠔⠗");
        assert_eq!(back(&braille), "ta1/2/5'er2/5");
        // A tone cell still decides.
        assert_eq!(back("⠞⠔⠆"), "ta4");
    }

    #[test]
    fn impossible_sequences_report_their_position() {
        let e = from_braille("⠓⠖⠄⠄", BrailleInput::Unicode).unwrap_err();
        assert_eq!(
            e,
            Error::Braille {
                position: 3,
                message: "a tone cell with no syllable before it".into()
            }
        );
    }
}
