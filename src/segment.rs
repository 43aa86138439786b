//! Stage 2: segmentation. Splits normalised text into runs of one script (Han, Latin letters,
//! numbers, punctuation, spaces, other) and the Han runs into words, by the most probable path
//! through the lexicon (a DAG of all dictionary words, as jieba does).

use crate::lexicon::{self, Entry};
use crate::tables::{
    punctuation_char, LONGEST_PUNCTUATION, PUNCTUATION_LONG, PUNCTUATION_LONG_FIRST,
};
use crate::user_dict::UserDictionary;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A Chinese word (one or more Han characters).
    Han,
    /// A run of Latin letters.
    Latin,
    /// A number: digits, with a decimal point or separators between digits.
    Number,
    /// A punctuation mark of the braille table; `mark` is its table key.
    Punct,
    /// Spaces and tabs.
    Space,
    /// A line break (`\n`, `\r`, form feed…).
    LineBreak,
    /// A printable ASCII symbol without a Chinese braille form (`/ @ # _ …`).
    Symbol,
    /// Anything else: passed through.
    Other,
}

/// A token: a range of normalised characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// The kind of token.
    pub kind: TokenKind,
    /// First normalised character.
    pub start: usize,
    /// One past the last normalised character.
    pub end: usize,
    /// For punctuation: the key of the mark in the punctuation table.
    pub mark: Option<&'static str>,
}

/// Whether `c` is a Han character (CJK unified ideographs, extensions, compatibility, 〇).
#[inline]
pub fn is_han(c: char) -> bool {
    // The main block first, then everything below 〇 (ASCII, Latin…) out with one comparison.
    match c as u32 {
        0x4E00..=0x9FFF => true,
        ..0x3007 => false,
        c => matches!(c, 0x3007 | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x323AF),
    }
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Splits `chars` into tokens.
pub fn segment(chars: &[char]) -> Vec<Token> {
    segment_with(chars, None)
}

/// Splits `chars` into tokens; the words of `user` win over the lexicon.
pub fn segment_with(chars: &[char], user: Option<&UserDictionary>) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(chars.len() / 2 + 1);
    segment_into(chars, user, &mut tokens, &mut Vec::new(), &mut Vec::new());
    tokens
}

/// A step of the best split of a Han run (see [`split_words`]).
pub(crate) type Step = (u64, usize, Option<Entry>);

/// [`segment_with`] into `tokens`, with the lexicon entry of every Han word in `entries` (one per
/// token, `None` for other tokens), so that later stages need not look the words up again.
/// `steps` is a buffer for [`split_words`], reused from run to run.
pub(crate) fn segment_into(
    chars: &[char],
    user: Option<&UserDictionary>,
    tokens: &mut Vec<Token>,
    entries: &mut Vec<Option<Entry>>,
    steps: &mut Vec<Step>,
) {
    tokens.clear();
    entries.clear();
    let mut double_quote_open = false;
    let mut single_quote_open = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        let simple = |kind, end| Token {
            kind,
            start,
            end,
            mark: None,
        };
        if is_han(c) {
            let mut end = i + 1;
            while end < chars.len() && is_han(chars[end]) {
                end += 1;
            }
            split_words(chars, i, end, usize::MAX, user, tokens, entries, steps);
            i = end;
            continue;
        } else if c.is_ascii_alphabetic() {
            let end = run_end(chars, i, |c| c.is_ascii_alphabetic());
            tokens.push(simple(TokenKind::Latin, end));
            i = end;
        } else if c.is_ascii_digit() {
            let end = number_end(chars, i);
            tokens.push(simple(TokenKind::Number, end));
            i = end;
        } else if is_line_break(c) {
            tokens.push(simple(TokenKind::LineBreak, i + 1));
            i += 1;
        } else if c.is_whitespace() {
            let end = run_end(chars, i, |c| c.is_whitespace() && !is_line_break(c));
            tokens.push(simple(TokenKind::Space, end));
            i = end;
        } else if let Some((mark, end)) =
            punctuation(chars, i, &mut double_quote_open, &mut single_quote_open)
        {
            tokens.push(Token {
                kind: TokenKind::Punct,
                start,
                end,
                mark: Some(mark),
            });
            i = end;
        } else if c.is_ascii_graphic() {
            tokens.push(simple(TokenKind::Symbol, i + 1));
            i += 1;
        } else {
            tokens.push(simple(TokenKind::Other, i + 1));
            i += 1;
        }
        entries.push(None);
    }
}

