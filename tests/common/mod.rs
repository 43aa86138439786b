//! Helpers shared by the integration tests.

use tongyong::back::BackKind;
use tongyong::{from_braille, BrailleInput, Final, Format, Syllable, Translation, Word};

/// Spellings that share their cells by design: o and e share ⠢ (braille-scheme.md §2), so ⠍⠢
/// is both mo and 么's full spelling me; the nasals n and ng of 嗯 share ⠼ (§2, UNKNOWN in the
/// standard).
pub fn same_cells(read_back: &str, spelling: &str) -> bool {
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

/// Whether the braille of the Han word `w` of `tr` (input `text`) reads back to its readings, up
/// to the omitted-tone ambiguity and the shared cells; the error describes the mismatch.
pub fn word_reads_back(tr: &Translation, text: &str, w: &Word) -> Result<(), String> {
    let chars: Vec<char> = text
        .chars()
        .skip(w.input.start)
        .take(w.input.len())
        .collect();
    let braille = tr.word_braille(w, Format::Unicode);
    let back = from_braille(&braille, BrailleInput::Unicode)
        .map_err(|e| format!("{}: {braille}: {e}", chars.iter().collect::<String>()))?;
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
                (None, BackKind::Text) | (Some(_), BackKind::Abbreviation) => {
                    item.text == c.to_string()
                }
                (Some(r), BackKind::Syllable) => {
                    same_cells(&item.text, &r.spelling()) && item.tones.contains(&r.tone)
                }
                _ => false,
            });
    if ok {
        return Ok(());
    }
    let want: Vec<String> = w
        .pinyin
        .iter()
        .map(|r| r.map_or("?".into(), |r| r.to_string()))
        .collect();
    Err(format!(
        "{} {want:?}: {braille} → {}",
        chars.iter().collect::<String>(),
        back.to_pinyin_string()
    ))
}
