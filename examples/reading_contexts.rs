//! Lists the polyphones that the fast reading mode reads by their default reading, with their
//! neighbours and the polyphone model's reading, for `scripts/context-rules.py`:
//!
//! ```sh
//! cargo run --release --example reading_contexts -- FILE > rows.tsv
//! ```
//!
//! FILE is plain UTF-8 text, one sentence or line per line (U+2581 markers, as in CPP's `.sent`
//! files, are dropped first). One TSV row per character that the model decides
//! ([`tongyong::model::is_polyphone`]) and that the fast mode leaves to its default reading
//! (outside every word with a phrase reading and outside the measure-word rule):
//! `line<TAB>index<TAB>char<TAB>left<TAB>right<TAB>default<TAB>model<TAB>probability`, where
//! `line` counts from 0, `index` is the character's index in the line (markers dropped), `left`
//! and `right` are the neighbouring characters (`^` and `$` at the ends of the line, `_` for
//! white space) and the model reads the character within [`tongyong::read::MODEL_CONTEXT`]
//! characters each side, as the default reading mode does.

use std::io::{BufWriter, Write};

use tongyong::segment::{segment, TokenKind};
use tongyong::{char_reading, model, read};

/// Marks the characters of `chars[start..end]` that a phrase reading covers, the way
/// `read::read_word` covers a word: the whole word, else its longest sub-words from the left.
fn cover(chars: &[char], start: usize, end: usize, covered: &mut [bool]) {
    let word = &chars[start..end];
    if read::phrase_reading(word).is_some() {
        covered[start..end].fill(true);
        return;
    }
    let mut i = 0;
    while i < word.len() {
        let longest = word.len() - i - usize::from(i == 0);
        match (2..=longest)
            .rev()
            .find(|&len| read::phrase_reading(&word[i..i + len]).is_some())
        {
            Some(len) => {
                covered[start + i..start + i + len].fill(true);
                i += len;
            }
            None => i += 1,
        }
    }
}

fn shown(c: Option<&char>, end: char) -> char {
    match c {
        None => end,
        Some(c) if c.is_whitespace() => '_',
        Some(&c) => c,
    }
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: reading_contexts FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let out = std::io::stdout();
    let mut out = BufWriter::new(out.lock());
    for (n, line) in text.lines().enumerate() {
        let chars: Vec<char> = line.chars().filter(|&c| c != '\u{2581}').collect();
        let tokens = segment(&chars);
        let mut covered = vec![false; chars.len()];
        for (k, t) in tokens.iter().enumerate() {
            if t.kind != TokenKind::Han {
                covered[t.start..t.end].fill(true);
                continue;
            }
            let after_number = k > 0 && tokens[k - 1].kind == TokenKind::Number;
            if after_number
                && t.end - t.start == 1
                && read::measure_word_reading(chars[t.start]).is_some()
            {
                covered[t.start] = true;
                continue;
            }
            cover(&chars, t.start, t.end, &mut covered);
        }
        for i in 0..chars.len() {
            if covered[i] || !model::is_polyphone(chars[i]) {
                continue;
            }
            let Some(default) = char_reading(chars[i]) else {
                continue;
            };
            let start = i.saturating_sub(read::MODEL_CONTEXT);
            let end = (i + read::MODEL_CONTEXT + 1).min(chars.len());
            let Some((m, p)) = model::predict_with_probability(&chars[start..end], &[i - start])[0]
            else {
                continue;
            };
            writeln!(
                out,
                "{n}\t{i}\t{}\t{}\t{}\t{default}\t{m}\t{p:.4}",
                chars[i],
                shown(i.checked_sub(1).and_then(|j| chars.get(j)), '^'),
                shown(chars.get(i + 1), '$'),
            )
            .unwrap();
        }
    }
}
