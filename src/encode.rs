//! Encoders: the last pipeline stage, turning symbols into text.

use std::fmt::Write as _;

use crate::cell::{Cell, Symbol};

/// An output format for braille.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Format {
    /// Unicode braille patterns (U+2800 block); the blank cell is U+2800.
    #[default]
    Unicode,
    /// Dot numbers: cells of a word joined by `-`, blank cells written as a space (`145-35 156`).
    Dots,
    /// North American ASCII braille (BRF), upper case, as embossers expect; the blank cell is a space.
    Brf,
}

impl std::str::FromStr for Format {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "unicode" => Ok(Format::Unicode),
            "dots" => Ok(Format::Dots),
            "brf" => Ok(Format::Brf),
            other => Err(crate::Error::InvalidOption(format!(
                "unknown format {other:?} (expected unicode, dots or brf)"
            ))),
        }
    }
}

/// Writes `symbols` in `format`.
///
/// A passed-through character appears as itself in Unicode and dot output. In BRF, which is ASCII
/// only, it is written as `\x{HEX}` (the code point in hexadecimal), so an embosser prints it
/// visibly and nothing is lost; line breaks stay line breaks.
pub fn encode(symbols: &[Symbol], format: Format) -> String {
    let mut out = String::with_capacity(symbols.len() * 3);
    match format {
        // A loop of pushes: cheaper than `extend` with a mapped iterator here.
        Format::Unicode => {
            for s in symbols {
                out.push(s.to_unicode());
            }
        }
        Format::Brf => {
            for s in symbols {
                match s {
                    Symbol::Cell(c) => out.push(c.to_brf().unwrap_or(' ')),
                    Symbol::Text(c @ ('\n' | '\r' | '\u{c}')) => out.push(*c),
                    Symbol::Text(c) => {
                        let _ = write!(out, "\\x{{{:X}}}", *c as u32);
                    }
                }
            }
        }
        Format::Dots => {
            let mut in_word = false;
            for s in symbols {
                match s {
                    Symbol::Cell(Cell::BLANK) => {
                        out.push(' ');
                        in_word = false;
                    }
                    Symbol::Cell(c) => {
                        if in_word {
                            out.push('-');
                        }
                        out.push_str(&c.dot_numbers());
                        in_word = true;
                    }
                    Symbol::Text(c) => {
                        if in_word {
                            out.push('-');
                        }
                        out.push(*c);
                        in_word = !c.is_whitespace();
                    }
                }
            }
        }
    }
    out
}
