//! Round trip on real Chinese text: back-translating each braille word gives the pinyin that
//! produced it, up to the scheme's designed ambiguity (an unmarked syllable is its group's omitted
//! tone or neutral). The corpus is Debian's manpages-zh, built by `scripts/corpus.sh` into
//! `target/corpus/manpages-zh.txt` (or the file named by `TONGYONG_CORPUS`). Without it the test
//! says so and passes, unless `TONGYONG_REQUIRE_CORPUS=1` (set by the README's test command).

mod common;
#[path = "common/corpus.rs"]
mod corpus;

use corpus::corpus;
use tongyong::{Translator, WordKind};

#[test]
fn manpages_round_trip() {
    let Some(text) = corpus("round_trip") else {
        return;
    };
    let t = Translator::new();
    let (mut words, mut characters, mut lines) = (0usize, 0usize, 0usize);
    let mut failures = Vec::new();
    for line in text
        .lines()
        .filter(|l| l.chars().any(tongyong::segment::is_han))
    {
        lines += 1;
        let tr = t.translate(line);
        for w in tr.words().iter().filter(|w| w.kind == WordKind::Han) {
            let chars: Vec<char> = line
                .chars()
                .skip(w.input.start)
                .take(w.input.len())
                .collect();
            if !chars.iter().all(|&c| tongyong::segment::is_han(c)) {
                continue;
            }
            words += 1;
            characters += chars.len();
            if let Err(e) = common::word_reads_back(&tr, line, w) {
                failures.push(e);
            }
        }
    }
    eprintln!(
        "round_trip: {lines} lines, {words} Han words, {characters} characters, {} failures",
        failures.len()
    );
    assert!(
        lines > 1000,
        "a real corpus has thousands of Chinese lines, found {lines}"
    );
    failures.sort();
    failures.dedup();
    assert!(
        failures.is_empty(),
        "{} words do not read back:\n{}",
        failures.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}
