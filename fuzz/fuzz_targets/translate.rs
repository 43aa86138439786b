//! Any bytes → (lossy) UTF-8 text → translation with options taken from the first bytes; every
//! output format, every position-map invariant, and `to_pinyin`, `for_each_word` and
//! `write_pinyin` agreeing with the words.
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
    // The word-by-word walk hands out the same words.
    let mut walked = Vec::new();
    tr.for_each_word(&text, |w| walked.push(w.clone()));
    assert_eq!(walked, words);
    // The pinyin line has one space-separated item per word (an item may itself hold spaces
    // only where the input had them), and is valid UTF-8.
    let mut line = Vec::new();
    tr.write_pinyin(&text, &mut line).expect("writing to a Vec cannot fail");
    let line = String::from_utf8(line).expect("write_pinyin writes UTF-8");
    assert!(words.is_empty() || !line.is_empty());
});
