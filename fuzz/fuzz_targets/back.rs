//! Braille → pinyin never panics and its items cover every cell; text → braille → back reads
//! our own braille of Chinese text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tongyong::{
    from_braille, BackTranslation, BrailleInput, Format, Options, ToneMode, Translator,
};

fn check_cover(back: &BackTranslation, braille: &str) {
    let n = braille.chars().count();
    let mut at = 0;
    for item in &back.items {
        assert_eq!(
            item.cells.start, at,
            "items are contiguous: {:?}",
            back.items
        );
        assert!(item.cells.end > item.cells.start, "empty item {item:?}");
        at = item.cells.end;
        let _ = item.syllables();
    }
    assert_eq!(at, n, "items cover every cell of {braille:?}");
    let _ = back.to_pinyin_string();
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    // As braille: any text is read or rejected with an error in range.
    for input in [BrailleInput::Unicode, BrailleInput::Brf] {
        match from_braille(&text, input) {
            Ok(back) => check_cover(&back, &text),
            Err(tongyong::Error::Braille { position, .. }) => {
                assert!(position < text.chars().count())
            }
            Err(e) => panic!("unexpected error {e}"),
        }
    }
    // As text: its braille reads back, covering every cell.
    let tones = match mode % 3 {
        0 => ToneMode::National,
        1 => ToneMode::Full,
        _ => ToneMode::None,
    };
    let t = Translator::with_options(Options {
        tones,
        ..Options::default()
    });
    let braille = t.to_braille(&text, Format::Unicode);
    if let Ok(back) = from_braille(&braille, BrailleInput::Unicode) {
        check_cover(&back, &braille);
    }
    // Chinese text alone must read back.
    if !text.is_empty() && text.chars().all(tongyong::segment::is_han) {
        match from_braille(&braille, BrailleInput::Unicode) {
            Ok(back) => check_cover(&back, &braille),
            Err(e) => panic!("{text:?} → {braille}: {e}"),
        }
    }
});
