//! The compiled lexicon: words with frequencies, POS tags and phrase readings, shared by
//! segmentation and reading (built by `build.rs` from `data/lexicon/words.tsv`).

use crate::syllable::Syllable;
use crate::tables::{LEXICON, LEXICON_CHAR_BLOCKS, LEXICON_CHAR_BLOCK_INDEX, LEXICON_POS};

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

/// The lexicon's hash: FNV-1a over the key's UTF-8 bytes, the same function as in
/// `build/lexicon.rs`. It is incremental: [`Hash::push`] extends the key by one character.
#[derive(Clone, Copy, Debug)]
pub struct Hash(u32);

impl Hash {
    /// The hash of the empty key.
    pub fn new() -> Hash {
        Hash(0x811c_9dc5)
    }

    /// The hash of `bytes`.
    pub fn of(bytes: &[u8]) -> Hash {
        let mut h = Hash::new();
        h.push_bytes(bytes);
        h
    }

    fn push_bytes(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= *b as u32;
            self.0 = self.0.wrapping_mul(0x0100_0193);
        }
    }
}

/// Looks up a word or a prefix of a word.
pub fn lookup(key: &str) -> Option<Entry> {
    lookup_hashed(Hash::of(key.as_bytes()), key.as_bytes())
}

/// Looks up the word spelled by `chars`, without allocating (the key is encoded on the stack).
pub fn lookup_chars(chars: &[char]) -> Option<Entry> {
    if let [c] = chars {
        return char_entry(*c);
    }
    let mut walk = Walk::new();
    chars.iter().map(|&c| walk.push(c)).last().flatten()
}

/// Looks up `key` whose hash is already known.
fn lookup_hashed(hash: Hash, key: &[u8]) -> Option<Entry> {
    let slot_count = header(2) as usize;
    if slot_count == 0 {
        return None;
    }
    let strings = header(6) as usize;
    let slots = header(8) as usize;
    let tag = hash.0 >> 20;
    let mut s = hash.0 as usize & (slot_count - 1);
    loop {
        let slot = word_at(slots + s * 4);
        if slot == 0 {
            return None;
        }
        if slot >> 20 == tag {
            let e = (slot & 0xf_ffff) as usize - 1;
            let r = record(e, 0) as usize;
            let (off, len) = (r & 0xff_ffff, r >> 24);
            if &LEXICON[strings + off..strings + off + len] == key {
                return Some(Entry { record: e });
            }
        }
        s = (s + 1) & (slot_count - 1);
    }
}

/// The longest key in bytes: the build stores key lengths in 8 bits.
const LONGEST_KEY: usize = 255;

/// A walk down the lexicon along a text, one character at a time: the segmenter and the reading
/// stage look up every prefix of the text at a position, and the walk hashes each character once
/// and keeps the key on the stack (no allocation per look-up).
#[derive(Clone, Debug)]
pub struct Walk {
    hash: Hash,
    key: [u8; LONGEST_KEY + 4],
    len: usize,
    chars: usize,
}

impl Walk {
    /// A walk at the empty key.
    pub fn new() -> Walk {
        Walk {
            hash: Hash::new(),
            key: [0; LONGEST_KEY + 4],
            len: 0,
            chars: 0,
        }
    }

    /// Back to the empty key.
    pub fn reset(&mut self) {
        self.hash = Hash::new();
        self.len = 0;
        self.chars = 0;
    }

    /// Extends the key by `c` and looks it up: the entry of the key so far, if the lexicon has it
    /// as a word or as the prefix of one.
    pub fn push(&mut self, c: char) -> Option<Entry> {
        self.chars += 1;
        if self.len > LONGEST_KEY {
            return None;
        }
        let n = c.encode_utf8(&mut self.key[self.len..]).len();
        self.hash.push_bytes(&self.key[self.len..self.len + n]);
        self.len += n;
        if self.chars == 1 {
            char_entry(c)
        } else if self.len > LONGEST_KEY {
            None
        } else {
            lookup_hashed(self.hash, &self.key[..self.len])
        }
    }
}

/// The entry of a single character, found by code point without hashing (the dense table covers
/// every Han character; a character beyond it is hashed).
pub fn char_entry(c: char) -> Option<Entry> {
    let Some(&block) = LEXICON_CHAR_BLOCK_INDEX.get(c as usize >> 8) else {
        return lookup(c.encode_utf8(&mut [0; 4]));
    };
    let index = LEXICON_CHAR_BLOCKS.get(block as usize)?[c as usize & 0xff];
    (index != 0).then(|| Entry {
        record: index as usize - 1,
    })
}

/// The cost (−ln probability × 2^16) of a character the lexicon does not know.
pub fn unknown_cost() -> u32 {
    header(3)
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

    /// The word's frequency in the source corpus, recovered from its cost (exact to rounding for
    /// the integer frequencies of `data/lexicon/words.tsv`; 0 for a prefix only).
    pub fn frequency(&self) -> u32 {
        if !self.is_word() {
            return 0;
        }
        let log = (unknown_cost() as f64 - self.cost() as f64) / 65536.0;
        log.exp().round() as u32
    }

    /// Whether a longer word begins with this key.
    pub fn begins_longer(&self) -> bool {
        record(self.record, 2) >> 31 & 1 == 1
    }

    /// The word's cost for segmentation: −ln(frequency / total) × 2^16, from the frequencies of
    /// `data/lexicon/words.tsv` (lower is more frequent).
    pub fn cost(&self) -> u32 {
        record(self.record, 1) & 0xff_ffff
    }

    /// The part-of-speech tag (jieba's tag set), or "" when none is known.
    pub fn pos(&self) -> &'static str {
        LEXICON_POS
            .get((record(self.record, 1) >> 24) as usize)
            .copied()
            .unwrap_or("")
    }

    /// The number of syllables of the phrase reading, if the lexicon has one.
    pub fn reading_len(self) -> Option<usize> {
        self.reading().map(|r| r.count())
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
        assert!(w.cost() < unknown_cost());
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
