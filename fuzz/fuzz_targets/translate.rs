//! Any bytes → (lossy) UTF-8 text → translation with options taken from the first bytes; every
//! output format, every position-map invariant, and `to_pinyin` agreeing with the words.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tongyong::{Format, Translator};
use tongyong_fuzz::{check_translation, options};

fuzz_target!(|data: &[u8]| {
    let (opts, rest) = options(data);
    let text = String::from_utf8_lossy(rest);
    let tr = Translator::with_options(opts);
    let t = tr.translate(&text);
    check_translation(&t, &text);
    let n = t.symbols().len();
    for format in [Format::Unicode, Format::Dots, Format::Brf] {
        let s = t.to_string_as(format);
        assert!(n == 0 || !s.is_empty());
        for w in t.words() {
            let _ = t.word_braille(w, format);
        }
    }
    assert_eq!(t.to_string_as(Format::Unicode).chars().count(), n);
    // The pinyin words are the translation's words without their output ranges.
    let words = tr.to_pinyin(&text);
    assert_eq!(words.len(), t.words().len());
    for (a, b) in words.iter().zip(t.words()) {
        assert_eq!((a.kind, &a.input, &a.pinyin), (b.kind, &b.input, &b.pinyin));
    }
});
