//! `data/lexicon/words.tsv` (with the curated readings of `data/readings/neutral.tsv` and
//! `phrase-corrections.tsv`) → the
//! lexicon blob.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::lexicon_keys::{child_start, follower_bit, pair_filter, pair_key};
use crate::syllable::Syllable;
use crate::tsv::rows;

/// Words of the filter of two-character keys (a power of two: 256 KB, small enough to stay in
/// the cache; `lexicon_keys::pair_filter` picks a word with 15 bits).
const PAIR_FILTER_WORDS: usize = 1 << 15;

/// Costs are 21 bits of the slot value: the cost of an unknown character, the highest, is
/// ln(total frequency) × 2^16, under 2^21 while the total is under e^32.
const MAX_COST: u32 = (1 << 21) - 1;

struct LexEntry {
    freq: u32,
    pos: u8,
    is_word: bool,
    reading: Vec<u16>,
}

/// Fixed-point scale of the word costs: cost = −ln(frequency / total) × 2^16.
const COST_SCALE: f64 = 65536.0;

/// Layout (all little-endian):
/// header (u32): [magic, entry count, count of phrase readings, cost of an unknown character,
///          max word chars, pos-tag string length, syllables offset, slots offset,
///          pair filter offset]
/// reading records (one u32 per word with a phrase reading, by descending frequency, so that
///          the frequent words' records share cache lines): syllable offset (24 bits) | length (5)
/// then the POS names ('\n'-separated), the u16 syllable codes, and the slots: the lexicon as a
/// trie (every proper prefix of a word is an entry), the children of each entry in a block of
/// its own, a hash table of 16-byte slots with linear probing inside the block (position by
/// `child_start` of the character; about two thirds full, with one empty slot at least).
/// A slot: u64 character (21 bits) | first slot of the entry's children block << 21 (21) |
/// its length << 42 (22); u64 value (0 = empty, else phrase reading record + 1 (19 bits, 0 =
/// none) | cost << 19 (21) | word << 40 | begins a longer key << 41 | pos id << 42 (6) |
/// signature of the next characters of longer keys << 48 (16)).
/// Single characters have their slot in a dense table by code point instead (Rust source), the
/// root of the trie. The blocks are laid out by descending frequency mass of their entry (the
/// frequencies of the words it begins), so the children of frequent keys share pages and cache
/// lines, and the children inside a block are placed most frequent first.
/// Then the filter of two-character keys (`PAIR_FILTER_WORDS` u64, see `pair_filter`). A step
/// down the trie reads one slot, which holds all that the segmenter needs; the character is
/// compared exactly, so there are no false hits.
/// Returns the blob, the POS tag names indexed by the ids stored in it, and Rust source for the
/// dense single-character table.
pub fn blob(path: &Path, overrides: &[&Path]) -> (Vec<u8>, Vec<String>, String) {
    let mut entries: BTreeMap<String, LexEntry> = BTreeMap::new();
    let mut pos_names: Vec<String> = vec![String::new()];
    let mut bad_readings = 0;
    for r in rows(path) {
        let word = r[0].clone();
        let freq: u32 = r
            .get(1)
            .and_then(|f| f.parse().ok())
            .unwrap_or(1)
            .min((1 << 24) - 1);
        let pos_name = r.get(2).cloned().unwrap_or_default();
        let pos = match pos_names.iter().position(|p| *p == pos_name) {
            Some(p) => p,
            None => {
                pos_names.push(pos_name);
                pos_names.len() - 1
            }
        } as u8;
        let mut reading = Vec::new();
        if let Some(p) = r.get(3).filter(|p| !p.is_empty()) {
            let parsed: Result<Vec<u16>, _> = p
                .split(' ')
                .map(|s| Syllable::parse(s).map(|s| s.code()))
                .collect();
            match parsed {
                Ok(codes) if codes.len() == word.chars().count() => reading = codes,
                _ => bad_readings += 1,
            }
        }
        entries.insert(
            word,
            LexEntry {
                freq,
                pos,
                is_word: true,
                reading,
            },
        );
    }
    // Curated readings (data/readings/neutral.tsv, phrase-corrections.tsv) replace the phrase
    // reading; a word missing from the lexicon is added with the default frequency of phrase-only
    // words (3).
    for (overrides, r) in overrides
        .iter()
        .flat_map(|p| rows(p).into_iter().map(move |r| (p, r)))
    {
        let word = r[0].clone();
        let reading: Vec<u16> = r[1]
            .split(' ')
            .map(|s| {
                Syllable::parse(s)
                    .unwrap_or_else(|_| panic!("{}: bad syllable {s:?}", overrides.display()))
                    .code()
            })
            .collect();
        assert_eq!(
            reading.len(),
            word.chars().count(),
            "{}: {word}",
            overrides.display()
        );
        entries
            .entry(word)
            .or_insert(LexEntry {
                freq: 3,
                pos: 0,
                is_word: true,
                reading: Vec::new(),
            })
            .reading = reading;
    }
    if bad_readings > 0 {
        println!("cargo:warning=lexicon: {bad_readings} readings ignored (not one valid syllable per character)");
    }
    // Every proper prefix of a word is in the table, so the segmenter knows when to stop looking.
    let words: Vec<String> = entries.keys().cloned().collect();
    let mut max_chars = 1;
    for w in &words {
        let ends: Vec<usize> = w.char_indices().map(|(i, _)| i).skip(1).collect();
        max_chars = max_chars.max(w.chars().count());
        for e in ends {
            entries.entry(w[..e].to_string()).or_insert(LexEntry {
                freq: 0,
                pos: 0,
                is_word: false,
                reading: Vec::new(),
            });
        }
    }
    let keys: Vec<&str> = entries.keys().map(|k| k.as_str()).collect();
    let index_of: HashMap<&str, usize> = keys.iter().enumerate().map(|(i, &k)| (k, i)).collect();
    let parent_of = |k: &str| {
        let last = k.chars().next_back().expect("no empty keys");
        let p = &k[..k.len() - last.len_utf8()];
        (!p.is_empty()).then(|| index_of[p])
    };
    // The children of every entry; how often the segmenter is likely to step through an entry:
    // the frequencies of the words that begin with its key.
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); keys.len()];
    let mut mass = vec![0u64; keys.len()];
    for (i, (k, e)) in entries.iter().enumerate() {
        if let Some(p) = parent_of(k) {
            children[p].push(i);
        }
        if e.is_word {
            for (end, c) in k.char_indices() {
                mass[index_of[&k[..end + c.len_utf8()]]] += e.freq as u64;
            }
        }
    }
    let total: u64 = entries.values().map(|e| e.freq as u64).sum();
    assert!(
        (total as f64).ln() * COST_SCALE < MAX_COST as f64,
        "the slot value holds a cost in 21 bits"
    );
    assert!(
        pos_names.len() <= 64,
        "the slot value holds a pos id in 6 bits"
    );
    // Phrase readings, the most frequent words first.
    let mut with_reading: Vec<usize> = (0..keys.len())
        .filter(|&i| !entries[keys[i]].reading.is_empty())
        .collect();
    with_reading.sort_by_key(|&i| std::cmp::Reverse(entries[keys[i]].freq));
    assert!(
        with_reading.len() < 1 << 19,
        "the slot value holds a reading record + 1 in 19 bits"
    );
    let mut syllables: Vec<u16> = Vec::new();
    let mut records: Vec<u32> = Vec::new();
    let mut reading_of = vec![0u64; keys.len()];
    for (r, &i) in with_reading.iter().enumerate() {
        let reading = &entries[keys[i]].reading;
        assert!(syllables.len() < (1 << 24));
        records.push(syllables.len() as u32 | (reading.len() as u32) << 24);
        syllables.extend(reading);
        reading_of[i] = r as u64 + 1;
    }
    // The blocks, by descending mass of their entry (stable: key order among equals).
    let mut parents: Vec<usize> = (0..keys.len())
        .filter(|&i| !children[i].is_empty())
        .collect();
    parents.sort_by_key(|&i| std::cmp::Reverse(mass[i]));
    let mut block = vec![(0u64, 0u64); keys.len()];
    let mut slot_count = 0;
    for &p in &parents {
        let k = children[p].len();
        let len = (k * 3 / 2).max(k + 1);
        block[p] = (slot_count as u64, len as u64);
        slot_count += len;
    }
    assert!(
        slot_count < 1 << 21,
        "a slot holds the first slot of a block in 21 bits"
    );
    // Every entry's slot: its character and children block, and its value.
    let slot_of = |i: usize| {
        let (key, e) = (keys[i], &entries[keys[i]]);
        let last = key.chars().next_back().expect("no empty keys");
        let cost = ((total as f64).ln() - (e.freq.max(1) as f64).ln()) * COST_SCALE;
        let cost = (cost.round() as u32).min(MAX_COST);
        let (first, len) = block[i];
        assert!(
            len < 1 << 22,
            "a slot holds the length of a block in 22 bits"
        );
        let followers = children[i].iter().fold(0u16, |f, &c| {
            f | follower_bit(keys[c].chars().next_back().unwrap())
        });
        let value = reading_of[i]
            | (cost as u64) << 19
            | (e.is_word as u64) << 40
            | (!children[i].is_empty() as u64) << 41
            | (e.pos as u64) << 42
            | (followers as u64) << 48;
        (last as u64 | first << 21 | len << 42, value)
    };
    let mut slots = vec![(0u64, 0u64); slot_count];
    for &p in &parents {
        let (first, len) = (block[p].0 as usize, block[p].1 as usize);
        let mut kids = children[p].clone();
        kids.sort_by_key(|&c| std::cmp::Reverse(mass[c]));
        for c in kids {
            let (key, value) = slot_of(c);
            let ch = char::from_u32((key & 0x1f_ffff) as u32).unwrap();
            let mut s = child_start(ch, len as u32);
            while slots[first + s].1 != 0 {
                s = (s + 1) % len;
            }
            slots[first + s] = (key, value);
        }
    }
    // Two-character keys: a filter (no false negatives, a few per cent false positives) settles
    // most second steps of the segmenter that find nothing, without reading the slots.
    let mut pair_words = vec![0u64; PAIR_FILTER_WORDS];
    // Single characters are found through a dense table by code point (blocks of 256): the
    // segmenter reads one slot per character.
    let mut char_blocks: Vec<[[u64; 2]; 256]> = Vec::new();
    let mut char_block_index = vec![u16::MAX; 0x324];
    for (i, key) in keys.iter().enumerate() {
        let mut chars = key.chars();
        let first = chars.next().expect("no empty keys");
        match (chars.next(), chars.next()) {
            (None, _) => {
                let b = first as usize >> 8;
                assert!(b < char_block_index.len(), "{key}: beyond the dense table");
                if char_block_index[b] == u16::MAX {
                    char_block_index[b] = char_blocks.len() as u16;
                    char_blocks.push([[0; 2]; 256]);
                }
                let (k, v) = slot_of(i);
                char_blocks[char_block_index[b] as usize][first as usize & 0xff] = [k, v];
            }
            (Some(second), None) => {
                let (word, bits) = pair_filter(pair_key(first, second));
                pair_words[word] |= bits;
            }
            _ => {}
        }
    }
    let pos_text = pos_names.join("\n");
    let header_words = 9;
    let records_off = header_words * 4;
    let pos_off = records_off + records.len() * 4;
    let syll_off = pos_off + pos_text.len();
    let slots_off = (syll_off + syllables.len() * 2 + 7) & !7;
    let pairs_off = slots_off + slots.len() * 16;
    let mut blob = Vec::with_capacity(pairs_off + pair_words.len() * 8);
    for w in [
        0x544c_4558u32,
        keys.len() as u32,
        records.len() as u32,
        (((total as f64).ln() * COST_SCALE).round() as u32).min(MAX_COST),
        max_chars as u32,
        pos_text.len() as u32,
        syll_off as u32,
        slots_off as u32,
        pairs_off as u32,
    ] {
        blob.extend_from_slice(&w.to_le_bytes());
    }
    for r in &records {
        blob.extend_from_slice(&r.to_le_bytes());
    }
    blob.extend_from_slice(pos_text.as_bytes());
    for s in &syllables {
        blob.extend_from_slice(&s.to_le_bytes());
    }
    blob.resize(slots_off, 0);
    for (key, value) in &slots {
        blob.extend_from_slice(&key.to_le_bytes());
        blob.extend_from_slice(&value.to_le_bytes());
    }
    for w in &pair_words {
        blob.extend_from_slice(&w.to_le_bytes());
    }
    let mut chars_code = String::new();
    chars_code.push_str(&format!(
        "/// Block of each 256 code points in `LEXICON_CHAR_BLOCKS` (u16::MAX = none).\npub static LEXICON_CHAR_BLOCK_INDEX: [u16; {}] = {:?};\n",
        char_block_index.len(),
        char_block_index
    ));
    chars_code.push_str(&format!(
        "/// The slot (see `lexicon.rs`) of every single character (0 = none).\npub static LEXICON_CHAR_BLOCKS: [[[u64; 2]; 256]; {}] = [\n",
        char_blocks.len()
    ));
    for b in &char_blocks {
        chars_code.push_str(&format!("{b:?},\n"));
    }
    chars_code.push_str("];\n");
    (blob, pos_names, chars_code)
}
