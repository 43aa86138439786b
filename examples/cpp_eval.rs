//! Scores tongyong's readings on the CPP polyphone benchmark (Park & Lee, Interspeech 2020).
//!
//! ```sh
//! cargo run --release --example cpp_eval -- --split test [--fast] [--dump FILE] [--raw FILE]
//! ```
//!
//! The data is read from `$TONGYONG_SHARED/data/polyphone-cpp` (default: the `shared` folder next
//! to the repository). Only the character wrapped in U+2581 is scored, against `<split>.lb`, the
//! standard way: gold `u:` → `v`, neutral tone = 5. Prints the accuracy and the speed (characters
//! of the split per second, markers removed).
//!
//! `--dump FILE` writes one TSV row per item for studying the reading policy (dev only, please):
//! char, gold, the pipeline's reading, the segmenter's word around the character, that word's
//! phrase reading of the character, whether the measure-word rule applied, the model's reading
//! over the whole sentence, its probability, the probability the model gives the phrase
//! reading, and what the reading stage knows before the model (`tongyong::lexicon_trace`): the
//! character's index in the normalised sentence, its lexicon reading, whether the model may read
//! it (1; 2 when it may not override the character's phrase readings), whether a rule or sub-word settles it, the word or sub-word read by a phrase reading around
//! it (start, end, jieba frequency, whether whole; empty when none), whether it is in
//! `model-settled.tsv`, and the normalised sentence. The columns after
//! the ninth are for `scripts/policy-cv.py`. `--raw FILE` writes the model's unrestricted best class for every item
//! (over the whole sentence), to compare with g2pM itself (`scripts/g2pm-compare.py`).

use std::env;
use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use tongyong::segment::{segment, TokenKind};
use tongyong::{model, read, Options, ReadingMode, Translator};

/// One CPP item: the sentence without markers, the index of the marked character, the gold.
struct Item {
    text: String,
    index: usize,
    gold: String,
}

fn data_dir() -> PathBuf {
    let shared = env::var_os("TONGYONG_SHARED").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        PathBuf::from,
    );
    shared.join("data/polyphone-cpp")
}

fn load(split: &str) -> Vec<Item> {
    let dir = data_dir();
    let read = |ext: &str| {
        let p = dir.join(format!("{split}.{ext}"));
        fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    };
    let (sents, labels) = (read("sent"), read("lb"));
    sents
        .lines()
        .zip(labels.lines())
        .map(|(s, lb)| {
            let index = s
                .chars()
                .position(|c| c == '\u{2581}')
                .expect("a marked character");
            Item {
                text: s.replace('\u{2581}', ""),
                index,
                gold: lb.trim().to_lowercase().replace("u:", "v"),
            }
        })
        .collect()
}

/// The reading the translator gives the `index`-th character of `text`.
fn reading_at(t: &Translator, text: &str, index: usize) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    for w in t.to_pinyin(text) {
        if w.input.contains(&index) {
            let k = chars[w.input.start..index]
                .iter()
                .filter(|&&c| tongyong::segment::is_han(c))
                .count();
            return w.pinyin.get(k).copied().flatten().map(|s| s.to_string());
        }
    }
    None
}

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|k| args.get(k + 1))
            .cloned()
    };
    let split = arg("--split").unwrap_or_else(|| "test".into());
    let fast = args.iter().any(|a| a == "--fast");
    let items = load(&split);
    let t = Translator::with_options(Options {
        readings: if fast {
            ReadingMode::Fast
        } else {
            ReadingMode::Model
        },
        ..Options::default()
    });

    let chars: usize = items.iter().map(|i| i.text.chars().count()).sum();
    let start = Instant::now();
    let readings: Vec<Option<String>> = items
        .iter()
        .map(|i| reading_at(&t, &i.text, i.index))
        .collect();
    let secs = start.elapsed().as_secs_f64();
    let correct = items
        .iter()
        .zip(&readings)
        .filter(|(i, r)| r.as_deref() == Some(i.gold.as_str()))
        .count();
    println!(
        "CPP {split}, {} mode: {correct} / {} = {:.2}%   {:.0} chars/s ({chars} chars, {secs:.2} s)",
        if fast { "fast" } else { "model" },
        items.len(),
        100.0 * correct as f64 / items.len() as f64,
        chars as f64 / secs
    );

    if let Some(path) = arg("--dump") {
        let mut f = fs::File::create(&path).unwrap();
        for (i, r) in items.iter().zip(&readings) {
            let chars: Vec<char> = i.text.chars().collect();
            let c = chars[i.index];
            let tokens = segment(&chars);
            let k = tokens
                .iter()
                .position(|t| (t.start..t.end).contains(&i.index))
                .unwrap();
            let tok = tokens[k];
            let word: String = chars[tok.start..tok.end].iter().collect();
            let phrase = read::phrase_reading(&chars[tok.start..tok.end])
                .map(|p| p[i.index - tok.start].to_string())
                .unwrap_or_default();
            let measure = k > 0
                && tokens[k - 1].kind == TokenKind::Number
                && tok.end - tok.start == 1
                && read::measure_word_reading(c).is_some();
            let m = model::predict(&chars, &[i.index])[0]
                .map(|s| s.to_string())
                .unwrap_or_default();
            let probs = model::probabilities(&chars, i.index);
            let p_model = probs.first().map_or(0.0, |p| p.1);
            let p_phrase = probs
                .iter()
                .find(|p| p.0.to_string() == phrase)
                .map_or(0.0, |p| p.1);
            let trace = tongyong::lexicon_trace(&i.text);
            let norm: String = trace.iter().map(|t| t.char).collect();
            // The normalised index of the marked character (normalising keeps or composes
            // characters, so count the input characters before it).
            let at = trace.len() - (chars.len() - i.index);
            let t = &trace[at];
            let (ws, we, freq, whole) = t.word.map_or(Default::default(), |(s, e, f, whole)| {
                (s.to_string(), e.to_string(), f.to_string(), whole as u8)
            });
            writeln!(
                f,
                "{c}\t{}\t{}\t{word}\t{phrase}\t{}\t{m}\t{p_model:.4}\t{p_phrase:.4}\t{at}\t{}\t{}\t{}\t{ws}\t{we}\t{freq}\t{whole}\t{}\t{norm}",
                i.gold,
                r.as_deref().unwrap_or("-"),
                measure as u8,
                t.reading.map_or("-".to_string(), |s| s.to_string()),
                t.model_may_read as u8 + u8::from(t.model_may_read && !t.model_may_override),
                t.fixed as u8,
                t.model_settled as u8,
            )
            .unwrap();
        }
    }
    if let Some(path) = arg("--raw") {
        let mut f = fs::File::create(&path).unwrap();
        for i in &items {
            let chars: Vec<char> = i.text.chars().collect();
            let best = model::class_scores(&chars, i.index)[0].0;
            writeln!(f, "{}", best.map_or("-".to_string(), |s| s.to_string())).unwrap();
        }
    }
}
