//! Lines and pages for embossers and refreshable displays (braille-word-spacing.md R25).
//!
//! Lines break only at blank cells between words. A word longer than a line is divided between
//! two syllables (never inside a syllable, a multi-cell mark, a number or a run of letters), and
//! the continued part starts with the connector ⠤ (R25, INFERRED; [`Layout::continuation`]).

use std::ops::Range;

use crate::cell::{Cell, Symbol};
use crate::encode::{encode, Format};
use crate::segment::is_han;
use crate::translate::Translation;

/// The connector ⠤ (36) that starts a line continuing a divided word.
pub const CONNECTOR: Cell = Cell(0b10_0100);

/// A page layout: line width, page length and the continuation mark.
///
/// ```
/// use tongyong::{Format, Translator, layout::Layout};
/// let t = Translator::new().translate("我们的学校很大。今天的天气不错。");
/// let mut layout = Layout::new(10);
/// assert_eq!(layout.render(&t, Format::Unicode), "⠕⠍⠴⠙⠀⠓⠾⠂⠓⠜\n⠓⠴⠄⠙⠔⠐⠆\n⠛⠣⠁⠞⠩⠁⠙\n⠞⠩⠁⠅⠊⠆\n⠃⠥⠉⠕⠆⠐⠆\n");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    /// Cells per line (at least 2).
    pub width: usize,
    /// Lines per page; a form feed separates pages. `None`: no pages.
    pub page_lines: Option<usize>,
    /// Start a line that continues a divided word with ⠤ (R25, INFERRED).
    pub continuation: bool,
    lines_on_page: usize,
}

impl Layout {
    /// A layout of `width` cells per line, without pages.
    pub fn new(width: usize) -> Layout {
        Layout {
            width: width.max(2),
            page_lines: None,
            continuation: true,
            lines_on_page: 0,
        }
    }

    /// The same layout with pages of `lines` lines.
    pub fn with_pages(mut self, lines: usize) -> Layout {
        self.page_lines = Some(lines.max(1));
        self
    }

    /// Lays out one translation (one paragraph or input line) and renders it in `format`, each
    /// line ended by `\n`, with a form feed before the first line of every new page. The layout
    /// remembers how full the current page is, so successive calls fill pages continuously.
    pub fn render(&mut self, t: &Translation, format: Format) -> String {
        let mut out = String::new();
        for line in self.lines(t) {
            if let Some(page) = self.page_lines {
                if self.lines_on_page == page {
                    out.push('\u{c}');
                    self.lines_on_page = 0;
                }
            }
            out.push_str(&encode(&line, format));
            out.push('\n');
            self.lines_on_page += 1;
        }
        out
    }

    /// The lines of one translation, as symbols.
    pub fn lines(&self, t: &Translation) -> Vec<Vec<Symbol>> {
        let symbols = t.symbols();
        let source = t.input_positions(crate::Unit::Scalar);
        let input: Vec<char> = t.text().chars().collect();
        let mut lines: Vec<Vec<Symbol>> = Vec::new();
        let mut line: Vec<Symbol> = Vec::new();
        for chunk in chunks(symbols) {
            if chunk.is_empty() {
                continue;
            }
            if chunk.len() == 1
                && matches!(symbols[chunk.start], Symbol::Text('\n' | '\r' | '\u{c}'))
            {
                lines.push(std::mem::take(&mut line));
                continue;
            }
            let needed = chunk.len() + usize::from(!line.is_empty());
            if line.len() + needed <= self.width {
                if !line.is_empty() {
                    line.push(Symbol::Cell(Cell::BLANK));
                }
                line.extend_from_slice(&symbols[chunk]);
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // The word alone on new lines, divided between syllables where it does not fit.
            let mut start = chunk.start;
            while chunk.end - start + line.len() > self.width {
                let room = self.width - line.len();
                let cut = (start + 1..=start + room)
                    .rev()
                    .find(|&j| j < chunk.end && is_syllable_boundary(&source, &input, j))
                    // No boundary fits: cut at the width rather than overflow the line.
                    .unwrap_or(start + room.max(1));
                line.extend_from_slice(&symbols[start..cut]);
                lines.push(std::mem::take(&mut line));
                if self.continuation {
                    line.push(Symbol::Cell(CONNECTOR));
                }
                start = cut;
            }
            line.extend_from_slice(&symbols[start..chunk.end]);
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }
}

/// The runs of symbols between blank cells (and line breaks, each a chunk of its own).
fn chunks(symbols: &[Symbol]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (j, s) in symbols.iter().enumerate() {
        match s {
            Symbol::Cell(Cell::BLANK) => {
                out.push(start..j);
                start = j + 1;
            }
            Symbol::Text('\n' | '\r' | '\u{c}') => {
                out.push(start..j);
                out.push(j..j + 1);
                start = j + 1;
            }
            _ => {}
        }
    }
    out.push(start..symbols.len());
    out
}

/// Whether a word may be divided before symbol `j`: between the cells of two Han characters.
fn is_syllable_boundary(source: &[usize], input: &[char], j: usize) -> bool {
    j > 0 && source[j] != source[j - 1] && is_han(input[source[j]]) && is_han(input[source[j - 1]])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Translator;

    fn render(text: &str, width: usize) -> Vec<String> {
        let t = Translator::new().translate(text);
        Layout::new(width)
            .lines(&t)
            .iter()
            .map(|l| encode(l, Format::Unicode))
            .collect()
    }

    #[test]
    fn lines_break_at_blanks_and_fit_the_width() {
        let text = "我们的学校很大，今天的天气不错，他们都来了。";
        for width in 6..30 {
            for line in render(text, width) {
                assert!(line.chars().count() <= width, "{width}: {line}");
                assert!(!line.starts_with('⠀') && !line.ends_with('⠀'));
            }
        }
    }

    #[test]
    fn a_long_word_is_divided_between_syllables_with_the_connector() {
        // 古生物学家 gǔ shēng wù xué jiā is one braille word of 13 cells.
        let lines = render("古生物学家", 6);
        assert_eq!(lines, ["⠛⠥⠄⠱⠼⠁", "⠤⠥⠓⠾⠂", "⠤⠛⠫⠁"]);
    }

    #[test]
    fn numbers_are_not_divided() {
        let lines = render("共有123456个", 8);
        assert!(lines.iter().any(|l| l.contains("⠼⠁⠃⠉⠙⠑⠋")), "{lines:?}");
    }

    #[test]
    fn pages_are_separated_by_form_feeds() {
        let t = Translator::new().translate("我们的学校很大，今天的天气不错。");
        let mut layout = Layout::new(6).with_pages(2);
        let out = layout.render(&t, Format::Brf);
        let pages: Vec<&str> = out.split('\u{c}').collect();
        assert!(pages.len() >= 2);
        assert!(pages.iter().all(|p| p.lines().count() <= 2), "{out:?}");
    }
}
