//! Word-spacing report on a text file: the distribution of braille word lengths in syllables, the
//! share of single-syllable words, and the longest words.
//!
//! `cargo run --release --example spacing_report -- target/corpus/manpages-zh.txt`

use std::collections::BTreeMap;

use tongyong::{Translator, WordKind};

fn main() {
    let path = std::env::args().nth(1).expect("usage: spacing_report FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let t = Translator::new();
    let mut lengths: BTreeMap<usize, usize> = BTreeMap::new();
    let mut long: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut lines = 0;
    for line in text
        .lines()
        .filter(|l| l.chars().any(tongyong::segment::is_han))
    {
        lines += 1;
        let chars: Vec<char> = line.chars().collect();
        for w in t.to_pinyin(line).iter().filter(|w| w.kind == WordKind::Han) {
            let syllables = w.pinyin.len();
            *lengths.entry(syllables).or_default() += 1;
            if syllables > 4 {
                let word: String = chars[w.input.clone()].iter().collect();
                long.entry(word).or_insert((syllables, 0)).1 += 1;
            }
        }
    }
    let total: usize = lengths.values().sum();
    println!("{path}: {lines} lines with Chinese, {total} braille words with Han characters\n");
    println!("| syllables | words | share |\n|---:|---:|---:|");
    for (len, n) in &lengths {
        println!("| {len} | {n} | {:.2}% |", 100.0 * *n as f64 / total as f64);
    }
    let mut long: Vec<(String, (usize, usize))> = long.into_iter().collect();
    long.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(b.1 .1.cmp(&a.1 .1)));
    println!(
        "\nWords of more than 4 syllables: {} distinct; the longest:",
        long.len()
    );
    for (w, (len, n)) in long.iter().take(30) {
        println!("  {w} ({len} syllables, {n}×)");
    }
}
