//! Coverage of real text by the sign lexicon.
//!
//! ```sh
//! cargo run --release --example sign_report -- FILE...
//! ```
//!
//! Counts the words of the text (the segmenter's Chinese words, Latin-letter runs and numbers;
//! punctuation and symbols are not words) and prints the share covered by a direct sign (the word,
//! or several words forming one lexicon word, counted once), by splitting into lexicon words, by
//! splitting with fingerspelled parts, by fingerspelling alone, and the twenty most frequent
//! fingerspelled words (whole words and fingerspelled parts of split words).

use std::collections::HashMap;

use tongyong::sign::{to_signs, SignKind, SignToken};

#[derive(Default)]
struct Counts {
    lines: usize,
    direct: usize,
    numbers: usize,
    split: usize,
    split_partly_spelled: usize,
    spelled: usize,
    spelled_words: HashMap<String, usize>,
}

fn count_word(c: &mut Counts, text: &[char], parts: &[SignToken]) {
    let split = parts[0].is_split();
    let any_spelled = parts.iter().any(|t| t.kind == SignKind::Fingerspell);
    let any_signed = parts
        .iter()
        .any(|t| matches!(t.kind, SignKind::Sign | SignKind::Number));
    if parts.iter().all(|t| t.kind == SignKind::Other) {
        return;
    }
    for t in parts.iter().filter(|t| t.kind == SignKind::Fingerspell) {
        let w: String = text[t.input.clone()].iter().collect();
        *c.spelled_words.entry(w).or_default() += 1;
    }
    match (split, any_spelled, any_signed) {
        (_, true, false) => c.spelled += 1,
        (true, true, true) => c.split_partly_spelled += 1,
        (true, false, _) if parts.iter().all(|t| t.kind == SignKind::Number) => c.numbers += 1,
        (true, false, _) => c.split += 1,
        (false, _, _) if parts[0].kind == SignKind::Number => c.numbers += 1,
        (false, _, _) => c.direct += 1,
    }
}

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: sign_report FILE...");
        std::process::exit(2);
    }
    let mut c = Counts::default();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{f}: {e}"));
        for line in text.lines() {
            c.lines += 1;
            let chars: Vec<char> = line.chars().collect();
            let tokens = to_signs(line);
            // Group the tokens of one text word (a split word has several).
            let mut k = 0;
            while k < tokens.len() {
                let mut end = k + 1;
                while end < tokens.len() && tokens[end].word == tokens[k].word {
                    end += 1;
                }
                count_word(&mut c, &chars, &tokens[k..end]);
                k = end;
            }
        }
    }
    let total = c.direct + c.numbers + c.split + c.split_partly_spelled + c.spelled;
    let pct = |n: usize| 100.0 * n as f64 / total.max(1) as f64;
    println!("{} lines, {total} words", c.lines);
    println!(
        "direct sign:                 {:6} {:5.1}%",
        c.direct,
        pct(c.direct)
    );
    println!(
        "number signs:                {:6} {:5.1}%",
        c.numbers,
        pct(c.numbers)
    );
    println!(
        "split into signs:            {:6} {:5.1}%",
        c.split,
        pct(c.split)
    );
    println!(
        "split, partly fingerspelled: {:6} {:5.1}%",
        c.split_partly_spelled,
        pct(c.split_partly_spelled)
    );
    println!(
        "fingerspelled:               {:6} {:5.1}%",
        c.spelled,
        pct(c.spelled)
    );
    let mut top: Vec<(String, usize)> = c.spelled_words.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    println!("most frequent fingerspelled words:");
    for (w, n) in top.iter().take(20) {
        println!("  {n:5}  {w}");
    }
}
