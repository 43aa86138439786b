//! `data/lexicon/words.tsv` (with the curated readings of `data/readings/neutral.tsv` and
//! `phrase-corrections.tsv`) → the
//! lexicon blob.

use std::collections::BTreeMap;
use std::path::Path;

use crate::lexicon_keys::{edge_hash, edge_key, follower_bit, pair_filter, ROOT};
use crate::syllable::Syllable;
use crate::tsv::rows;

/// Words of the filter of two-character keys (a power of two: 256 KB, small enough to stay in
/// the cache; `lexicon_keys::pair_filter` picks a word with 15 bits).
const PAIR_FILTER_WORDS: usize = 1 << 15;

/// Costs are 21 bits of the edge value: the cost of an unknown character, the highest, is
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
/// header (u32): [magic, entry count, edge slot count, cost of an unknown character,
///          max word chars, pos-tag string length, syllables offset, edges offset,
///          pair filter offset, count of entries with a phrase reading]
/// Entries are numbered with those that have a phrase reading first (an entry has one if its
/// number is below their count), each part by descending frequency: the records of frequent
/// words share cache lines.
/// reading records (one u32 per entry with a phrase reading): reading offset (24 bits) |
///          reading length (5)
/// then the POS names ('\n'-separated), the u16 syllable codes, and the edge
/// table: the lexicon as a trie (every proper prefix of a word is an entry), one edge per entry
/// from the entry of its key without the last character (`ROOT` for single characters), in a
/// hash table of 16-byte slots with linear probing: u64 edge key (parent entry | character << 20),
/// u64 value (0 = empty, else entry index + 1 (19 bits) | cost << 19 (21) | word << 40 |
/// begins a longer key << 41 | pos id << 42 (6) | signature of the next characters of longer
/// keys << 48 (16)),
/// then the filter of two-character keys (`PAIR_FILTER_WORDS` u64, see `pair_filter`). A step down the trie reads one slot, which holds all that the
/// segmenter needs; the key is compared exactly (parent and character), so there are no false
/// hits.
/// The blob, the POS tag names indexed by the ids stored in it, and Rust source for the dense
/// single-character index (entry index + 1 per code point, 0 = none).
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
    // Keys that begin a longer key: the segmenter stops extending a key that is not one.
    let prefixes: std::collections::HashSet<&str> = words
        .iter()
        .flat_map(|w| w.char_indices().skip(1).map(move |(i, _)| &w[..i]))
        .collect();
    let is_prefix: Vec<bool> = entries
        .keys()
        .map(|k| prefixes.contains(k.as_str()))
        .collect();
    let total: u64 = entries.values().map(|e| e.freq as u64).sum();
    let mut syllables: Vec<u16> = Vec::new();
    let mut records: Vec<u32> = Vec::new();
    let mut edges: Vec<(u64, u64)> = Vec::new();
    // The entry numbering (stable: key order among equals).
    let mut order: Vec<(&String, &LexEntry, bool)> = entries
        .iter()
        .zip(&is_prefix)
        .map(|((k, e), &p)| (k, e, p))
        .collect();
    order.sort_by_key(|(_, e, _)| (e.reading.is_empty(), std::cmp::Reverse(e.freq)));
    let with_reading = order
        .iter()
        .filter(|(_, e, _)| !e.reading.is_empty())
        .count();
    let index_of: std::collections::HashMap<&str, u32> = order
        .iter()
        .enumerate()
        .map(|(i, (k, _, _))| (k.as_str(), i as u32))
        .collect();
    // Per entry: the signature of the characters that follow it in a longer key. More than half
    // of the segmenter's steps find nothing, and most of those are settled by the signature
    // without reading the edge table.
    let mut followers = vec![0u16; entries.len()];
    for key in entries.keys() {
        let last = key.chars().next_back().expect("no empty keys");
        if let Some(&parent) = index_of.get(&key[..key.len() - last.len_utf8()]) {
            followers[parent as usize] |= follower_bit(last);
        }
    }
    // Two-character keys: a filter (no false negatives, a few per cent false positives) settles
    // most second steps of the segmenter that find nothing, without reading the edge table.
    let mut pair_words = vec![0u64; PAIR_FILTER_WORDS];
    // Single characters are also found through a dense table by code point (blocks of 256),
    // holding the same value as their edge: the segmenter reads one word per character.
    let mut char_blocks: Vec<[u64; 256]> = Vec::new();
    let mut char_block_index = vec![u16::MAX; 0x324];
    for &(key, e, prefix) in &order {
        assert!(syllables.len() < (1 << 24));
        let cost = ((total as f64).ln() - (e.freq.max(1) as f64).ln()) * COST_SCALE;
        let cost = (cost.round() as u32).min(MAX_COST);
        if !e.reading.is_empty() {
            records.push(syllables.len() as u32 | (e.reading.len() as u32) << 24);
            syllables.extend(&e.reading);
        }
        let last = key.chars().next_back().expect("no empty keys");
        let parent = match &key[..key.len() - last.len_utf8()] {
            "" => ROOT,
            p => index_of[p],
        };
        // Entries are numbered in this order: this is entry number edges.len().
        let value = (edges.len() as u64 + 1)
            | (cost as u64) << 19
            | (e.is_word as u64) << 40
            | (prefix as u64) << 41
            | (e.pos as u64) << 42
            | (followers[edges.len()] as u64) << 48;
        edges.push((edge_key(parent, last), value));
        if parent != ROOT && key.chars().count() == 2 {
            let (word, bits) = pair_filter(edge_key(parent, last));
            pair_words[word] |= bits;
        }
        let b = last as usize >> 8;
        if parent == ROOT && b < char_block_index.len() {
            if char_block_index[b] == u16::MAX {
                char_block_index[b] = char_blocks.len() as u16;
                char_blocks.push([0; 256]);
            }
            char_blocks[char_block_index[b] as usize][last as usize & 0xff] = value;
        }
    }
    assert!(
        entries.len() < 1 << 19,
        "the edge value holds an entry index + 1 in 19 bits"
    );
    assert!(
        pos_names.len() <= 64,
        "the edge value holds a pos id in 6 bits"
    );
    assert!(
        (total as f64).ln() * COST_SCALE < MAX_COST as f64,
        "the edge value holds a cost in 21 bits"
    );
    // About two thirds full: most probes read one slot.
    let slot_count = (entries.len() * 3 / 2).max(1);
    let mut slots = vec![(0u64, 0u64); slot_count];
    for &(key, value) in &edges {
        let mut s = ((edge_hash(key) as u64 * slot_count as u64) >> 32) as usize;
        while slots[s].1 != 0 {
            s = (s + 1) % slot_count;
        }
        slots[s] = (key, value);
    }
    let pos_text = pos_names.join("\n");
    let header_words = 10;
    let entries_off = header_words * 4;
    let pos_off = entries_off + records.len() * 4;
    let syll_off = pos_off + pos_text.len();
    let slots_off = (syll_off + syllables.len() * 2 + 7) & !7;
    let pairs_off = slots_off + slots.len() * 16;
    let mut blob = Vec::with_capacity(pairs_off + pair_words.len() * 8);
    for w in [
        0x544c_4558u32,
        entries.len() as u32,
        slot_count as u32,
        (((total as f64).ln() * COST_SCALE).round() as u32).min(MAX_COST),
        max_chars as u32,
        pos_text.len() as u32,
        syll_off as u32,
        slots_off as u32,
        pairs_off as u32,
        with_reading as u32,
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
        "/// The edge value (see `lexicon.rs`) of every single character (0 = none).\npub static LEXICON_CHAR_BLOCKS: [[u64; 256]; {}] = [\n",
        char_blocks.len()
    ));
    for b in &char_blocks {
        chars_code.push_str(&format!("{b:?},\n"));
    }
    chars_code.push_str("];\n");
    (blob, pos_names, chars_code)
}
