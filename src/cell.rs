//! Braille cells and the symbols of a translation.

use std::fmt;

use crate::tables::{BRF, BRF_CELLS};

/// One braille cell as a bit mask of its dots: dot 1 = bit 0 … dot 8 = bit 7
/// (the layout of liblouis' `LOU_DOT_*`, BRLTTY and the Unicode braille block).
///
/// ```
/// use tongyong::Cell;
/// let c = Cell::from_dots("145").unwrap();
/// assert_eq!(c.to_unicode(), '⠙');
/// assert_eq!(c.dot_numbers(), "145");
/// assert_eq!(c.to_brf(), Some('D'));
/// assert_eq!(Cell::from_unicode('⠙'), Some(c));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Cell(pub u8);

impl Cell {
    /// The blank cell (no dots), written U+2800.
    pub const BLANK: Cell = Cell(0);

    /// The cell of the Unicode braille pattern `c` (U+2800–U+28FF).
    pub fn from_unicode(c: char) -> Option<Cell> {
        let v = c as u32;
        (0x2800..=0x28FF)
            .contains(&v)
            .then(|| Cell((v - 0x2800) as u8))
    }

    /// The Unicode braille pattern of this cell.
    pub fn to_unicode(self) -> char {
        char::from_u32(0x2800 + self.0 as u32).unwrap_or('\u{2800}')
    }

    /// Parses dot numbers such as `"145"`; `"0"` or `""` is the blank cell.
    pub fn from_dots(spec: &str) -> Option<Cell> {
        let mut mask = 0u8;
        for d in spec.chars() {
            match d {
                '0' => {}
                '1'..='8' => {
                    let bit = 1u8 << (d as u8 - b'1');
                    if mask & bit != 0 {
                        return None;
                    }
                    mask |= bit;
                }
                _ => return None,
            }
        }
        Some(Cell(mask))
    }

    /// The dot numbers in ascending order (`"145"`); `"0"` for the blank cell.
    pub fn dot_numbers(self) -> String {
        if self.0 == 0 {
            return "0".to_string();
        }
        (0..8)
            .filter(|b| self.0 & (1 << b) != 0)
            .map(|b| char::from(b'1' + b))
            .collect()
    }

    /// The North American ASCII braille (BRF) character, for 6-dot cells.
    pub fn to_brf(self) -> Option<char> {
        (self.0 < 64).then(|| char::from(BRF[self.0 as usize]))
    }

    /// The cell of a BRF character. The lower-case range `` ` a–z { | } ~ `` reads like
    /// `@ A–Z [ \ ] ^`, as in North American ASCII braille.
    pub fn from_brf(c: char) -> Option<Cell> {
        let c = if ('`'..='~').contains(&c) {
            char::from(c as u8 - 0x20)
        } else {
            c
        };
        match BRF_CELLS.get(c as usize) {
            Some(&cell) if cell != u8::MAX => Some(Cell(cell)),
            _ => None,
        }
    }
}

impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.to_unicode())
    }
}

/// One output symbol of a translation: a braille cell, or a character that has no braille form
/// and is passed through unchanged (see [`crate::encode::encode`] for how each format shows it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Symbol {
    /// A braille cell (the blank cell separates words).
    Cell(Cell),
    /// A character with no braille form, passed through as it is (also line breaks).
    Text(char),
}

impl Symbol {
    /// The character of this symbol in Unicode output.
    pub fn to_unicode(self) -> char {
        match self {
            Symbol::Cell(c) => c.to_unicode(),
            Symbol::Text(c) => c,
        }
    }

    /// The cell, if this symbol is one.
    pub fn cell(self) -> Option<Cell> {
        match self {
            Symbol::Cell(c) => Some(c),
            Symbol::Text(_) => None,
        }
    }
}
