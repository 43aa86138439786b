//! The compiled lexicon: words with frequencies, POS tags and phrase readings, shared by
//! segmentation and reading (built by `build.rs` from `data/lexicon/words.tsv`).

use crate::syllable::Syllable;
use crate::tables::{LEXICON, LEXICON_POS};

/// A lexicon entry found by [`lookup`].
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    record: usize,
}

fn word_at(offset: usize) -> u32 {
    u32::from_le_bytes([
        LEXICON[offset],
        LEXICON[offset + 1],
        LEXICON[offset + 2],
        LEXICON[offset + 3],
    ])
}

fn header(i: usize) -> u32 {
    word_at(i * 4)
}

const HEADER_WORDS: usize = 9;

fn record(entry: usize, k: usize) -> u32 {
    word_at((HEADER_WORDS + entry * 3 + k) * 4)
}

/// FNV-1a, the same function as in `build.rs`.
fn fnv1a(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in bytes {
        h ^= *b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Looks up a word or a prefix of a word.
pub fn lookup(key: &str) -> Option<Entry> {
    let slot_count = header(2) as usize;
    if slot_count == 0 {
        return None;
    }
    let strings = header(6) as usize;
    let slots = header(8) as usize;
    let mut s = fnv1a(key.as_bytes()) as usize & (slot_count - 1);
    loop {
        let e = word_at(slots + s * 4) as usize;
        if e == 0 {
            return None;
        }
        let r = record(e - 1, 0) as usize;
        let (off, len) = (r & 0xff_ffff, r >> 24);
        if &LEXICON[strings + off..strings + off + len] == key.as_bytes() {
            return Some(Entry { record: e - 1 });
        }
        s = (s + 1) & (slot_count - 1);
    }
}

/// The sum of all word frequencies.
pub fn total_frequency() -> u32 {
    header(3).max(1)
}

/// The length in characters of the longest word.
pub fn longest_word() -> usize {
    header(4) as usize
}

impl Entry {
    /// Whether this is a word (and not only the prefix of one).
    pub fn is_word(&self) -> bool {
        record(self.record, 2) >> 29 & 1 == 1
    }

    /// The word's frequency in the source corpus (0 for a prefix).
    pub fn frequency(&self) -> u32 {
        record(self.record, 1) & 0xff_ffff
    }

    /// The part-of-speech tag (jieba's tag set), or "" when none is known.
    pub fn pos(&self) -> &'static str {
        LEXICON_POS
            .get((record(self.record, 1) >> 24) as usize)
            .copied()
            .unwrap_or("")
    }

    /// The phrase reading, one syllable per character, if the lexicon has one.
    pub fn reading(self) -> Option<impl Iterator<Item = Syllable>> {
        let r = record(self.record, 2);
        if r >> 30 & 1 == 0 {
            return None;
        }
        let off = header(7) as usize + (r & 0xff_ffff) as usize * 2;
        let len = (r >> 24 & 0x1f) as usize;
        Some((0..len).filter_map(move |k| {
            let p = off + k * 2;
            Syllable::from_code(u16::from_le_bytes([LEXICON[p], LEXICON[p + 1]]))
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_prefixes_and_misses() {
        let w = lookup("图书馆").expect("图书馆 is a word");
        assert!(w.is_word());
        assert!(w.frequency() > 0);
        let p = lookup("图书").expect("图书 is a word and a prefix");
        assert!(p.is_word());
        assert!(lookup("图书馆馆馆").is_none());
    }

    #[test]
    fn phrase_readings() {
        let r: Vec<String> = lookup("银行")
            .unwrap()
            .reading()
            .unwrap()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(r, ["yin2", "hang2"]);
    }
}
