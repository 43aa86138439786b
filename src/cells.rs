//! Stage 5: cells. Writes each syllable, number, letter and mark of a braille word as cells
//! (braille-scheme.md §0–§6), with the tone-omission rules of GF 0019-2018 §10.2.

use crate::cell::{Cell, Symbol};
use crate::options::{DecimalPoint, Options, SymbolMode, ToneMode};
use crate::syllable::{Final, Initial, Syllable, NEUTRAL};
use crate::tables::{
    punctuation, symbol_cells, ABBREVIATIONS, ABBREVIATION_CHARS, FINAL_CELLS, INITIAL_CELLS,
    TONE_CELLS, TONE_RETENTION, TONE_RETENTION_CHARS,
};

/// The number sign ⠼ (3456).
pub const NUMBER_SIGN: Cell = Cell(0b11_1100);
/// The capital sign ⠠ (6).
pub const CAPITAL_SIGN: Cell = Cell(0b10_0000);
/// The lower-case letter sign ⠰ (56).
pub const LETTER_SIGN: Cell = Cell(0b11_0000);

/// Whether the group rule of GF 0019-2018 §10.2 omits the tone cell of `s`.
///
/// ```
/// use tongyong::{Syllable, tone_omitted};
/// let s = |p| Syllable::parse(p).unwrap();
/// assert!(tone_omitted(&s("fa1")));   // 10.2.1 f omits tone 1
/// assert!(tone_omitted(&s("ren2")));  // 10.2.2 r omits tone 2
/// assert!(!tone_omitted(&s("tou2"))); // … except tóu
/// assert!(tone_omitted(&s("shi4")));  // 10.2.3 sh omits tone 4
/// assert!(!tone_omitted(&s("le4")));  // … except lè
/// assert!(tone_omitted(&s("yao4")));  // 10.2.4 zero initial omits tone 4
/// assert!(tone_omitted(&s("wo3")));   // 10.2.5 wo ye you omit tone 3
/// assert!(!tone_omitted(&s("e2")));   // 10.2.6 bare e omits no tone
/// ```
pub fn tone_omitted(s: &Syllable) -> bool {
    use Initial::*;
    let t = s.tone;
    if t == NEUTRAL {
        return true;
    }
    match s.initial {
        // 10.2.1
        Some(F) => t == 1,
        // 10.2.2, with the exception tóu
        Some(P | M | T | N | H | Q | Ch | R | C) => {
            t == 2 && !(s.initial == Some(T) && s.fin == Final::Ou)
        }
        // 10.2.3, with the exceptions lè and zì
        Some(B | D | L | G | K | J | X | Zh | Sh | Z | S) => {
            t == 4
                && !(s.initial == Some(L) && s.fin == Final::E)
                && !(s.initial == Some(Z) && s.fin == Final::Apical)
        }
        None => match s.fin {
            // 10.2.5: yi omits 1, er omits 2, wo ye you omit 3
            Final::I => t == 1,
            Final::Er => t == 2,
            Final::Uo | Final::Ie | Final::Iou => t == 3,
            // 10.2.6: bare o omits every tone, bare e none
            Final::O => true,
            Final::E => false,
            // 10.2.4
            _ => t == 4,
        },
    }
}

fn initial_cell(i: Initial) -> Cell {
    Cell(INITIAL_CELLS[Initial::ALL.iter().position(|x| *x == i).unwrap_or(0)])
}

fn final_cell(f: Final) -> Cell {
    Cell(FINAL_CELLS[Final::ALL.iter().position(|x| *x == f).unwrap_or(0)])
}

/// The tone cell of tone 1–4.
pub fn tone_cell(tone: u8) -> Cell {
    Cell(TONE_CELLS[(tone.clamp(1, 4) - 1) as usize])
}

/// Writes one syllable: `[initial] [final] [tone]`. `keep_tone` forces the tone cell where the
/// group rule would omit it (§10.2.7, §10.2.8).
pub fn syllable_cells(s: &Syllable, mode: ToneMode, keep_tone: bool, out: &mut Vec<Cell>) {
    if let Some(i) = s.initial {
        out.push(initial_cell(i));
    }
    if s.fin != Final::Apical {
        out.push(final_cell(s.fin));
    }
    let written = match mode {
        ToneMode::National => s.tone != NEUTRAL && (keep_tone || !tone_omitted(s)),
        ToneMode::Full => s.tone != NEUTRAL,
        ToneMode::None => false,
    };
    if written {
        out.push(tone_cell(s.tone));
    }
}

/// The cells of a Han character of a braille word, given its reading, the next syllable in the
/// same braille word, and whether the retention list keeps its tone.
pub fn han_cells(
    c: char,
    reading: &Syllable,
    next: Option<&Syllable>,
    retained: bool,
    opts: &Options,
    out: &mut Vec<Cell>,
) {
    let before_zero_initial = next.is_some_and(|n| n.initial.is_none());
    let abbreviation = ABBREVIATION_CHARS
        .binary_search(&(c as u32))
        .is_ok()
        .then(|| ABBREVIATIONS.get(&c))
        .flatten();
    if let Some((code, forms)) = abbreviation {
        if *code == reading.code() {
            let form = match opts.tones {
                ToneMode::National
                    if before_zero_initial && !opts.abbreviate_before_zero_initial =>
                {
                    forms[1]
                }
                ToneMode::National => forms[0],
                ToneMode::Full => forms[2],
                ToneMode::None => forms[3],
            };
            if !form.is_empty() {
                out.extend(form.iter().map(|&b| Cell(b)));
                return;
            }
        }
    }
    let apical_keep =
        opts.apical_tone_before_zero_initial && reading.fin == Final::Apical && before_zero_initial;
    syllable_cells(reading, opts.tones, retained || apical_keep, out);
}

