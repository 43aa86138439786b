//! The compiled lexicon: words with frequencies, POS tags and phrase readings, shared by
//! segmentation and reading (built by `build.rs` from `data/lexicon/words.tsv`). The words and
//! their prefixes form a trie; the segmenter walks down it one character at a time ([`Walk`]),
//! each step one probe of the block of the parent's children, with no string to hash or compare.

use std::num::NonZeroU64;

use crate::syllable::Syllable;
use crate::tables::{LEXICON, LEXICON_CHAR_BLOCKS, LEXICON_CHAR_BLOCK_INDEX, LEXICON_POS};

mod keys;
use keys::{child_start, follower_bit, pair_filter, pair_key};

/// A lexicon entry found by [`lookup_chars`], with what the segmenter asks of every entry: its
/// slot, so a step of the segmenter reads one slot of the blob. The slot is kept as it is (16
/// bytes, and `Option<Entry>` too) and its fields taken out when asked for: the segmenter keeps
/// an entry for every position of a run.
///
/// Slot: character (21 bits) | first slot of the children (21) | their number of slots (22);
/// value: phrase reading record + 1 (19 bits, 0 = none) | cost (21) | word | begins longer |
/// pos id (6) | signature of the following characters (16). All that the segmenter, the spacing
/// rules and the reading stage ask of an entry but its phrase reading is here, so that most
/// words read nothing more of the blob.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    key: u64,
    value: NonZeroU64,
}

/// A block of slots: the first and the length.
type Block = (u32, u32);

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

fn u64_at(offset: usize) -> u64 {
    let bytes: [u8; 8] = LEXICON[offset..offset + 8].try_into().unwrap_or([0; 8]);
    u64::from_le_bytes(bytes)
}

/// Whether the two-character key `a` `c` may be in the lexicon (false: it is not).
fn may_be_pair(a: char, c: char) -> bool {
    let (word, bits) = pair_filter(pair_key(a, c));
    u64_at(header(8) as usize + word * 8) & bits == bits
}

/// The entry one character below the entry whose children are `children`: one step down the
/// trie, in the children's own block (so the children of a frequent key stay in the caches).
#[inline]
fn child((first, len): Block, c: char) -> Option<Entry> {
    if len == 0 {
        return None;
    }
    let slots = header(7) as usize + first as usize * 16;
    let mut s = child_start(c, len);
    loop {
        let at = slots + s * 16;
        let value = NonZeroU64::new(u64_at(at + 8))?;
        let key = u64_at(at);
        if key & 0x1f_ffff == c as u64 {
            return Some(Entry { key, value });
        }
        s += 1;
        if s == len as usize {
            s = 0;
        }
    }
}

/// Looks up a word or a prefix of a word.
#[cfg(test)]
pub fn lookup(key: &str) -> Option<Entry> {
    let mut walk = Walk::new();
    key.chars().map(|c| walk.push(c)).last().flatten()
}

/// Looks up the word spelled by `chars`.
#[inline]
pub fn lookup_chars(chars: &[char]) -> Option<Entry> {
    let mut walk = Walk::new();
    chars.iter().map(|&c| walk.push(c)).last().flatten()
}

/// A walk down the lexicon along a text, one character at a time: the segmenter and the reading
/// stage look up every prefix of the text at a position, each one step below the last.
#[derive(Clone, Debug)]
pub struct Walk {
    /// The entry of the key so far, or `None` once the key left the lexicon (ignored at the
    /// start: the root's children are in the dense table).
    at: Option<Entry>,
    /// The length of the key so far, in characters.
    len: usize,
    /// The first character of the key (for the filter of two-character keys).
    first: char,
}

impl Walk {
    /// A walk at the empty key.
    pub fn new() -> Walk {
        Walk {
            at: None,
            len: 0,
            first: '\0',
        }
    }

    /// Back to the empty key.
    pub fn reset(&mut self) {
        self.len = 0;
    }