fn run_end(chars: &[char], start: usize, f: impl Fn(char) -> bool) -> usize {
    let mut end = start;
    while end < chars.len() && f(chars[end]) {
        end += 1;
    }
    end
}

/// Digits, and `.` or `,` standing between two digits (3.14, 1,000).
fn number_end(chars: &[char], start: usize) -> usize {
    let mut end = start;
    while end < chars.len() {
        let c = chars[end];
        let between_digits = matches!(c, '.' | ',')
            && end > start
            && chars.get(end + 1).is_some_and(|n| n.is_ascii_digit());
        if c.is_ascii_digit() || between_digits {
            end += 1;
        } else {
            break;
        }
    }
    end
}

/// Finds the punctuation mark starting at `i`: the table's marks, runs of dashes and ellipses,
/// and ASCII punctuation used in Chinese text.
fn punctuation(
    chars: &[char],
    i: usize,
    dq: &mut bool,
    sq: &mut bool,
) -> Option<(&'static str, usize)> {
    let c = chars[i];
    // Runs: —— (one or more dashes), …… (one or more ellipsis chars, or three dots or more).
    match c {
        '—' | '―' | '─' => return Some(("——", run_end(chars, i, |x| x == c))),
        '…' => return Some(("……", run_end(chars, i, |x| x == '…'))),
        '.' if chars.get(i + 1) == Some(&'.') && chars.get(i + 2) == Some(&'.') => {
            return Some(("……", run_end(chars, i, |x| x == '.')));
        }
        _ => {}
    }
    // The longest mark of the table that starts at i (most symbols begin none).
    let long = PUNCTUATION_LONG_FIRST
        .contains(&c)
        .then(|| {
            (2..=LONGEST_PUNCTUATION.min(chars.len() - i))
                .rev()
                .find_map(|len| {
                    let text = &chars[i..i + len];
                    PUNCTUATION_LONG
                        .iter()
                        .find(|e| e.0.chars().eq(text.iter().copied()))
                        .map(|e| (e.0, len))
                })
        })
        .flatten();
    if let Some((key, len)) = long.or_else(|| punctuation_char(c).map(|e| (e.0, 1))) {
        match key {
            "“" => *dq = true,
            "”" => *dq = false,
            "‘" => *sq = true,
            "’" => *sq = false,
            _ => {}
        }
        return Some((key, i + len));
    }
    let prev = i.checked_sub(1).map(|p| chars[p]);
    let next = chars.get(i + 1).copied();
    let mark = match c {
        ',' | '，' | '﹐' => "，",
        ';' => "；",
        ':' => "：",
        '?' => "？",
        '!' => "！",
        '(' => "（",
        ')' => "）",
        '「' => "“",
        '」' => "”",
        '『' => "‘",
        '』' => "’",
        '•' | '・' | '‧' => "·",
        '‐' | '‑' | '–' | '-' => "－",
        // A full stop ends a sentence only before a space, a closing mark, a Han character or the
        // end of the text (not in www.example.com or e.g.).
        '.' if next.is_none_or(|n| {
            n.is_whitespace() || is_han(n) || matches!(n, '"' | '\'' | ')' | '”' | '’' | '）')
        }) =>
        {
            "。"
        }
        '"' => {
            *dq = !*dq;
            if *dq {
                "“"
            } else {
                "”"
            }
        }
        // An apostrophe between letters (don't) is not a quote.
        '\'' if !(prev.is_some_and(|p| p.is_alphanumeric())
            && next.is_some_and(|n| n.is_alphanumeric())) =>
        {
            *sq = !*sq;
            if *sq {
                "‘"
            } else {
                "’"
            }
        }
        _ => return None,
    };
    Some((mark, i + 1))
}

