//! Compiles the plain-text tables in `data/` into static Rust data (see `src/tables.rs`).
//!
//! * `data/braille/*.tsv` → small arrays and `phf` maps (`braille_tables.rs`).
//! * per-character readings (the `pinyin` crate's pinyin-data, reordered by
//!   `data/readings/char-order.tsv`) → dense blocks of syllable codes (`char_readings.rs`).
//! * `data/lexicon/words.tsv` → one byte blob holding a hash table of words and their prefixes,
//!   frequencies, POS tags and readings (`lexicon.bin`), read without parsing at start-up.

use std::collections::{BTreeMap, HashMap};
use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/syllable.rs"]
mod syllable;

use syllable::{Final, Initial, Syllable};

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    let data = manifest.join("data");
    println!("cargo:rerun-if-changed=src/syllable.rs");
    println!("cargo:rerun-if-changed=build.rs");

    let mut code = String::new();
    braille_tables(&data.join("braille"), &mut code);
    fs::write(out.join("braille_tables.rs"), code).unwrap();

    let mut code = String::new();
    measure_words(&data.join("readings/measure-words.tsv"), &mut code);
    fs::write(out.join("measure_words.rs"), code).unwrap();

    let order = read_char_order(&data.join("readings/char-order.tsv"));
    let mut code = String::new();
    char_readings(&order, &mut code);
    fs::write(out.join("char_readings.rs"), code).unwrap();

    let blob = lexicon_blob(&data.join("lexicon/words.tsv"));
    fs::write(out.join("lexicon.bin"), blob).unwrap();
}

/// Reads a TSV file: skips comment lines (starting with "# ") and blank lines, splits on tabs.
fn rows(path: &Path) -> Vec<Vec<String>> {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("# "))
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

/// "145" → bit mask (dot 1 = bit 0 … dot 8 = bit 7); "0" → blank.
fn dots(spec: &str) -> u8 {
    spec.chars().fold(0u8, |mask, d| match d {
        '0' => mask,
        '1'..='8' => mask | 1 << (d as u8 - b'1'),
        _ => panic!("bad dot number {spec:?}"),
    })
}

/// "5/23" → [0b10000, 0b110]
fn cells(spec: &str) -> Vec<u8> {
    spec.split('/').map(dots).collect()
}

fn bytes_literal(cells: &[u8]) -> String {
    let items: Vec<String> = cells.iter().map(|c| format!("0x{c:02x}")).collect();
    format!("&[{}]", items.join(", "))
}

