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
    let mut open = OpenPairs::default();
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
        } else if c.is_ascii_digit() || is_minus(chars, i) {
            let end = number_end(chars, i + 1);
            tokens.push(simple(TokenKind::Number, end));
            i = end;
        } else if is_line_break(c) {
            tokens.push(simple(TokenKind::LineBreak, i + 1));
            i += 1;
        } else if c.is_whitespace() {
            let end = run_end(chars, i, |c| c.is_whitespace() && !is_line_break(c));
            tokens.push(simple(TokenKind::Space, end));
            i = end;
        } else if let Some((mark, end)) = punctuation(chars, i, &mut open) {
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

/// The characters after which `-` and a number are a negative number (下降了-3%, 降至-4度, 为-5):
/// verbs and particles that take a number. After a noun the `-` is a hyphen (钴-56, 红旗-9), after
/// a number with its unit the connector of a range (1905年-1908年). INFERRED from usage.
const BEFORE_NEGATIVE: [char; 8] = ['了', '至', '为', '是', '到', '达', '约', '零'];

/// A `-` that is the sign of the number after it: after a verb or particle of
/// [`BEFORE_NEGATIVE`] or a Chinese mark (：-3), not in a range (3-5), a name (钴-56) or an option
/// (ls -1). R16 then keeps the blank before the number.
fn is_minus(chars: &[char], i: usize) -> bool {
    chars[i] == '-'
        && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit())
        && i.checked_sub(1).is_some_and(|p| {
            let p = chars[p];
            BEFORE_NEGATIVE.contains(&p) || (!p.is_ascii() && !is_han(p) && !p.is_whitespace())
        })
}

/// The end of the number whose first digit (or minus sign) ends before `from`: digits, and `.`
/// `,` or `:` standing between two digits (3.14, 1,000, 10:30).
fn number_end(chars: &[char], from: usize) -> usize {
    let mut end = from;
    while end < chars.len() {
        let c = chars[end];
        let between_digits = matches!(c, '.' | ',' | ':')
            && chars[end - 1].is_ascii_digit()
            && chars.get(end + 1).is_some_and(|n| n.is_ascii_digit());
        if c.is_ascii_digit() || between_digits {
            end += 1;
        } else {
            break;
        }
    }
    end
}

/// The paired marks open at a point of the text, for the marks whose opening and closing forms
/// are one ASCII character or whose closing form depends on an opening one.
#[derive(Default)]
struct OpenPairs {
    double_quote: bool,
    single_quote: bool,
    /// An ASCII `[` or `{` read as 【.
    bracket: bool,
    /// An ASCII `<` read as 〈.
    angle: bool,
}

/// The longest an ASCII pair around Chinese text is looked for (characters after the opening
/// one).
const PAIR_REACH: usize = 40;

/// Whether the ASCII opening mark at `i` pairs with `close` around Chinese text on its line:
/// Han inside the pair, or (for brackets, `han_outside`) Han straight before or after it (见[1]).
/// Elsewhere ([-a], a[i], x<y) the character is a symbol of code.
fn pairs_in_chinese(chars: &[char], i: usize, close: char, han_outside: bool) -> bool {
    let reach = chars.len().min(i + 1 + PAIR_REACH);
    let Some(end) = (i + 1..reach)
        .take_while(|&k| !is_line_break(chars[k]) && chars[k] != chars[i])
        .find(|&k| chars[k] == close)
    else {
        return false;
    };
    chars[i + 1..end].iter().any(|&c| is_han(c))
        || (han_outside
            && (i.checked_sub(1).is_some_and(|p| is_han(chars[p]))
                || chars.get(end + 1).is_some_and(|&n| is_han(n))))
}

/// Whether the `.` at `i` ends a list number at the start of a line (1.第一条, 2. 再见).
fn ends_list_number(chars: &[char], i: usize) -> bool {
    let digits = chars[..i]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    digits > 0
        && chars[..i - digits]
            .iter()
            .rev()
            .take_while(|&&c| !is_line_break(c))
            .all(|c| c.is_whitespace())
        && chars.get(i + 1).is_none_or(|&n| !n.is_ascii_digit())
}

/// Finds the punctuation mark starting at `i`: the table's marks, runs of dashes and ellipses,
/// and ASCII punctuation used in Chinese text, each ASCII mark by its role there.
fn punctuation(chars: &[char], i: usize, open: &mut OpenPairs) -> Option<(&'static str, usize)> {
    let c = chars[i];
    let prev = i.checked_sub(1).map(|p| chars[p]);
    let next = chars.get(i + 1).copied();
    let between_digits =
        prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
    // Runs: —— (one or more dashes), …… (one or more ellipsis chars, or three dots or more). One
    // dash between two numbers is the connector of a range (1949—2019年; GB/T 15834).
    match c {
        '—' if between_digits => return Some(("－", i + 1)),
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
            "“" => open.double_quote = true,
            "”" => open.double_quote = false,
            "‘" => open.single_quote = true,
            "’" => open.single_quote = false,
            _ => {}
        }
        return Some((key, i + len));
    }
    let mark = match c {
        ',' | '，' | '﹐' => "，",
        ';' => "；",
        // A colon in code (https://, std::io, C:\) is a symbol of it; between digits (10:30) it is
        // part of the number.
        ':' if prev.is_some_and(|p| p.is_ascii_alphanumeric())
            && next.is_some_and(|n| n.is_ascii_graphic()) =>
        {
            return None
        }
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
        // A tilde between two numbers is the range connector (3～5天).
        '~' if between_digits => "－",
        '[' | '{' if pairs_in_chinese(chars, i, if c == '[' { ']' } else { '}' }, true) => {
            open.bracket = true;
            "【"
        }
        ']' | '}' if open.bracket => {
            open.bracket = false;
            "】"
        }
        '<' if pairs_in_chinese(chars, i, '>', false) => {
            open.angle = true;
            "〈"
        }
        '>' if open.angle => {
            open.angle = false;
            "〉"
        }
        // After a Latin letter (Mr. U.S.A.) or ending a list number at the start of a line (1.第一条)
        // a full stop is the period of the Latin text or of the number, not 。 (§6.4).
        '.' if prev.is_some_and(|p| p.is_ascii_alphabetic()) || ends_list_number(chars, i) => {
            return None
        }
        // A full stop ends a sentence only before a space, a closing mark, a Han character or the
        // end of the text (not in www.example.com or e.g.).
        '.' if next.is_none_or(|n| {
            n.is_whitespace() || is_han(n) || matches!(n, '"' | '\'' | ')' | '”' | '’' | '）')
        }) =>
        {
            "。"
        }
        '"' => {
            open.double_quote = !open.double_quote;
            if open.double_quote {
                "“"
            } else {
                "”"
            }
        }
        // An apostrophe between Latin letters or digits (don't) is not a quote; around Chinese
        // text ('正常人') it is.
        '\'' if !(prev.is_some_and(|p| p.is_ascii_alphanumeric())
            && next.is_some_and(|n| n.is_ascii_alphanumeric())) =>
        {
            open.single_quote = !open.single_quote;
            if open.single_quote {
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