/// Splits the Han run `chars[start..end]` into words: the path through the lexicon that
/// maximises the product of word probabilities (a character not in the lexicon is a word of its
/// own with frequency 1), using only words of at most `max_len` characters (the spacing stage
/// divides long words with a smaller limit). Words of `user` cost nothing, so they win.
pub fn split_words_up_to(
    chars: &[char],
    start: usize,
    end: usize,
    max_len: usize,
    user: Option<&UserDictionary>,
    tokens: &mut Vec<Token>,
) {
    split_words(
        chars,
        start,
        end,
        max_len,
        user,
        tokens,
        &mut Vec::new(),
        &mut Vec::new(),
    );
}

/// [`split_words_up_to`], pushing the lexicon entry of every word to `entries`; `best` is a
/// buffer.
#[allow(clippy::too_many_arguments)]
pub(crate) fn split_words(
    chars: &[char],
    start: usize,
    end: usize,
    max_len: usize,
    user: Option<&UserDictionary>,
    tokens: &mut Vec<Token>,
    entries: &mut Vec<Option<Entry>>,
    best: &mut Vec<Step>,
) {
    let n = end - start;
    // best[i] = (cost of the best split of chars[start+i..end], length of its first word, the
    // lexicon entry of that word); costs are −ln probabilities in fixed point, so the cheapest
    // path is the most probable.
    best.clear();
    best.resize(n + 1, (0, 0, None));
    let mut walk = lexicon::Walk::new();
    let mut key = String::new();
    let longest = lexicon::longest_word().min(max_len);
    let unknown = lexicon::unknown_cost() as u64;
    for i in (0..n).rev() {
        let mut choice = (u64::MAX, 1, None);
        walk.reset();
        for len in 1..=(n - i).min(longest) {
            let entry = walk.push(chars[start + i + len - 1]);
            let cost = match entry {
                Some(e) if e.is_word() => e.cost() as u64,
                _ if len == 1 => unknown,
                _ => u64::MAX,
            };
            if cost != u64::MAX && cost + best[i + len].0 < choice.0 {
                choice = (cost + best[i + len].0, len, entry);
            }
            // Stop where no longer word begins with the key.
            if !entry.is_some_and(|e| e.begins_longer()) {
                break;
            }
        }
        if let Some(user) = user.filter(|u| !u.is_empty()) {
            key.clear();
            for len in 1..=(n - i).min(user.longest()).min(max_len) {
                key.push(chars[start + i + len - 1]);
                if len > 1 && user.get(&key).is_some() && best[i + len].0 <= choice.0 {
                    let word = &chars[start + i..start + i + len];
                    choice = (best[i + len].0, len, lexicon::lookup_chars(word));
                }
            }
        }
        best[i] = choice;
    }
    let mut i = 0;
    while i < n {
        let (_, len, entry) = best[i];
        tokens.push(Token {
            kind: TokenKind::Han,
            start: start + i,
            end: start + i + len,
            mark: None,
        });
        entries.push(entry);
        i += len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        segment(&chars)
            .iter()
            .map(|t| chars[t.start..t.end].iter().collect())
            .collect()
    }

    #[test]
    fn scripts_are_split_into_runs() {
        assert_eq!(
            words("第3次用U盘，3.14"),
            ["第", "3", "次", "用", "U", "盘", "，", "3.14"]
        );
    }

    #[test]
    fn han_runs_are_split_into_lexicon_words() {
        assert_eq!(
            words("我们阅读巧克力广告"),
            ["我们", "阅读", "巧克力", "广告"]
        );
    }

    #[test]
    fn ascii_punctuation_maps_to_chinese_marks() {
        let chars: Vec<char> = "他说\"好\".".chars().collect();
        let marks: Vec<_> = segment(&chars).iter().filter_map(|t| t.mark).collect();
        assert_eq!(marks, ["“", "”", "。"]);
    }

    #[test]
    fn dashes_and_ellipses_are_one_mark() {
        let chars: Vec<char> = "啊——好……".chars().collect();
        let marks: Vec<_> = segment(&chars).iter().filter_map(|t| t.mark).collect();
        assert_eq!(marks, ["——", "……"]);
    }
}