fn braille_tables(dir: &Path, code: &mut String) {
    let initials: HashMap<String, u8> = rows(&dir.join("initials.tsv"))
        .into_iter()
        .map(|r| (r[0].clone(), dots(&r[1])))
        .collect();
    let initial_cells: Vec<String> = Initial::ALL
        .iter()
        .map(|i| format!("0x{:02x}", initials[i.as_str()]))
        .collect();
    writeln!(code, "/// Cell of each initial, in `Initial::ALL` order.").unwrap();
    writeln!(
        code,
        "pub static INITIAL_CELLS: [u8; 21] = [{}];",
        initial_cells.join(", ")
    )
    .unwrap();

    let finals: HashMap<String, u8> = rows(&dir.join("finals.tsv"))
        .into_iter()
        .map(|r| (r[0].clone(), dots(&r[1])))
        .collect();
    let final_cells: Vec<String> = Final::ALL
        .iter()
        .map(|f| {
            format!(
                "0x{:02x}",
                finals
                    .get(f.name())
                    .unwrap_or_else(|| panic!("no cell for final {}", f.name()))
            )
        })
        .collect();
    writeln!(
        code,
        "/// Cell of each final, in `Final::ALL` order (0 = not written)."
    )
    .unwrap();
    writeln!(
        code,
        "pub static FINAL_CELLS: [u8; {}] = [{}];",
        final_cells.len(),
        final_cells.join(", ")
    )
    .unwrap();

    let tones: HashMap<String, u8> = rows(&dir.join("tones.tsv"))
        .into_iter()
        .map(|r| (r[0].clone(), dots(&r[1])))
        .collect();
    let tone_cells: Vec<String> = (1..=4)
        .map(|t| format!("0x{:02x}", tones[&t.to_string()]))
        .collect();
    writeln!(code, "/// Cells of tones 1–4.").unwrap();
    writeln!(
        code,
        "pub static TONE_CELLS: [u8; 4] = [{}];",
        tone_cells.join(", ")
    )
    .unwrap();

    // Punctuation: mark → (cells, class)
    let mut map = phf_codegen::Map::new();
    let mut entries = Vec::new();
    for r in rows(&dir.join("punctuation.tsv")) {
        let class = match r[2].as_str() {
            "open" => "PunctClass::Open",
            "close" => "PunctClass::Close",
            "medial" => "PunctClass::Medial",
            "final" => "PunctClass::Final",
            "joiner" => "PunctClass::Joiner",
            "other" => "PunctClass::Other",
            c => panic!("unknown punctuation class {c}"),
        };
        entries.push((
            r[0].clone(),
            format!("({}, {class})", bytes_literal(&cells(&r[1]))),
        ));
    }
    for (k, v) in &entries {
        map.entry(k.as_str(), v.as_str());
    }
    writeln!(code, "/// Punctuation marks: cells and spacing class.").unwrap();
    writeln!(
        code,
        "pub static PUNCTUATION: phf::Map<&'static str, (&'static [u8], PunctClass)> = {};",
        map.build()
    )
    .unwrap();
    let longest = entries
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(1);
    writeln!(code, "pub const LONGEST_PUNCTUATION: usize = {longest};").unwrap();

    // Abbreviations: char → (syllable code, [national, before zero initial, current toned, current untoned])
    let mut map = phf_codegen::Map::new();
    let mut entries = Vec::new();
    for r in rows(&dir.join("abbreviations.tsv")) {
        let c = r[0].chars().next().unwrap();
        let s = Syllable::parse(&r[1]).unwrap();
        let forms: Vec<String> = r[2..6]
            .iter()
            .map(|f| {
                if f == "-" {
                    "&[]".to_string()
                } else {
                    bytes_literal(&cells(f))
                }
            })
            .collect();
        entries.push((c, format!("({}, [{}])", s.code(), forms.join(", "))));
    }
    for (k, v) in &entries {
        map.entry(*k, v.as_str());
    }
    writeln!(
        code,
        "/// Abbreviated characters: reading and their forms (empty = the plain syllable)."
    )
    .unwrap();
    writeln!(
        code,
        "pub static ABBREVIATIONS: phf::Map<char, (u16, [&'static [u8]; 4])> = {};",
        map.build()
    )
    .unwrap();

    // Tone retention (10.2.8): word → syllable codes
    let mut map = phf_codegen::Map::new();
    let mut entries = Vec::new();
    for r in rows(&dir.join("tone-retention.tsv")) {
        let codes: Vec<String> = r[1]
            .split(' ')
            .map(|p| Syllable::parse(p).unwrap().code().to_string())
            .collect();
        entries.push((r[0].clone(), format!("&[{}]", codes.join(", "))));
    }
    for (k, v) in &entries {
        map.entry(k.as_str(), v.as_str());
    }
    writeln!(
        code,
        "/// Words whose syllables keep their tone cell (reported §10.2.8)."
    )
    .unwrap();
    writeln!(
        code,
        "pub static TONE_RETENTION: phf::Map<&'static str, &'static [u16]> = {};",
        map.build()
    )
    .unwrap();

    // BRF: cell → ASCII
    let mut brf = [0u8; 64];
    let mut seen = [false; 64];
    for r in rows(&dir.join("brf.tsv")) {
        let ascii = if r[0] == "sp" {
            b' '
        } else {
            r[0].as_bytes()[0]
        };
        let cell = dots(&r[1]);
        assert!(
            cell < 64 && !seen[cell as usize],
            "brf.tsv: cell {} twice",
            r[1]
        );
        seen[cell as usize] = true;
        brf[cell as usize] = ascii;
    }
    assert!(seen.iter().all(|s| *s), "brf.tsv must define all 64 cells");
    writeln!(
        code,
        "/// North American ASCII braille character of each 6-dot cell."
    )
    .unwrap();
    writeln!(code, "pub static BRF: [u8; 64] = {brf:?};").unwrap();
}

/// `measure-words.tsv`: char → syllable code of its measure-word reading.
fn measure_words(path: &Path, code: &mut String) {
    let mut map = phf_codegen::Map::new();
    let entries: Vec<(char, String)> = rows(path)
        .iter()
        .map(|r| {
            (
                r[0].chars().next().unwrap(),
                Syllable::parse(&r[1]).unwrap().code().to_string(),
            )
        })
        .collect();
    for (c, v) in &entries {
        map.entry(*c, v.as_str());
    }
    writeln!(code, "/// Measure-word readings used after a number.").unwrap();
    writeln!(
        code,
        "pub static MEASURE_WORDS: phf::Map<char, u16> = {};",
        map.build()
    )
    .unwrap();
}

/// `char-order.tsv`: char → readings, most frequent first (written by scripts/regen-data.py).
fn read_char_order(path: &Path) -> HashMap<char, Vec<Syllable>> {
    let mut order = HashMap::new();
    if !path.exists() {
        println!("cargo:rerun-if-changed={}", path.display());
        return order;
    }
    for r in rows(path) {
        let Some(c) = r[0].chars().next() else {
            continue;
        };
        let readings: Vec<Syllable> = r[1]
            .split(' ')
            .filter_map(|p| Syllable::parse(p).ok())
            .collect();
        order.insert(c, readings);
    }
    order
}

