//! `data/lexicon/words.tsv` (with the curated readings of `data/readings/neutral.tsv`) → the
//! lexicon blob.

use std::collections::BTreeMap;
use std::path::Path;

use crate::syllable::Syllable;
use crate::tsv::rows;

/// FNV-1a: the lexicon's hash (the same function is in `src/lexicon.rs`).
fn fnv1a(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in bytes {
        h ^= *b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

const MAX_COST: u32 = (1 << 24) - 1;

struct LexEntry {
    freq: u32,
    pos: u8,
    is_word: bool,
    reading: Vec<u16>,
}

/// Fixed-point scale of the word costs: cost = −ln(frequency / total) × 2^16.
const COST_SCALE: f64 = 65536.0;

/// Layout (all little-endian u32):
/// header: [magic, entry count, slot count (power of two), cost of an unknown character,
///          max word chars, pos-tag string length, strings offset, syllables offset, slots offset]
/// entries: 3 words each: key offset (24 bits) | key length (8); cost (24 bits) | pos id (8);
///          reading offset (24 bits) | reading length (5) | flags (3: bit0 word, bit1 has reading,
///          bit2 begins a longer key)
/// then the POS names ('\n'-separated), the key strings, the u16 syllable codes, the u32 slots
/// (0 = empty, else entry index + 1 in the low 20 bits and 12 more bits of the key's hash, so
/// most probes that miss need no string comparison; linear probing).
/// The blob, the POS tag names indexed by the ids stored in it, and Rust source for the dense
/// single-character index (entry index + 1 per code point, 0 = none).
pub fn blob(path: &Path, overrides: &Path) -> (Vec<u8>, Vec<String>, String) {
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
    // Curated readings (data/readings/neutral.tsv) replace the phrase reading; a word missing from
    // the lexicon is added with the default frequency of phrase-only words (3).
    for r in rows(overrides) {
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
    let mut strings = Vec::new();
    let mut syllables: Vec<u16> = Vec::new();
    let mut records: Vec<u32> = Vec::new();
    let mut slots_needed = Vec::new();
    // Single characters are also found through a dense table by code point (blocks of 256).
    let mut char_blocks: Vec<[u32; 256]> = Vec::new();
    let mut char_block_index = vec![u16::MAX; 0x324];
    for (index, ((key, e), prefix)) in entries.iter().zip(&is_prefix).enumerate() {
        let mut chars = key.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            let b = c as usize >> 8;
            if b < char_block_index.len() {
                if char_block_index[b] == u16::MAX {
                    char_block_index[b] = char_blocks.len() as u16;
                    char_blocks.push([0; 256]);
                }
                char_blocks[char_block_index[b] as usize][c as usize & 0xff] = index as u32 + 1;
            }
        }
        let _ = (e, prefix);
    }
    for ((key, e), prefix) in entries.iter().zip(&is_prefix) {
        assert!(key.len() < 256 && strings.len() < (1 << 24) && syllables.len() < (1 << 24));
        records.push((strings.len() as u32) | (key.len() as u32) << 24);
        let cost = ((total as f64).ln() - (e.freq.max(1) as f64).ln()) * COST_SCALE;
        records.push((cost.round() as u32).min(MAX_COST) | (e.pos as u32) << 24);
        let flags =
            e.is_word as u32 | ((!e.reading.is_empty()) as u32) << 1 | (*prefix as u32) << 2;
        records.push(syllables.len() as u32 | (e.reading.len() as u32) << 24 | flags << 29);
        strings.extend_from_slice(key.as_bytes());
        syllables.extend(&e.reading);
        slots_needed.push(fnv1a(key.as_bytes()));
    }
    assert!(
        entries.len() < (1 << 20) - 1,
        "slot layout holds up to 2^20 entries"
    );
    let slot_count = (entries.len() * 2).next_power_of_two().max(1);
    let mut slots = vec![0u32; slot_count];
    for (i, h) in slots_needed.iter().enumerate() {
        let mut s = *h as usize & (slot_count - 1);
        while slots[s] != 0 {
            s = (s + 1) & (slot_count - 1);
        }
        slots[s] = (i as u32 + 1) | (h >> 20) << 20;
    }
    let pos_text = pos_names.join("\n");
    let header_words = 9;
    let entries_off = header_words * 4;
    let pos_off = entries_off + records.len() * 4;
    let strings_off = pos_off + pos_text.len();
    let syll_off = strings_off + strings.len();
    let slots_off = (syll_off + syllables.len() * 2 + 3) & !3;
    let mut blob = Vec::with_capacity(slots_off + slots.len() * 4);
    for w in [
        0x544c_4558u32,
        entries.len() as u32,
        slot_count as u32,
        (((total as f64).ln() * COST_SCALE).round() as u32).min(MAX_COST),
        max_chars as u32,
        pos_text.len() as u32,
        strings_off as u32,
        syll_off as u32,
        slots_off as u32,
    ] {
        blob.extend_from_slice(&w.to_le_bytes());
    }
    for r in &records {
        blob.extend_from_slice(&r.to_le_bytes());
    }
    blob.extend_from_slice(pos_text.as_bytes());
    blob.extend_from_slice(&strings);
    for s in &syllables {
        blob.extend_from_slice(&s.to_le_bytes());
    }
    blob.resize(slots_off, 0);
    for s in &slots {
        blob.extend_from_slice(&s.to_le_bytes());
    }
    let mut chars_code = String::new();
    chars_code.push_str(&format!(
        "/// Block of each 256 code points in `LEXICON_CHAR_BLOCKS` (u16::MAX = none).\npub static LEXICON_CHAR_BLOCK_INDEX: [u16; {}] = {:?};\n",
        char_block_index.len(),
        char_block_index
    ));
    chars_code.push_str(&format!(
        "/// Lexicon entry index + 1 of every single character (0 = none).\npub static LEXICON_CHAR_BLOCKS: [[u32; 256]; {}] = [\n",
        char_blocks.len()
    ));
    for b in &char_blocks {
        chars_code.push_str(&format!("{b:?},\n"));
    }
    chars_code.push_str("];\n");
    (blob, pos_names, chars_code)
}
