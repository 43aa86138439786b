//! Encoders: the last pipeline stage, turning symbols into text.

use std::fmt::Write as _;
use std::io;

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

/// Writes `symbols` in `format` to `out`: the same text as [`encode`], without building a string.
/// The Unicode form is written as UTF-8 bytes as the cells are read (a `String` of braille made
/// one character at a time cost as much as some stages of the translation).
pub fn write_encoded<W: io::Write + ?Sized>(
    symbols: &[Symbol],
    format: Format,
    out: &mut W,
) -> io::Result<()> {
    if format != Format::Unicode {
        return out.write_all(encode(symbols, format).as_bytes());
    }
    // Through a buffer on the stack: a write per cell costs more than the cell.
    let mut buf = [0u8; 1024];
    let mut len = 0;
    for s in symbols {
        if len + 4 > buf.len() {
            out.write_all(&buf[..len])?;
            len = 0;
        }
        match *s {
            // U+2800 + dots in UTF-8: E2, A0 + the top two dots, 80 + the other six.
            Symbol::Cell(Cell(dots)) => {
                buf[len..len + 3].copy_from_slice(&[0xE2, 0xA0 | dots >> 6, 0x80 | (dots & 0x3F)]);
                len += 3;
            }
            Symbol::Text(c) => len += c.encode_utf8(&mut buf[len..]).len(),
        }
    }
    out.write_all(&buf[..len])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writing_matches_encoding() {
        let mut symbols: Vec<Symbol> = (0..=255).map(|d| Symbol::Cell(Cell(d))).collect();
        symbols.extend("a\n中😀".chars().map(Symbol::Text));
        // More than one buffer's worth.
        let symbols = symbols.repeat(5);
        for format in [Format::Unicode, Format::Dots, Format::Brf] {
            let mut out = Vec::new();
            write_encoded(&symbols, format, &mut out).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), encode(&symbols, format));
        }
    }
}