/// Marks which syllables of a Han word keep their tone by the retention list (§10.2.8): a
/// one-character entry applies to that character wherever it has the listed reading, a longer
/// entry to the whole word.
pub fn retained_tones(word: &[char], readings: &[Option<Syllable>], keep: &mut Vec<bool>) {
    keep.clear();
    keep.resize(word.len(), false);
    // Most words have no character of the list: skip the hashing.
    if !word
        .iter()
        .any(|&c| TONE_RETENTION_CHARS.binary_search(&(c as u32)).is_ok())
    {
        return;
    }
    let matches = |key: &str, codes: &[u16], rs: &[Option<Syllable>]| {
        TONE_RETENTION.get(key).is_some_and(|list| {
            list.len() == codes.len()
                && rs
                    .iter()
                    .zip(list.iter())
                    .all(|(r, c)| r.is_some_and(|r| r.code() == *c))
        })
    };
    if word.len() > 1 {
        let key: String = word.iter().collect();
        if let Some(codes) = TONE_RETENTION.get(key.as_str()) {
            if matches(&key, codes, readings) {
                keep.iter_mut().for_each(|k| *k = true);
                return;
            }
        }
    }
    let mut buf = [0u8; 4];
    for (k, c) in word.iter().enumerate() {
        let key = c.encode_utf8(&mut buf);
        if let Some(codes) = TONE_RETENTION.get(key) {
            keep[k] = matches(key, codes, &readings[k..k + 1]);
        }
    }
}

/// Cells of a number: ⠼ then the digits as the letters a–j; `.` as the decimal point and `,` as
/// the thousands separator ⠂ (liblouis; §6.3 UNKNOWN); the `:` of a time or ratio ⠒ with the
/// number sign again (10:30 ⠼⠁⠚⠒⠼⠉⠚, as liblouis zhcn-cbs; INFERRED); a leading minus sign ⠤
/// before the number sign (INFERRED: the connector's cell, as braille-scheme.md §6.1 gives `-`).
pub fn number_cells(chars: &[char], opts: &Options, out: &mut Vec<(usize, Cell)>) {
    for (k, &c) in chars.iter().enumerate() {
        match c {
            '-' if k == 0 => {
                out.push((0, Cell(0b10_0100)));
                out.push((0, NUMBER_SIGN));
                continue;
            }
            ':' => {
                out.push((k, Cell(0b1_0010)));
                out.push((k, NUMBER_SIGN));
                continue;
            }
            _ if k == 0 => out.push((0, NUMBER_SIGN)),
            _ => {}
        }
        let cell = match c {
            '1'..='9' => Cell::from_brf((b'A' + (c as u8 - b'1')) as char),
            '0' => Cell::from_brf('J'),
            '.' => Some(match opts.decimal_point {
                DecimalPoint::Dot3 => Cell(0b100),
                DecimalPoint::Dot2 => Cell(0b10),
            }),
            ',' => Some(Cell(0b10)),
            _ => None,
        };
        out.push((k, cell.unwrap_or(Cell::BLANK)));
    }
}

/// Cells of a run of Latin letters: ⠠ before a capital, ⠠⠠ before an all-capital run of two or
/// more letters, and ⠰ before a lower-case run when `letter_sign` is set.
pub fn latin_cells(chars: &[char], letter_sign: bool, out: &mut Vec<(usize, Cell)>) {
    let all_caps = chars.len() > 1 && chars.iter().all(|c| c.is_ascii_uppercase());
    for (k, &c) in chars.iter().enumerate() {
        if all_caps {
            if k == 0 {
                out.push((0, CAPITAL_SIGN));
                out.push((0, CAPITAL_SIGN));
            }
        } else if c.is_ascii_uppercase() {
            out.push((k, CAPITAL_SIGN));
        } else if k == 0 && letter_sign {
            out.push((0, LETTER_SIGN));
        }
        out.push((k, Cell::from_brf(c).unwrap_or(Cell::BLANK)));
    }
}

/// The cells of a punctuation mark of the table.
pub fn punctuation_cells(mark: &str) -> &'static [u8] {
    punctuation(mark).map_or(&[], |p| p.1 .0)
}

/// The symbols of an ASCII symbol `c`: in Chinese text (`in_code` false: the word it stands in
/// has no Latin letter) its form of `data/braille/symbols.tsv`, else its computer-braille cell, or
/// the character itself ([`SymbolMode`]).
pub fn symbol(c: char, in_code: bool, opts: &Options, mut push: impl FnMut(Symbol)) {
    if opts.symbols == SymbolMode::ChineseText && !in_code {
        if let Some(cells) = symbol_cells(c) {
            cells.iter().for_each(|&b| push(Symbol::Cell(Cell(b))));
            return;
        }
    }
    match Cell::from_brf(c) {
        Some(cell) if opts.symbols != SymbolMode::PassThrough && c != ' ' => {
            push(Symbol::Cell(cell))
        }
        _ => push(Symbol::Text(c)),
    }
}
