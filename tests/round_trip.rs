//! Round trip on real Chinese text: back-translating each braille word gives the pinyin that
//! produced it, up to the scheme's designed ambiguity (an unmarked syllable is its group's omitted
//! tone or neutral). The corpus is Debian's manpages-zh, built by `scripts/corpus.sh` into
//! `target/corpus/manpages-zh.txt` (or the file named by `TONGYONG_CORPUS`). Without it the test
//! says so and passes, unless `TONGYONG_REQUIRE_CORPUS=1` (set by the README's test command).

use std::path::PathBuf;

use tongyong::back::BackKind;
use tongyong::{from_braille, BrailleInput, Final, Format, Syllable, Translator, WordKind};

fn corpus() -> Option<String> {
    let path = std::env::var_os("TONGYONG_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/corpus/manpages-zh.txt")
        });
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) if std::env::var("TONGYONG_REQUIRE_CORPUS").is_ok_and(|v| v == "1") => {
            panic!("{}: {e}; run scripts/corpus.sh", path.display())
        }
        Err(e) => {
            eprintln!(
                "round_trip: skipped, {}: {e} (run scripts/corpus.sh)",
                path.display()
            );
            None
        }
    }
}

/// Spellings that share their cells by design: o and e share ⠢ (braille-scheme.md §2), so ⠍⠢
/// is both mo and 么's full spelling me; the nasals n and ng of 嗯 share ⠼ (§2, UNKNOWN in the
/// standard).
fn same_cells(read_back: &str, spelling: &str) -> bool {
    let key = |s: &str| {
        Syllable::parse(s).ok().map(|s| {
            let fin = match s.fin {
                Final::O => Final::E,
                Final::N => Final::Ng,
                f => f,
            };
            (s.initial, fin)
        })
    };
    read_back == spelling || key(read_back).is_some_and(|k| Some(k) == key(spelling))
}

#[test]
fn manpages_round_trip() {
    let Some(text) = corpus() else { return };
    let t = Translator::new();
    let (mut words, mut syllables, mut lines) = (0usize, 0usize, 0usize);
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
            let braille = tr.word_braille(w, Format::Unicode);
            let back = match from_braille(&braille, BrailleInput::Unicode) {
                Ok(b) => b,
                Err(e) => {
                    failures.push(format!(
                        "{}: {braille}: {e}",
                        chars.iter().collect::<String>()
                    ));
                    continue;
                }
            };
            let items: Vec<_> = back
                .items
                .iter()
                .filter(|i| i.kind != BackKind::Blank)
                .collect();
            let ok = items.len() == chars.len()
                && chars
                    .iter()
                    .zip(&w.pinyin)
                    .zip(&items)
                    .all(|((&c, reading), item)| match (reading, item.kind) {
                        (None, BackKind::Text) => item.text == c.to_string(),
                        (Some(_), BackKind::Abbreviation) => item.text == c.to_string(),
                        (Some(r), BackKind::Syllable) => {
                            syllables += 1;
                            same_cells(&item.text, &r.spelling()) && item.tones.contains(&r.tone)
                        }
                        _ => false,
                    });
            if !ok {
                let want: Vec<String> = w
                    .pinyin
                    .iter()
                    .map(|r| r.map_or("?".into(), |r| r.to_string()))
                    .collect();
                failures.push(format!(
                    "{} {:?}: {braille} → {}",
                    chars.iter().collect::<String>(),
                    want,
                    back.to_pinyin_string()
                ));
            }
        }
    }
    eprintln!(
        "round_trip: {lines} lines, {words} Han words, {syllables} syllables, {} failures",
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