    /// Extends the key by `c` and looks it up: the entry of the key so far, if the lexicon has it
    /// as a word or as the prefix of one. Inlined: the segmenter's inner loop calls it.
    #[inline(always)]
    pub fn push(&mut self, c: char) -> Option<Entry> {
        let entry = if self.len == 0 {
            self.first = c;
            char_entry(c)
        } else {
            let at = self.at?;
            // A character outside the signature follows no key, and a pair outside the filter
            // is no key: no need to look.
            if at.followers() & follower_bit(c) == 0
                || (self.len == 1 && !may_be_pair(self.first, c))
            {
                None
            } else {
                child(at.children(), c)
            }
        };
        self.len += 1;
        self.at = entry;
        entry
    }
}

/// The entry of a single character, found by code point in a dense table (the table covers every
/// character that begins a key).
#[inline]
pub fn char_entry(c: char) -> Option<Entry> {
    let &block = LEXICON_CHAR_BLOCK_INDEX.get(c as usize >> 8)?;
    let [key, value] = LEXICON_CHAR_BLOCKS.get(block as usize)?[c as usize & 0xff];
    Some(Entry {
        key,
        value: NonZeroU64::new(value)?,
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
    /// The block of the entry's children.
    #[inline]
    fn children(self) -> Block {
        ((self.key >> 21 & 0x1f_ffff) as u32, (self.key >> 42) as u32)
    }

    /// The signature of the characters that follow the key in longer keys ([`follower_bit`]).
    #[inline]
    fn followers(self) -> u16 {
        (self.value.get() >> 48) as u16
    }

    /// Whether this is a word (and not only the prefix of one).
    #[inline]
    pub fn is_word(&self) -> bool {
        self.value.get() >> 40 & 1 != 0
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
    #[inline]
    pub fn begins_longer(&self) -> bool {
        self.value.get() >> 41 & 1 != 0
    }

    /// The word's cost for segmentation: −ln(frequency / total) × 2^16, from the frequencies of
    /// `data/lexicon/words.tsv` (lower is more frequent).
    #[inline]
    pub fn cost(&self) -> u32 {
        (self.value.get() >> 19 & 0x1f_ffff) as u32
    }

    /// The part-of-speech tag (jieba's tag set), or "" when none is known.
    pub fn pos(&self) -> &'static str {
        LEXICON_POS
            .get((self.value.get() >> 42 & 0x3f) as usize)
            .copied()
            .unwrap_or("")
    }

    /// The number of syllables of the phrase reading, if the lexicon has one.
    pub fn reading_len(self) -> Option<usize> {
        self.reading().map(|r| r.count())
    }

    /// The phrase reading, one syllable per character, if the lexicon has one.
    pub fn reading(self) -> Option<impl Iterator<Item = Syllable>> {
        Some(
            reading_codes((self.value.get() & 0x7_ffff) as u32)?
                .filter_map(Syllable::from_table_code),
        )
    }
}

/// The syllable codes of the phrase reading record `reading` − 1 (0: none), if there is one.
#[inline]
fn reading_codes(reading: u32) -> Option<impl Iterator<Item = u16>> {
    let r = word_at((HEADER_WORDS + reading.checked_sub(1)? as usize) * 4);
    let off = header(6) as usize + (r & 0xff_ffff) as usize * 2;
    let len = (r >> 24 & 0x1f) as usize;
    Some((0..len).map(move |k| {
        let p = off + k * 2;
        u16::from_le_bytes([LEXICON[p], LEXICON[p + 1]])
    }))
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

    /// `Entry::reading` decodes without the validity check: every code of every phrase reading
    /// must be valid.
    #[test]
    fn every_phrase_reading_is_valid() {
        for record in 1..=header(2) {
            for code in reading_codes(record).into_iter().flatten() {
                assert!(
                    Syllable::from_code(code).is_some(),
                    "record {record}: code {code}"
                );
            }
        }
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
