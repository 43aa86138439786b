//! Issue 15, item 1: a multi-character lexicon word with a phrase reading reads the same inside a
//! sentence as it does alone, in both reading modes (the precedence of `tongyong::read`: nothing
//! below a phrase reading changes it). The contexts are real text: every g2pL sentence
//! (`../shared/data/polyphone-g2pl`) and the man-page corpus (`scripts/corpus.sh`). The only
//! words allowed to differ are the rows of `data/readings/phrase-exceptions.tsv`, each with the
//! step that may change it: `grammar` in both modes, `model` in the default mode only.
//!
//! On main 9f40b1f…353e246, before that table, 53 of 309,015 phrase words met read otherwise in
//! their sentence in the default mode (22 words: 36 overrides by g2pM, nearly all against the
//! dictionary, such as 拮据 jù, 葛粉 gě, 盛菜 shèng, 连杆 gān; 16 一行 and 1 泡吧 by the grammar
//! rules) and 17 in the fast mode.

#[path = "common/corpus.rs"]
mod corpus;
#[path = "common/g2pl.rs"]
mod g2pl;
#[path = "common/shared.rs"]
mod shared;

use std::collections::HashMap;

use tongyong::segment::is_han;
use tongyong::{lexicon_trace, Options, ReadingMode, Syllable, Translator, WordKind};

/// The reading of every Han character of `text` in the sentence, by character index.
fn readings_in(t: &Translator, text: &str) -> Vec<Option<Syllable>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = vec![None; chars.len()];
    for w in t.to_pinyin(text) {
        if w.kind != WordKind::Han {
            continue;
        }
        let han = w.input.clone().filter(|&k| is_han(chars[k]));
        for (k, r) in han.zip(w.pinyin) {
            out[k] = r;
        }
    }
    out
}

struct Tally {
    words_met: usize,
    differing: Vec<(String, String, String, String)>,
}

/// The rows of `data/readings/phrase-exceptions.tsv`: word (or `*X`) → step.
fn exceptions() -> HashMap<String, String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/readings/phrase-exceptions.tsv"
    );
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("# ") && !l.trim().is_empty())
        .map(|l| {
            let mut cols = l.split('\t');
            (
                cols.next().unwrap().to_string(),
                cols.next().unwrap().to_string(),
            )
        })
        .collect()
}

/// Whether `word` may read otherwise in a sentence in `mode`, by its row of the exceptions.
fn excused(word: &str, mode: ReadingMode, rows: &HashMap<String, String>) -> bool {
    let last = word
        .chars()
        .last()
        .map(|c| format!("*{c}"))
        .unwrap_or_default();
    let step = rows.get(word).or_else(|| rows.get(&last));
    match step.map(String::as_str) {
        Some("grammar") => true,
        Some("model") => mode == ReadingMode::Model,
        _ => false,
    }
}

/// Checks every whole-segment phrase word of every line of `text` in mode `mode`.
fn check(text: &str, mode: ReadingMode, tally: &mut Tally, alone: &mut HashMap<String, String>) {
    let t = Translator::with_options(Options {
        readings: mode,
        ..Options::default()
    });
    let show = |rs: &[Option<Syllable>]| {
        rs.iter()
            .map(|r| r.map_or("-".to_string(), |s| s.to_string()))
            .collect::<Vec<_>>()
            .join(" ")
    };
    for line in text.lines() {
        let trace = lexicon_trace(line);
        // The normalised line: its character indexes are the trace's.
        let norm: String = trace.iter().map(|c| c.char).collect();
        let mut phrases: Vec<(usize, usize)> = trace
            .iter()
            .filter_map(|c| c.word.filter(|w| w.3 && w.1 - w.0 >= 2).map(|w| (w.0, w.1)))
            .collect();
        phrases.dedup();
        if phrases.is_empty() {
            continue;
        }
        let inside = readings_in(&t, &norm);
        let chars: Vec<char> = norm.chars().collect();
        for (s, e) in phrases {
            let word: String = chars[s..e].iter().collect();
            let expected = alone
                .entry(word.clone())
                .or_insert_with(|| show(&readings_in(&t, &word)))
                .clone();
            let got = show(&inside[s..e]);
            tally.words_met += 1;
            if got != expected {
                tally
                    .differing
                    .push((word, expected, got, line.to_string()));
            }
        }
    }
}

#[test]
fn phrase_words_read_the_same_alone_and_in_sentences() {
    let Some(mut text) = g2pl::sentences("phrase_words_read_the_same_alone_and_in_sentences")
    else {
        return;
    };
    if let Some(man) = corpus::corpus("phrase_words_read_the_same_alone_and_in_sentences") {
        text.push_str(&man);
    }
    let rows = exceptions();
    for mode in [ReadingMode::Model, ReadingMode::Fast] {
        let mut tally = Tally {
            words_met: 0,
            differing: Vec::new(),
        };
        let mut alone = HashMap::new();
        check(&text, mode, &mut tally, &mut alone);
        let mut by_word: HashMap<&str, usize> = HashMap::new();
        for d in &tally.differing {
            *by_word.entry(&d.0).or_default() += 1;
        }
        let mut words: Vec<_> = by_word.into_iter().collect();
        words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        eprintln!(
            "{mode:?}: {} phrase words met, {} read otherwise in their sentence ({} words)",
            tally.words_met,
            tally.differing.len(),
            words.len()
        );
        for (w, n) in words.iter().take(40) {
            let d = tally.differing.iter().find(|d| d.0 == *w).unwrap();
            eprintln!("  {w} ×{n}: alone {} / in sentence {} — {}", d.1, d.2, d.3);
        }
        let unexcused: Vec<_> = tally
            .differing
            .iter()
            .filter(|d| !excused(&d.0, mode, &rows))
            .collect();
        assert!(tally.words_met > 100_000, "too few phrase words met");
        assert!(
            unexcused.is_empty(),
            "{mode:?}: {} phrase words read otherwise in a sentence and are no row of \
             phrase-exceptions.tsv, e.g. {:?}",
            unexcused.len(),
            &unexcused[..unexcused.len().min(5)]
        );
    }
}

/// The issue's examples: a word read right alone is read the same inside a sentence, in both
/// modes, and the phrase readings the issue found wrong are mended (双曲 qū, 煞气 shà).
#[test]
fn the_issue_examples_read_as_alone() {
    for mode in [ReadingMode::Model, ReadingMode::Fast] {
        let t = Translator::with_options(Options {
            readings: mode,
            ..Options::default()
        });
        for (sentence, word, reading) in [
            ("可能需要很长时间来修复", "长时间", "chang2 shi2 jian1"),
            ("这是隐藏命令", "隐藏", "yin3 cang2"),
            ("计算双曲正切", "双曲", "shuang1 qu1"),
            ("这种煞气很重", "煞气", "sha4 qi4"),
            ("数值舍入到整数", "舍入", "she3 ru4"),
        ] {
            let start = sentence.find(word).unwrap();
            let start = sentence[..start].chars().count();
            let end = start + word.chars().count();
            let got: Vec<String> = readings_in(&t, sentence)[start..end]
                .iter()
                .map(|r| r.map_or("-".into(), |s| s.to_string()))
                .collect();
            assert_eq!(got.join(" "), reading, "{mode:?}: {word} in {sentence}");
        }
    }
}
