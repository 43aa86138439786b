//! Prints what the linear polyphone model sees of the marked character of every line of a
//! `*.sent` file (CPP / g2pL format, the target wrapped in U+2581), for
//! `scripts/train-polyphone.py`:
//!
//! ```sh
//! cargo run --release --example polyphone_features -- FILE.sent > FILE.features
//! ```
//!
//! One line per input line, tab-separated: the character, its lexicon-stage reading (`-` none),
//! how far the lexicon settles it (`N` open, `P` whole-word phrase reading, `Y` rule or sub-word,
//! in lower case when g2pM does not read it), the fast mode's neighbour-rule reading (`-`), the Han characters of
//! g2pM's window outside the phrase word, g2pM's candidate probabilities (`reading:p,…`), the
//! shipped linear model's log-probabilities (`reading:lp,…`, empty before it is trained), then
//! the features, one per column. A line whose target cannot be found prints `?`.

use std::io::{BufRead, Write};

fn syllables(v: &[(tongyong::Syllable, f32)]) -> String {
    v.iter()
        .map(|(s, p)| format!("{s}:{p:.6}"))
        .collect::<Vec<_>>()
        .join(",")
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: polyphone_features FILE.sent");
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    for line in std::io::BufReader::new(file).lines() {
        let line = line.expect("UTF-8 lines");
        let index = line.chars().position(|c| c == '\u{2581}');
        let text = line.replace('\u{2581}', "");
        let trace = index.and_then(|i| tongyong::polyphone_trace(&text, i));
        let Some(t) = trace else {
            writeln!(out, "?").unwrap();
            continue;
        };
        let opt = |s: Option<tongyong::Syllable>| s.map_or("-".to_string(), |s| s.to_string());
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            t.char,
            opt(t.reading),
            t.settled,
            opt(t.context_rule),
            t.outside_han,
            syllables(&t.g2pm),
            syllables(&t.linear),
            t.features.join("\t")
        )
        .unwrap();
    }
}