/// Per-character readings as blocks of 256 code points: the default reading's syllable code for
/// each character (0 = no reading) and, for polyphonic characters, all candidates.
fn char_readings(order: &HashMap<char, Vec<Syllable>>, code: &mut String) {
    use pinyin::ToPinyinMulti;
    const LAST: u32 = 0x323AF;
    let mut blocks: Vec<[u16; 256]> = Vec::new();
    let mut block_index = vec![u16::MAX; (LAST as usize >> 8) + 1];
    let mut candidates: BTreeMap<u32, Vec<u16>> = BTreeMap::new();
    let mut unparsed = 0;
    for cp in 0x2E80..=LAST {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let mut readings: Vec<Syllable> = Vec::new();
        if let Some(multi) = c.to_pinyin_multi() {
            for p in multi {
                match Syllable::parse(p.with_tone_num_end()) {
                    Ok(s) if !readings.contains(&s) => readings.push(s),
                    Ok(_) => {}
                    Err(_) => unparsed += 1,
                }
            }
        }
        if let Some(preferred) = order.get(&c) {
            // Frequent readings first, then the rest in pinyin-data order.
            let mut reordered: Vec<Syllable> = preferred.clone();
            reordered.extend(readings.iter().filter(|s| !preferred.contains(s)));
            readings = reordered;
        }
        if readings.is_empty() {
            continue;
        }
        let b = (cp >> 8) as usize;
        if block_index[b] == u16::MAX {
            block_index[b] = blocks.len() as u16;
            blocks.push([0; 256]);
        }
        blocks[block_index[b] as usize][(cp & 0xff) as usize] = readings[0].code();
        if readings.len() > 1 {
            candidates.insert(cp, readings.iter().map(Syllable::code).collect());
        }
    }
    if unparsed > 2 {
        // pinyin-data 0.15 has two readings outside Hanyu Pinyin (ê̄ ê̌ style); more means a data change.
        println!("cargo:warning=char readings: {unparsed} readings could not be parsed");
    }
    writeln!(
        code,
        "pub static READING_BLOCK_INDEX: [u16; {}] = {:?};",
        block_index.len(),
        block_index
    )
    .unwrap();
    writeln!(
        code,
        "pub static READING_BLOCKS: [[u16; 256]; {}] = [",
        blocks.len()
    )
    .unwrap();
    for b in &blocks {
        writeln!(code, "{b:?},").unwrap();
    }
    writeln!(code, "];").unwrap();
    // Candidates: sorted code points with offsets into one array of syllable codes.
    let mut keys = Vec::new();
    let mut offsets = Vec::new();
    let mut all: Vec<u16> = Vec::new();
    for (cp, list) in &candidates {
        keys.push(*cp);
        offsets.push(all.len() as u32);
        all.extend(list);
    }
    offsets.push(all.len() as u32);
    writeln!(
        code,
        "pub static CANDIDATE_CHARS: [u32; {}] = {:?};",
        keys.len(),
        keys
    )
    .unwrap();
    writeln!(
        code,
        "pub static CANDIDATE_OFFSETS: [u32; {}] = {:?};",
        offsets.len(),
        offsets
    )
    .unwrap();
    writeln!(
        code,
        "pub static CANDIDATE_CODES: [u16; {}] = {:?};",
        all.len(),
        all
    )
    .unwrap();
}

/// FNV-1a: the lexicon's hash (the same function is in `src/lexicon.rs`).
fn fnv1a(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in bytes {
        h ^= *b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

struct LexEntry {
    freq: u32,
    pos: u8,
    is_word: bool,
    reading: Vec<u16>,
}

/// Layout (all little-endian u32):
/// header: [magic, entry count, slot count (power of two), total frequency, max word chars,
///          pos-tag string length, strings offset, syllables offset, slots offset]
/// entries: 3 words each: key offset (24 bits) | key length (8); freq (24 bits) | pos id (8);
///          reading offset (24 bits) | reading length (5) | flags (3: bit0 word, bit1 has reading)
/// then the POS names ('\n'-separated), the key strings, the u16 syllable codes, the u32 slots
/// (entry index + 1, 0 = empty; linear probing).
fn lexicon_blob(path: &Path) -> Vec<u8> {
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
    let total: u64 = entries.values().map(|e| e.freq as u64).sum();
    let mut strings = Vec::new();
    let mut syllables: Vec<u16> = Vec::new();
    let mut records: Vec<u32> = Vec::new();
    let mut slots_needed = Vec::new();
    for (key, e) in &entries {
        assert!(key.len() < 256 && strings.len() < (1 << 24) && syllables.len() < (1 << 24));
        records.push((strings.len() as u32) | (key.len() as u32) << 24);
        records.push(e.freq | (e.pos as u32) << 24);
        let flags = e.is_word as u32 | ((!e.reading.is_empty()) as u32) << 1;
        records.push(syllables.len() as u32 | (e.reading.len() as u32) << 24 | flags << 29);
        strings.extend_from_slice(key.as_bytes());
        syllables.extend(&e.reading);
        slots_needed.push(fnv1a(key.as_bytes()));
    }
    let slot_count = (entries.len() * 2).next_power_of_two().max(1);
    let mut slots = vec![0u32; slot_count];
    for (i, h) in slots_needed.iter().enumerate() {
        let mut s = *h as usize & (slot_count - 1);
        while slots[s] != 0 {
            s = (s + 1) & (slot_count - 1);
        }
        slots[s] = i as u32 + 1;
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
        total.min(u32::MAX as u64) as u32,
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
    blob
}
