//! Sign language: text → signs, look-up and fingerspelling never panic and keep their ranges.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tongyong::{fingerspell, sign_by_id, sign_lookup, to_signs};

fuzz_target!(|data: &[u8]| {
    if data.len() >= 2 {
        if let Some(e) = sign_by_id(u16::from_le_bytes([data[0], data[1]])) {
            let _ = (e.pinyin(), e.fingerspelling());
        }
    }
    let text = String::from_utf8_lossy(data);
    let n = text.chars().count();
    let tokens = to_signs(&text);
    let mut end = 0;
    for t in &tokens {
        assert!(
            t.input.start >= end && t.input.start < t.input.end && t.input.end <= n,
            "{t:?}"
        );
        assert!(t.word.start <= t.input.start && t.input.end <= t.word.end && t.word.end <= n);
        end = t.input.end;
        let _ = t.letters().count();
        let _ = t.is_split();
        for e in t.entries {
            assert!(sign_by_id(e.id).is_some());
        }
    }
    for e in sign_lookup(&text) {
        assert!(sign_by_id(e.id).is_some());
        let _ = (e.pinyin(), e.fingerspelling());
    }
    for s in fingerspell(&text) {
        let _ = s.tone();
    }
});
