//! Lists lexicon words whose phrase reading the polyphone model contradicts in context, as
//! candidates for `data/readings/phrase-corrections.tsv` (to be checked by hand: most of them are
//! the model's errors).
//!
//! ```sh
//! (cat ../shared/data/polyphone-cpp/dev.sent; grep -P '\p{Han}' target/corpus/manpages-zh.txt) \
//!     | cargo run --release --example phrase_check > candidates.tsv
//! ```
//!
//! Reads lines (U+2581 markers dropped) and, for every character of a word read by a phrase
//! reading that the model may read, runs the model over the whole line. Prints one row per word
//! and position where the model disagrees with probability ≥ 0.99 in at least two occurrences and
//! at least half of them: word, position, phrase reading, the model's usual reading,
//! occurrences, disagreements, and the context of the first disagreement. Use only tuning data
//! (CPP dev, not test).

use std::collections::HashMap;
use std::io::BufRead;

use tongyong::{lexicon_trace, model, Syllable};

/// Occurrences and disagreements of one (word, position, phrase reading).
#[derive(Default)]
struct Tally {
    seen: u32,
    contradicted: u32,
    model_readings: HashMap<Syllable, u32>,
    example: String,
}

fn main() {
    let mut tallies: HashMap<(String, usize, Syllable), Tally> = HashMap::new();
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("UTF-8 input").replace('\u{2581}', "");
        let trace = lexicon_trace(&line);
        let chars: Vec<char> = trace.iter().map(|t| t.char).collect();
        let targets: Vec<usize> = (0..trace.len())
            .filter(|&i| {
                let t = &trace[i];
                t.word.is_some_and(|(s, e, _, _)| e - s >= 2)
                    && t.model_may_read
                    && t.reading
                        .is_some_and(|r| r.tone != tongyong::syllable::NEUTRAL)
            })
            .collect();
        if targets.is_empty() {
            continue;
        }
        for (&i, p) in targets
            .iter()
            .zip(model::predict_with_probability(&chars, &targets))
        {
            let (Some((said, prob)), Some(reading), Some((start, end, _, _))) =
                (p, trace[i].reading, trace[i].word)
            else {
                continue;
            };
            let word: String = chars[start..end].iter().collect();
            let tally = tallies.entry((word, i - start, reading)).or_default();
            tally.seen += 1;
            if said != reading && prob >= 0.99 {
                tally.contradicted += 1;
                *tally.model_readings.entry(said).or_default() += 1;
                if tally.example.is_empty() {
                    let context = i.saturating_sub(8)..(i + 8).min(chars.len());
                    tally.example = chars[context].iter().collect();
                }
            }
        }
    }
    let mut rows: Vec<_> = tallies
        .into_iter()
        .filter(|(_, t)| t.contradicted >= 2 && t.contradicted * 2 >= t.seen)
        .collect();
    rows.sort_by(|a, b| b.1.contradicted.cmp(&a.1.contradicted).then(a.0.cmp(&b.0)));
    for ((word, at, reading), t) in rows {
        let usual = t.model_readings.iter().max_by_key(|(s, n)| (**n, **s));
        let usual = usual.map_or(String::new(), |(s, _)| s.to_string());
        println!(
            "{word}\t{at}\t{reading}\t{usual}\t{}\t{}\t{}",
            t.seen, t.contradicted, t.example
        );
    }
}
